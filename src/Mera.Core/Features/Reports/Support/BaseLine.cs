using Mera.Core.Engine;
using Mera.Core.Formatting;

namespace Mera.Core.Features.Reports;

/// <summary>A target's starting point as the documents print it: «базовое значение 23,0 % на 01.01.2019» (seed 004).</summary>
internal static class BaseLine
{
    public static string? Describe(IndicatorResult r) => r.BaseValue is double b
        ? $"базовое значение {RussianFormat.Value(b, r.Unit)}{(r.BaseDate is DateOnly d ? $" на {RussianFormat.Date(d)}" : "")}"
        : null;
}
