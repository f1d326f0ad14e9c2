import XCTest
@testable import GradTensor

/// PLACE FOR OPS BEING ADDED ON OTHER BRANCHES. When an op lands, put its cases in its table below
/// (one table per feature, so the branches merge without touching each other's lines); they are
/// already run, first order, and second order where marked. Same conventions as the other tables:
/// float64 inputs drawn away from kinks, every shape class (0-dim where the op allows it, vector,
/// matrix, batched/broadcast), and names that say op and shapes.
final class PendingOpsGradcheckTests: XCTestCase {
    /// Ops/Matmul.swift: matmul/mm/bmm/@, vector·vector, matrix·vector, vector·matrix, batched
    /// and broadcast batch shapes.
    static let matmulCases: [GradcheckCase] = []

    /// Ops/Indexing.swift: basic and advanced indexing (ints, slices with steps, None, ellipsis,
    /// index tensors, boolean masks, repeated indices that accumulate), index_select, gather.
    static let indexingCases: [GradcheckCase] = []

    /// Ops/Join.swift: cat and stack along each dim, negative dims, mixed sizes along the dim.
    static let joinCases: [GradcheckCase] = []

    /// softmax / log_softmax along each dim (and combined with a loss), first and second order.
    static let softmaxCases: [GradcheckCase] = []

    func testMatmul() {
        Gradcheck.run(Self.matmulCases)
        Gradcheck.run(Self.matmulCases, secondOrder: true)
    }

    func testIndexing() {
        Gradcheck.run(Self.indexingCases)
    }

    func testJoin() {
        Gradcheck.run(Self.joinCases)
    }

    func testSoftmax() {
        Gradcheck.run(Self.softmaxCases)
        Gradcheck.run(Self.softmaxCases, secondOrder: true)
    }
}
