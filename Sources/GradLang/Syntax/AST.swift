/// The syntax tree: structs carrying a source range, each with an `indirect enum` kind that the
/// evaluator switches over. The shapes follow CPython's `ast` module (Python.asdl), simplified where
/// grad has no use for a distinction (no load/store contexts, one argument list per call).

/// An expression and where it is in the source.
public struct Expr: Equatable, Sendable {
    public var kind: ExprKind
    public var range: SourceRange

    public init(_ kind: ExprKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public indirect enum ExprKind: Equatable, Sendable {
    case name(String)
    case constant(Constant)
    /// An f-string (or a concatenation with at least one f-string): CPython's `JoinedStr`.
    case formattedString([FStringPart])
    case tuple([Expr])
    case list([Expr])
    case set([Expr])
    case dict([DictEntry])
    case listComprehension(element: Expr, clauses: [ComprehensionClause])
    case setComprehension(element: Expr, clauses: [ComprehensionClause])
    case dictComprehension(key: Expr, value: Expr, clauses: [ComprehensionClause])
    case generator(element: Expr, clauses: [ComprehensionClause])
    /// `*x` in a display, a call's arguments or an assignment target.
    case starred(Expr)
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    /// `a and b and c`: one node per run of the same operator, as in CPython's `BoolOp`.
    case boolean(BooleanOperator, [Expr])
    /// `a < b <= c`: the first operand and each (operator, operand) pair after it.
    case comparison(Expr, [Comparison])
    case conditional(test: Expr, body: Expr, orElse: Expr)
    case lambda(Parameters, body: Expr)
    case call(Expr, arguments: [Argument])
    case attribute(Expr, name: String)
    case `subscript`(Expr, index: Expr)
    /// `lower:upper:step` inside a subscript.
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
    /// `name := value`.
    case namedExpression(name: String, value: Expr)
    /// `yield` or `yield value`: makes the enclosing function a generator.
    case yield(Expr?)
    /// `yield from iterable`.
    case yieldFrom(Expr)
}

public enum Constant: Equatable, Sendable {
    case none
    case `true`
    case `false`
    case ellipsis
    case integer(IntLiteral)
    case float(Double)
    case imaginary(Double)
    case string(String)
    case bytes([UInt8])
}

public enum UnaryOperator: String, Sendable {
    case plus = "+", minus = "-", invert = "~", not
}

public enum BinaryOperator: String, CaseIterable, Sendable {
    case add = "+", subtract = "-", multiply = "*", matrixMultiply = "@", divide = "/"
    case floorDivide = "//", modulo = "%", power = "**"
    case leftShift = "<<", rightShift = ">>", bitOr = "|", bitXor = "^", bitAnd = "&"
}

public enum BooleanOperator: String, Sendable {
    case and, or
}

public enum ComparisonOperator: String, Sendable {
    case less = "<", greater = ">", equal = "==", notEqual = "!=", lessEqual = "<=", greaterEqual = ">="
    case `in` = "in", notIn = "not in", `is` = "is", isNot = "is not"
}

public struct Comparison: Equatable, Sendable {
    public var op: ComparisonOperator
    public var operand: Expr

    public init(_ op: ComparisonOperator, _ operand: Expr) {
        self.op = op
        self.operand = operand
    }
}

public enum DictEntry: Equatable, Sendable {
    case pair(key: Expr, value: Expr)
    /// `**mapping`.
    case unpack(Expr)
}

/// `for target in iterable if condition ...` inside a comprehension.
public struct ComprehensionClause: Equatable, Sendable {
    public var target: Expr
    public var iterable: Expr
    public var conditions: [Expr]
}

/// A call argument, kept in source order.
public enum Argument: Equatable, Sendable {
    case positional(Expr)
    /// `*iterable`.
    case unpacked(Expr)
    case keyword(name: String, value: Expr, range: SourceRange)
    /// `**mapping`.
    case unpackedKeywords(Expr)

    /// The expression the argument passes (or unpacks).
    public var value: Expr {
        switch self {
        case .positional(let e), .unpacked(let e), .unpackedKeywords(let e), .keyword(_, let e, _): return e
        }
    }
}

/// One piece of an f-string.
public enum FStringPart: Equatable, Sendable {
    case literal(String)
    case replacement(FormattedValue)
}

/// `{expression!conversion:spec}` in an f-string.
public struct FormattedValue: Equatable, Sendable {
    public enum Conversion: String, Sendable {
        case str = "s", repr = "r", ascii = "a"
    }

    public var expression: Expr
    public var conversion: Conversion?
    /// The format spec, itself f-string parts (it may hold replacement fields: `{x:{width}}`).
    public var formatSpec: [FStringPart]?
}

/// A function's or lambda's parameters, by kind, in source order within each kind.
public struct Parameters: Equatable, Sendable {
    /// Before `/`.
    public var positionalOnly: [Parameter] = []
    public var positionalOrKeyword: [Parameter] = []
    /// `*args`.
    public var variadic: Parameter?
    /// After `*` or `*args`.
    public var keywordOnly: [Parameter] = []
    /// `**kwargs`.
    public var variadicKeywords: Parameter?

    public init() {}

    public var all: [Parameter] {
        positionalOnly + positionalOrKeyword + (variadic.map { [$0] } ?? []) + keywordOnly
            + (variadicKeywords.map { [$0] } ?? [])
    }
}

public struct Parameter: Equatable, Sendable {
    public var name: String
    /// Evaluated when the `def` runs, into the function's `__annotations__`.
    public var annotation: Expr?
    public var defaultValue: Expr?
    public var range: SourceRange
}
