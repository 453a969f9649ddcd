namespace Mera.Core.Formulas;

/// <summary>
/// Pre-resolved evaluation tree. Virtual calls returning double? allocate nothing,
/// which matters because a national roll-up evaluates each formula millions of times.
/// </summary>
internal abstract class Node
{
    public abstract double? Eval(double?[] slots, bool isRural);
}

internal sealed class ConstNode(double value) : Node
{
    public override double? Eval(double?[] slots, bool isRural) => value;
}

internal sealed class SlotNode(int slot) : Node
{
    // Domain rule: a missing value counts as 0 (e.g. a missing numerator).
    public override double? Eval(double?[] slots, bool isRural) => slots[slot] ?? 0;
}

internal sealed class RuralNode : Node
{
    public override double? Eval(double?[] slots, bool isRural) => isRural ? 1 : 0;
}

internal sealed class NegateNode(Node operand) : Node
{
    public override double? Eval(double?[] slots, bool isRural) => -operand.Eval(slots, isRural);
}

internal sealed class NotNode(Node operand) : Node
{
    public override double? Eval(double?[] slots, bool isRural)
    {
        var v = operand.Eval(slots, isRural);
        return v is { } x ? FormulaMath.Bool(x == 0) : null;
    }
}

internal sealed class BinaryNode(BinaryOp op, Node left, Node right) : Node
{
    public override double? Eval(double?[] slots, bool isRural)
    {
        // Both sides are evaluated even for and/or: null must propagate, so there is nothing to short-circuit.
        var a = left.Eval(slots, isRural);
        var b = right.Eval(slots, isRural);
        return a is { } x && b is { } y ? FormulaMath.Apply(op, x, y) : null;
    }
}

internal sealed class IfNode(Node condition, Node then, Node otherwise) : Node
{
    public override double? Eval(double?[] slots, bool isRural) =>
        condition.Eval(slots, isRural) switch
        {
            null => null,
            0 => otherwise.Eval(slots, isRural),
            _ => then.Eval(slots, isRural),
        };
}

internal sealed class MinMaxNode(bool isMax, Node[] args) : Node
{
    public override double? Eval(double?[] slots, bool isRural)
    {
        double best = isMax ? double.NegativeInfinity : double.PositiveInfinity;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].Eval(slots, isRural) is not { } v)
            {
                return null;
            }

            best = isMax ? Math.Max(best, v) : Math.Min(best, v);
        }

        return best;
    }
}
