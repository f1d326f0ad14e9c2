import XCTest
@testable import GradTensor

/// Gradchecks of the tensor ops of the first chapters: the elementwise functions of
/// Trigonometry, ExponentialsAndLogarithms, PairwiseMath and SpecialFunctions, the scans, sorting,
/// selection by index tensors and masks, rearranging, splitting, diagonals and products.
final class TensorChapterGradcheckTests: XCTestCase {
    static let any = Draw.uniform(-1.5, 1.5)
    static let unit = Draw.uniform(-0.9, 0.9)
    static let aboveOne = Draw.uniform(1.2, 3)
    static let positive = Draw.uniform(0.3, 2.5)
    static let nonzero = Draw.signed(0.3, 2)

    static let unaryOps: [(String, Draw, @Sendable (Tensor) throws -> Tensor)] = [
        ("tan", unit, { try $0.tan() }), ("asin", unit, { try $0.asin() }), ("acos", unit, { try $0.acos() }),
        ("atan", any, { try $0.atan() }), ("sinh", any, { try $0.sinh() }), ("cosh", any, { try $0.cosh() }),
        ("asinh", any, { try $0.asinh() }), ("acosh", aboveOne, { try $0.acosh() }), ("atanh", unit, { try $0.atanh() }),
        ("log1p", positive, { try $0.log1p() }), ("expm1", any, { try $0.expm1() }), ("log2", positive, { try $0.log2() }),
        ("log10", positive, { try $0.log10() }), ("exp2", any, { try $0.exp2() }), ("rsqrt", positive, { try $0.rsqrt() }),
        ("erf", any, { try $0.erf() }), ("erfc", any, { try $0.erfc() }), ("deg2rad", any, { try $0.deg2rad() }),
        ("rad2deg", any, { try $0.rad2deg() }), ("nan_to_num", any, { try $0.nanToNum() }),
        ("clamp_min(0.2)", nonzero, { try $0.clampMin(.double(0.2)) }), ("clamp_max(-0.2)", nonzero, { try $0.clampMax(.double(-0.2)) }),
        ("y = x * 1; y.sin_()", any, { try $0.mul(num(1)).apply_ { try $0.sin() } }),
        ("y = x * 1; y.atan_().exp_()", any, { try $0.mul(num(1)).apply_ { try $0.atan() }.apply_ { try $0.exp() } }),
    ]

    static let binaryOps: [(String, Draw, Draw, @Sendable (Tensor, Tensor) throws -> Tensor)] = [
        ("atan2", nonzero, nonzero, { try $0.atan2($1) }),
        ("hypot", nonzero, nonzero, { try $0.hypot($1) }),
        ("lerp weight 0.3", any, any, { try $0.lerp($1, weight: .double(0.3)) }),
        ("lerp weight 0.8", any, any, { try $0.lerp($1, weight: .double(0.8)) }),
        ("fmod", .uniform(-3, 3), .signed(0.7, 1.6), { try $0.fmod($1) }),
    ]

    static let pairShapes: [([Int], [Int])] = [([], []), ([2, 3], [2, 3]), ([3, 1], [1, 4]), ([2, 3], [3])]

    func testElementwise() {
        Gradcheck.run(Gradcheck.unary(Self.unaryOps, shapes: [[], [5], [2, 3]]))
        Gradcheck.run(Gradcheck.binary(Self.binaryOps, shapes: Self.pairShapes))
        Gradcheck.run([GradcheckCase("lerp tensor weight", [InputSpec([2, 3]), InputSpec([3]), InputSpec([2, 1], .uniform(0, 1))]) {
            try $0[0].lerp($0[1], weight: $0[2])
        }])
    }

    /// [[2, 0, 1], [0, 0, 2]]: repeats and a missing position.
    static func index() throws -> Tensor {
        try Tensor.from(.list([.list([.scalar(.int(2)), .scalar(.int(0)), .scalar(.int(1))]),
                               .list([.scalar(.int(0)), .scalar(.int(0)), .scalar(.int(2))])]))
    }

    /// [[2, 0, 1], [1, 2, 0]]: no place written twice (where scatter's gradient is defined).
    static func distinctIndex() throws -> Tensor {
        try Tensor.from(.list([.list([.scalar(.int(2)), .scalar(.int(0)), .scalar(.int(1))]),
                               .list([.scalar(.int(1)), .scalar(.int(2)), .scalar(.int(0))])]))
    }

