namespace Mera.Core.Formulas;

/// <summary>
/// The value semantics of formulas in one place, so the bound tree and any future evaluator agree.
/// null means "no value"; it is never produced by a missing element (that is 0), only by
/// division by zero or a non-finite result, and it then propagates to the final result.
/// </summary>
internal static class FormulaMath
{
    /// <summary>Values come from decimal forms and sums of them; exact equality would fail on 0.1 + 0.2.</summary>
    public const double Tolerance = 1e-9;

    public static double? Apply(BinaryOp op, double a, double b) => op switch
    {
        BinaryOp.Add => Finite(a + b),
        BinaryOp.Subtract => Finite(a - b),
        BinaryOp.Multiply => Finite(a * b),
        // Division by zero means the indicator has no value for this organisation, not an error.
        BinaryOp.Divide => b == 0 ? null : Finite(a / b),
        // All comparisons share the tolerance so that "a = b" implies "a <= b" and "a >= b".
        BinaryOp.Equal => Bool(Math.Abs(a - b) <= Tolerance),
        BinaryOp.NotEqual => Bool(Math.Abs(a - b) > Tolerance),
        BinaryOp.Less => Bool(a < b - Tolerance),
        BinaryOp.LessOrEqual => Bool(a <= b + Tolerance),
        BinaryOp.Greater => Bool(a > b + Tolerance),
        BinaryOp.GreaterOrEqual => Bool(a >= b - Tolerance),
        BinaryOp.And => Bool(a != 0 && b != 0),
        BinaryOp.Or => Bool(a != 0 || b != 0),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    public static double Bool(bool value) => value ? 1 : 0;

    /// <summary>Overflow to ±Infinity or NaN would poison roll-up sums; report "no value" instead.</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
