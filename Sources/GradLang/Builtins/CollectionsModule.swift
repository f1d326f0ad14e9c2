/// The `collections` module's `namedtuple` (see NamedTuple), `defaultdict`, `Counter`, `OrderedDict` (classes extending dict, as
/// in CPython, so `isinstance(c, dict)` holds and a program may extend them in turn) and `deque`.
/// Their methods are built-ins; each interpreter makes its own classes.
enum CollectionsModule {
    static func make(_ interpreter: Interpreter) -> PyModule {
        var attributes: [String: Value] = [:]
        let classes: [(String, Value, [PyBuiltin])] = [
            ("defaultdict", .object(BuiltinTypes.dict), defaultdictMethods),
            ("Counter", .object(BuiltinTypes.dict), counterMethods),
            ("OrderedDict", .object(BuiltinTypes.dict), orderedDictMethods),
            ("deque", .object(BuiltinTypes.object), dequeMethods),
        ]
        for (name, base, methods) in classes {
            var namespace = Namespace()
            namespace["__module__"] = .str("collections")
            for m in methods { namespace[m.name] = .object(m) }
            if name == "deque" {
                let getter = PyBuiltin("maxlen(self, /)") { args in try maxlen(args).map { .int($0) } ?? .none }
                namespace["maxlen"] = .object(PyProperty(getter: .object(getter), setter: nil, deleter: nil,
                                                         doc: .str("maximum size of a deque or None if unbounded")))
            }
            if let cls = try? ClassCreation.make(name: name, qualifiedName: name, moduleName: "collections",
                                                 arguments: Arguments([base]), namespace: namespace, interpreter: interpreter) {
                attributes[name] = .object(cls)
            }
        }
        attributes["namedtuple"] = .object(NamedTuple.function)
        return PyModule(name: "collections", attributes: attributes)
    }

    private static func contents(_ args: BoundArguments) throws -> PyDict {
        guard case .object(let i as PyInstance) = args["self"], let d = i.native as? PyDict else {
            throw PyError.type("descriptor requires a 'dict' subclass object")
        }
        return d
    }

    private static func instance(_ args: BoundArguments) throws -> PyInstance {
        guard case .object(let i as PyInstance) = args["self"] else { throw PyError.type("descriptor requires an instance") }
        return i
    }

    /// A new instance of the receiver's own class (a subclass's `copy()` stays that subclass).
    private static func sibling(_ args: BoundArguments, _ arguments: Arguments) throws -> Value {
        let cls = try instance(args).cls
        return try ClassCreation.instantiate(cls, arguments, args.interpreter)
    }

    // MARK: defaultdict

    private static var defaultdictMethods: [PyBuiltin] {
        [
            PyBuiltin("defaultdict.__init__(self, default_factory=None, /, *args, **kwargs)") { args in
                let factory = args["default_factory"]
                if !factory.isNone && !IntrospectionFunctions.isCallable(factory) {
                    throw PyError.type("first argument must be callable or None")
                }
                let i = try instance(args)
                try NativeBases.initialize(i, Arguments(args.varargs("args"), keywords: args.keywordArguments("kwargs")), args.interpreter)
                i.setAttribute("default_factory", factory)
                return .none
            },
            PyBuiltin("defaultdict.__missing__(self, key, /)") { args in
                let i = try instance(args)
                let factory = i.attribute("default_factory") ?? .none
                if factory.isNone { throw PyError.key(args["key"]) }
                let value = try args.interpreter.call(factory, Arguments())
                try contents(args).set(args["key"], value)
                return value
            },
            PyBuiltin("defaultdict.__repr__(self, /)") { args in
                let factory = try instance(args).attribute("default_factory") ?? .none
                return .str("\(try instance(args).cls.name)(\(try Repr.checkedRepr(factory)), \(try Repr.checkedRepr(.object(contents(args)))))")
            },
            PyBuiltin("defaultdict.copy(self, /)") { args in
                try sibling(args, Arguments([try instance(args).attribute("default_factory") ?? .none, .object(contents(args))]))
            },
        ]
    }

    // MARK: Counter

