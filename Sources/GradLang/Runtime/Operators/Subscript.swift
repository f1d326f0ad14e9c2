import BigInt
import GradTensor

/// `container[key]`, `container[key] = value` and `del container[key]`.
enum Subscript {
    /// `interpreter` receives PyTorch's indexing warnings.
    static func get(_ container: Value, _ key: Value, writtenAsTuple: Bool = false, interpreter: Interpreter) throws -> Value {
        switch container {
        case .tensor(let t):
            return .tensor(try TorchIndexingBindings.getItem(t, key, interpreter))
        case .str(let s):
            if case .object(let slice as PySlice) = key { return .str(try sliced(s, slice.start, slice.stop, slice.step)) }
            return .str(s.character(at: try position(key, count: s.count, what: "string")))
        case .object(let o):
            switch o {
            case let l as PyList:
                if case .object(let slice as PySlice) = key {
                    return .object(PyList(try slicePositions(slice, count: l.items.count).map { l.items[$0] }))
                }
                return l.items[try position(key, count: l.items.count, what: "list")]
            case let t as PyTuple:
                if case .object(let slice as PySlice) = key {
                    return .object(PyTuple(try slicePositions(slice, count: t.items.count).map { t.items[$0] }))
                }
                return t.items[try position(key, count: t.items.count, what: "tuple")]
            case let d as PyDict:
                guard let v = try d.get(key) else { throw PyError.key(key) }
                return v
            case let r as PyRange:
                if case .object(let slice as PySlice) = key { return .object(try r.slice(slice)) }
                return try r.element(at: key)
            case let i as PyInstance:
                if let v = try SpecialMethods.call(i, .getitem, [key]) { return v }
                // dict's `__getitem__` asks a subclass's `__missing__` for an absent key.
                if let d = i.native as? PyDict, try d.get(key) == nil, let v = try SpecialMethods.call(i, .missing, [key]) {
                    return v
                }
                if let contents = i.contents { return try get(contents, key, writtenAsTuple: writtenAsTuple, interpreter: interpreter) }
            case let c as PyClass:
                if let v = try Metaclasses.callSpecial(c, .getitem, [key]) { return v }
                if let method = c.lookup("__class_getitem__"), let interpreter = c.interpreter {
                    return try interpreter.call(try ClassAttributes.bind(method, to: container, interpreter), Arguments([key]))
                }
                throw PyError.type("type '\(c.name)' is not subscriptable")
            case let t as PyTypeObject:
                guard [BuiltinTypes.list, BuiltinTypes.dict, BuiltinTypes.tuple, BuiltinTypes.set, BuiltinTypes.frozenset,
                       BuiltinTypes.type].contains(where: { $0 === t }) else {
                    throw PyError.type("type '\(t.qualifiedName)' is not subscriptable")
                }
                return .object(PyGenericAlias(origin: container, key: key, prefix: t.qualifiedName))
            case let form as PyTypingForm:
                return try form.subscripted(by: key)
            case let subscriptable as PySubscriptable:
                return try subscriptable.item(at: key)
            default: break
            }
        default: break
        }
        throw PyError.type("'\(container.typeName)' object is not subscriptable")
    }

    /// `container[start:stop:step]` as written in code: a str is sliced from the bounds
    /// themselves, without making the slice object that anything else is given.
    static func get(_ container: Value, start: Value, stop: Value, step: Value, interpreter: Interpreter) throws -> Value {
        if case .str(let s) = container { return .str(try sliced(s, start, stop, step)) }
        return try get(container, .object(PySlice(start: start, stop: stop, step: step)), interpreter: interpreter)
    }

    private static func sliced(_ s: PyStr, _ start: Value, _ stop: Value, _ step: Value) throws -> PyStr {
        let (start, stop, step) = try sliceIndices(start: start, stop: stop, step: step, count: s.count)
        if step == 1 {
            let length = Swift.max(stop - start, 0)
            // At most four UTF-8 bytes a code point, one in ASCII text.
            try Allocation.check(count: s.isASCII ? length : 4 * length, of: UInt8.self)
            return s.slice(start..<start + length)
        }
        return s.picking(stride(from: start, to: stop, by: step))
    }

    static func set(_ container: Value, _ key: Value, _ value: Value, writtenAsTuple: Bool = false,
                    interpreter: Interpreter) throws {
        switch container {
        case .tensor(let t):
            try TorchIndexingBindings.setItem(t, key, value, interpreter)
        case .object(let l as PyList):
            if case .object(let slice as PySlice) = key {
                let replacement = try Iteration.collect(value)
                let positions = try slicePositions(slice, count: l.items.count)
                if slice.step.isNone || slice.step.intValue == 1 {
                    let lower = positions.first ?? clampedStart(slice, count: l.items.count)
                    l.changeItems { $0.replaceSubrange(lower..<(lower + positions.count), with: replacement) }
                } else {
                    guard replacement.count == positions.count else {
                        throw PyError.value("attempt to assign sequence of size \(replacement.count) to extended slice of size \(positions.count)")
                    }
                    l.changeItems { items in for (p, v) in zip(positions, replacement) { items[p] = v } }
                }
                return
            }
            let i = try position(key, count: l.items.count, what: "list assignment")
            l.changeItems { $0[i] = value }
        case .object(let d as PyDict):
            try d.set(key, value)
        case .object(let i as PyInstance) where SpecialMethods.defines(i, .setitem):
            _ = try SpecialMethods.call(i, .setitem, [key, value])
        case .object(let i as PyInstance) where i.native is PyList || i.native is PyDict:
            try set(NativeBases.contents(container), key, value, writtenAsTuple: writtenAsTuple, interpreter: interpreter)
        case .object(let o as PyItemAssignable):
            try o.setItem(key, to: value)
        default:
            throw PyError.type("'\(container.typeName)' object does not support item assignment")
        }
    }

