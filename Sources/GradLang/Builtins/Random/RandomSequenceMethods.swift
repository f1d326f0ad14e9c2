import BigInt
import Glibc

/// The integer and sequence methods of `random.Random` (`randrange`, `randint`, `choice`,
/// `choices`, `shuffle`, `sample`), step for step as `Lib/random.py` 3.11 draws them.
enum RandomSequenceMethods {
    static var all: [PyBuiltin] {
        [
            PyBuiltin("Random.randrange(self, start, stop=None, step=<unset>)", style: .pythonMethod) { args in
                try randrange(RandomMethods.generator(args), args["start"], args["stop"], args.given("step"), args.interpreter, warns: true)
            },
            PyBuiltin("Random.randint(self, a, b)", style: .pythonMethod) { args in
                let stop = try Operators.binary(.add, args["b"], .int(1))
                // Warnings from here point into random.py, where CPython's filters hide them.
                return try randrange(RandomMethods.generator(args), args["a"], stop, nil, args.interpreter, warns: false)
            },
            PyBuiltin("Random.choice(self, seq)", style: .pythonMethod) { args in
                let r = try RandomMethods.generator(args)
                let n = try IteratorFunctions.length(args["seq"])
                if n == 0 { throw PyError.index("Cannot choose from an empty sequence") }
                return try Subscript.get(args["seq"], .int(r.below(n)), interpreter: args.interpreter)
            },
            PyBuiltin("Random.shuffle(self, x)", style: .pythonMethod) { args in
                let r = try RandomMethods.generator(args)
                let x = args["x"]
                let n = try IteratorFunctions.length(x)
                for i in stride(from: n - 1, to: 0, by: -1) {
                    let j = r.below(i + 1)
                    if case .object(let list as PyList) = x, list.items.count == n {
                        list.changeItems { $0.swapAt(i, j) }
                        continue
                    }
                    let (a, b) = (try Subscript.get(x, .int(j), interpreter: args.interpreter), try Subscript.get(x, .int(i), interpreter: args.interpreter))
                    try Subscript.set(x, .int(i), a, interpreter: args.interpreter)
                    try Subscript.set(x, .int(j), b, interpreter: args.interpreter)
                }
                return .none
            },
            PyBuiltin("Random.sample(self, population, k, *, counts=None)", style: .pythonMethod) { args in
                try sample(RandomMethods.generator(args), args["population"], args["k"], counts: args["counts"], args.interpreter)
            },
            PyBuiltin("Random.choices(self, population, weights=None, *, cum_weights=None, k=1)", style: .pythonMethod) { args in
                try choices(RandomMethods.generator(args), args, args.interpreter)
            },
        ]
    }

    // MARK: randrange

    private static func randrange(_ r: PyRandom, _ start: Value, _ stop: Value, _ step: Value?, _ interpreter: Interpreter,
                                  warns: Bool) throws -> Value {
        // Machine ints with step 1 (`randint(1, 6)`, `randrange(n)`): the same draws without BigInt.
        if case .int(let a) = start, step == nil || step?.isExactlyIntOne == true {
            if stop.isNone, a > 0 { return .int(r.below(a)) }
            if case .int(let b) = stop, b > a, case (let width, false) = b.subtractingReportingOverflow(a) {
                return .int(a + r.below(width))
            }
        }
        let istart = try integerArgument(start, "arg 1", interpreter, warns: warns)
        if stop.isNone {
            // CPython tests `step is _ONE`, the cached int 1.
            if let step, !(step.isExactlyIntOne) { throw PyError.type("Missing a non-None stop argument") }
            if istart > 0 { return .integer(BigInt(r.below(istart.magnitude))) }
            throw PyError.value("empty range for randrange()")
        }
        let istop = try integerArgument(stop, "stop", interpreter, warns: warns)
        let width = istop - istart
        let istep = try step.map { try integerArgument($0, "step", interpreter, warns: warns) } ?? 1
        if istep == 1 {
            if width > 0 { return .integer(istart + BigInt(r.below(width.magnitude))) }
            throw PyError.value("empty range for randrange() (\(istart), \(istop), \(width))")
        }
        let n: BigInt
        if istep > 0 {
            n = floorDivide(width + istep - 1, istep)
        } else if istep < 0 {
            n = floorDivide(width + istep + 1, istep)
        } else {
            throw PyError.value("zero step for randrange()")
        }
        if n <= 0 { throw PyError.value("empty range for randrange()") }
        return .integer(istart + istep * BigInt(r.below(n.magnitude)))
    }

