/// What the language does with instances of user classes through their special methods
/// (`__add__`, `__eq__`, `__repr__`, `__len__`, ...), with CPython's fallbacks and errors. Special
/// methods are looked up on the class, never on the instance, as in CPython.
enum SpecialMethods {
    /// The value of `NotImplemented`.
    nonisolated(unsafe) static let notImplemented = PyNotImplemented()

    /// `instance.name(args...)` when the class defines `name`; nil when it does not.
    static func call(_ instance: PyInstance, _ name: SpecialName, _ args: [Value]) throws -> Value? {
        guard let method = instance.cls.lookup(name), let interpreter = instance.cls.interpreter else { return nil }
        if method.isNone { return try setToNone(name) }
        if case .object(let f as PyFunction) = method { return try f.call(receiver: .object(instance), args, interpreter) }
        let bound = try ClassAttributes.bind(method, to: .object(instance), interpreter)
        return try interpreter.call(bound, Arguments(args))
    }

    /// `call` with one argument (a binary operator's or comparison's method).
    static func call(_ instance: PyInstance, _ name: SpecialName, with argument: Value) throws -> Value? {
        guard let method = instance.cls.lookup(name), let interpreter = instance.cls.interpreter else { return nil }
        if method.isNone { return try setToNone(name) }
        if case .object(let f as PyFunction) = method { return try f.call(receiver: .object(instance), argument: argument, interpreter) }
        return try call(instance, name, [argument])
    }

    /// A special method set to None. For `__hash__`, `__iter__` and `__contains__` that says the
    /// class does not support the operation (nil: the caller raises its own error); any other is
    /// called like a method, as CPython calls it, and None is not callable.
    private static func setToNone(_ name: SpecialName) throws -> Value? {
        switch name {
        case .hash, .iter, .contains: return nil
        default: throw PyError.type("'NoneType' object is not callable")
        }
    }

    /// `operator.index(instance)`: what the class's `__index__` returns, which must be an int
    /// (bool included); nil when the class defines none.
    static func index(_ instance: PyInstance) throws -> Value? {
        guard let method = instance.cls.lookup("__index__"), !method.isNone, let interpreter = instance.cls.interpreter else { return nil }
        let result = try interpreter.call(try ClassAttributes.bind(method, to: .object(instance), interpreter), Arguments())
        switch result {
        case .int, .bigInt, .bool: return result
        default: throw PyError.type("__index__ returned non-int (type \(result.typeName))")
        }
    }

    /// Whether the class (not `object`) defines `name`.
    static func defines(_ instance: PyInstance, _ name: SpecialName) -> Bool {
        instance.cls.lookup(name).map { !$0.isNone } ?? false
    }

    private static func isNotImplemented(_ v: Value) -> Bool {
        if case .object(let o) = v { return o === notImplemented }
        return false
    }

    // MARK: operators

