using Mera.Core.Features.Imports;
using Mera.Core.Reading;

namespace Mera.UnitTests.Imports;

public class HeaderMatchingTests
{
    [Theory]
    [InlineData("Препо-давате-\nлей зарегис-трирова-\nно", "Преподавателей зарегистрировано")]
    [InlineData("Уче-ников под-тверждено", "Учеников подтверждено")]
    [InlineData("Муни-ципали-тет**", "Муниципалитет")]
    [InlineData("Не подтвержден-ные ученики", "Не подтвержденные ученики")]
    [InlineData("Непод\u00ADтвержденные препо\u00ADдаватели", "Неподтверждённые преподаватели")]
    [InlineData("  УЧЕНИКОВ   ВСЕГО (количество учеников в Сферуме) ", "Учеников всего")]
    [InlineData("Активные ученики educont в текущем \nмесяц (воспользо-вались ЦОК \nне менее \n3 раз)", "Активные ученики educont в текущем месяц")]
    public void Seed_headers_match_their_clean_names(string header, string name) =>
        Assert.True(HeaderText.Matches(header, HeaderText.Normalize(name)));

    [Theory]
    [InlineData("Учителя, написавшие в групповых чатах минимум 10 сообщений за неделю", "Учителя, написавшие в групповых чатах минимум 3 сообщения за неделю")]
    [InlineData("Учеников зарегистрировано", "Учеников подтверждено")]
    [InlineData("", "Школа")]
    public void Different_columns_do_not_match(string header, string name) =>
        Assert.False(HeaderText.Matches(header, HeaderText.Normalize(name)));

    [Theory]
    [InlineData("Сергокалинский район", true)]
    [InlineData("МР «Сергокалинский район»", true)]
    [InlineData("сергокалинский муниципальный район", true)]
    [InlineData("", true)]
    [InlineData("Каякентский район", false)]
    [InlineData("Камский район", false)]
    [InlineData("Район", false)]
    public void Municipality_column_is_compared_by_significant_words(string cell, bool accepted)
    {
        var filter = MunicipalityFilter.FromNames(["Муниципальный район «Сергокалинский район»", "Нижнекамский муниципальный район"]);
        Assert.Equal(accepted, filter.Accepts(cell));
    }
}
