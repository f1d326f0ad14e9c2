import XCTest
@testable import GradTensor

/// First-order gradchecks of Ops/Reductions.swift. Inputs are drawn from a continuous
/// distribution, so max/min have a unique winner (no ties, where the gradient is a convention).
final class ReductionGradcheckTests: XCTestCase {
    static let allShapes: [[Int]] = [[], [5], [2, 3], [2, 3, 4]]

    /// (label, shape, dims, keepdim)
    static let dimReductions: [(String, [Int], [Int], Bool)] = [
        ("dim 0", [5], [0], false),
        ("dim 0 keepdim", [5], [0], true),
        ("dim 0 of 0-dim", [], [0], false),
        ("dim -1 of 0-dim keepdim", [], [-1], true),
        ("dim 0", [2, 3], [0], false),
        ("dim 1", [2, 3], [1], false),
        ("dim -1 keepdim", [2, 3], [-1], true),
        ("dims [0, 1]", [2, 3], [0, 1], false),
        ("dim 1", [2, 3, 4], [1], false),
        ("dims [0, 2]", [2, 3, 4], [0, 2], false),
        ("dims [2, 0] keepdim", [2, 3, 4], [2, 0], true),
        ("dims [-1, -2] keepdim", [2, 3, 4], [-1, -2], true),
        ("dims [] (everything)", [2, 3], [], false),
        ("dims [] keepdim (everything)", [2, 3], [], true),
    ]

    static var sumMeanCases: [GradcheckCase] {
        let all = allShapes.flatMap { s in [
            GradcheckCase("sum() \(s)", [InputSpec(s)]) { try $0[0].sum() },
            GradcheckCase("mean() \(s)", [InputSpec(s)]) { try $0[0].mean() },
        ] }
        let alongDims = dimReductions.flatMap { label, s, dims, keepdim in [
            GradcheckCase("sum \(label) \(s)", [InputSpec(s)]) { try $0[0].sum(dims: dims, keepdim: keepdim) },
            GradcheckCase("mean \(label) \(s)", [InputSpec(s)]) { try $0[0].mean(dims: dims, keepdim: keepdim) },
        ] }
        return all + alongDims
    }

    func testSumAndMean() {
        Gradcheck.run(Self.sumMeanCases)
    }

    /// (label, shape, dim, keepdim)
    static let extremeDims: [(String, [Int], Int, Bool)] = [
        ("dim 0", [5], 0, false),
        ("dim 0 keepdim", [5], 0, true),
        ("dim 0 of 0-dim", [], 0, false),
        ("dim 0", [3, 4], 0, false),
        ("dim 1", [3, 4], 1, false),
        ("dim -1 keepdim", [3, 4], -1, true),
        ("dim 1", [2, 3, 4], 1, false),
        ("dim 2 keepdim", [2, 3, 4], 2, true),
    ]

    static var maxMinCases: [GradcheckCase] {
        let all = [[], [5], [3, 4], [2, 3, 2]].flatMap { (s: [Int]) in [
            GradcheckCase("max() \(s)", [InputSpec(s)]) { try $0[0].max() },
            GradcheckCase("min() \(s)", [InputSpec(s)]) { try $0[0].min() },
        ] }
        let alongDim = extremeDims.flatMap { label, s, dim, keepdim in [
            GradcheckCase("max \(label) \(s)", [InputSpec(s)]) { try $0[0].max(dim: dim, keepdim: keepdim).values },
            GradcheckCase("min \(label) \(s)", [InputSpec(s)]) { try $0[0].min(dim: dim, keepdim: keepdim).values },
        ] }
        return all + alongDim
    }

    func testMaxAndMin() {
        Gradcheck.run(Self.maxMinCases)
    }

    /// Reductions inside larger expressions: gradients that arrive broadcast, strided or summed.
    static let compositeCases: [GradcheckCase] = [
        GradcheckCase("sum dim 1 of [2, 3] times [2]", [InputSpec([2, 3]), InputSpec([2])]) {
            try $0[0].sum(dims: [1]).mul($0[1])
        },
        GradcheckCase("x / x.sum(dim 1, keepdim) [3, 4]", [InputSpec([3, 4], .uniform(0.5, 2))]) {
            try $0[0].div($0[0].sum(dims: [1], keepdim: true))
        },
        GradcheckCase("x - x.mean(dim 0, keepdim) squared, mean [4, 3]", [InputSpec([4, 3])]) {
            try $0[0].sub($0[0].mean(dims: [0], keepdim: true)).square().mean()
        },
        GradcheckCase("x - x.max(dim 1, keepdim) [3, 4]", [InputSpec([3, 4])]) {
            try $0[0].sub($0[0].max(dim: 1, keepdim: true).values)
        },
        GradcheckCase("sum of transposed [3, 4] along dim 0", [InputSpec([3, 4])]) {
            try $0[0].t().sum(dims: [0])
        },
        GradcheckCase("max of expanded [3, 1] along dim 0", [InputSpec([3, 1])]) {
            try $0[0].expand([3, 4]).mul(Tensor.arange(end: .int(4), dtype: .float64)).max(dim: 0).values
        },
        GradcheckCase("min of permuted [2, 3, 4] along dim 1", [InputSpec([2, 3, 4])]) {
            try $0[0].permute([2, 0, 1]).min(dim: 1).values
        },
        GradcheckCase("mean of exp of sum dims [0, 2] [2, 3, 4]", [InputSpec([2, 3, 4])]) {
            try $0[0].sum(dims: [0, 2]).exp().mean()
        },
        GradcheckCase("max() times min() [2, 3]", [InputSpec([2, 3])]) {
            try $0[0].max().mul($0[0].min())
        },
    ]

    func testReductionsInExpressions() {
        Gradcheck.run(Self.compositeCases)
    }
}