    /// `a op b` when either operand is an instance of a user class. CPython's order: the right
    /// operand's reflected method first if its class is a subclass of the left's that overrides
    /// it, then the left's method, then the right's reflected one; `fallback` is the built-in
    /// operator, for a built-in left operand or a class that extends list or dict.
    static func binary(_ op: BinaryOperator, _ a: Value, _ b: Value, fallback: (Value, Value) throws -> Value) throws -> Value {
        let left = a.instance, right = b.instance
        let names = SpecialName.methods(of: op)
        var triedReflected = false
        if let right, let left, right.cls !== left.cls, right.cls.isSubclass(of: left.cls), defines(right, names.reflected) {
            triedReflected = true
            if let r = try call(right, names.reflected, with: a), !isNotImplemented(r) { return r }
        }
        if let left {
            if let r = try call(left, names.forward, with: b), !isNotImplemented(r) { return r }
            if left.native != nil, !(right.map { defines($0, names.reflected) } ?? false) {
                return try fallback(NativeBases.contents(a), NativeBases.contents(b))
            }
        } else {
            // As CPython: a right operand whose class extends the left's type (or float, for an
            // int) and overrides the reflected method goes first (`1.0 + x` for a float subclass
            // with `__radd__`).
            if let right, reflectedGoesFirst(over: a, right), defines(right, names.reflected) {
                triedReflected = true
                if let r = try call(right, names.reflected, with: a), !isNotImplemented(r) { return r }
            }
            // A built-in left operand (a number, a tensor) first tries its own operator, which
            // raises TypeError where CPython's would return NotImplemented. A str's or bytes' `%`
            // never returns it: its formatting errors are final, and `__rmod__` is not asked.
            if op == .modulo, isFormat(a) { return try fallback(a, NativeBases.contents(b)) }
            // `[0] * n` for an object with `__index__`: the sequence repeats itself (sq_repeat),
            // and an `__index__` that fails says so.
            if op == .multiply, a.isSequence, let right, right.cls.lookup("__index__") != nil, !defines(right, .rmul) {
                return try fallback(a, b)
            }
            do { return try fallback(a, NativeBases.contents(b)) } catch let e as PyError where e.type === PyExc.typeError {}
        }
        if let right, !triedReflected, !(left.map { $0.cls === right.cls } ?? false) {
            if let r = try call(right, names.reflected, with: a), !isNotImplemented(r) { return r }
        }
        if op == .multiply, let left, b.isSequence, left.cls.lookup("__index__") != nil { return try fallback(a, b) }
        throw PyError.type("unsupported operand type(s) for \(op.rawValue): '\(a.typeName)' and '\(b.typeName)'")
    }

    /// Whether `v` is a str or bytes, whose `%` formats.
    private static func isFormat(_ v: Value) -> Bool {
        switch v {
        case .str, .object(is PyBytes): return true
        default: return false
        }
    }

    /// Whether CPython would try `instance`'s reflected method before the built-in number `v`'s
    /// operator: its class extends `v`'s type, or extends float where `v` is an int or bool (whose
    /// operators return NotImplemented for a float).
    private static func reflectedGoesFirst(over v: Value, _ instance: PyInstance) -> Bool {
        let native = instance.cls.nativeBase
        switch v {
        case .float: return native === BuiltinTypes.float
        case .int, .bigInt: return native === BuiltinTypes.int || native === BuiltinTypes.float
        case .bool: return native === BuiltinTypes.float
        default: return false
        }
    }

    /// `a op= b` on an instance whose class defines `__iop__`; nil otherwise.
    static func inPlace(_ op: BinaryOperator, _ a: Value, _ b: Value, _ interpreter: Interpreter) throws -> Value? {
        guard let left = a.instance else { return nil }
        if let r = try call(left, SpecialName.methods(of: op).inPlace, with: b), !isNotImplemented(r) { return r }
        // A list's `+=` extends the contents in place: the name stays bound to the instance.
        if let native = left.native, !defines(left, SpecialName.methods(of: op).forward) {
            let updated = try Operators.inPlace(op, NativeBases.contents(a), NativeBases.contents(b), interpreter)
            if case .object(let o) = updated, o === native { return a }
            return updated
        }
        return nil
    }

    /// `-x`, `+x`, `~x`, `abs(x)` by `__neg__`, `__pos__`, `__invert__`, `__abs__`.
    static func unary(_ name: SpecialName, _ instance: PyInstance, symbol: String) throws -> Value {
        if let r = try call(instance, name, []) { return r }
        if case let contents? = instance.contents, instance.native is NativeScalar || instance.native is PyComplex {
            switch name {
            case .neg: return try Operators.unary(.minus, contents)
            case .pos: return try Operators.unary(.plus, contents)
            case .invert: return try Operators.unary(.invert, contents)
            case .abs: return try NumericFunctions.absolute(contents)
            default: break
            }
        }
        throw PyError.type("bad operand type for \(symbol): '\(instance.typeName)'")
    }

