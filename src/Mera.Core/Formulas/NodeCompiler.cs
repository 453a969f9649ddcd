namespace Mera.Core.Formulas;

/// <summary>Turns the AST into <see cref="Node"/>s with element codes already replaced by slot indexes.</summary>
internal static class NodeCompiler
{
    public static Node Compile(Expr expr, IReadOnlyDictionary<string, int> slots) => expr switch
    {
        Number n => new ConstNode(n.Value),
        ElementRef e => new SlotNode(slots[e.Code]),
        OrgAttribute => new RuralNode(),
        Unary { Op: UnaryOp.Negate } u => new NegateNode(Compile(u.Operand, slots)),
        Unary u => new NotNode(Compile(u.Operand, slots)),
        Binary b => new BinaryNode(b.Op, Compile(b.Left, slots), Compile(b.Right, slots)),
        Call { Name: "if" } c => new IfNode(
            Compile(c.Args[0], slots), Compile(c.Args[1], slots), Compile(c.Args[2], slots)),
        Call c => new MinMaxNode(c.Name == "max", CompileAll(c.Args, slots)),
        _ => throw new ArgumentOutOfRangeException(nameof(expr), expr, "Неизвестный узел формулы"),
    };

    private static Node[] CompileAll(IReadOnlyList<Expr> args, IReadOnlyDictionary<string, int> slots)
    {
        var nodes = new Node[args.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = Compile(args[i], slots);
        }

        return nodes;
    }
}
