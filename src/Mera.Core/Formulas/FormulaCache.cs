using System.Collections.Concurrent;

namespace Mera.Core.Formulas;

/// <summary>Formulas are data read on every roll-up; parsing each text once keeps the hot path free of parsing.</summary>
public static class FormulaCache
{
    private static readonly ConcurrentDictionary<string, Formula> _parsed = new();

    public static Formula Get(string text) => _parsed.GetOrAdd(text, FormulaParser.Parse);
}
