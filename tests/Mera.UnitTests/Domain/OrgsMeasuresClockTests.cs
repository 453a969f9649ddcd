using Mera.Core.Domain;

namespace Mera.UnitTests.Domain;

public sealed class OrgsMeasuresClockTests
{
    [Theory]
    [InlineData(true, null, null, "01.09.2026", true)]
    [InlineData(false, null, null, "01.09.2026", false)]
    [InlineData(true, "01.09.2026", null, "01.09.2026", true)]
    [InlineData(true, "02.09.2026", null, "01.09.2026", false)]
    [InlineData(true, null, "01.09.2026", "01.09.2026", true)]
    [InlineData(true, null, "31.08.2026", "01.09.2026", false)]
    public void A_unit_works_between_its_opening_and_closing(bool active, string? opened, string? closed, string day, bool expected)
    {
        static DateOnly? D(string? t) => t is null ? null : DateOnly.ParseExact(t, "dd.MM.yyyy");
        var unit = new OrgUnit { Code = "s1", Name = "СОШ", IsActive = active, OpenedOn = D(opened), ClosedOn = D(closed) };
        Assert.Equal(expected, unit.IsActiveOn(D(day)!.Value));
    }

    [Theory]
    [InlineData(OrgUnitType.Country, "country", "страна", false)]
    [InlineData(OrgUnitType.Region, "region", "регион", false)]
    [InlineData(OrgUnitType.Municipality, "municipality", "муниципалитет", false)]
    [InlineData(OrgUnitType.School, "school", "школа", true)]
    [InlineData(OrgUnitType.Branch, "branch", "филиал", true)]
    public void Unit_types_read_and_write_in_both_languages(OrgUnitType type, string code, string russian, bool reports)
    {
        Assert.Equal(code, OrgUnitTypeNames.ToCode(type));
        Assert.Equal(russian, OrgUnitTypeNames.ToRussian(type));
        Assert.True(OrgUnitTypeNames.TryParse($" {code.ToUpperInvariant()} ", out var a));
        Assert.Equal(type, a);
        Assert.True(OrgUnitTypeNames.TryParse(russian, out var b));
        Assert.Equal(type, b);
        Assert.Equal(reports, new OrgUnit { Code = "x", Name = "x", Type = type }.IsReportingUnit);
    }

    [Fact]
    public void An_unknown_unit_type_is_refused()
    {
        Assert.False(OrgUnitTypeNames.TryParse("district", out _));
        Assert.False(OrgUnitTypeNames.TryParse(null, out _));
    }

    [Theory]
    [InlineData("%", IndicatorKind.Percent, Measure.Percent)]
    [InlineData("чел.", IndicatorKind.Number, Measure.Count)]
    [InlineData("ед.", IndicatorKind.Number, Measure.Count)]
    [InlineData("Мбит/с", IndicatorKind.Number, Measure.Other)]
    [InlineData("чел.", IndicatorKind.Percent, Measure.Other)]
    public void An_indicator_measures_what_its_unit_says(string unit, IndicatorKind kind, Measure measure)
    {
        Assert.Equal(measure, Measures.Of(new Indicator { Code = "i", Name = "i", Unit = unit, Kind = kind }));
    }

    [Theory]
    [InlineData("Доля обучающихся, …", null, Measure.Percent)]
    [InlineData("Удельный вес школ", null, Measure.Percent)]
    [InlineData("Процент охвата", null, Measure.Percent)]
    [InlineData("Численность обучающихся", null, Measure.Count)]
    [InlineData("  Количество организаций", null, Measure.Count)]
    [InlineData("Число детей", null, Measure.Count)]
    [InlineData("Скорость подключения", null, null)]
    [InlineData("Скорость подключения", "%", Measure.Percent)]
    [InlineData("Скорость подключения", "процент", Measure.Percent)]
    [InlineData("Доля", "чел.", Measure.Count)]
    [InlineData("Доля", "ед.", Measure.Count)]
    [InlineData("Что-то", "шт.", Measure.Count)]
    [InlineData(null, null, null)]
    public void A_row_measures_what_its_wording_says(string? title, string? unit, Measure? measure)
    {
        Assert.Equal(measure, Measures.FromWording(title, unit));
    }

    [Fact]
    public void Measures_in_words()
    {
        Assert.Equal("доля (в процентах)", Measures.ToRussian(Measure.Percent));
        Assert.Equal("количество", Measures.ToRussian(Measure.Count));
        Assert.Equal("иная величина", Measures.ToRussian(Measure.Other));
    }

    [Theory]
    [InlineData("2026-11-30", "2026-11-30T06:00:00Z")]      // a date is 09:00 in the region (UTC+3)
    [InlineData("30.11.2026", "2026-11-30T06:00:00Z")]
    [InlineData("2026-12-31T23:30:00+03:00", "2026-12-31T20:30:00Z")]
    public void A_clock_starts_where_it_is_told(string start, string utc)
    {
        Assert.Equal(DateTimeOffset.Parse(utc), Clock.ParseStart(start));
        var clock = Clock.FromSetting(start);
        Assert.InRange(clock.GetUtcNow() - DateTimeOffset.Parse(utc), TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.Equal(Clock.Zone, clock.LocalTimeZone);
    }

    [Fact]
    public void Today_is_the_regions_date_and_a_bad_start_is_refused()
    {
        Assert.Equal(new DateOnly(2027, 1, 1), Clock.LocalDate(DateTimeOffset.Parse("2026-12-31T21:30:00Z")));   // 00:30 in Moscow
        Assert.Equal(new DateOnly(2026, 12, 31), Clock.LocalDate(DateTimeOffset.Parse("2026-12-31T20:59:00Z")));
        Assert.Equal(DateTimeOffset.Parse("2026-11-30T06:00:00Z"), Clock.At(new DateOnly(2026, 11, 30), new TimeOnly(9, 0)));
        Assert.Same(TimeProvider.System, Clock.FromSetting(" "));
        Assert.Same(TimeProvider.System, Clock.FromSetting(null));
        var error = Assert.Throws<FormatException>(() => Clock.ParseStart("вчера"));
        Assert.Contains("MERA_NOW: «вчера»", error.Message);
    }
}
