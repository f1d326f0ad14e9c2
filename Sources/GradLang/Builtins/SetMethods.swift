/// Methods of `set` and `frozenset` (the mutating ones refuse a frozenset, as it has none).
enum SetMethods {
    static var all: [PyBuiltin] {
        [
            // The element methods' direct bodies call the set themselves: a body passed in as a
            // closure would be a second call, with the element copied for it, on every `s.add(x)`.
            PyBuiltin("set.add(self, elem, /)", two: { receiver, elem, _ in
                try mutable(receiver, "add").insert(elem)
                return .none
            }),
            PyBuiltin("set.remove(self, elem, /)", two: { receiver, elem, _ in
                if !(try mutable(receiver, "remove").remove(elem)) { throw PyError.key(elem) }
                return .none
            }),
            PyBuiltin("set.discard(self, elem, /)", two: { receiver, elem, _ in
                try mutable(receiver, "discard").remove(elem)
                return .none
            }),
            PyBuiltin("set.pop(self, /)") { args in
                let s = try mutable(args, "pop")
                guard let element = s.pop() else {
                    throw PyError(exception: PyExceptionObject(type: PyExc.keyError, args: [.str("pop from an empty set")]))
                }
                return element
            },
            mutating("set.clear(self, /)") { s, _ in s.removeAll() },
            mutating("set.update(self, *others, /)") { s, args in
                for other in args.varargs("others") { try args.interpreter.forEach(in: other) { try s.insert($0) } }
            },
            PyBuiltin("set.union(self, *others, /)") { args in
                let s = try args.selfSet
                let result = try copy(s)
                for other in args.varargs("others") { try args.interpreter.forEach(in: other) { try result.insert($0) } }
                return .object(result)
            },
            PyBuiltin("set.intersection(self, *others, /)") { args in
                var items = try args.selfSet.items
                for other in args.varargs("others") {
                    let keep = try Constructors.makeSet(other, frozen: true, args.interpreter)
                    items = try items.filter { try keep.contains($0) }
                }
                return .object(try make(items, like: args.selfSet))
            },
            PyBuiltin("set.difference(self, *others, /)") { args in
                var items = try args.selfSet.items
                for other in args.varargs("others") {
                    let drop = try Constructors.makeSet(other, frozen: true, args.interpreter)
                    items = try items.filter { !(try drop.contains($0)) }
                }
                return .object(try make(items, like: args.selfSet))
            },
            PyBuiltin("set.symmetric_difference(self, other, /)") { args in
                let s = try args.selfSet
                let other = try Constructors.makeSet(args["other"], frozen: true, args.interpreter)
                let items = try s.items.filter { !(try other.contains($0)) } + other.items.filter { !(try s.contains($0)) }
                return .object(try make(items, like: s))
            },
            PyBuiltin("set.issubset(self, other, /)") { args in
                let other = try Constructors.makeSet(args["other"], frozen: true, args.interpreter)
                return .bool(try args.selfSet.items.allSatisfy { try other.contains($0) })
            },
            PyBuiltin("set.issuperset(self, other, /)") { args in
                let s = try args.selfSet
                var all = true
                try args.interpreter.forEach(in: args["other"]) { if !(try s.contains($0)) { all = false } }
                return .bool(all)
            },
            PyBuiltin("set.isdisjoint(self, other, /)") { args in
                let s = try args.selfSet
                var disjoint = true
                try args.interpreter.forEach(in: args["other"]) { if try s.contains($0) { disjoint = false } }
                return .bool(disjoint)
            },
            PyBuiltin("set.copy(self, /)") { args in .object(try copy(args.selfSet)) },
            mutating("set.difference_update(self, *others, /)") { s, args in
                for other in args.varargs("others") {
                    if case .object(let o) = other, o === s { s.removeAll(); continue }
                    try args.interpreter.forEach(in: other) { _ = try s.remove($0) }
                }
            },
            mutating("set.intersection_update(self, *others, /)") { s, args in
                // Computed aside, then swapped in: an error leaves the set as it was (CPython).
                var items = s.items
                for other in args.varargs("others") {
                    let keep = try Constructors.makeSet(other, frozen: true, args.interpreter)
                    items = try items.filter { try keep.contains($0) }
                }
                let result = try make(items, like: s)
                s.removeAll()
                try s.merge(result)
            },
            mutating("set.symmetric_difference_update(self, other, /)") { s, args in
                if case .object(let o) = args["other"], o === s { return s.removeAll() }
                let other = try Constructors.makeSet(args["other"], frozen: true, args.interpreter)
                for item in other.items where !(try s.remove(item)) { try s.insert(item) }
            },
        ]
    }

    /// A method only `set` has: on a frozenset it does not exist.
    private static func mutating(_ signature: String, _ body: @escaping (PySet, BoundArguments) throws -> Void) -> PyBuiltin {
        let name = PyBuiltin.name(in: signature)
        return PyBuiltin(signature) { args in
            try body(mutable(args, name), args)
            return .none
        }
    }

    private static func mutable(_ args: BoundArguments, _ name: String) throws -> PySet {
        try mutable(try args.selfSet, name)
    }

    /// The receiver of a direct body, a set that is not frozen.
    private static func mutable(_ receiver: Value, _ name: String) throws -> PySet {
        try mutable(try Receiver.cast(receiver, "set", method: name), name)
    }

    private static func mutable(_ s: PySet, _ name: String) throws -> PySet {
        if s.isFrozen { throw PyError.attribute("'frozenset' object has no attribute '\(name)'") }
        return s
    }

    private static func copy(_ s: PySet) throws -> PySet {
        let result = PySet(frozen: s.isFrozen)
        try result.merge(s)
        return result
    }

    /// A new set of the receiver's kind (set or frozenset) holding `items`.
    private static func make(_ items: [Value], like s: PySet) throws -> PySet {
        let result = PySet(frozen: s.isFrozen)
        for item in items { try result.insert(item) }
        return result
    }
}