    /// `a op b` for the comparison operators: the reflected method (`<` and `>` swap, `==` and
    /// `!=` are their own) when the first gives NotImplemented; `==` and `!=` fall back to
    /// identity. Nil when neither operand is an instance.
    static func compare(_ op: CompareOperator, _ a: Value, _ b: Value) throws -> Value? {
        let left = a.instance, right = b.instance
        guard left != nil || right != nil else { return nil }
        let (forward, reflected) = SpecialName.methods(of: op)
        var triedReflected = false
        if let right, let left, right.cls !== left.cls, right.cls.isSubclass(of: left.cls) {
            triedReflected = true
            if let r = try call(right, reflected, with: a), !isNotImplemented(r) { return r }
        }
        if let left, let r = try call(left, forward, with: b), !isNotImplemented(r) { return r }
        if let right, !triedReflected, let r = try call(right, reflected, with: a), !isNotImplemented(r) { return r }
        if left?.native != nil || right?.native != nil {
            let x = NativeBases.contents(a), y = NativeBases.contents(b)
            do {
                return try Operators.compare(op, x, y)
            } catch let e as PyError where e.message == Operators.unorderable(op, x, y).message {
                // Named as the operands are, not their contents.
                throw Operators.unorderable(op, a, b)
            }
        }
        switch op {
        case .eq: return .bool(Operators.identical(a, b))
        case .ne:
            // `object.__ne__` inverts `__eq__` when the class defines only that.
            if let left, let r = try call(left, .eq, with: b), !isNotImplemented(r) { return .bool(!(try Operators.truthy(r))) }
            return .bool(!Operators.identical(a, b))
        default:
            throw Operators.unorderable(op, a, b)
        }
    }

    // MARK: protocols

    /// `bool(x)`: `__bool__`, else `__len__`, else true.
    static func truthy(_ instance: PyInstance) throws -> Bool {
        if let r = try call(instance, .bool, []) {
            guard case .bool(let b) = r else { throw PyError.type("__bool__ should return bool, returned \(r.typeName)") }
            return b
        }
        if defines(instance, .len) { return try length(instance) > 0 }
        if let contents = instance.contents { return try Operators.truthy(contents) }
        return true
    }

    /// `iter(x)`: what `__iter__` returns, stepped by its `__next__` until StopIteration; without
    /// `__iter__`, `__getitem__` with 0, 1, 2, ... until IndexError (the old sequence protocol).
    static func iterator(_ instance: PyInstance) throws -> PyIterator {
        if let r = try call(instance, .iter, []) {
            switch r {
            case .object(let it as PyIterator): return it
            case .object(let g as PyGeneratorObject): return g.iterator
            case .object(let next as PyInstance) where defines(next, .next): return stepping(next)
            default: throw PyError.type("iter() returned non-iterator of type '\(r.typeName)'")
            }
        }
        // `__iter__ = None` makes even a list subclass not iterable.
        let blocked = instance.cls.lookup(.iter)?.isNone == true
        if !blocked, let contents = instance.contents, !defines(instance, .getitem) { return try Iteration.iterator(contents) }
        guard !blocked, defines(instance, .getitem) else {
            throw PyError.type("'\(instance.typeName)' object is not iterable")
        }
        var index = 0
        // Holds the instance where the cycle collector sees it (it may hold its own iterator).
        return PyIterator(name: "iterator", holding: [.object(instance)]) { held in
            guard let instance = held[0].object(as: PyInstance.self) else { return nil }
            do {
                defer { index += 1 }
                return try call(instance, .getitem, [.int(index)])
            } catch let e as PyError where e.type.isSubclass(of: PyExc.indexError) || e.type.isSubclass(of: PyExc.stopIteration) {
                return nil
            }
        }
    }

    /// An iterator that calls `__next__` of a user iterator object.
    static func stepping(_ iterator: PyInstance) -> PyIterator {
        PyIterator(name: iterator.typeName, holding: [.object(iterator)]) { held in
            guard let iterator = held[0].object(as: PyInstance.self) else { return nil }
            do {
                return try call(iterator, .next, [])
            } catch let e as PyError where e.type.isSubclass(of: PyExc.stopIteration) {
                return nil
            }
        }
    }