    /// `_index(v)`, or for other numbers `int(v)` with CPython's deprecation warning, and
    /// ValueError when that changed the value.
    private static func integerArgument(_ v: Value, _ what: String, _ interpreter: Interpreter, warns: Bool) throws -> BigInt {
        if let n = try? Arg.integer(v) { return n }
        let converted = try NumberConstructors.int.call(Arguments([v]), interpreter)
        if try !Operators.equals(converted, v) {
            if warns { try interpreter.warn("randrange() will raise TypeError in the future", category: "DeprecationWarning") }
            throw PyError.value("non-integer \(what) for randrange()")
        }
        if warns {
            try interpreter.warn("non-integer arguments to randrange() have been deprecated since Python 3.10 and will be removed in a subsequent version",
                             category: "DeprecationWarning")
        }
        return try Arg.integer(converted)
    }

    private static func floorDivide(_ a: BigInt, _ b: BigInt) -> BigInt {
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        return !r.isZero && (r.signum() != b.signum()) ? q - 1 : q
    }

    // MARK: sample

    private static func sample(_ r: PyRandom, _ population: Value, _ kValue: Value, counts: Value, _ interpreter: Interpreter) throws -> Value {
        guard isSequence(population) else {
            throw PyError.type("Population must be a sequence.  For dicts or sets, use sorted(d).")
        }
        let n = try IteratorFunctions.length(population)
        if !counts.isNone {
            var cumulative = try accumulate(counts)
            if cumulative.count != n { throw PyError.value("The number of counts does not match the population") }
            let total = cumulative.removeLast()
            switch total {
            case .int, .bigInt, .bool: break
            default: throw PyError.type("Counts must be integers")
            }
            if try Operators.truthy(Operators.compare(.le, total, .int(0))) {
                throw PyError.value("Total of counts must be greater than zero")
            }
            let selections = try sample(r, .object(PyRange(start: BigInt(0), stop: try Arg.integer(total), step: BigInt(1))), kValue,
                                        counts: .none, interpreter)
            return .object(PyList(try Iteration.collect(selections).map { s in
                try Subscript.get(population, .int(try bisectRight(cumulative, s, hi: cumulative.count)), interpreter: interpreter)
            }))
        }
        let inRange = try Operators.truthy(Operators.compare(.le, .int(0), kValue))
            && Operators.truthy(Operators.compare(.le, kValue, .int(n)))
        if !inRange { throw PyError.value("Sample larger than population or is negative") }
        guard case .int(let k) = kValue.asPlainInt else {
            throw PyError.type("can't multiply sequence by non-int of type '\(kValue.typeName)'")
        }
        var result: [Value] = []
        result.reserveCapacity(k)
        // A list of the population for a small one, a set of the chosen indices for a large one:
        // CPython picks by the memory either takes, and each draws differently.
        var setSize = 21
        if k > 5 {
            let exponent = Int((Glibc.log(Double(k * 3)) / Glibc.log(4.0)).rounded(.up))
            setSize += exponent >= 31 ? Int.max / 2 : 1 << (2 * exponent)
        }
        if n <= setSize {
            var pool = try Iteration.collect(population)
            for i in 0..<k {
                let j = r.below(n - i)
                result.append(pool[j])
                pool[j] = pool[n - i - 1]
            }
        } else {
            var selected = Set<Int>()
            for _ in 0..<k {
                var j = r.below(n)
                while selected.contains(j) { j = r.below(n) }
                selected.insert(j)
                result.append(try Subscript.get(population, .int(j), interpreter: interpreter))
            }
        }
        return .object(PyList(result))
    }