    /// Adds (or, with `sign` -1, subtracts) counts from a mapping or an iterable of elements.
    private static func count(_ source: Value?, keywords: [(name: String, value: Value)], into d: PyDict, sign: Int,
                              _ interpreter: Interpreter) throws {
        func add(_ key: Value, _ amount: Value) throws {
            let current = try d.get(key) ?? .int(0)
            try d.set(key, try Operators.binary(sign > 0 ? .add : .subtract, current, amount))
        }
        if let source, !source.isNone {
            if case .object(let mapping as PyDict) = NativeBases.contents(source) {
                for (k, v) in mapping.entries { try add(k, v) }
            } else {
                try interpreter.forEach(in: source) { try add($0, .int(1)) }
            }
        }
        for (k, v) in keywords { try add(.str(k), v) }
    }

    /// Entries by count, largest first; equal counts in insertion order (CPython's stable sort).
    private static func mostCommon(_ d: PyDict) throws -> [(key: Value, value: Value)] {
        var entries = d.entries
        var failure: Error?
        entries = entries.enumerated().sorted { a, b in
            do {
                if try Operators.truthy(Operators.compare(.gt, a.element.value, b.element.value)) { return true }
                if try Operators.truthy(Operators.compare(.gt, b.element.value, a.element.value)) { return false }
            } catch {
                failure = failure ?? error
            }
            return a.offset < b.offset
        }.map(\.element)
        if let failure { throw failure }
        return entries
    }

    private static var counterMethods: [PyBuiltin] {
        [
            PyBuiltin("Counter.__init__(self, iterable=None, /, **kwds)") { args in
                try count(args["iterable"], keywords: args.keywordArguments("kwds"), into: contents(args), sign: 1, args.interpreter)
                return .none
            },
            PyBuiltin("Counter.__missing__(self, key, /)") { _ in .int(0) },
            PyBuiltin("Counter.update(self, iterable=None, /, **kwds)") { args in
                try count(args["iterable"], keywords: args.keywordArguments("kwds"), into: contents(args), sign: 1, args.interpreter)
                return .none
            },
            PyBuiltin("Counter.subtract(self, iterable=None, /, **kwds)") { args in
                try count(args["iterable"], keywords: args.keywordArguments("kwds"), into: contents(args), sign: -1, args.interpreter)
                return .none
            },
            PyBuiltin("Counter.most_common(self, n=None)") { args in
                var entries = try mostCommon(contents(args))
                if !args["n"].isNone { entries = Array(entries.prefix(Swift.max(0, try Arg.size(args["n"])))) }
                return .object(PyList(entries.map { .object(PyTuple([$0.key, $0.value])) }))
            },
            PyBuiltin("Counter.elements(self, /)") { args in
                var items: [Value] = []
                for (k, v) in try contents(args).entries {
                    if case .int(let n) = v, n > 0 {
                        let (total, overflow) = items.count.addingReportingOverflow(n)
                        try Allocation.check(count: overflow ? -1 : total, of: Value.self)
                        items += repeatElement(k, count: n)
                    }
                }
                return .object(try Iteration.iterator(.object(PyList(items))))
            },
            PyBuiltin("Counter.total(self, /)") { args in
                try contents(args).entries.reduce(Value.int(0)) { try Operators.binary(.add, $0, $1.value) }
            },
            PyBuiltin("Counter.copy(self, /)") { args in try sibling(args, Arguments([.object(contents(args))])) },
            PyBuiltin("Counter.__repr__(self, /)") { args in
                let d = try contents(args)
                let name = try instance(args).cls.name
                if d.count == 0 { return .str("\(name)()") }
                let ordered = PyDict()
                for (k, v) in try mostCommon(d) { try ordered.set(k, v) }
                return .str("\(name)(\(try Repr.checkedRepr(.object(ordered))))")
            },
            PyBuiltin("Counter.__add__(self, other, /)") { args in try combine(args, .add) },
            PyBuiltin("Counter.__sub__(self, other, /)") { args in try combine(args, .subtract) },
        ]
    }

