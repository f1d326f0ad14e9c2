/// Binary operators, comparisons and conditions. Small ints and floats are computed inline, so a
/// numeric loop never leaves the compiled closure; every other operand type, and every case that
/// may fail or overflow, goes through `Operators` (which has the full Python semantics).
extension Compiler {
    func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, _ range: SourceRange) -> ExprCode {
        switch op {
        case .add: return binary(FixedOperator.Add.self, op, left, right, range)
        case .subtract: return binary(FixedOperator.Subtract.self, op, left, right, range)
        case .multiply: return binary(FixedOperator.Multiply.self, op, left, right, range)
        case .modulo: return binary(FixedOperator.Modulo.self, op, left, right, range)
        case .floorDivide: return binary(FixedOperator.FloorDivide.self, op, left, right, range)
        default: return binary(FixedOperator.Any.self, op, left, right, range)
        }
    }

    /// `left op right`, compiled once per fixed operator type so that each operator's closures are
    /// functions of their own, in which the operator is a constant: no switch on it, and no
    /// indirect jump shared by every `+`, `%` and `*` of a program to mispredict.
    private func binary<Fixed: FixedOperatorType>(_: Fixed.Type, _ op: BinaryOperator, _ left: Expr,
                                                  _ right: Expr, _ range: SourceRange) -> ExprCode {
        let a = expression(left)
        let style = ErrorSpan.Style.binary(leftEnd: left.range.end, rightStart: right.range.start)
        let general: (Frame, Value, Value) throws -> Value = { f, x, y in
            try Compiler.locatingErrors(at: range, in: f, style: style) { try Operators.binary(op, x, y) }
        }
        // `i % 3`, `n - 1`: the constant is captured, not evaluated, and a variable on the left
        // is read in place.
        if case .int(let c)? = constantValue(right) {
            if let v = variable(left) {
                return { f in
                    if let i = v.int(in: f), let r = Operators.smallInt(Fixed.resolved(op), i, c) { return .int(r) }
                    return try general(f, try a(f), .int(c))
                }
            }
            return { f in
                let x = try a(f)
                if case .int(let i) = x, let r = Operators.smallInt(Fixed.resolved(op), i, c) { return .int(r) }
                return try general(f, x, .int(c))
            }
        }
        let b = expression(right)
        return { f in
            let x = try a(f), y = try b(f)
            if let r = Operators.unboxedBinary(Fixed.resolved(op), x, y) { return r }
            return try general(f, x, y)
        }
    }

    /// The value of a number, str, bool or None literal, known at compile time.
    func constantValue(_ e: Expr) -> Value? {
        guard case .constant(let c) = e.kind else { return nil }
        switch c {
        case .integer(let literal): return Int(literal.digits, radix: literal.radix).map(Value.int)
        case .float(let d): return .float(d)
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .none: return Value.none
        case .string(let text): return .str(text)
        case .ellipsis, .imaginary, .bytes: return nil
        }
    }

    func comparison(_ first: Expr, _ rest: [Comparison], _ range: SourceRange) -> ExprCode {
        let head = expression(first)
        if rest.count == 1, let link = rest.first {
            let single = SingleComparison(link.op, range)
            if let c = constantValue(link.operand) {
                return { f in try single.outcome(ComparisonAsValue.self, try head(f), c, f) }
            }
            let right = expression(link.operand)
            return { f in
                let a = try head(f)
                return try single.outcome(ComparisonAsValue.self, a, try right(f), f)
            }
        }
        let links = rest.map { (op: $0.op, code: expression($0.operand)) }
        return { f in
            var left = try head(f)
            var result: Value = .bool(true)
            for link in links {
                let right = try link.code(f)
                result = try Compiler.locatingErrors(at: range, in: f) { try Compiler.compare(link.op, left, right) }
                if !(try Compiler.locatingErrors(at: range, in: f) { try Operators.truthy(result) }) { return result }
                left = right
            }
            return result
        }
    }

    /// An expression used as a condition (of `if`, `while`, `assert`, a conditional expression, a
    /// comprehension's `if`), reduced to a Swift Bool. `if i % 3 == 0:` on ints never builds the
    /// intermediate bool value. As CPython compiles a jump on a condition, `not`, `and` and `or` are
    /// looked through, and a value with no truth value (a tensor of several elements) is reported
    /// at a comparison's own range, else at `context`: the statement or the enclosing expression.
    func truth(_ e: Expr, context: SourceRange) -> (Frame) throws -> Bool {
        switch e.kind {
        case .unary(.not, let operand):
            let test = truth(operand, context: context)
            return { f in !(try test(f)) }
        case .boolean(let op, let operands):
            let tests = operands.map { truth($0, context: context) }
            if op == .and {
                return { f in
                    for test in tests where !(try test(f)) { return false }
                    return true
                }
            }
            return { f in
                for test in tests where try test(f) { return true }
                return false
            }
        case .comparison(let first, let rest) where rest.count == 1:
            // As in `comparison`, but the outcome is the Bool itself: no bool value is built.
            let single = SingleComparison(rest[0].op, e.range)
            let constant = constantValue(rest[0].operand)
            if let c = constant, let test = characterTest(first, rest[0].op, c, single) { return test }
            let head = expression(first)
            if let c = constant {
                return { f in try single.outcome(ComparisonAsCondition.self, try head(f), c, f) }
            }
            // Variables are read in place, not through their load closures (`x not in seen`).
            let right = expression(rest[0].operand)
            let headVariable = variable(first), rightVariable = variable(rest[0].operand)
            return { f in
                let a = try headVariable?.value(in: f) ?? head(f)
                return try single.outcome(ComparisonAsCondition.self, a, try rightVariable?.value(in: f) ?? right(f), f)
            }
        default:
            break
        }
        let v = expression(e)
        var reported = context
        if case .comparison = e.kind { reported = e.range }
        return { f in
            let value = try v(f)
            if case .bool(let b) = value { return b }
            return try Compiler.locatingErrors(at: reported, in: f) { try Operators.truthy(value) }
        }
    }

    static func compare(_ op: ComparisonOperator, _ a: Value, _ b: Value) throws -> Value {
        switch op {
        case .less: return try Operators.compare(.lt, a, b)
        case .lessEqual: return try Operators.compare(.le, a, b)
        case .greater: return try Operators.compare(.gt, a, b)
        case .greaterEqual: return try Operators.compare(.ge, a, b)
        case .equal: return try Operators.compare(.eq, a, b)
        case .notEqual: return try Operators.compare(.ne, a, b)
        case .in: return .bool(try Operators.contains(b, a))
        case .notIn: return .bool(!(try Operators.contains(b, a)))
        case .is: return .bool(Operators.identical(a, b))
        case .isNot: return .bool(!Operators.identical(a, b))
        }
    }
}

