/// Assignment targets (names, attributes, subscripts, tuple/list unpacking with one `*rest`),
/// augmented assignment and `del`.
extension Compiler {
    /// Takes the value over (a value computed for the store moves in without a retain).
    typealias Store = (Frame, consuming Value) throws -> Void

    func assignment(_ target: Expr) -> Store {
        let range = target.range
        switch target.kind {
        case .name(let name):
            return store(name)
        case .attribute(let base, let name):
            let object = expression(base)
            let store = attributeStore(name, range)
            return { f, v in try store(f, try object(f), v) }
        case .subscript(let base, let index):
            // `d[k] = v`: variables are read in place, not through their load closures.
            let container = expression(base), key = expression(index)
            let containerVariable = variable(base), keyVariable = variable(index)
            let isTuple: Bool = { if case .tuple = index.kind { return true } else { return false } }()
            let interpreter = interpreter
            let style = ErrorSpan.Style.indexed(valueEnd: base.range.end)
            return { f, v in
                let c = try containerVariable?.value(in: f) ?? container(f), k = try keyVariable?.value(in: f) ?? key(f)
                try Compiler.locatingErrors(at: range, in: f, style: style) { try Subscript.set(c, k, v, writtenAsTuple: isTuple, interpreter: interpreter) }
            }
        case .tuple(let items), .list(let items):
            return unpacking(items, range)
        default:
            return { f, _ in throw Compiler.located(PyError(PyExc.syntaxError, "cannot assign to expression"), range, f) }
        }
    }

    /// `obj.name` read at a site of its own (see AttributeCache), with CPython's suggestions
    /// when the attribute is missing.
    func attributeLoad(_ name: String, _ range: SourceRange) -> (Frame, Value) throws -> Value {
        let interpreter = interpreter
        let cache = AttributeCache()
        return { f, object in
            if let value = cache.instances.slotValue(object) { return value }
            return try Compiler.locatingErrors(at: range, in: f) {
                do {
                    return try cache.load(object, name, interpreter)
                } catch let e as PyError {
                    throw Suggestions.noting(e, object: object, name: name, interpreter)
                }
            }
        }
    }

    /// `obj.name = value` at a site of its own (see InstanceAttributeCache). A plain store to an
    /// instance moves the value into its slot (no retain).
    func attributeStore(_ name: String, _ range: SourceRange) -> (Frame, Value, consuming Value) throws -> Void {
        let interpreter = interpreter
        let cache = InstanceAttributeCache()
        return { f, object, value in
            if case .object(let instance as PyInstance) = object, let slot = cache.plainSlot(instance, name) {
                instance.setSlot(slot, value)
                return
            }
            try Compiler.locatingErrors(at: range, in: f) {
                if case .object(let instance as PyInstance) = object { return try ClassAttributes.set(instance, name, value, interpreter) }
                try interpreter.setAttribute(object, name, value)
            }
        }
    }

    private func unpacking(_ items: [Expr], _ range: SourceRange) -> Store {
        let starIndex = items.firstIndex { if case .starred = $0.kind { return true } else { return false } }
        let stores: [Store] = items.map {
            if case .starred(let inner) = $0.kind { return assignment(inner) }
            return assignment($0)
        }
        let count = items.count
        return { f, v in
            let values = try Compiler.locatingErrors(at: range, in: f) { () throws -> [Value] in
                // A tuple's or list's items are read as they are: no iterator is made (and
                // registered with the cycle collector) for `a, b = pair`.
                if case .object(let o) = v, let known = (o as? PyTuple)?.items ?? (o as? PyList)?.items {
                    if starIndex == nil && known.count > count { throw PyError.value("too many values to unpack (expected \(count))") }
                    return known
                }
                guard let it = try? Iteration.iterator(v) else {
                    throw PyError.type("cannot unpack non-iterable \(v.typeName) object")
                }
                var out: [Value] = []
                while let x = try it.next() {
                    out.append(x)
                    if starIndex == nil && out.count > count {
                        throw PyError.value("too many values to unpack (expected \(count))")
                    }
                }
                return out
            }
            if let star = starIndex {
                let needed = count - 1
                if values.count < needed {
                    throw Compiler.located(PyError.value("not enough values to unpack (expected at least \(needed), got \(values.count))"), range, f)
                }
                let tail = count - star - 1
                for i in 0..<star { try stores[i](f, values[i]) }
                try stores[star](f, .object(PyList(Array(values[star..<(values.count - tail)]))))
                for i in 0..<tail { try stores[star + 1 + i](f, values[values.count - tail + i]) }
            } else {
                if values.count < count {
                    throw Compiler.located(PyError.value("not enough values to unpack (expected \(count), got \(values.count))"), range, f)
                }
                for (store, value) in zip(stores, values) { try store(f, value) }
            }
        }
    }