    /// `isinstance(x, collections.abc.Sequence)` among grad's built-in types.
    private static func isSequence(_ v: Value) -> Bool {
        switch v {
        case .str: return true
        case .object(let o): return o is PyList || o is PyTuple || o is PyRange
        default: return false
        }
    }

    // MARK: choices

    private static func choices(_ r: PyRandom, _ args: BoundArguments, _ interpreter: Interpreter) throws -> Value {
        let population = args["population"], weights = args["weights"]
        let n = try IteratorFunctions.length(population)
        var cumulative: [Value]
        if args["cum_weights"].isNone {
            if weights.isNone {
                let k = try repeatCount(args["k"])
                var out: [Value] = []
                for _ in 0..<k {
                    let i = Glibc.floor(r.nextDouble() * Double(n))
                    out.append(try Subscript.get(population, .int(Int(i)), interpreter: interpreter))
                }
                return .object(PyList(out))
            }
            do {
                cumulative = try accumulate(weights)
            } catch let e as PyError where e.type.isSubclass(of: PyExc.typeError) {
                guard case .int = weights.asPlainInt else { throw e }
                throw PyError.type("The number of choices must be a keyword argument: k=\(Repr.repr(weights))")
            }
        } else {
            if !weights.isNone { throw PyError.type("Cannot specify both weights and cumulative weights") }
            _ = try IteratorFunctions.length(args["cum_weights"])
            cumulative = try Iteration.collect(args["cum_weights"])
        }
        if cumulative.count != n { throw PyError.value("The number of weights does not match the population") }
        guard let last = cumulative.last else { throw PyError.index("list index out of range") }
        guard case .float(let total) = try Operators.binary(.add, last, .float(0)) else {
            throw PyError.type("unsupported total of weights")
        }
        if total <= 0 { throw PyError.value("Total of weights must be greater than zero") }
        if !total.isFinite { throw PyError.value("Total of weights must be finite") }
        let k = try repeatCount(args["k"])
        var out: [Value] = []
        for _ in 0..<k {
            let x = Value.float(r.nextDouble() * total)
            out.append(try Subscript.get(population, .int(try bisectRight(cumulative, x, hi: n - 1)), interpreter: interpreter))
        }
        return .object(PyList(out))
    }

    /// `itertools.repeat(None, k)`'s count: an index; negative repeats nothing.
    private static func repeatCount(_ k: Value) throws -> Int {
        Swift.max(try Arg.size(k), 0)
    }

    /// `list(itertools.accumulate(values))`: running sums by Python's `+`.
    private static func accumulate(_ values: Value) throws -> [Value] {
        var sums: [Value] = []
        for v in try Iteration.collect(values) {
            sums.append(try sums.last.map { try Operators.binary(.add, $0, v) } ?? v)
        }
        return sums
    }

    /// `bisect.bisect_right(a, x, 0, hi)`.
    private static func bisectRight(_ a: [Value], _ x: Value, hi: Int) throws -> Int {
        var lo = 0, hi = hi
        while lo < hi {
            let mid = (lo + hi) / 2
            if try Operators.truthy(Operators.compare(.lt, x, a[mid])) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}

private extension Value {
    /// The int 1 itself (not True): what `step is _ONE` accepts.
    var isExactlyIntOne: Bool {
        if case .int(1) = self { return true }
        return false
    }

    /// An int as `.int` (bools and big ints excluded, as `[None] * k` and the like need a size).
    var asPlainInt: Value? {
        switch self {
        case .int: return self
        case .bool(let b): return .int(b ? 1 : 0)
        default: return nil
        }
    }
}
