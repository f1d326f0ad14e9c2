import XCTest
@testable import GradTensor

/// First- and second-order gradchecks of Ops/Norms.swift and Ops/Losses.swift. Values are drawn
/// away from zero, where |x| has a kink and the norm's gradient is a convention.
final class NormLossGradcheckTests: XCTestCase {
    static let away = Draw.signed(0.3, 2)

    static var normCases: [GradcheckCase] {
        let orders: [(String, Double)] = [("2", 2), ("1", 1), ("3", 3), ("1.5", 1.5), ("inf", .infinity)]
        let layouts: [(String, [Int], [Int]?, Bool)] = [
            ("all", [5], nil, false), ("all", [2, 3], nil, false), ("dim 1", [2, 3], [1], false),
            ("dim 0 keepdim", [2, 3], [0], true), ("dims [0, 2]", [2, 3, 2], [0, 2], false), ("0-dim", [], nil, false),
        ]
        return orders.flatMap { name, p in
            layouts.map { label, shape, dims, keepdim in
                GradcheckCase("norm p=\(name) \(label) \(shape)", [InputSpec(shape, away)]) {
                    try $0[0].vectorNorm(p: p, dims: dims, keepdim: keepdim)
                }
            }
        }
    }

    static var mseCases: [GradcheckCase] {
        let reductions: [Tensor.LossReduction] = [.mean, .sum, .none]
        let shapes: [([Int], [Int])] = [([3], [3]), ([2, 3], [2, 3]), ([2, 3], [3]), ([], [])]
        return reductions.flatMap { r in
            shapes.map { a, b in
                GradcheckCase("mse_loss \(r) \(a) with \(b)", [InputSpec(a), InputSpec(b)]) {
                    try $0[0].mseLoss($0[1], reduction: r)
                }
            }
        }
    }

    func testNormFirstOrder() { Gradcheck.run(Self.normCases) }
    // The infinity norm is piecewise linear: its second derivative is zero away from ties.
    func testNormSecondOrder() { Gradcheck.run(Self.normCases, secondOrder: true) }
    func testMseLossFirstOrder() { Gradcheck.run(Self.mseCases) }
    func testMseLossSecondOrder() { Gradcheck.run(Self.mseCases, secondOrder: true) }
}
