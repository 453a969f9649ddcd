namespace Mera.Core.Formulas;

/// <summary>
/// A formula whose element codes are resolved to slot indexes; the roll-up hot path.
/// Immutable and thread-safe, so one instance can serve parallel evaluation.
/// </summary>
public sealed class BoundFormula
{
    private readonly Node _root;

    internal BoundFormula(Formula formula, Node root)
    {
        Formula = formula;
        _root = root;
    }

    public Formula Formula { get; }

    /// <summary>
    /// Evaluates against pre-filled slot values (null = value missing, counted as 0).
    /// Returns null when the indicator has no value, e.g. after division by zero. Allocation-free.
    /// </summary>
    public double? Evaluate(double?[] slots, bool isRural) => _root.Eval(slots, isRural);
}
