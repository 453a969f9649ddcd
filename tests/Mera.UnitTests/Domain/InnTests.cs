using Mera.Core.Domain;

namespace Mera.UnitTests.Domain;

public class InnTests
{
    [Theory]
    [InlineData("7707083893")]    // ПАО Сбербанк
    [InlineData("7736207543")]    // ООО «Яндекс»
    [InlineData("7728168971")]    // АО «Альфа-Банк»
    [InlineData("0548006320")]    // leading zero (Дагестан)
    [InlineData("0274062111")]    // leading zero (Башкортостан)
    [InlineData("500100732259")]  // individual, 12 digits
    [InlineData("773370857141")]
    [InlineData("010400006726")]
    public void IsValid_RealNumbers(string inn)
    {
        Assert.True(Inn.IsValid(inn));
        Assert.Null(Inn.Check(inn, out var normalized));
        Assert.Equal(inn, normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("7707083894")]    // wrong check digit
    [InlineData("0548006321")]
    [InlineData("500100732258")]  // wrong second check digit
    [InlineData("500100732249")]  // wrong first check digit
    [InlineData("770708389")]     // IsValid does not pad: 9 digits
    [InlineData("77070838930")]
    [InlineData("7707 083893")]   // IsValid does not normalize
    [InlineData("77070838９3")]
    public void IsValid_RejectsBadValues(string? inn)
    {
        Assert.False(Inn.IsValid(inn));
    }

    [Theory]
    [InlineData(" 7707083893 ", "7707083893")]
    [InlineData("7707 083 893", "7707083893")]
    [InlineData("548006320", "0548006320")]
    [InlineData("548006320.0", "0548006320")]
    [InlineData("548006320,00", "0548006320")]
    [InlineData("5.48006320E+8", "0548006320")]
    [InlineData("7.707083893E+09", "7707083893")]
    [InlineData("10400006726", "010400006726")]
    [InlineData("12345", "12345")]
    public void Normalize_CleansSpreadsheetValues(string raw, string expected)
    {
        Assert.Equal(expected, Inn.Normalize(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("ИНН 7707083893")]
    [InlineData("548006320.5")]
    [InlineData("-548006320")]
    [InlineData("7707-083893")]
    public void Normalize_ReturnsNullForNonDigits(string? raw)
    {
        Assert.Null(Inn.Normalize(raw));
    }

    [Fact]
    public void Check_PaddedValueIsValid()
    {
        Assert.Null(Inn.Check("548006320", out var normalized));
        Assert.Equal("0548006320", normalized);
    }

    [Fact]
    public void Check_ReportsReasonsInRussian()
    {
        Assert.Equal("неверная контрольная цифра ИНН 0548006321", Inn.Check("548006321", out var n1));
        Assert.Equal("0548006321", n1);
        Assert.Equal("ИНН должен содержать 10 цифр", Inn.Check("12345", out _));
        Assert.Equal("ИНН должен содержать 10 цифр", Inn.Check("ООО Ромашка", out var n2));
        Assert.Null(n2);
        Assert.Equal("ИНН не указан", Inn.Check("  ", out _));
    }

    [Fact]
    public void CheckDigit_MatchesHandComputedSum()
    {
        // 7707083893: 7·2+7·4+0·10+7·3+0·5+8·9+3·4+8·6+9·8 = 267; 267 mod 11 = 3.
        Assert.True(Inn.IsValid("7707083893"));
        for (var d = 0; d <= 9; d++)
            Assert.Equal(d == 3, Inn.IsValid("770708389" + d));
    }
}
