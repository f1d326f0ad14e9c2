import GradTensor

/// `isclose`, `allclose` and `array_equal`: numpy's tolerance test `|a - b| <= atol + rtol * |b|`
/// (infinities close only to themselves, NaN to nothing unless `equal_nan`).
enum NumpyCloseness {
    static var functions: [PyBuiltin] {
        [
            PyBuiltin("isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)") { args in
                let (flags, shape) = try closeness(args)
                let t = try NumpyArithmetic.run { try Tensor(float64: flags.map { $0 ? 1 : 0 }, shape: shape).to(.bool) }
                return NDArray.result(t)
            },
            PyBuiltin("allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)") { args in
                .bool(try closeness(args).flags.allSatisfy { $0 })
            },
            PyBuiltin("array_equal(a1, a2, equal_nan=False)") { args in
                let x = try NDArray.coerce(args["a1"]).tensor, y = try NDArray.coerce(args["a2"]).tensor
                guard x.shape == y.shape else { return .bool(false) }
                let equalNaN = try Operators.truthy(args["equal_nan"])
                return .bool(zip(x.float64Values(), y.float64Values()).allSatisfy { p, q in p == q || (equalNaN && p.isNaN && q.isNaN) })
            },
        ]
    }

    private static func closeness(_ args: BoundArguments) throws -> (flags: [Bool], shape: [Int]) {
        let x = try NDArray.coerce(args["a"]).tensor, y = try NDArray.coerce(args["b"]).tensor
        let shape = try NumpyPromotion.broadcast(x.shape, y.shape)
        let rtol = try Arg.real(args["rtol"]), atol = try Arg.real(args["atol"])
        let equalNaN = try Operators.truthy(args["equal_nan"])
        let (p, q) = try NumpyArithmetic.run { (try x.expand(shape).float64Values(), try y.expand(shape).float64Values()) }
        let flags = zip(p, q).map { a, b in
            a == b || (b.isFinite && Swift.abs(a - b) <= atol + rtol * Swift.abs(b)) || (equalNaN && a.isNaN && b.isNaN)
        }
        return (flags, shape)
    }
}
