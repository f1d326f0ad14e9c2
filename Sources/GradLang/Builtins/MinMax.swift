/// `min` and `max` over an iterable or over their arguments, with `key=` and `default=`.
enum MinMax {
    static var all: [PyBuiltin] {
        [
            PyBuiltin("min(*args, key=None, default=<unset>)", style: .extremum) { args in try extreme(args, "min", .lt) },
            PyBuiltin("max(*args, key=None, default=<unset>)", style: .extremum) { args in try extreme(args, "max", .gt) },
        ]
    }

    /// The first element that no later one beats (`later < best` for min, `later > best` for max).
    private static func extreme(_ args: BoundArguments, _ name: String, _ beats: CompareOperator) throws -> Value {
        let positional = args.varargs("args")
        let candidates: Value
        switch positional.count {
        case 0: throw PyError.type("\(name) expected at least 1 argument, got 0")
        case 1: candidates = positional[0]
        default:
            if args.given("default") != nil {
                throw PyError.type("Cannot specify a default for \(name)() with multiple positional arguments")
            }
            candidates = .object(PyTuple(positional))
        }
        let key = args["key"]
        var best: (item: Value, key: Value)?
        try args.interpreter.forEach(in: candidates) { item in
            let k = key.isNone ? item : try args.interpreter.call(key, Arguments([item]))
            if let current = best {
                if try Operators.truthy(Operators.compare(beats, k, current.key)) { best = (item, k) }
            } else {
                best = (item, k)
            }
        }
        if let best { return best.item }
        if let fallback = args.given("default") { return fallback }
        throw PyError.value("\(name)() arg is an empty sequence")
    }
}
