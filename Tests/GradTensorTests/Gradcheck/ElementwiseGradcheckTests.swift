import XCTest
@testable import GradTensor

/// First-order gradchecks of Ops/Arithmetic.swift, Ops/UnaryMath.swift and Ops/InPlace.swift.
final class ElementwiseGradcheckTests: XCTestCase {
    /// 0-dim, vector, matrix, 3-d.
    static let unaryShapes: [[Int]] = [[], [5], [2, 3], [2, 3, 2]]

    /// Same shapes, then broadcasting in both directions and against 0-dim tensors.
    static let pairShapes: [([Int], [Int])] = [
        ([], []), ([4], [4]), ([2, 3], [2, 3]),
        ([3, 1], [1, 4]), ([2, 3], [3]), ([3], [2, 3]), ([], [2, 3]), ([2, 3], []),
    ]

    static let any = Draw.uniform(-1.5, 1.5)
    static let positive = Draw.uniform(0.3, 2.5)
    /// Away from zero: for divisors and the kinks of abs and relu.
    static let nonzero = Draw.signed(0.3, 2)

    static let unaryOps: [(String, Draw, @Sendable (Tensor) throws -> Tensor)] = [
        ("neg", any, { try $0.neg() }),
        ("exp", any, { try $0.exp() }),
        ("log", positive, { try $0.log() }),
        ("sqrt", positive, { try $0.sqrt() }),
        ("sin", any, { try $0.sin() }),
        ("cos", any, { try $0.cos() }),
        ("tanh", any, { try $0.tanh() }),
        ("sigmoid", any, { try $0.sigmoid() }),
        ("abs", nonzero, { try $0.abs() }),
        ("relu", nonzero, { try $0.relu() }),
        ("square", any, { try $0.square() }),
        ("reciprocal", nonzero, { try $0.reciprocal() }),
        ("clamp(min=-0.5, max=0.5)", any, { try $0.clamp(min: .double(-0.5), max: .double(0.5)) }),
        ("clamp(min=-0.3)", any, { try $0.clamp(min: .double(-0.3), max: nil) }),
        ("clamp(max=0.4)", any, { try $0.clamp(min: nil, max: .double(0.4)) }),
        ("clamp(min=0, max=1) int bounds", any, { try $0.clamp(min: .int(0), max: .int(1)) }),
        ("x ** 2", any, { try $0.pow(num(2)) }),
        ("x ** 3", any, { try $0.pow(num(3)) }),
        ("x ** 1", any, { try $0.pow(num(1)) }),
        ("x ** 0", any, { try $0.pow(num(0)) }),
        ("x ** -1", nonzero, { try $0.pow(num(-1)) }),
        ("x ** 2.5", positive, { try $0.pow(num(2.5)) }),
        ("x ** 0.5", positive, { try $0.pow(num(0.5)) }),
        ("x ** -1.5", positive, { try $0.pow(num(-1.5)) }),
        ("2.5 ** x (rpow)", any, { try $0.rpow(.double(2.5)) }),
        ("0.5 ** x (rpow)", any, { try $0.rpow(.double(0.5)) }),
        ("2 ** x (rpow int base)", any, { try $0.rpow(.int(2)) }),
        ("2.5 - x (rsub)", any, { try $0.rsub(.double(2.5)) }),
        ("3 - x (rsub int)", any, { try $0.rsub(.int(3)) }),
        ("2.5 / x (rdiv)", nonzero, { try $0.rdiv(.double(2.5)) }),
        ("-3 / x (rdiv int)", nonzero, { try $0.rdiv(.int(-3)) }),
        ("x + 2.5", any, { try $0.add(num(2.5)) }),
        ("x + 2 (alpha=3)", any, { try $0.add(num(2), alpha: .int(3)) }),
        ("x - 2", any, { try $0.sub(num(2)) }),
        ("x * 2.5", any, { try $0.mul(num(2.5)) }),
        ("x * -3", any, { try $0.mul(num(-3)) }),
        ("x / -1.5", any, { try $0.div(num(-1.5)) }),
        ("x / 4 (int)", any, { try $0.div(num(4)) }),
        ("x % 0.75", any, { try $0.remainder(num(0.75)) }),
        ("x % -2", any, { try $0.remainder(num(-2)) }),
        ("x * x", any, { try $0.mul($0) }),
        ("x + x", any, { try $0.add($0) }),
        ("x / exp(x)", any, { try $0.div($0.exp()) }),
        ("x ** x", positive, { try $0.pow($0) }),
        ("tanh(sin(x)) * sigmoid(x)", any, { try $0.sin().tanh().mul($0.sigmoid()) }),
    ]

    static let binaryOps: [(String, Draw, Draw, @Sendable (Tensor, Tensor) throws -> Tensor)] = [
        ("add", any, any, { try $0.add($1) }),
        ("add alpha=2.5", any, any, { try $0.add($1, alpha: .double(2.5)) }),
        ("add alpha=-2", any, any, { try $0.add($1, alpha: .int(-2)) }),
        ("sub", any, any, { try $0.sub($1) }),
        ("sub alpha=0.5", any, any, { try $0.sub($1, alpha: .double(0.5)) }),
        ("sub alpha=3", any, any, { try $0.sub($1, alpha: .int(3)) }),
        ("mul", any, any, { try $0.mul($1) }),
        ("div", any, nonzero, { try $0.div($1) }),
        ("pow tensor exponent", positive, any, { try $0.pow($1) }),
        ("remainder", .uniform(-3, 3), .signed(0.7, 1.6), { try $0.remainder($1) }),
        ("x * y + x / y", any, nonzero, { try $0.mul($1).add($0.div($1)) }),
    ]

