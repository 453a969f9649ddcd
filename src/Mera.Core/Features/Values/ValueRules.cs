using Mera.Core.Catalog;
using Mera.Core.Domain;
using Mera.Core.Formulas;
using Mera.Core.Imports;

namespace Mera.Core.Features.Values;

/// <summary>
/// The consistency rules of DOMAIN §4 over the values of one org unit and period (the file's values merged with
/// those already stored): catalog rules as formulas that must hold, plus the contingent and sharp-drop warnings.
/// </summary>
public sealed class ValueRules
{
    private readonly IReadOnlyList<(Formula Formula, CatalogRule Rule)> _rules =
        BuiltInCatalog.Instance.Rules.Select(r => (FormulaParser.Parse(r.Rule), r)).ToList();

    public delegate double? StoredValue(int orgId, string elementCode, Period period);

    /// <summary>Checks one org unit and period; `values` holds the merged values by element code.</summary>
    public void Check(string file, IReadOnlyDictionary<string, (double Value, int Line)> values, int orgId, Period period,
        IReadOnlyDictionary<string, DataElement> elements, StoredValue stored, List<ImportIssue> issues)
    {
        foreach (var (formula, rule) in _rules)
        {
            if (!formula.ElementCodes.All(values.ContainsKey) || !formula.ElementCodes.Any(c => values[c].Line > 0))
            {
                continue; // a rule applies once all its values are known, and only to rows of this file
            }
            if (formula.Evaluate(c => values.TryGetValue(c, out var v) ? v.Value : null, isRural: false) is 0)
            {
                var line = formula.ElementCodes.Select(c => values[c].Line).Where(l => l > 0).Max();
                var shown = string.Join(", ", formula.ElementCodes.Select(c => $"{c} = {Format(values[c].Value)}"));
                issues.Add(new ImportIssue(rule.Severity == "error" ? IssueSeverity.Error : IssueSeverity.Warning,
                    file, line, formula.ElementCodes[0], $"{rule.Message} ({shown})"));
            }
        }
        var previousPeriod = period.Previous();
        var contingent = values.TryGetValue("contingent.students", out var own) ? own.Value
            : stored(orgId, "contingent.students", period.ContainerOf(PeriodType.Year));
        foreach (var (code, (value, line)) in values)
        {
            if (line <= 0 || !elements.TryGetValue(code, out var element))
            {
                continue;
            }
            if (contingent is > 0 && code != "contingent.students" && code.Contains(".students.", StringComparison.Ordinal)
                && value > 1.1 * contingent.Value)
            {
                issues.Add(new ImportIssue(IssueSeverity.Warning, file, line, code,
                    $"значение {Format(value)} больше численности обучающихся ({Format(contingent.Value)}) более чем на 10 % — возможны дубли учетных записей"));
            }
            if (element.ValueType != ElementValueType.Flag && stored(orgId, code, previousPeriod) is > 0 and var previous
                && value < previous * 0.5)
            {
                issues.Add(new ImportIssue(IssueSeverity.Warning, file, line, code,
                    $"значение {Format(value)} упало более чем на 50 % по сравнению с предыдущим периодом ({Format(previous)})"));
            }
        }
    }

    public static string Format(double value) =>
        value.ToString("#,0.##", System.Globalization.CultureInfo.GetCultureInfo("ru-RU"));
}
