using Mera.Core.Data.BuiltIn;
using Mera.Core.Domain;
using Mera.Core.Formulas;
using Mera.Core.Reading;

namespace Mera.Core.Features.Values;

/// <summary>
/// The consistency rules of DOMAIN §4 over the values of one org unit and period (the file's values merged with
/// those already stored): catalog rules as formulas that must hold, plus the contingent and sharp-drop warnings.
/// </summary>
public sealed class ValueRules
{
    private readonly (Formula Formula, CatalogRule Rule)[] _rules =
        BuiltInCatalog.Instance.Rules.Select(r => (FormulaParser.Parse(r.Rule), r)).ToArray();

    /// <summary>For each element code, the rules that name it (in catalog order): only those can fire for a value.</summary>
    private readonly Dictionary<string, int[]> _rulesByCode;
    private readonly List<int> _candidates = [];

    public ValueRules()
    {
        _rulesByCode = _rules.SelectMany((r, i) => r.Formula.ElementCodes.Select(code => (code, i)))
            .GroupBy(x => x.code, x => x.i).ToDictionary(g => g.Key, g => g.Distinct().ToArray());
    }

    /// <summary>A value stored for (or given in the file for) an org unit, element and period; null when there is none.</summary>
    public delegate double? StoredValue(int orgId, DataElement element, Period period);

    /// <summary>
    /// Checks one org unit and period; `values` holds the merged values by element code (line 0: stored, not in
    /// the file). Not thread-safe: one instance per request.
    /// </summary>
    public void Check(string file, IReadOnlyDictionary<string, (double Value, int Line)> values, int orgId, Period period,
        IReadOnlyDictionary<string, DataElement> elements, StoredValue stored, List<ImportIssue> issues)
    {
        // A rule applies once all its values are known, and only to rows of this file: a national file's weekly
        // groups name no rule at all, so the candidates come from the file's own codes.
        _candidates.Clear();
        foreach (var (code, (_, line)) in values)
        {
            if (line > 0 && _rulesByCode.TryGetValue(code, out var ids))
            {
                foreach (var id in ids)
                {
                    if (!_candidates.Contains(id))
                    {
                        _candidates.Add(id);
                    }
                }
            }
        }
        _candidates.Sort();
        foreach (var id in _candidates)
        {
            var (formula, rule) = _rules[id];
            if (!AllKnown(formula, values))
            {
                continue;
            }
            if (formula.Evaluate(c => values.TryGetValue(c, out var v) ? v.Value : null, isRural: false) is 0)
            {
                var line = formula.ElementCodes.Select(c => values[c].Line).Where(l => l > 0).Max();
                issues.Add(new ImportIssue(rule.Severity == "error" ? IssueSeverity.Error : IssueSeverity.Warning,
                    file, line, formula.ElementCodes[0], rule.Message,
                    Operands: formula.ElementCodes.Select(c => new ImportIssue.Operand(c, values[c].Value)).ToList()));
            }
        }
        var previousPeriod = period.Previous();
        var contingent = values.TryGetValue(Contingent, out var own) ? own.Value
            : elements.TryGetValue(Contingent, out var contingentElement) ? stored(orgId, contingentElement, period.ContainerOf(PeriodType.Year)) : null;
        foreach (var (code, (value, line)) in values)
        {
            if (line <= 0 || !elements.TryGetValue(code, out var element))
            {
                continue;
            }
            if (contingent is > 0 && code != Contingent && code.Contains(".students.", StringComparison.Ordinal)
                && value > 1.1 * contingent.Value)
            {
                issues.Add(new ImportIssue(IssueSeverity.Warning, file, line, code,
                    $"значение {Format(value)} больше численности обучающихся ({Format(contingent.Value)}) более чем на 10 % — возможны дубли учетных записей"));
            }
            if (element.ValueType != ElementValueType.Flag && stored(orgId, element, previousPeriod) is > 0 and var previous
                && value < previous * 0.5)
            {
                issues.Add(new ImportIssue(IssueSeverity.Warning, file, line, code,
                    $"значение {Format(value)} упало более чем на 50 % по сравнению с предыдущим периодом ({Format(previous)})"));
            }
        }
    }

    private const string Contingent = "contingent.students";

    private static bool AllKnown(Formula formula, IReadOnlyDictionary<string, (double Value, int Line)> values)
    {
        foreach (var code in formula.ElementCodes)
        {
            if (!values.ContainsKey(code))
            {
                return false;
            }
        }
        return true;
    }

    public static string Format(double value) => Formatting.RussianFormat.Number(value);
}