    /// `x += v`: tensors update in place (as PyTorch's `__iadd__`), lists extend in place,
    /// everything else rebinds to `x + v`.
    func augmentedAssignment(_ target: Expr, _ op: BinaryOperator, _ value: Expr, line: Int) -> StmtCode {
        let v = expression(value)
        let range = target.range
        // CPython 3.11 underlines a failed `x op= v` only when it is part of a longer line.
        let style = ErrorSpan.Style.whole
        let interpreter = interpreter
        let combine: (Frame, Value, Value) throws -> Value = { f, current, operand in
            try Compiler.locatingErrors(at: SourceRange(range.start, value.range.end), in: f, style: style) {
                try Operators.inPlace(op, current, operand, interpreter)
            }
        }
        switch target.kind {
        case .name(let name):
            let read = load(name, range), write = store(name)
            if let variable = variable(target) {
                // `s += ch`: a variable operand is read in place too.
                let operandVariable = self.variable(value)
                if case .int(let c)? = constantValue(value) {
                    // `total += 1`: the int is read and written in place, the constant captured.
                    return { f in
                        f.line = line
                        if let i = variable.int(in: f), let r = Operators.smallInt(op, i, c) {
                            variable.set(.int(r), in: f)
                            return .normal
                        }
                        let current = try variable.value(in: f) ?? read(f)
                        variable.set(try combine(f, current, .int(c)), in: f)
                        return .normal
                    }
                }
                @inline(__always) func update(_ f: Frame) throws -> Flow {
                    // `total += len(piece)`: a small int is read as it is, not copied as a whole
                    // value; it is the value the operand is added to even if the operand rebinds
                    // the variable, as in CPython.
                    if let i = variable.int(in: f) {
                        let operand = try operandVariable?.value(in: f) ?? v(f)
                        variable.set(try Operators.unboxedBinary(op, .int(i), operand) ?? combine(f, .int(i), operand), in: f)
                        return .normal
                    }
                    var current = try variable.value(in: f) ?? read(f)
                    let operand = try operandVariable?.value(in: f) ?? v(f)
                    if op == .add, case .str(let tail) = operand, try variable.appendInPlace(&current, tail, in: f) {
                        return .normal
                    }
                    variable.set(try Operators.unboxedBinary(op, current, operand) ?? combine(f, current, operand), in: f)
                    return .normal
                }
                if op == .add, let operandVariable {
                    // `s += t` of two variables: nothing runs between reading `s` and appending to
                    // it, so `t` is appended where `s` lies, without a copy of `s` in hand.
                    return { f in
                        f.line = line
                        if case .str(let tail)? = operandVariable.value(in: f), try variable.appendInPlace(tail, in: f) {
                            return .normal
                        }
                        return try update(f)
                    }
                }
                return { f in
                    f.line = line
                    return try update(f)
                }
            }
            return { f in
                f.line = line
                let current = try read(f), operand = try v(f)
                try write(f, try Operators.unboxedBinary(op, current, operand) ?? combine(f, current, operand))
                return .normal
            }
        case .attribute(let base, let name):
            let object = expression(base)
            let load = attributeLoad(name, range), store = attributeStore(name, range)
            return { f in
                f.line = line
                let o = try object(f)
                let current = try load(f, o), operand = try v(f)
                try store(f, o, try Operators.unboxedBinary(op, current, operand) ?? combine(f, current, operand))
                return .normal
            }
        case .subscript(let base, let index):
            let container = expression(base), key = expression(index)
            let isTuple: Bool = { if case .tuple = index.kind { return true } else { return false } }()
            let interpreter = interpreter
            return { f in
                f.line = line
                let c = try container(f), k = try key(f)
                let current = try Compiler.locatingErrors(at: range, in: f) { try Subscript.get(c, k, writtenAsTuple: isTuple, interpreter: interpreter) }
                let result = try combine(f, current, try v(f))
                try Compiler.locatingErrors(at: range, in: f) { try Subscript.set(c, k, result, writtenAsTuple: isTuple, interpreter: interpreter) }
                return .normal
            }
        default:
            return { f in
                f.line = line
                throw Compiler.located(PyError(PyExc.syntaxError, "'expression' is an illegal expression for augmented assignment"), range, f)
            }
        }
    }

    func deletion(_ target: Expr) -> (Frame) throws -> Void {
        let range = target.range
        switch target.kind {
        case .name(let name):
            return delete(name, range)
        case .subscript(let base, let index):
            let container = expression(base), key = expression(index)
            return { f in
                let c = try container(f), k = try key(f)
                try Compiler.locatingErrors(at: range, in: f) { try Subscript.delete(c, k) }
            }
        case .tuple(let items), .list(let items):
            let parts = items.map(deletion)
            return { f in for p in parts { try p(f) } }
        case .attribute(let base, let name):
            let object = expression(base)
            let interpreter = interpreter
            return { f in
                let o = try object(f)
                try Compiler.locatingErrors(at: range, in: f) { try interpreter.deleteAttribute(o, name) }
            }
        default:
            return { f in throw Compiler.located(PyError(PyExc.syntaxError, "cannot delete expression"), range, f) }
        }
    }
}
