namespace Mera.Core.Formulas;

/// <summary>A parsed indicator formula. Immutable; parse once and cache by text.</summary>
public sealed class Formula
{
    private readonly Dictionary<string, int> _localSlots;
    private BoundFormula? _selfBound;

    internal Formula(string text, Expr root)
    {
        Text = text;
        Root = root;
        var codes = new List<string>();
        _localSlots = new Dictionary<string, int>(StringComparer.Ordinal);
        UsesOrgAttributes = Collect(root, codes, _localSlots);
        ElementCodes = codes.AsReadOnly();
    }

    public string Text { get; }

    public Expr Root { get; }

    /// <summary>Distinct element codes in order of first appearance; org attributes are not included.</summary>
    public IReadOnlyList<string> ElementCodes { get; }

    public bool UsesOrgAttributes { get; }

    /// <summary>Resolves every element code to a slot once (slotOf is called once per distinct code).</summary>
    public BoundFormula Bind(Func<string, int> slotOf)
    {
        ArgumentNullException.ThrowIfNull(slotOf);
        var slots = new Dictionary<string, int>(ElementCodes.Count, StringComparer.Ordinal);
        foreach (var code in ElementCodes)
        {
            var slot = slotOf(code);
            if (slot < 0)
            {
                throw new ArgumentException($"Для элемента \"{code}\" получен отрицательный слот {slot}.", nameof(slotOf));
            }

            slots[code] = slot;
        }

        return new BoundFormula(this, NodeCompiler.Compile(Root, slots));
    }

    /// <summary>
    /// Convenience evaluation for one-off use (previews, tests); allocates per call.
    /// Goes through the same bound tree as <see cref="BoundFormula"/> so both paths share semantics.
    /// </summary>
    public double? Evaluate(Func<string, double?> lookup, bool isRural)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        // A benign race: two threads may both bind, and either result is equivalent.
        var bound = _selfBound ??= Bind(code => _localSlots[code]);
        var values = new double?[ElementCodes.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = lookup(ElementCodes[i]);
        }

        return bound.Evaluate(values, isRural);
    }

    public override string ToString() => Text;

    private static bool Collect(Expr expr, List<string> codes, Dictionary<string, int> slots)
    {
        switch (expr)
        {
            case ElementRef e:
                if (slots.TryAdd(e.Code, codes.Count))
                {
                    codes.Add(e.Code);
                }

                return false;
            case OrgAttribute:
                return true;
            case Unary u:
                return Collect(u.Operand, codes, slots);
            case Binary b:
                // Non-short-circuit '|' so codes on both sides are collected.
                return Collect(b.Left, codes, slots) | Collect(b.Right, codes, slots);
            case Call c:
                var usesOrg = false;
                foreach (var arg in c.Args)
                {
                    usesOrg |= Collect(arg, codes, slots);
                }

                return usesOrg;
            default:
                return false;
        }
    }
}
