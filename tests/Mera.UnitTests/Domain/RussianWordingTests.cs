using Mera.Core.Formatting;

namespace Mera.UnitTests.Domain;

/// <summary>Counts and people as Russian writes them (issue 21: headers, confirmations, journals).</summary>
public class RussianWordingTests
{
    [Theory]
    [InlineData(1, "1 школа")]
    [InlineData(3, "3 школы")]
    [InlineData(5, "5 школ")]
    [InlineData(11, "11 школ")]
    [InlineData(12, "12 школ")]
    [InlineData(16, "16 школ")]
    [InlineData(21, "21 школа")]
    [InlineData(22, "22 школы")]
    [InlineData(111, "111 школ")]
    [InlineData(0, "0 школ")]
    public void A_count_takes_the_form_its_number_needs(int n, string expected) =>
        Assert.Equal(expected, RussianFormat.Count(n, "школа", "школы", "школ"));

    [Theory]
    [InlineData("Смирнова Ольга Ивановна, отдел образования", "Смирнова О. И.")]
    [InlineData("Петров-Водкин Кузьма", "Петров-Водкин К.")]
    [InlineData("Глава администрации района", "Глава администрации района")]
    [InlineData("Администратор", "Администратор")]
    [InlineData(null, "")]
    public void A_person_is_surname_and_initials_when_the_name_is_a_name(string? full, string expected) =>
        Assert.Equal(expected, RussianFormat.PersonShort(full));
}

/// <summary>Short organisation names for tables and charts (issue 21): «СОШ № 1 г. Енисейск».</summary>
public class OrgShortNameTests
{
    [Theory]
    [InlineData("МБОУ «Средняя общеобразовательная школа № 1» г. Енисейск", "СОШ № 1 г. Енисейск")]
    [InlineData("МБОУ «Озерновская средняя общеобразовательная школа»", "Озерновская СОШ")]
    [InlineData("МБОУ «Майская основная общеобразовательная школа»", "Майская ООШ")]
    [InlineData("МАОУ «Гимназия № 5» г. Демонстрационный", "Гимназия № 5 г. Демонстрационный")]
    [InlineData("Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 3»", "СОШ № 3")]
    [InlineData("Енисейский муниципальный район", "Енисейский район")]
    [InlineData("Городской округ Демонстрационный", "Городской округ Демонстрационный")]
    [InlineData("МБОУ", "МБОУ")]
    public void A_full_name_is_shortened_as_officials_write_it(string full, string expected) =>
        Assert.Equal(expected, Mera.Core.Domain.OrgShortNames.Abbreviate(full));

    [Fact]
    public void The_registrys_short_name_wins() =>
        Assert.Equal("Школа № 1", Mera.Core.Domain.OrgShortNames.Of(new Mera.Core.Domain.OrgUnit { Code = "s1", Name = "МБОУ «СОШ № 1»", ShortName = " Школа № 1 " }));
}
