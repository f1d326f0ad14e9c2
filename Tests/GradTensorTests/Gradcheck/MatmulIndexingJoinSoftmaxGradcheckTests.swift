import XCTest
@testable import GradTensor

/// Gradchecks of matmul, indexing, cat/stack and softmax, one table per feature. Same conventions
/// as the other tables: float64 inputs drawn away from kinks, every shape class (0-dim where the
/// op allows it, vector, matrix, batched/broadcast), and names that say op and shapes.
final class MatmulIndexingJoinSoftmaxGradcheckTests: XCTestCase {
    static func one(_ name: String, _ shape: [Int], _ f: @escaping @Sendable (Tensor) throws -> Tensor) -> GradcheckCase {
        GradcheckCase("\(name) of \(shape)", [InputSpec(shape)]) { try f($0[0]) }
    }

    static func two(_ name: String, _ a: [Int], _ b: [Int], _ f: @escaping @Sendable (Tensor, Tensor) throws -> Tensor) -> GradcheckCase {
        GradcheckCase("\(name) of \(a) and \(b)", [InputSpec(a), InputSpec(b)]) { try f($0[0], $0[1]) }
    }

    /// Ops/Matmul.swift: matmul/mm/bmm/@, vector·vector, matrix·vector, vector·matrix, batched
    /// and broadcast batch shapes.
    static let matmulCases: [GradcheckCase] = [
        two("matmul 1-D @ 1-D (dot)", [4], [4]) { try $0.matmul($1) },
        two("matmul 2-D @ 2-D (mm)", [2, 3], [3, 4]) { try $0.matmul($1) },
        two("matmul 2-D @ 1-D (mv)", [3, 2], [2]) { try $0.matmul($1) },
        two("matmul 1-D @ 2-D", [3], [3, 2]) { try $0.matmul($1) },
        two("matmul 3-D @ 3-D (bmm)", [2, 2, 3], [2, 3, 2]) { try $0.matmul($1) },
        two("matmul 3-D @ 2-D (broadcast batch)", [2, 2, 3], [3, 2]) { try $0.matmul($1) },
        two("matmul transposed operand", [3, 2], [3, 4]) { try $0.t().matmul($1) },
        two("mm then tanh then sum over dim", [2, 3], [3, 2]) { try $0.mm($1).tanh().sum(dims: [1]) },
    ]

    /// Ops/Indexing.swift: basic and advanced indexing (ints, slices with steps, None, ellipsis,
    /// index tensors, boolean masks, repeated indices that accumulate), index_select, gather.
    static let indexingCases: [GradcheckCase] = [
        one("x[1]", [4]) { try $0.index([.int(1)]) },
        one("x[-1]", [3, 2]) { try $0.index([.int(-1)]) },
        one("x[1:3]", [5]) { try $0.index([.slice(start: 1, stop: 3, step: nil)]) },
        one("x[::2]", [6]) { try $0.index([.slice(start: nil, stop: nil, step: 2)]) },
        one("x[:, 1]", [3, 4]) { try $0.index([.slice(start: nil, stop: nil, step: nil), .int(1)]) },
        one("x[0, 1:3]", [2, 4]) { try $0.index([.int(0), .slice(start: 1, stop: 3, step: nil)]) },
        one("x[None, ..., 0]", [2, 3]) { try $0.index([.none, .ellipsis, .int(0)]) },
        one("x[[0, 2, 2]] (repeated indices accumulate)", [4]) { try $0.index([.tensor(Tensor.from(.list([0, 2, 2].map { .scalar(.int($0)) })))]) },
        one("x[[1, 0]] rows", [3, 2]) { try $0.index([.tensor(Tensor.from(.list([1, 0].map { .scalar(.int($0)) })))]) },
        one("x[x > 0]", [2, 3]) { x in try x.index([.tensor(x.gt(.wrapping(.int(0))))]) },
    ]

    /// Ops/Join.swift: cat and stack along each dim, negative dims, mixed sizes along the dim.
    static let joinCases: [GradcheckCase] = [
        two("cat dim 0", [2, 3], [1, 3]) { try Tensor.cat([$0, $1], dim: 0) },
        two("cat dim 1", [2, 3], [2, 2]) { try Tensor.cat([$0, $1], dim: 1) },
        two("cat dim -1", [3], [2]) { try Tensor.cat([$0, $1], dim: -1) },
        two("stack dim 0", [2, 3], [2, 3]) { try Tensor.stack([$0, $1], dim: 0) },
        two("stack dim 1", [3], [3]) { try Tensor.stack([$0, $1], dim: 1) },
        two("stack of 0-dim", [], []) { try Tensor.stack([$0, $1]) },
        two("cat of x with itself and y", [2], [2]) { try Tensor.cat([$0, $1, $0]) },
    ]

    /// softmax / log_softmax along each dim (and combined with a loss), first and second order.
    static let softmaxCases: [GradcheckCase] = [
        one("softmax(0)", [5]) { try $0.softmax(dim: 0) },
        one("softmax(1)", [2, 3]) { try $0.softmax(dim: 1) },
        one("softmax(0)", [2, 3]) { try $0.softmax(dim: 0) },
        one("softmax(-1)", [2, 2, 3]) { try $0.softmax(dim: -1) },
        one("softmax(0)", []) { try $0.softmax(dim: 0) },
        one("log_softmax(1)", [2, 3]) { try $0.logSoftmax(dim: 1) },
        one("log_softmax(0)", [4]) { try $0.logSoftmax(dim: 0) },
        one("log_softmax(-1) then pick a class (nll)", [3, 4]) { try $0.logSoftmax(dim: -1).index([.slice(start: nil, stop: nil, step: nil), .int(2)]).mean().neg() },
        one("softmax then log", [2, 3]) { try $0.softmax(dim: 1).log() },
    ]

    func testMatmul() {
        Gradcheck.run(Self.matmulCases)
        Gradcheck.run(Self.matmulCases, secondOrder: true)
    }

    func testIndexing() {
        Gradcheck.run(Self.indexingCases)
        Gradcheck.run(Self.indexingCases, secondOrder: true)
    }

    func testJoin() {
        Gradcheck.run(Self.joinCases)
        Gradcheck.run(Self.joinCases, secondOrder: true)
    }

    func testSoftmax() {
        Gradcheck.run(Self.softmaxCases)
        Gradcheck.run(Self.softmaxCases, secondOrder: true)
    }
}