/// `left op right` with a single operator, as both its value (`Compiler.comparison`) and its use
/// as a condition (`Compiler.truth`) compute it: two ints, two floats or two strs are compared
/// inline, any other operands by the general comparison, whose errors (a tensor of several
/// elements used as a condition among them) are reported at `range`, the comparison's.
struct SingleComparison {
    let op: ComparisonOperator
    /// `op` when it orders (`<`, `==`...), for the inline comparison; nil for `in` and `is`.
    let ordering: CompareOperator?
    /// For `in` false, for `not in` true (the membership test's outcome is negated); nil for
    /// the other operators. A membership test's outcome is a Bool, used as it is.
    let membershipNegated: Bool?
    let range: SourceRange

    init(_ op: ComparisonOperator, _ range: SourceRange) {
        self.op = op
        ordering = CompareOperator(op)
        membershipNegated = op == .in ? false : op == .notIn ? true : nil
        self.range = range
    }

    @inline(__always)
    func outcome<Use: ComparisonUse>(_: Use.Type, _ a: Value, _ b: Value, _ f: Frame) throws -> Use.Result {
        if let ordering, let r = Operators.inlineCompare(ordering, a, b) { return Use.result(r) }
        if let negated = membershipNegated {
            return Use.result(try Compiler.locatingErrors(at: range, in: f) { try Operators.contains(b, a) } != negated)
        }
        return try Compiler.locatingErrors(at: range, in: f) { try Use.result(of: Compiler.compare(op, a, b)) }
    }
}

/// How compiled code uses a comparison's outcome (see `SingleComparison`): as a value, or as a
/// condition, which builds no bool value.
protocol ComparisonUse {
    associatedtype Result
    /// The outcome of two ints, two floats or two strs, compared inline.
    static func result(_ inline: Bool) -> Result
    /// The outcome of the general comparison, whose value may be a tensor.
    static func result(of value: Value) throws -> Result
}

/// `x = a < b`: the comparison's value.
enum ComparisonAsValue: ComparisonUse {
    @inline(__always) static func result(_ inline: Bool) -> Value { .bool(inline) }
    @inline(__always) static func result(of value: Value) -> Value { value }
}

/// `if a < b:`: the value's truth.
enum ComparisonAsCondition: ComparisonUse {
    @inline(__always) static func result(_ inline: Bool) -> Bool { inline }
    @inline(__always) static func result(of value: Value) throws -> Bool { try Operators.truthy(value) }
}

/// An arithmetic operator fixed when code is compiled (see `Compiler.binary`); `Any` passes the
/// operator through.
protocol FixedOperatorType {
    /// The operator compiled code applies: the fixed one, or `written` for `Any`.
    static func resolved(_ written: BinaryOperator) -> BinaryOperator
}

enum FixedOperator {
    enum Add: FixedOperatorType { @inline(__always) static func resolved(_: BinaryOperator) -> BinaryOperator { .add } }
    enum Subtract: FixedOperatorType { @inline(__always) static func resolved(_: BinaryOperator) -> BinaryOperator { .subtract } }
    enum Multiply: FixedOperatorType { @inline(__always) static func resolved(_: BinaryOperator) -> BinaryOperator { .multiply } }
    enum Modulo: FixedOperatorType { @inline(__always) static func resolved(_: BinaryOperator) -> BinaryOperator { .modulo } }
    enum FloorDivide: FixedOperatorType { @inline(__always) static func resolved(_: BinaryOperator) -> BinaryOperator { .floorDivide } }
    enum `Any`: FixedOperatorType { @inline(__always) static func resolved(_ written: BinaryOperator) -> BinaryOperator { written } }
}
