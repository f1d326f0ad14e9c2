import BigInt

/// Expressions: each compiles to a closure returning its value. Operations that can fail record
/// their source range so the traceback can underline them as CPython 3.11 does.
extension Compiler {
    func expression(_ e: Expr) -> ExprCode {
        let range = e.range
        switch e.kind {
        case .name(let name):
            return load(name, range)
        case .constant(let c):
            return constant(c)
        case .formattedString(let parts):
            return formattedString(parts, range)
        case .tuple(let items):
            let build = sequence(items)
            return { f in .object(PyTuple(try build(f))) }
        case .list(let items):
            let build = sequence(items)
            return { f in .object(PyList(try build(f))) }
        case .set(let items):
            let build = sequence(items)
            // CPython folds a display of 3+ constants into a frozenset constant, rebuilt once more
            // when the compiler merges constants; the set copies its table, so its order is that.
            let constant = items.count > 2 && items.allSatisfy { if case .constant = $0.kind { return true } else { return false } }
            return { f in
                var s = PySet()
                for v in try build(f) { try Compiler.locatingErrors(at: range, in: f) { try s.insert(v) } }
                if constant {
                    let refolded = PySet()
                    for v in s.items { try refolded.insert(v) }
                    s = PySet()
                    try s.merge(refolded)
                }
                return .object(s)
            }
        case .dict(let entries):
            return dictionary(entries, range)
        case .listComprehension(let element, let clauses):
            return comprehension(.list(element), clauses, range)
        case .setComprehension(let element, let clauses):
            return comprehension(.set(element), clauses, range)
        case .dictComprehension(let key, let value, let clauses):
            return comprehension(.dict(key, value), clauses, range)
        case .generator(let element, let clauses):
            return comprehension(.generator(element), clauses, range)
        case .starred:
            return { f in throw Compiler.located(PyError(PyExc.syntaxError, "can't use starred expression here"), range, f) }
        case .unary(let op, let operand):
            return unary(op, operand, range)
        case .binary(let op, let left, let right):
            return binary(op, left, right, range)
        case .boolean(let op, let operands):
            return boolean(op, operands.map(expression), range)
        case .comparison(let first, let rest):
            return comparison(first, rest, range)
        case .conditional(let test, let body, let orElse):
            let condition = truth(test, context: range), then = expression(body), otherwise = expression(orElse)
            return { f in try condition(f) ? try then(f) : try otherwise(f) }
        case .lambda(let params, let body):
            return lambda(params, body, range)
        case .call(let callee, let arguments):
            return call(callee, arguments, range)
        case .attribute(let base, let name):
            // `x.data`: the variable is read in place, not through its load closure.
            let object = expression(base), objectVariable = variable(base)
            let load = attributeLoad(name, range)
            return { f in try load(f, try objectVariable?.value(in: f) ?? object(f)) }
        case .subscript(let base, let index):
            // `text[i]`: variables are read in place, not through their load closures.
            let container = expression(base), containerVariable = variable(base)
            let style = ErrorSpan.Style.indexed(valueEnd: base.range.end)
            let interpreter = interpreter
            if case .slice(let lower, let upper, let step) = index.kind {
                // Not in an array, whose elements a call retains and releases; a variable bound is
                // read in place (`text[i:i + 8]`).
                let lowerBound = SliceBoundCode(lower, self), upperBound = SliceBoundCode(upper, self)
                let stepBound = SliceBoundCode(step, self)
                return { f in
                    let c = try containerVariable?.value(in: f) ?? container(f)
                    let start = try lowerBound.value(in: f), stop = try upperBound.value(in: f), step = try stepBound.value(in: f)
                    return try Compiler.locatingErrors(at: range, in: f, style: style) {
                        try Subscript.get(c, start: start, stop: stop, step: step, interpreter: interpreter)
                    }
                }
            }
            let item = ItemSubscriptCode(base, index, range, self)
            return { f in
                let (c, k) = try item.operands(f)
                // `text[i]` in range: straight to the character, past the general subscript's
                // dispatch on the container and the key (errors go that way).
                if case .str(let s) = c, case .int(let i) = k, let character = s.character(atIndex: i) { return .str(character) }
                return try item.general(f, c, k)
            }
        case .slice(let lower, let upper, let step):
            let parts = [lower, upper, step].map { $0.map(expression) }
            return { f in
                .object(PySlice(start: try parts[0]?(f) ?? .none, stop: try parts[1]?(f) ?? .none, step: try parts[2]?(f) ?? .none))
            }
        case .yield, .yieldFrom:
            return misplacedYield(range)
        case .namedExpression(let name, let value):
            let v = expression(value), store = store(name)
            return { f in
                let result = try v(f)
                try store(f, result)
                return result
            }
        }
    }

