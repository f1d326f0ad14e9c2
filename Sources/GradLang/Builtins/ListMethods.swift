/// Methods of `list`.
enum ListMethods {
    /// `list.sort`, which `sorted` calls on its new list as CPython does (so its keyword errors
    /// name `sort()`).
    nonisolated(unsafe) static let sort = PyBuiltin("sort(self, *, key=None, reverse=False)", style: .clinic) { args in
        let list = try args.selfList
        // Argument Clinic's `bool(accept={int})`: an int that fits a C int, not any truth value.
        guard let reverse = Int32(exactly: try Arg.integer(args["reverse"])).map({ $0 != 0 }) else {
            throw PyError.overflow("Python int too large to convert to C int")
        }
        // The list looks empty while its keys run, as in CPython; one that grew meanwhile
        // (an append gives the empty array storage) was modified, and loses the change.
        var items: [Value] = []
        swap(&items, &list.items)
        do {
            try Sorting.sort(&items, key: args["key"], reverse: reverse, args.interpreter)
        } catch {
            list.items = items
            throw error
        }
        let modified = list.items.capacity > 0
        list.items = items
        if modified { throw PyError.value("list modified during sort") }
        return .none
    }

    /// `list.pop(index)`.
    private static func pop(_ list: PyList, at index: Value) throws -> Value {
        guard !list.items.isEmpty else { throw PyError.index("pop from empty list") }
        var i = try Arg.size(index)
        if i < 0 { i = i.addingReportingOverflow(list.items.count).partialValue }
        guard i >= 0 && i < list.items.count else { throw PyError.index("pop index out of range") }
        return list.changeItems { $0.remove(at: i) }
    }

    static var all: [PyBuiltin] {
        [
            sort,
            PyBuiltin("list.append(self, object, /)", two: { receiver, object, _ in
                let list: PyList = try Receiver.cast(receiver, "list", method: "append")
                try Allocation.checkGrowth(of: list.items, to: list.items.count + 1)
                list.changeItems { $0.append(object) }
                return .none
            }),
            PyBuiltin("list.extend(self, iterable, /)") { args in
                let list = try args.selfList
                let more = try Iteration.collect(args["iterable"])
                try Allocation.checkGrowth(of: list.items, to: list.items.count + more.count)
                list.changeItems { $0 += more }
                return .none
            },
            PyBuiltin("insert(self, index, object, /)") { args in
                let list = try args.selfList
                let n = list.items.count
                var i = try Arg.size(args["index"])
                if i < 0 { i = Swift.max(i.addingReportingOverflow(n).partialValue, 0) }
                try Allocation.checkGrowth(of: list.items, to: n + 1)
                let object = args["object"]
                list.changeItems { $0.insert(object, at: Swift.min(i, n)) }
                return .none
            },
            // `stack.pop()`, the common call, runs without binding (see PyBuiltin.Direct).
            PyBuiltin("pop(self, index=-1, /)", { args in try pop(args.selfList, at: args["index"]) },
                      one: { receiver, _ in try pop(Receiver.cast(receiver, "list", method: "pop"), at: .int(-1)) }),
            PyBuiltin("list.remove(self, value, /)") { args in
                let list = try args.selfList
                guard let i = try SequenceSearch.index(list.items, args["value"], start: .none, stop: .none) else {
                    throw PyError.value("list.remove(x): x not in list")
                }
                list.changeItems { _ = $0.remove(at: i) }
                return .none
            },
            PyBuiltin("index(self, value, start=None, stop=None, /)") { args in
                guard let i = try SequenceSearch.index(args.selfList.items, args["value"], start: args["start"], stop: args["stop"]) else {
                    throw PyError.value("\(Repr.repr(args["value"])) is not in list")
                }
                return .int(i)
            },
            PyBuiltin("list.count(self, value, /)") { args in
                try SequenceSearch.count(args.selfList.items, args["value"])
            },
            PyBuiltin("list.reverse(self, /)") { args in
                try args.selfList.changeItems { $0.reverse() }
                return .none
            },
            PyBuiltin("list.copy(self, /)") { args in .object(PyList(try args.selfList.items)) },
            PyBuiltin("list.clear(self, /)") { args in
                try args.selfList.changeItems { $0.removeAll() }
                return .none
            },
        ]
    }
}

/// Methods of `tuple`.
enum TupleMethods {
    static var all: [PyBuiltin] {
        [
            PyBuiltin("tuple.count(self, value, /)") { args in
                try SequenceSearch.count(args.selfTuple.items, args["value"])
            },
            PyBuiltin("index(self, value, start=None, stop=None, /)") { args in
                guard let i = try SequenceSearch.index(args.selfTuple.items, args["value"], start: args["start"], stop: args["stop"]) else {
                    throw PyError.value("tuple.index(x): x not in tuple")
                }
                return .int(i)
            },
        ]
    }
}