    func testUnaryOps() {
        Gradcheck.run(Gradcheck.unary(Self.unaryOps, shapes: Self.unaryShapes))
    }

    func testBinaryOps() {
        Gradcheck.run(Gradcheck.binary(Self.binaryOps, shapes: Self.pairShapes))
    }

    /// Elementwise ops reading strided (transposed, expanded) views rather than contiguous data.
    static let stridedCases: [GradcheckCase] = [
        GradcheckCase("exp of transposed [3, 4]", [InputSpec([3, 4])]) { try $0[0].t().exp() },
        GradcheckCase("sigmoid of permuted [2, 3, 4]", [InputSpec([2, 3, 4])]) { try $0[0].permute([2, 0, 1]).sigmoid() },
        GradcheckCase("mul transposed [3, 2] by [2, 3]", [InputSpec([3, 2]), InputSpec([2, 3])]) {
            try $0[0].t().mul($0[1])
        },
        GradcheckCase("div [2, 3] by transposed [3, 2]", [InputSpec([2, 3]), InputSpec([3, 2], nonzero)]) {
            try $0[0].div($0[1].t())
        },
        GradcheckCase("pow expanded [3, 1] ** [3, 4]", [InputSpec([3, 1], positive), InputSpec([3, 4])]) {
            try $0[0].expand([3, 4]).pow($0[1])
        },
    ]

    func testStridedOperands() {
        Gradcheck.run(Self.stridedCases)
    }

    /// In-place ops on a non-leaf (`y = x * 1; y.op_(z)`), differentiated w.r.t. x and z.
    static let inPlaceShapes: [([Int], [Int])] = [([], []), ([2, 3], [2, 3]), ([2, 3], [3]), ([2, 3], []), ([3, 4], [3, 1])]

    static let inPlaceOps: [(String, Draw, Draw, @Sendable (Tensor, Tensor) throws -> Tensor)] = [
        ("y.mul_(z)", any, any, { try $0.mul(num(1)).mul_($1) }),
        ("y.add_(z)", any, any, { try $0.mul(num(1)).add_($1) }),
        ("y.add_(z, alpha=2.5)", any, any, { try $0.mul(num(1)).add_($1, alpha: .double(2.5)) }),
        ("y.sub_(z, alpha=3)", any, any, { try $0.mul(num(1)).sub_($1, alpha: .int(3)) }),
        ("y.div_(z)", any, nonzero, { try $0.mul(num(1)).div_($1) }),
        ("y.pow_(z)", positive, any, { try $0.mul(num(1)).pow_($1) }),
        ("y.remainder_(z)", .uniform(-3, 3), .signed(0.7, 1.6), { try $0.mul(num(1)).remainder_($1) }),
        ("y.copy_(z)", any, any, { try $0.mul(num(1)).copy_($1) }),
        ("y = sin(x); y.mul_(z).add_(x)", any, any, { x, z in try x.sin().mul_(z).add_(x) }),
        ("y.mul_(z) then y * x", any, any, { x, z in
            let y = try x.mul(num(1))
            try y.mul_(z)
            return try y.mul(x)
        }),
    ]

    func testInPlaceOnNonLeaf() {
        Gradcheck.run(Gradcheck.binary(Self.inPlaceOps, shapes: Self.inPlaceShapes))
    }

    static let inPlaceUnaryCases: [GradcheckCase] = [
        GradcheckCase("y.fill_(2) then y + x", [InputSpec([2, 3])]) { x in
            let y = try x[0].mul(num(1))
            try y.fill_(.double(2))
            return try y.add(x[0])
        },
        GradcheckCase("y.zero_() then y + x * x", [InputSpec([3])]) { x in
            let y = try x[0].mul(num(1))
            try y.zero_()
            return try y.add(x[0].mul(x[0]))
        },
        GradcheckCase("y.mul_(2.5) (Python number)", [InputSpec([2, 3])]) { x in
            try x[0].mul(num(1)).mul_(num(2.5))
        },
    ]

    func testInPlaceUnaryOnNonLeaf() {
        Gradcheck.run(Self.inPlaceUnaryCases)
    }

    /// In-place ops through a view of a non-leaf: the base's history must include the update
    /// (PyTorch rebases the base onto a CopySlices node, so `y.grad_fn` becomes `CopySlices`).
    static let inPlaceThroughViewCases: [GradcheckCase] = [
        GradcheckCase("y = x * 1; y.t().mul_(z); y of [2, 3] and [3, 2]", [InputSpec([2, 3]), InputSpec([3, 2])]) { t in
            let y = try t[0].mul(num(1))
            try y.t().mul_(t[1])
            return y
        },
        GradcheckCase("y = x * 1; y.view(-1).add_(z); y of [2, 3] and [6]", [InputSpec([2, 3]), InputSpec([6])]) { t in
            let y = try t[0].mul(num(1))
            try y.view([-1]).add_(t[1])
            return y
        },
        GradcheckCase("y = x * 1; y.unsqueeze(0).mul_(z); y * y of [3] and [1, 3]", [InputSpec([3]), InputSpec([1, 3])]) { t in
            let y = try t[0].mul(num(1))
            try y.unsqueeze(0).mul_(t[1])
            return try y.mul(y)
        },
    ]

    func testInPlaceThroughViewOfNonLeaf() {
        Gradcheck.run(Self.inPlaceThroughViewCases)
    }
}