    private func constant(_ c: Constant) -> ExprCode {
        let value: Value
        switch c {
        case .none: value = .none
        case .true: value = .bool(true)
        case .false: value = .bool(false)
        case .ellipsis: value = .object(PyEllipsis.shared)
        case .integer(let literal):
            value = BigInt(literal.digits, radix: literal.radix).map(Value.integer) ?? .int(0)
        case .float(let d): value = .float(d)
        case .string(let s): value = .str(s)
        case .bytes(let b): value = .object(PyBytes(b))
        case .imaginary(let d): value = .object(PyComplex(real: 0, imag: d))
        }
        return { _ in value }
    }

    /// Items of a display, with `*iterable` spliced in.
    func sequence(_ items: [Expr]) -> (Frame) throws -> [Value] {
        let parts: [(code: ExprCode, starred: Bool, range: SourceRange)] = items.map {
            if case .starred(let inner) = $0.kind { return (expression(inner), true, inner.range) }
            return (expression($0), false, $0.range)
        }
        if !parts.contains(where: \.starred) {
            let codes = parts.map(\.code)
            // The short displays (`(a, b)`, `[x, y]`) as array literals, evaluated left to right:
            // one allocation at the final size, without the generic reserve-and-append path.
            switch codes.count {
            case 1:
                let first = codes[0]
                return { f in [try first(f)] }
            case 2:
                let (first, second) = (codes[0], codes[1])
                return { f in
                    let a = try first(f), b = try second(f)
                    return [a, b]
                }
            case 3:
                let (first, second, third) = (codes[0], codes[1], codes[2])
                return { f in
                    let a = try first(f), b = try second(f), c = try third(f)
                    return [a, b, c]
                }
            default: break
            }
            // A reserved loop: `map` with a throwing closure grows its result one step at a time.
            return { f in
                var values: [Value] = []
                values.reserveCapacity(codes.count)
                for code in codes { values.append(try code(f)) }
                return values
            }
        }
        return { f in
            var out: [Value] = []
            for part in parts {
                let v = try part.code(f)
                if part.starred { out += try Compiler.locatingErrors(at: part.range, in: f) { try Iteration.collect(v) } } else { out.append(v) }
            }
            return out
        }
    }

    private func dictionary(_ entries: [DictEntry], _ range: SourceRange) -> ExprCode {
        enum Part { case pair(ExprCode, ExprCode), unpack(ExprCode, SourceRange) }
        let parts: [Part] = entries.map {
            switch $0 {
            case .pair(let k, let v): return .pair(expression(k), expression(v))
            case .unpack(let m): return .unpack(expression(m), m.range)
            }
        }
        return { f in
            let d = PyDict()
            for part in parts {
                switch part {
                case .pair(let k, let v):
                    let key = try k(f), value = try v(f)
                    try Compiler.locatingErrors(at: range, in: f) { try d.set(key, value) }
                case .unpack(let m, let r):
                    let mapping = try m(f)
                    guard case .object(let other as PyDict) = NativeBases.contents(mapping) else {
                        throw Compiler.located(PyError.type("'\(mapping.typeName)' object is not a mapping"), r, f)
                    }
                    for (k, v) in other.entries { try d.set(k, v) }
                }
            }
            return .object(d)
        }
    }