    /// `len(x)` by `__len__`, with CPython's checks of what it returns.
    static func length(_ instance: PyInstance) throws -> Int {
        guard let r = try call(instance, .len, []) else {
            if let contents = instance.contents { return try IteratorFunctions.length(contents) }
            throw PyError.type("object of type '\(instance.typeName)' has no len()")
        }
        switch r {
        case .int(let n):
            if n < 0 { throw PyError.value("__len__() should return >= 0") }
            return n
        case .bool(let b): return b ? 1 : 0
        case .bigInt(let b):
            if b < 0 { throw PyError.value("__len__() should return >= 0") }
            throw PyError.overflow("cannot fit 'int' into an index-sized integer")
        default: throw PyError.type("'\(r.typeName)' object cannot be interpreted as an integer")
        }
    }

    /// `repr(x)` by `__repr__`, or `<__main__.C object at 0x…>`; exceptions as `C(args)`.
    static func repr(_ instance: PyInstance) throws -> String {
        if let r = try call(instance, .repr, []) {
            guard case .str(let s) = r else { throw PyError.type("__repr__ returned non-string (type \(r.typeName))") }
            return s.string
        }
        // A set or frozenset subclass names itself (`Tags({1, 2})`, `Tags()`); list, dict and
        // tuple ones do not.
        if let set = instance.native as? PySet {
            let body = set.count == 0 ? "" : try Repr.checkedRepr(.object(set))
            return instance.cls.name + "(" + (set.isFrozen ? String(body.dropFirst("frozenset(".count).dropLast()) : body) + ")"
        }
        if let contents = instance.contents { return try Repr.checkedRepr(contents) }
        return defaultRepr(instance)
    }

    /// `object.__repr__` (and BaseException's).
    static func defaultRepr(_ instance: PyInstance) -> String {
        if let e = instance as? PyExceptionObject {
            return e.type.name + "(" + e.args.map { Repr.repr($0) }.joined(separator: ", ") + ")"
        }
        return "<\(instance.cls.displayName) object at \(Repr.address(.object(instance)))>"
    }

    /// `str(x)` by `__str__`, else the repr (an exception's message).
    static func str(_ instance: PyInstance) throws -> String {
        if let r = try call(instance, .str, []) {
            guard case .str(let s) = r else { throw PyError.type("__str__ returned non-string (type \(r.typeName))") }
            return s.string
        }
        if let e = instance as? PyExceptionObject { return e.message }
        // `str.__str__` of a str subclass is its text; the others' str is their repr.
        if case .str(let s)? = instance.contents { return s.string }
        return try repr(instance)
    }

    /// `hash(x)`: `__hash__`, identity by default; a class that defines `__eq__` without
    /// `__hash__` has `__hash__ = None` (set when the class is made) and is unhashable.
    static func hash(_ instance: PyInstance) throws -> Int? {
        if case .none? = instance.cls.lookup(.hash) { throw PyError.type("unhashable type: '\(instance.typeName)'") }
        if let native = instance.cls.nativeBase, instance.cls.lookup(.hash) == nil {
            if NativeBases.isImmutable(native), let contents = instance.contents { return try Hashing.hash(contents) }
            throw PyError.type("unhashable type: '\(instance.typeName)'")
        }
        guard let r = try call(instance, .hash, []) else { return nil }
        switch r {
        case .int(let n): return n == -1 ? -2 : n
        case .bool(let b): return b ? 1 : 0
        case .bigInt: return try Hashing.hash(r)
        default: throw PyError.type("__hash__ method should return an integer")
        }
    }
}

/// `NotImplemented`: what a binary special method returns for an operand it does not handle.
final class PyNotImplemented: PyObject, PyCustomRepr {
    override var typeName: String { "NotImplementedType" }
    var reprText: String { "NotImplemented" }
}

extension Value {
    /// The user-class instance this value is, if it is one.
    var instance: PyInstance? {
        if case .object(let o) = self { return o as? PyInstance }
        return nil
    }
}

extension PyClass {
    /// How `repr` names the class: `__main__.C` for a class of the program, `ValueError` for a
    /// built-in one.
    var displayName: String { moduleName == "builtins" ? qualifiedName : "\(moduleName).\(qualifiedName)" }

    /// How a traceback's last line names an exception's class: without `__main__.` (CPython's
    /// traceback module leaves out `__main__` and `builtins`).
    public var tracebackName: String { moduleName == "__main__" ? qualifiedName : displayName }
}