    /// `c + d`, `c - d`: a new Counter keeping only positive counts.
    private static func combine(_ args: BoundArguments, _ op: BinaryOperator) throws -> Value {
        guard case .object(let other as PyInstance) = args["other"], other.cls === (try instance(args)).cls,
              let theirs = other.native as? PyDict else { return .object(SpecialMethods.notImplemented) }
        let mine = try contents(args)
        let result = PyDict()
        for (k, v) in mine.entries {
            let combined = try Operators.binary(op, v, try theirs.get(k) ?? .int(0))
            if try Operators.truthy(Operators.compare(.gt, combined, .int(0))) { try result.set(k, combined) }
        }
        if op == .add {
            for (k, v) in theirs.entries where try mine.get(k) == nil && Operators.truthy(Operators.compare(.gt, v, .int(0))) {
                try result.set(k, v)
            }
        }
        return try sibling(args, Arguments([.object(result)]))
    }

    // MARK: OrderedDict

    private static var orderedDictMethods: [PyBuiltin] {
        [
            PyBuiltin("OrderedDict.__repr__(self, /)") { args in
                let d = try contents(args)
                let name = try instance(args).cls.name
                if d.count == 0 { return .str("\(name)()") }
                let pairs = d.entries.map { Value.object(PyTuple([$0.key, $0.value])) }
                return .str("\(name)(\(try Repr.checkedRepr(.object(PyList(pairs)))))")
            },
            PyBuiltin("OrderedDict.move_to_end(self, key, last=True)") { args in
                let d = try contents(args)
                guard let value = try d.remove(args["key"]) else { throw PyError.key(args["key"]) }
                if try Operators.truthy(args["last"]) {
                    try d.set(args["key"], value)
                } else {
                    let rest = d.entries
                    d.removeAll()
                    try d.set(args["key"], value)
                    for (k, v) in rest { try d.set(k, v) }
                }
                return .none
            },
            PyBuiltin("OrderedDict.popitem(self, /, last=True)") { args in
                let d = try contents(args)
                let entries = d.entries
                guard let entry = try Operators.truthy(args["last"]) ? entries.last : entries.first else {
                    throw PyError(exception: PyExceptionObject(type: PyExc.keyError, args: [.str("dictionary is empty")]))
                }
                _ = try d.remove(entry.key)
                return .object(PyTuple([entry.key, entry.value]))
            },
            PyBuiltin("OrderedDict.copy(self, /)") { args in try sibling(args, Arguments([.object(contents(args))])) },
            PyBuiltin("OrderedDict.__eq__(self, other, /)") { args in
                let mine = try contents(args)
                // Between two OrderedDicts the order counts too.
                if case .object(let o as PyInstance) = args["other"], o.cls.lookup("move_to_end") != nil, let theirs = o.native as? PyDict {
                    let a = mine.entries, b = theirs.entries
                    guard a.count == b.count else { return .bool(false) }
                    for (x, y) in zip(a, b) {
                        guard try Operators.sameOrEqual(x.key, y.key), try Operators.sameOrEqual(x.value, y.value) else { return .bool(false) }
                    }
                    return .bool(true)
                }
                return try Operators.compare(.eq, .object(mine), NativeBases.contents(args["other"]))
            },
        ]
    }

    // MARK: deque

    /// Whether `instance` is a deque or extends deque.
    static func isDeque(_ instance: PyInstance) -> Bool {
        instance.cls.mro.contains { $0.name == "deque" && $0.moduleName == "collections" }
    }

    /// A deque's elements, kept in the attribute slot `_items` as a list; `maxlen` in `_maxlen`.
    private static func items(_ args: BoundArguments) throws -> PyList {
        guard case .object(let list as PyList)? = try instance(args).attribute("_items") else {
            throw PyError.type("descriptor requires a 'collections.deque' object")
        }
        return list
    }

    private static func maxlen(_ args: BoundArguments) throws -> Int? {
        if case .int(let n)? = try instance(args).attribute("_maxlen") { return n }
        return nil
    }

    /// Drops elements from the other end when the deque is longer than its `maxlen`.
    private static func trim(_ list: PyList, _ limit: Int?, fromFront: Bool) {
        guard let limit, list.items.count > limit else { return }
        list.changeItems { items in
            if fromFront { items.removeFirst(items.count - limit) } else { items.removeLast(items.count - limit) }
        }
    }

