using System.Text.RegularExpressions;

namespace Mera.IntegrationTests.Reports;

/// <summary>
/// Text of a rendered document as a reader sees it, whatever the fonts: soft hyphens dropped, every run of white space
/// (line and page breaks, no-break and narrow spaces) one space. Expected text goes through the same function.
/// </summary>
public static partial class RenderedText
{
    public static string Normalise(string text) => Spaces().Replace(text.Replace("\u00AD", ""), " ").Trim();

    public static void Contains(string expected, string rendered) => Assert.Contains(Normalise(expected), Normalise(rendered));

    [GeneratedRegex(@"[\s\u00A0\u2007\u202F]+")]
    private static partial Regex Spaces();
}