    static let structuralCases: [GradcheckCase] = [
        GradcheckCase("cumsum dim 1", [InputSpec([3, 4])]) { try $0[0].cumsum(dim: 1) },
        GradcheckCase("cumprod dim 0", [InputSpec([3, 4], nonzero)]) { try $0[0].cumprod(dim: 0) },
        GradcheckCase("cumprod 0-dim", [InputSpec([])]) { try $0[0].cumprod(dim: 0) },
        GradcheckCase("cummax dim 1", [InputSpec([3, 4])]) { try $0[0].cummax(dim: 1).values },
        GradcheckCase("sort descending", [InputSpec([3, 5])]) { try $0[0].sort(dim: 1, descending: true).values },
        GradcheckCase("topk 2 dim 0", [InputSpec([4, 3])]) { try $0[0].topk(2, dim: 0).values },
        GradcheckCase("kthvalue 2", [InputSpec([3, 4])]) { try $0[0].kthvalue(2, dim: 1).values },
        GradcheckCase("gather dim 0", [InputSpec([3, 3])]) { try $0[0].gather(dim: 0, index: try index()) },
        GradcheckCase("scatter src", [InputSpec([3, 3]), InputSpec([2, 3])]) {
            try $0[0].scatter(dim: 0, index: try distinctIndex(), source: $0[1])
        },
        GradcheckCase("scatter_add src", [InputSpec([3, 3]), InputSpec([2, 3])]) { try $0[0].scatterAdd(dim: 0, index: try index(), source: $0[1]) },
        GradcheckCase("index_select dim 1 with repeats", [InputSpec([2, 3])]) {
            try $0[0].indexSelect(dim: 1, index: try index().reshape([-1]))
        },
        GradcheckCase("take", [InputSpec([2, 3])]) { try $0[0].take(try index()) },
        GradcheckCase("index_add alpha 2, a repeated index", [InputSpec([3, 2]), InputSpec([6, 2])]) {
            try $0[0].indexAdd(dim: 0, index: try index().reshape([-1]), source: $0[1], alpha: .int(2))
        },
        GradcheckCase("index_copy", [InputSpec([3, 2]), InputSpec([2, 2])]) {
            try $0[0].indexCopy(dim: 0, index: try distinctIndex().select(dim: 1, index: 0), source: $0[1])
        },
        GradcheckCase("index_fill", [InputSpec([3, 4])]) { try $0[0].indexFill(dim: 1, index: try index().reshape([-1]), value: .double(0.5)) },
        GradcheckCase("masked_select", [InputSpec([2, 3])]) { try $0[0].maskedSelect($0[0].gt(num(0)).detach()) },
        GradcheckCase("masked_fill with a tensor value", [InputSpec([2, 3]), InputSpec([])]) {
            try $0[0].maskedFill($0[0].gt(num(0)).detach(), $0[1])
        },
        GradcheckCase("flip 0 and 1", [InputSpec([2, 3])]) { try $0[0].flip([0, 1]) },
        GradcheckCase("roll flattened", [InputSpec([2, 3])]) { try $0[0].roll([2], dims: []) },
        GradcheckCase("roll two dims", [InputSpec([2, 3])]) { try $0[0].roll([1, -1], dims: [0, 1]) },
        GradcheckCase("repeat 2, 1, 3", [InputSpec([2, 3])]) { try $0[0].repeat([2, 1, 3]) },
        GradcheckCase("tile 2", [InputSpec([2, 3])]) { try $0[0].tile([2]) },
        GradcheckCase("repeat_interleave 2 dim 1", [InputSpec([2, 3])]) { try $0[0].repeatInterleave(2, dim: 1) },
        GradcheckCase("tril -1 and triu 1", [InputSpec([3, 4])]) { try $0[0].tril(-1).add($0[0].triu(1)) },
        GradcheckCase("diag of a vector, offset 1", [InputSpec([3])]) { try $0[0].diag(1) },
        GradcheckCase("diag of a matrix", [InputSpec([3, 4])]) { try $0[0].diag(-1) },
        GradcheckCase("diagonal of dims 0, 2", [InputSpec([3, 2, 3])]) { try $0[0].diagonal(offset: 0, dim1: 0, dim2: 2) },
        GradcheckCase("trace", [InputSpec([3, 4])]) { try $0[0].trace() },
        GradcheckCase("diff n=2 with prepend", [InputSpec([5]), InputSpec([1])]) { try $0[0].diff(n: 2, prepend: $0[1]) },
        GradcheckCase("split sizes then cat", [InputSpec([2, 5])]) {
            let parts = try $0[0].split(sizes: [2, 3], dim: 1)
            return try parts[0].sum().mul(parts[1])
        },
        GradcheckCase("chunk", [InputSpec([5, 2])]) { try $0[0].chunk(2)[1] },
        GradcheckCase("cross", [InputSpec([2, 3]), InputSpec([2, 3])]) { try $0[0].cross($0[1], dim: 1) },
        GradcheckCase("outer", [InputSpec([3]), InputSpec([4])]) { try $0[0].outer($0[1]) },
        GradcheckCase("einsum bij,bjk->bik", [InputSpec([2, 2, 3]), InputSpec([2, 3, 2])]) { try Tensor.einsum("bij,bjk->bik", $0) },
        GradcheckCase("einsum ii->i", [InputSpec([3, 3])]) { try Tensor.einsum("ii->i", $0) },
        GradcheckCase("einsum i,j,k->ijk", [InputSpec([2]), InputSpec([3]), InputSpec([2])]) { try Tensor.einsum("i,j,k->ijk", $0) },
        GradcheckCase("y.unsqueeze_(0).transpose_(0, 2)", [InputSpec([2, 3])]) {
            try $0[0].mul(num(1)).unsqueeze_(0).transpose_(0, 2)
        },
    ]

    func testStructural() {
        Gradcheck.run(Self.structuralCases)
    }

    /// Gradients of gradients, through the formulas' own recorded ops.
    static let secondOrderCases: [GradcheckCase] = [
        GradcheckCase("asin", [InputSpec([4], unit)]) { try $0[0].asin() },
        GradcheckCase("atan2", [InputSpec([3], nonzero), InputSpec([3], nonzero)]) { try $0[0].atan2($0[1]) },
        GradcheckCase("cumsum", [InputSpec([2, 3])]) { try $0[0].cumsum(dim: 1).mul($0[0]) },
        GradcheckCase("cumprod", [InputSpec([4], nonzero)]) { try $0[0].cumprod(dim: 0) },
        GradcheckCase("gather", [InputSpec([3, 3])]) { try $0[0].gather(dim: 0, index: try index()).mul($0[0].sum()) },
        GradcheckCase("einsum ij,jk->ik", [InputSpec([2, 3]), InputSpec([3, 2])]) { try Tensor.einsum("ij,jk->ik", $0) },
    ]

    func testSecondOrder() {
        Gradcheck.run(Self.secondOrderCases, secondOrder: true)
    }
}