    private func unary(_ op: UnaryOperator, _ operand: Expr, _ range: SourceRange) -> ExprCode {
        let v = expression(operand)
        if op == .not {
            // As a value, `not x` reports a failing truth test itself (a condition looks through it).
            return { f in
                let x = try v(f)
                if case .bool(let b) = x { return .bool(!b) }
                return .bool(!(try Compiler.locatingErrors(at: range, in: f) { try Operators.truthy(x) }))
            }
        }
        return { f in
            let x = try v(f)
            return try Compiler.locatingErrors(at: range, in: f) { try Operators.unary(op, x) }
        }
    }

    /// `a or b`, `a and b`: the last operand's value is the result as it is, its truth never
    /// asked (`None or tensor` is the tensor, whose truth would be an error).
    private func boolean(_ op: BooleanOperator, _ operands: [ExprCode], _ range: SourceRange) -> ExprCode {
        guard let final = operands.last else { return { _ in .none } }
        let tested = operands.dropLast()
        return { f in
            for code in tested {
                let value = try code(f)
                let truth = try Compiler.locatingErrors(at: range, in: f) { try Operators.truthy(value) }
                if op == .and ? !truth : truth { return value }
            }
            return try final(f)
        }
    }
}

/// `c[k]` where `k` is not a slice: its operands, variables read in place, not through their
/// load closures, and the general subscript of them.
struct ItemSubscriptCode {
    private let container: ExprCode, containerVariable: Variable?
    private let key: ExprCode, keyVariable: Variable?
    private let range: SourceRange, style: ErrorSpan.Style
    private let writtenAsTuple: Bool
    private let interpreter: Interpreter

    init(_ base: Expr, _ index: Expr, _ range: SourceRange, _ compiler: Compiler) {
        container = compiler.expression(base)
        containerVariable = compiler.variable(base)
        key = compiler.expression(index)
        keyVariable = compiler.variable(index)
        self.range = range
        style = .indexed(valueEnd: base.range.end)
        writtenAsTuple = { if case .tuple = index.kind { return true } else { return false } }()
        interpreter = compiler.interpreter
    }

    @inline(__always)
    func operands(_ f: Frame) throws -> (container: Value, key: Value) {
        (try containerVariable?.value(in: f) ?? container(f), try keyVariable?.value(in: f) ?? key(f))
    }

    /// `c[k]` of any container and key, its errors located at the subscript.
    func general(_ f: Frame, _ c: Value, _ k: Value) throws -> Value {
        try Compiler.locatingErrors(at: range, in: f, style: style) {
            try Subscript.get(c, k, writtenAsTuple: writtenAsTuple, interpreter: interpreter)
        }
    }
}

extension Compiler {
    /// `text[i] == "a"` (or `!=`) as a condition, where the constant is one code point: a str
    /// indexed by an int in range gives the code point there, compared as a number, with no
    /// one-character str made. Anything else is subscripted and compared as written. Nil when
    /// the comparison is not of that form.
    func characterTest(_ subscripted: Expr, _ op: ComparisonOperator, _ constant: Value,
                       _ single: SingleComparison) -> ((Frame) throws -> Bool)? {
        guard op == .equal || op == .notEqual, case .str(let wanted) = constant, wanted.count == 1,
              case .subscript(let base, let index) = subscripted.kind else { return nil }
        if case .slice = index.kind { return nil }
        let item = ItemSubscriptCode(base, index, subscripted.range, self)
        let point = wanted.scalar(at: 0).value, equalMeansTrue = op == .equal
        return { f in
            let (c, k) = try item.operands(f)
            if case .str(let s) = c, case .int(let i) = k, let found = s.codePoint(atIndex: i) { return (found == point) == equalMeansTrue }
            return try single.outcome(ComparisonAsCondition.self, try item.general(f, c, k), constant, f)
        }
    }
}

/// One bound of a slice written in a subscript (`text[i:i + 8]`): None when left out, else its
/// expression's value, a variable's read in place.
struct SliceBoundCode {
    private let code: ExprCode?
    private let variable: Variable?

    init(_ bound: Expr?, _ compiler: Compiler) {
        code = bound.map(compiler.expression)
        variable = bound.flatMap(compiler.variable)
    }

    @inline(__always)
    func value(in f: Frame) throws -> Value {
        guard let code else { return .none }
        return try variable?.value(in: f) ?? code(f)
    }
}
