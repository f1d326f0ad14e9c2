import XCTest
@testable import GradTensor

/// The graph must never keep itself alive (ARC does not collect cycles) and must free deep chains
/// without overflowing the stack: a training loop's memory stays flat.
final class GraphLifetimeTests: XCTestCase {
    func testGraphIsFreedWhenOutputIsDropped() throws {
        let x = try Tensor.full([3], .double(0.5), requiresGrad: true)
        weak var node: Node?
        weak var output: Tensor?
        try autoreleasepoolIfAvailable {
            // exp, tanh and softmax keep their own output for backward: the classic cycle risk.
            let y = try x.exp().tanh().softmax(dim: 0).mul(x).sum()
            node = y.gradFn
            output = y
            XCTAssertNotNil(node)
        }
        XCTAssertNil(output)
        XCTAssertNil(node, "the graph must not keep itself alive")
    }

    func testBackwardReleasesSavedStateAndGraphDies() throws {
        let x = try Tensor.full([3], .double(0.5), requiresGrad: true)
        weak var node: Node?
        try autoreleasepoolIfAvailable {
            let y = try x.sigmoid().mul(x).sum()
            node = y.gradFn?.nextNodes.first
            try y.backward()
            XCTAssertEqual(node?.isReleased, true, "backward without retain_graph frees saved tensors")
        }
        XCTAssertNil(node)
    }

    func testBackwardFreesTensorsSavedInSlotsAndKeepsTheNumbers() throws {
        let x = try Tensor.full([3], .double(0.5), requiresGrad: true)
        weak var saved: Tensor?
        var y = x
        try autoreleasepoolIfAvailable {
            // pow holds its base in a slot and its exponent in the formula's state.
            let base = try x.exp()
            saved = base
            y = try base.pow(.wrapping(.int(3))).sum()
        }
        let pow = try XCTUnwrap(y.gradFn?.nextNodes.first)
        XCTAssertNotNil(saved)
        try y.backward()
        XCTAssertNil(saved, "backward frees the tensor pow saved")
        guard case .scalar(let exponent)? = try pow.savedAttribute("exponent") else { return XCTFail("no exponent") }
        XCTAssertEqual(exponent.doubleValue, 3)
        XCTAssertThrowsError(try pow.savedAttribute("self"))
        XCTAssertThrowsError(try y.backward(), "the formula kept for its numbers must not run again")
    }

    func testRetainedGraphIsFreedWhenDropped() throws {
        let x = try Tensor.full([2], .double(1.5), requiresGrad: true)
        weak var node: Node?
        try autoreleasepoolIfAvailable {
            let y = try x.exp().sum()
            try y.backward(retainGraph: true)
            node = y.gradFn
            XCTAssertEqual(node?.isReleased, false)
        }
        XCTAssertNil(node)
    }

    func testTrainingStepsLeaveNothingBehind() throws {
        let w = try Tensor.full([], .double(0), requiresGrad: true)
        let X = try Tensor.arange(start: .int(1), end: .int(5)).to(.float32)
        var previous: [() -> AnyObject?] = []
        for step in 0..<50 {
            let loss = try w.mul(X).sub(X.mul(.wrapping(.int(2)))).pow(.wrapping(.int(2))).mean()
            weak let node = loss.gradFn
            weak let lossRef = loss
            try loss.backward()
            try GradMode.with(enabled: false) { try w.sub_(XCTUnwrap(w.grad).mul(.wrapping(.double(0.01)))) }
            try w.grad?.zero_()
            if step > 0 { for alive in previous { XCTAssertNil(alive(), "step \(step - 1) left its graph alive") } }
            previous = [{ node }, { lossRef }]
        }
    }

    func testDeepChainBuildsBackpropagatesAndFreesWithoutStackOverflow() throws {
        let x = try Tensor.full([], .double(1), dtype: .float64, requiresGrad: true)
        weak var first: Node?
        try autoreleasepoolIfAvailable {
            var y = x
            for i in 0..<100_000 {
                y = try y.mul(.wrapping(.double(1.000001)))
                if i == 0 { first = y.gradFn }
            }
            try y.backward()
        }
        XCTAssertNil(first)
        XCTAssertEqual(try XCTUnwrap(x.grad).item().doubleValue, Foundation.pow(1.000001, 100_000.0), accuracy: 1e-9)
        weak var unreleased: Node?
        try autoreleasepoolIfAvailable {
            var y = x
            for _ in 0..<100_000 { y = try y.add(.wrapping(.int(1))) }
            unreleased = y.gradFn
        }
        XCTAssertNil(unreleased, "a deep graph that never ran backward is freed too")
    }

    /// Scopes temporaries so ARC releases them at the closing brace.
    private func autoreleasepoolIfAvailable(_ body: () throws -> Void) rethrows { try body() }
}