    static func delete(_ container: Value, _ key: Value) throws {
        switch container {
        case .object(let l as PyList):
            if case .object(let slice as PySlice) = key {
                let doomed = Set(try slicePositions(slice, count: l.items.count))
                l.items = l.items.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
                return
            }
            let i = try position(key, count: l.items.count, what: "list assignment")
            l.changeItems { _ = $0.remove(at: i) }
        case .object(let d as PyDict):
            if try d.remove(key) == nil { throw PyError.key(key) }
        case .object(let array as PyBytes) where array.isMutable:
            try array.deleteItem(key)
        case .object(let view as PyMemoryView):
            try view.deleteItem()
        case .object(let i as PyInstance) where SpecialMethods.defines(i, .delitem):
            _ = try SpecialMethods.call(i, .delitem, [key])
        case .object(let i as PyInstance) where i.native is PyList || i.native is PyDict:
            try delete(NativeBases.contents(container), key)
        default:
            throw PyError.type("'\(container.typeName)' object doesn't support item deletion")
        }
    }

    /// A Python index into a sequence of `count`, with negative indices and CPython's errors.
    static func position(_ key: Value, count: Int, what: String) throws -> Int {
        let i: Int
        switch key {
        case .int(let v): i = v
        case .bool(let b): i = b ? 1 : 0
        case .bigInt: throw PyError.index("cannot fit 'int' into an index-sized integer")
        case .tensor(let t): i = try Conversions.index(t)
        case _ where NativeBases.scalar(key) != nil: return try position(NativeBases.contents(key), count: count, what: what)
        case .object(let instance as PyInstance) where instance.cls.lookup("__index__") != nil:
            return try position(try SpecialMethods.index(instance) ?? .none, count: count, what: what)
        // CPython 3.11 words the str message on its own.
        case _ where what == "string":
            throw PyError.type("string indices must be integers, not '\(key.typeName)'")
        default:
            throw PyError.type("\(what == "list assignment" ? "list" : what) indices must be integers or slices, not \(key.typeName)")
        }
        let p = i < 0 ? i &+ count : i
        // CPython's bytes message names no type.
        guard p >= 0 && p < count else { throw PyError.index(what == "bytes" ? "index out of range" : "\(what) index out of range") }
        return p
    }

    /// The positions a slice selects from a sequence of `count`; MemoryError when there is no
    /// room for them and the items they pick.
    static func slicePositions(_ s: PySlice, count: Int) throws -> [Int] {
        let (start, stop, step) = try sliceIndices(s, count: count)
        // From the span, which a step near Int.max cannot overflow.
        let span = step > 0 ? stop - start : start - stop
        let selected = span <= 0 ? 0 : (span - 1) / Swift.abs(step) + 1
        try Allocation.check(count: Swift.max(selected, 0), of: (position: Int, item: Value).self)
        return Array(stride(from: start, to: stop, by: step))
    }

    /// Python's `slice.indices(count)`: start, stop and step, clamped to the sequence.
    static func sliceIndices(_ s: PySlice, count: Int) throws -> (start: Int, stop: Int, step: Int) {
        try sliceIndices(start: s.start, stop: s.stop, step: s.step, count: count)
    }

    /// `slice(start, stop, step).indices(count)`.
    static func sliceIndices(start: Value, stop: Value, step: Value, count: Int) throws -> (start: Int, stop: Int, step: Int) {
        // CPython clamps the step to -PY_SSIZE_T_MAX, so that it can be negated.
        let step = try step.isNone ? 1 : Swift.max(sliceBound(step), -Int.max)
        if step == 0 { throw PyError.value("slice step cannot be zero") }
        func bound(_ v: Value, _ defaultValue: Int) throws -> Int {
            if v.isNone { return defaultValue }
            var b = try sliceBound(v)
            if b < 0 { b = b &+ count; if b < 0 { b = step < 0 ? -1 : 0 } }
            else if b >= count { b = step < 0 ? count - 1 : count }
            return b
        }
        return (try bound(start, step < 0 ? count - 1 : 0), try bound(stop, step < 0 ? -1 : count), step)
    }

    private static func clampedStart(_ s: PySlice, count: Int) -> Int {
        guard let b = try? sliceBound(s.start), !s.start.isNone else { return 0 }
        return b < 0 ? Swift.max(0, b + count) : Swift.min(b, count)
    }

    private static func sliceBound(_ v: Value) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .bigInt(let b): return b < 0 ? Int.min / 2 : Int.max / 2
        case .tensor(let t): return try Conversions.index(t)
        case _ where NativeBases.scalar(v) != nil: return try sliceBound(NativeBases.contents(v))
        case .object(let instance as PyInstance) where instance.cls.lookup("__index__") != nil:
            return try sliceBound(try SpecialMethods.index(instance) ?? .none)
        default: throw PyError.type("slice indices must be integers or None or have an __index__ method")
        }
    }
}

extension Value {
    var intValue: Int? { if case .int(let i) = self { return i } else { return nil } }
}
