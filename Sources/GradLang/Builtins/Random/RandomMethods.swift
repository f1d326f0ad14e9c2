import BigInt
import Glibc
import GradTensor

/// The methods of `random.Random`, as CPython 3.11's `Lib/random.py` and `_randommodule.c` define
/// them: the same draws in the same order, so a seed gives CPython's numbers, and the same errors.
/// Arithmetic on the caller's values (`uniform`'s bounds, `gauss`'s mu and sigma, weights) goes
/// through Python's operators, as the Python code's does.
enum RandomMethods {
    /// `Random.VERSION`: the first item of `getstate()`.
    static let stateVersion = 3

    nonisolated(unsafe) static let table: [String: PyBuiltin] = {
        var methods: [String: PyBuiltin] = [:]
        for m in core + RandomSequenceMethods.all + distributions { methods[m.name] = m }
        return methods
    }()

    /// The receiver of a `Random` method.
    static func generator(_ args: BoundArguments) throws -> PyRandom {
        guard case .object(let r as PyRandom) = args["self"] else {
            throw PyError.type("descriptor '\(args.signature.name)' requires a 'Random' object but received a '\(args["self"].typeName)'")
        }
        return r
    }

    private static var core: [PyBuiltin] {
        [
            PyBuiltin("Random.seed(self, a=None, version=2)", style: .pythonMethod) { args in
                try generator(args).seed(args["a"], version: args["version"])
                return .none
            },
            PyBuiltin("Random.random(self, /)") { args in .float(try generator(args).nextDouble()) },
            PyBuiltin("Random.getrandbits(self, k, /)") { args in
                let r = try generator(args)
                guard let k = Int32(exactly: try Arg.integer(args["k"])) else {
                    throw PyError.overflow("Python int too large to convert to C int")
                }
                if k < 0 { throw PyError.value("number of bits must be non-negative") }
                return .integer(BigInt(r.randomBits(Int(k))))
            },
            PyBuiltin("Random.getstate(self)", style: .pythonMethod) { args in
                let r = try generator(args)
                let (stateWords, index) = r.state
                let words = stateWords.map { Value.int(Int($0)) } + [.int(index)]
                return .object(PyTuple([.int(stateVersion), .object(PyTuple(words)), r.gaussNext]))
            },
            PyBuiltin("Random.setstate(self, state)", style: .pythonMethod) { args in
                try setState(try generator(args), args["state"], args.interpreter)
                return .none
            },
        ]
    }

    /// `setstate`: version 3 states as `getstate` makes them; version 2 (Python 2.x) words are
    /// reduced modulo 2**32 first.
    private static func setState(_ r: PyRandom, _ state: Value, _ interpreter: Interpreter) throws {
        let version = try Subscript.get(state, .int(0), interpreter: interpreter)
        let isThree = try Operators.equals(version, .int(3))
        let isTwo = try !isThree && Operators.equals(version, .int(2))
        guard isThree || isTwo else {
            let shown = try Repr.checkedStr(version)
            throw PyError.value("state with version \(shown) passed to Random.setstate() of version \(stateVersion)")
        }
        let parts = try Iteration.collect(state)
        guard parts.count == 3 else {
            if parts.count < 3 { throw PyError.value("not enough values to unpack (expected 3, got \(parts.count))") }
            throw PyError.value("too many values to unpack (expected 3)")
        }
        var vector = parts[1]
        if !isThree {
            vector = .object(PyTuple(try Iteration.collect(vector).map { try Operators.binary(.modulo, $0, .integer(BigInt(1) << 32)) }))
        }
        guard case .object(let t as PyTuple) = vector else { throw PyError.type("state vector must be a tuple") }
        guard t.items.count == MersenneTwister.stateSize + 1, let last = t.items.last else {
            throw PyError.value("state vector is the wrong size")
        }
        let words = try t.items.dropLast().map(stateWord)
        guard let index = Int(exactly: try stateInteger(last)) else { throw PyError.overflow("Python int too large to convert to C long") }
        guard let restored = MersenneTwister(words: words, index: index) else { throw PyError.value("invalid state") }
        r.restore(restored)
        r.gaussNext = parts[2]
    }

    /// A state word as C's `PyLong_AsUnsignedLong` reads it, then cut to 32 bits.
    private static func stateWord(_ v: Value) throws -> UInt32 {
        let n = try stateInteger(v)
        if n.signum() < 0 { throw PyError.overflow("can't convert negative value to unsigned int") }
        guard let word = UInt64(exactly: n) else { throw PyError.overflow("Python int too large to convert to C unsigned long") }
        return UInt32(truncatingIfNeeded: word)
    }

    private static func stateInteger(_ v: Value) throws -> BigInt {
        switch v {
        case .int, .bigInt, .bool: return try Arg.integer(v)
        default: throw PyError.type("an integer is required")
        }
    }

    private static var distributions: [PyBuiltin] {
        [
            PyBuiltin("Random.uniform(self, a, b)", style: .pythonMethod) { args in
                let u = Value.float(try generator(args).nextDouble())
                let width = try Operators.binary(.subtract, args["b"], args["a"])
                return try Operators.binary(.add, args["a"], Operators.binary(.multiply, width, u))
            },
            PyBuiltin("Random.gauss(self, mu=0.0, sigma=1.0)", style: .pythonMethod) { args in
                let r = try generator(args)
                var z = r.gaussNext
                r.gaussNext = .none
                if z.isNone {
                    // Box–Muller: one pair of uniforms gives two normals; the second waits.
                    let x2pi = r.nextDouble() * (2.0 * Double.pi)
                    let g2rad = Glibc.sqrt(-2.0 * Glibc.log(1.0 - r.nextDouble()))
                    z = .float(Glibc.cos(x2pi) * g2rad)
                    r.gaussNext = .float(Glibc.sin(x2pi) * g2rad)
                }
                return try Operators.binary(.add, args["mu"], Operators.binary(.multiply, z, args["sigma"]))
            },
            PyBuiltin("Random.normalvariate(self, mu=0.0, sigma=1.0)", style: .pythonMethod) { args in
                // Kinderman and Monahan's ratio-of-uniforms method.
                let r = try generator(args)
                let magic = 4 * Glibc.exp(-0.5) / Glibc.sqrt(2.0)
                var z = 0.0
                while true {
                    try args.interpreter.checkPendingEvents()
                    let u1 = r.nextDouble()
                    let u2 = 1.0 - r.nextDouble()
                    z = magic * (u1 - 0.5) / u2
                    if z * z / 4.0 <= -Glibc.log(u2) { break }
                }
                return try Operators.binary(.add, args["mu"], Operators.binary(.multiply, .float(z), args["sigma"]))
            },
            PyBuiltin("Random.expovariate(self, lambd)", style: .pythonMethod) { args in
                let u = try generator(args).nextDouble()
                return try Operators.binary(.divide, .float(-Glibc.log(1.0 - u)), args["lambd"])
            },
        ]
    }
}
