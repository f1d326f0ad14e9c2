/// A class's bases as the `class` statement names them, built-in types among them
/// (`class A(Base, list)`), and what CPython derives from them: `__bases__`, `__mro__` with the
/// built-in types in their C3 places, `__base__` (the base whose instance layout the class
/// extends), and the errors for bases no order or layout can reconcile.
///
/// Attribute look-up does not use this order: it walks the user classes (PyClass.mro), then the
/// built-in type's methods (NativeBases), which differs only when a class after the built-in
/// type in `__mro__` defines a name the type has.
enum DeclaredBases {
    /// The full method resolution order of a class with these bases (C3 over their orders and
    /// the bases themselves); CPython's TypeError for a repeated base or no consistent order.
    static func linearize(_ bases: [PyObject]) throws -> [PyObject] {
        for (i, base) in bases.enumerated() where bases[..<i].contains(where: { $0 === base }) {
            throw PyError.type("duplicate base class \(name(base))")
        }
        return try merge(bases.map(order) + [bases], bases: bases, name: name)
    }

    /// C3: the bases' orders merged, each class before its bases and the bases in the order
    /// given; CPython's TypeError, naming the bases, when no such order exists.
    static func merge<Class: AnyObject>(_ orders: [[Class]], bases: [Class], name: (Class) -> String) throws -> [Class] {
        var sequences = orders
        var result: [Class] = []
        while true {
            sequences.removeAll { $0.isEmpty }
            if sequences.isEmpty { return result }
            guard let head = sequences.lazy.map({ $0[0] }).first(where: { candidate in
                !sequences.contains { $0.dropFirst().contains { $0 === candidate } }
            }) else {
                // CPython 3.11's message has a line break in it.
                throw PyError.type("Cannot create a consistent method resolution\norder (MRO) for bases "
                                   + bases.map(name).joined(separator: ", "))
            }
            result.append(head)
            for i in sequences.indices where sequences[i].first === head { sequences[i].removeFirst() }
        }
    }

    /// `C.__mro__`: the class, then the linearization of its bases, ending with `object`.
    static func order(_ type: PyObject) -> [PyObject] {
        switch type {
        case let c as PyClass:
            guard c.interpreter != nil else { return c.mro + [BuiltinTypes.object] }
            return [c] + ((try? linearize(bases(of: c))) ?? c.ancestors + [BuiltinTypes.object])
        case let t as PyTypeObject:
            return Array(sequence(first: t, next: BuiltinTypes.base))
        default: return [type]
        }
    }

    /// `C.__bases__`: the bases named, or `object`.
    static func bases(of cls: PyClass) -> [PyObject] {
        // Classes the library makes without a `class` statement name their bases as these.
        let bases = cls.declaredBases.isEmpty ? cls.bases + (cls.nativeBase.map { [$0] } ?? []) : cls.declaredBases
        return bases.isEmpty ? [BuiltinTypes.object] : bases
    }

    /// `C.__base__`: the first base whose layout is the most derived (a class extending a
    /// built-in type, or an exception class, over a plain class), as CPython's `best_base`.
    static func best(of cls: PyClass) -> PyObject {
        let candidates = bases(of: cls)
        return candidates.first { layout(of: $0) != nil } ?? candidates[0]
    }

    /// The built-in layout instances of `type` extend: the built-in type, BaseException's for
    /// an exception class, nil for a plain class.
    private static func layout(of type: PyObject) -> PyObject? {
        switch type {
        case let c as PyClass: return c.nativeBase ?? (c.isExceptionClass ? PyExc.baseException : nil)
        case let t as PyTypeObject: return t === BuiltinTypes.object ? nil : t
        default: return nil
        }
    }

    private static func name(_ type: PyObject) -> String {
        switch type {
        case let c as PyClass: return c.name
        case let t as PyTypeObject: return t.name
        default: return type.typeName
        }
    }
}