    private static var dequeMethods: [PyBuiltin] {
        [
            PyBuiltin("deque.__init__(self, iterable=<unset>, maxlen=None)") { args in
                let i = try instance(args)
                var limit: Int?
                if !args["maxlen"].isNone {
                    limit = try Arg.size(args["maxlen"])
                    if (limit ?? 0) < 0 { throw PyError.value("maxlen must be non-negative") }
                }
                let list = PyList(try args.given("iterable").map(Iteration.collect) ?? [])
                trim(list, limit, fromFront: true)
                i.setAttribute("_items", .object(list))
                i.setAttribute("_maxlen", limit.map { .int($0) } ?? Value.none)
                return .none
            },
            PyBuiltin("deque.append(self, x, /)") { args in
                let list = try items(args)
                let x = args["x"]
                list.changeItems { $0.append(x) }
                trim(list, try maxlen(args), fromFront: true)
                return .none
            },
            PyBuiltin("deque.appendleft(self, x, /)") { args in
                let list = try items(args)
                let x = args["x"]
                list.changeItems { $0.insert(x, at: 0) }
                trim(list, try maxlen(args), fromFront: false)
                return .none
            },
            PyBuiltin("deque.extend(self, iterable, /)") { args in
                let list = try items(args)
                let more = try Iteration.collect(args["iterable"])
                list.changeItems { $0 += more }
                trim(list, try maxlen(args), fromFront: true)
                return .none
            },
            PyBuiltin("deque.extendleft(self, iterable, /)") { args in
                let list = try items(args)
                let more = try Iteration.collect(args["iterable"])
                list.changeItems { $0.insert(contentsOf: more.reversed(), at: 0) }
                trim(list, try maxlen(args), fromFront: false)
                return .none
            },
            PyBuiltin("deque.pop(self, /)") { args in
                guard let last = try items(args).changeItems({ $0.popLast() }) else { throw PyError.index("pop from an empty deque") }
                return last
            },
            PyBuiltin("deque.popleft(self, /)") { args in
                let list = try items(args)
                guard !list.items.isEmpty else { throw PyError.index("pop from an empty deque") }
                return list.changeItems { $0.removeFirst() }
            },
            PyBuiltin("deque.rotate(self, n=1, /)") { args in
                let list = try items(args)
                guard !list.items.isEmpty else { return .none }
                let count = list.items.count
                let k = ((try Arg.size(args["n"]) % count) + count) % count
                list.items = Array(list.items[(count - k)...] + list.items[..<(count - k)])
                return .none
            },
            PyBuiltin("deque.clear(self, /)") { args in
                try items(args).changeItems { $0.removeAll() }
                return .none
            },
            PyBuiltin("deque.count(self, x, /)") { args in
                .int(try items(args).items.reduce(0) { $0 + (try Operators.sameOrEqual($1, args["x"]) ? 1 : 0) })
            },
            PyBuiltin("deque.__len__(self, /)") { args in .int(try items(args).items.count) },
            PyBuiltin("deque.__iter__(self, /)") { args in .object(try Iteration.iterator(.object(items(args)))) },
            PyBuiltin("deque.__getitem__(self, index, /)") { args in
                let list = try items(args)
                return list.items[try Subscript.position(args["index"], count: list.items.count, what: "deque")]
            },
            PyBuiltin("deque.__setitem__(self, index, value, /)") { args in
                let list = try items(args)
                let i = try Subscript.position(args["index"], count: list.items.count, what: "deque")
                let value = args["value"]
                list.changeItems { $0[i] = value }
                return .none
            },
            PyBuiltin("deque.__contains__(self, x, /)") { args in .bool(try Operators.contains(.object(items(args)), args["x"])) },
            PyBuiltin("deque.__eq__(self, other, /)") { args in
                guard case .object(let o as PyInstance) = args["other"], o.cls === (try instance(args)).cls,
                      case .object(let theirs as PyList)? = o.attribute("_items") else { return .object(SpecialMethods.notImplemented) }
                return .bool(try Operators.equals(.object(items(args)), .object(theirs)))
            },
            PyBuiltin("deque.__repr__(self, /)") { args in
                let list = try Repr.checkedRepr(.object(items(args)))
                if let limit = try maxlen(args) { return .str("deque(\(list), maxlen=\(limit))") }
                return .str("deque(\(list))")
            },
        ]
    }
}
