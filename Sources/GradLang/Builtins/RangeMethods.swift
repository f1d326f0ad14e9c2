/// Methods of `range`: `count` and `index` by arithmetic for ints (any size), by comparing each
/// element for other values, as CPython does (`2.0 in range(3)` is True).
enum RangeMethods {
    static var all: [PyBuiltin] {
        [
            PyBuiltin("range.count(self, value, /)") { args in
                let r = try args.selfRange
                if let found = r.contains(args["value"]) { return .int(found ? 1 : 0) }
                return try SequenceSearch.count(Iteration.collect(.object(r)), args["value"])
            },
            PyBuiltin("range.index(self, value, /)") { args in
                let r = try args.selfRange, value = args["value"]
                if let x = PyRange.integer(value) {
                    guard let i = r.index(of: x) else { throw PyError.value("\(Repr.repr(value)) is not in range") }
                    return .integer(i)
                }
                guard let i = try SequenceSearch.index(Iteration.collect(.object(r)), value, start: .none, stop: .none) else {
                    throw PyError.value("sequence.index(x): x not in sequence")
                }
                return .int(i)
            },
        ]
    }
}
