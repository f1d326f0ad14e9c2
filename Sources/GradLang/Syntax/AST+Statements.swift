/// A parsed file or REPL chunk.
public struct Module: Equatable, Sendable {
    public var body: [Stmt]

    public init(body: [Stmt]) {
        self.body = body
    }
}

/// A statement and where it is in the source.
public struct Stmt: Equatable, Sendable {
    public var kind: StmtKind
    public var range: SourceRange

    public init(_ kind: StmtKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public indirect enum StmtKind: Equatable, Sendable {
    case expression(Expr)
    /// `a = b = value`: every target, left to right, then the value.
    case assign(targets: [Expr], value: Expr)
    case augmentedAssign(target: Expr, op: BinaryOperator, value: Expr)
    /// `x: int = 1` — the annotation is kept but means nothing to grad.
    case annotatedAssign(target: Expr, annotation: Expr, value: Expr?)
    /// `elif` is an `if` alone in the `orElse` of the one before, as in CPython.
    case `if`(test: Expr, body: [Stmt], orElse: [Stmt])
    case `while`(test: Expr, body: [Stmt], orElse: [Stmt])
    case `for`(target: Expr, iterable: Expr, body: [Stmt], orElse: [Stmt])
    case `break`
    case `continue`
    case pass
    case functionDefinition(FunctionDefinition)
    case classDefinition(ClassDefinition)
    case `return`(Expr?)
    case with(items: [WithItem], body: [Stmt])
    case `import`([ImportedName])
    /// `from module import names`; `level` counts leading dots; `names` is nil for `import *`.
    case importFrom(module: String?, names: [ImportedName]?, level: Int)
    case global([String])
    case nonlocal([String])
    case delete([Expr])
    case assert(test: Expr, message: Expr?)
    case `try`(TryStatement)
    case raise(exception: Expr?, cause: Expr?)
    /// `match subject:` and its `case` clauses, tried in order.
    case match(subject: Expr, cases: [MatchCase])
}

public struct FunctionDefinition: Equatable, Sendable {
    public var name: String
    public var parameters: Parameters
    public var body: [Stmt]
    /// Applied bottom-up when the definition runs, as in Python.
    public var decorators: [Expr]
    /// The `-> annotation`, the function's `__annotations__['return']`.
    public var returnAnnotation: Expr?
}

/// `class Name(bases, keyword=value): body`.
public struct ClassDefinition: Equatable, Sendable {
    public var name: String
    /// The bases and keywords in the parentheses, as call arguments.
    public var arguments: [Argument]
    public var body: [Stmt]
    /// Applied bottom-up to the class object, as in Python.
    public var decorators: [Expr]
}

public struct WithItem: Equatable, Sendable {
    public var context: Expr
    public var target: Expr?
}

/// `import a.b as c` / `from m import a as c`: a dotted name and its optional alias.
public struct ImportedName: Equatable, Sendable {
    public var name: String
    public var alias: String?
    public var range: SourceRange
}

public struct TryStatement: Equatable, Sendable {
    public var body: [Stmt]
    public var handlers: [ExceptHandler]
    public var orElse: [Stmt]
    public var finally: [Stmt]
    /// `except*` clauses (CPython's TryStar): each takes the matching part of an exception group.
    public var isStar = false
}

public struct ExceptHandler: Equatable, Sendable {
    /// nil for a bare `except:`.
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var range: SourceRange
}
