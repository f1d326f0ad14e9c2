import XCTest
@testable import GradTensor

/// Second-order gradchecks: gradients built with `createGraph: true` differentiated again, against
/// finite differences of the first-order analytical gradients. Ops whose derivative is piecewise
/// constant (neg, abs, relu, clamp, add, sub) must give zero.
final class SecondOrderGradcheckTests: XCTestCase {
    static let any = ElementwiseGradcheckTests.any
    static let positive = ElementwiseGradcheckTests.positive
    static let nonzero = ElementwiseGradcheckTests.nonzero

    static let unaryOps: [(String, Draw, @Sendable (Tensor) throws -> Tensor)] = [
        ("exp", any, { try $0.exp() }),
        ("log", positive, { try $0.log() }),
        ("sqrt", positive, { try $0.sqrt() }),
        ("sin", any, { try $0.sin() }),
        ("cos", any, { try $0.cos() }),
        ("tanh", any, { try $0.tanh() }),
        ("sigmoid", any, { try $0.sigmoid() }),
        ("square", any, { try $0.square() }),
        ("reciprocal", nonzero, { try $0.reciprocal() }),
        ("x ** 3", any, { try $0.pow(num(3)) }),
        ("x ** 2.5", positive, { try $0.pow(num(2.5)) }),
        ("x ** -1.5", positive, { try $0.pow(num(-1.5)) }),
        ("x ** 1", any, { try $0.pow(num(1)) }),
        ("2.5 ** x (rpow)", any, { try $0.rpow(.double(2.5)) }),
        ("2.5 / x (rdiv)", nonzero, { try $0.rdiv(.double(2.5)) }),
        ("x ** x", positive, { try $0.pow($0) }),
        ("x * x", any, { try $0.mul($0) }),
        ("x / exp(x)", any, { try $0.div($0.exp()) }),
        ("neg", any, { try $0.neg() }),
        ("abs", nonzero, { try $0.abs() }),
        ("relu", nonzero, { try $0.relu() }),
        ("clamp(min=-0.5, max=0.5)", any, { try $0.clamp(min: .double(-0.5), max: .double(0.5)) }),
        ("x % 0.75", any, { try $0.remainder(num(0.75)) }),
        ("2.5 - x (rsub)", any, { try $0.rsub(.double(2.5)) }),
    ]

    static let binaryOps: [(String, Draw, Draw, @Sendable (Tensor, Tensor) throws -> Tensor)] = [
        ("mul", any, any, { try $0.mul($1) }),
        ("div", any, nonzero, { try $0.div($1) }),
        ("pow tensor exponent", positive, any, { try $0.pow($1) }),
        ("add alpha=2.5", any, any, { try $0.add($1, alpha: .double(2.5)) }),
        ("sub alpha=3", any, any, { try $0.sub($1, alpha: .int(3)) }),
        ("remainder", .uniform(-3, 3), .signed(0.7, 1.6), { try $0.remainder($1) }),
        ("x * y + x / y", any, nonzero, { try $0.mul($1).add($0.div($1)) }),
        ("tanh(x * y)", any, any, { try $0.mul($1).tanh() }),
        ("sigmoid(x) * exp(y)", any, any, { try $0.sigmoid().mul($1.exp()) }),
    ]

    static let pairShapes: [([Int], [Int])] = [([], []), ([2, 3], [2, 3]), ([3, 1], [1, 4]), ([2, 3], [3]), ([], [2, 3])]

    func testUnaryOps() {
        Gradcheck.run(Gradcheck.unary(Self.unaryOps, shapes: [[], [5], [2, 3]]), secondOrder: true)
    }

    func testBinaryOps() {
        Gradcheck.run(Gradcheck.binary(Self.binaryOps, shapes: Self.pairShapes), secondOrder: true)
    }

    /// Elementwise ops combined with reductions, views and in-place updates.
    static let compositeCases: [GradcheckCase] = [
        GradcheckCase("tanh(x * y).mean() of [2, 3] and [3]", [InputSpec([2, 3]), InputSpec([3])]) {
            try $0[0].mul($0[1]).tanh().mean()
        },
        GradcheckCase("(x * x).sum(dim 1) of [3, 4]", [InputSpec([3, 4])]) { try $0[0].mul($0[0]).sum(dims: [1]) },
        GradcheckCase("((x - x.mean(0)) ** 2).mean() of [4, 3]", [InputSpec([4, 3])]) {
            try $0[0].sub($0[0].mean(dims: [0], keepdim: true)).pow(num(2)).mean()
        },
        GradcheckCase("exp(x).max(dim 1) of [3, 4]", [InputSpec([3, 4])]) { try $0[0].exp().max(dim: 1).values },
        GradcheckCase("sin(x).max() of [2, 3]", [InputSpec([2, 3])]) { try $0[0].sin().max() },
        GradcheckCase("sigmoid(x).t() * y of [2, 3] and [3, 2]", [InputSpec([2, 3]), InputSpec([3, 2])]) {
            try $0[0].sigmoid().t().mul($0[1])
        },
        GradcheckCase("exp(x.unsqueeze(1).expand(3, 4)) * y of [3] and [4]", [InputSpec([3]), InputSpec([4])]) {
            try $0[0].unsqueeze(1).expand([3, 4]).exp().mul($0[1])
        },
        GradcheckCase("sqrt(x.reshape(-1) copy of transposed) of [2, 3]", [InputSpec([2, 3], positive)]) {
            try $0[0].t().reshape([-1]).sqrt()
        },
        GradcheckCase("y = x * 1; y.mul_(z); y * y of [2, 3] and [3]", [InputSpec([2, 3]), InputSpec([3])]) { t in
            let y = try t[0].mul(num(1))
            try y.mul_(t[1])
            return try y.mul(y)
        },
        GradcheckCase("y = sin(x); y.div_(z); y of [3] and [3]", [InputSpec([3]), InputSpec([3], nonzero)]) { t in
            try t[0].sin().div_(t[1])
        },
        GradcheckCase("to(float64) of x ** 3 (same dtype)", [InputSpec([3])]) { try $0[0].pow(num(3)).to(.float64) },
        GradcheckCase("clone(x) * x of [3]", [InputSpec([3])]) { try $0[0].clone().mul($0[0]) },
    ]

    func testComposites() {
        Gradcheck.run(Self.compositeCases, secondOrder: true)
    }
}
