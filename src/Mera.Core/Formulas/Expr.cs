namespace Mera.Core.Formulas;

/// <summary>Node of a parsed formula. Immutable so parsed formulas can be cached and shared across threads.</summary>
public abstract record Expr;

public sealed record Number(double Value) : Expr;

/// <summary>Reference to a monitoring element by its code, e.g. <c>openschool.students.registered</c>.</summary>
public sealed record ElementRef(string Code) : Expr;

/// <summary>Attribute of the organisation being evaluated; currently only <c>is_rural</c>.</summary>
public sealed record OrgAttribute(string Name) : Expr;

public sealed record Unary(UnaryOp Op, Expr Operand) : Expr;

public sealed record Binary(BinaryOp Op, Expr Left, Expr Right) : Expr;

/// <summary>Function call; <see cref="Name"/> is lower-case (min, max, if) whatever the source spelling.</summary>
public sealed record Call(string Name, IReadOnlyList<Expr> Args) : Expr;

public enum UnaryOp
{
    Negate,
    Not,
}

public enum BinaryOp
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    And,
    Or,
}
