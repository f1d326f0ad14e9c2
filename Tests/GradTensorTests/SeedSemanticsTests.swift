import XCTest
@testable import GradTensor

/// The seed document's snippets, written against the Swift API: printed values and gradients
/// must be what real PyTorch printed for them (../shared/seed/snippets/*.expected).
final class SeedSemanticsTests: XCTestCase {
    func testSnippet1ChainOfOps() throws {
        let x = try Tensor.full([], .double(2), requiresGrad: true)
        let y = try Tensor.full([], .double(3), requiresGrad: true)
        let z = try Tensor.wrapping(.int(3)).mul(x.pow(.wrapping(.int(2)))).add(Tensor.wrapping(.int(2)).mul(y))
        try z.backward()
        XCTAssertEqual(x.description, "tensor(2., requires_grad=True)")
        XCTAssertEqual(z.description, "tensor(18., grad_fn=<AddBackward0>)")
        XCTAssertEqual(x.grad?.description, "tensor(12.)")
        XCTAssertEqual(y.grad?.description, "tensor(2.)")
    }

    func testSnippet4AccumulationAndZero() throws {
        let x = try Tensor.from(.list([.scalar(.double(2))]), requiresGrad: true)
        try x.pow(.wrapping(.int(2))).backward()
        XCTAssertEqual(x.grad?.description, "tensor([4.])")
        try Tensor.wrapping(.int(2)).mul(x).backward()
        XCTAssertEqual(x.grad?.description, "tensor([6.])")
        try x.grad?.zero_()
        try Tensor.wrapping(.int(3)).mul(x).backward()
        XCTAssertEqual(x.grad?.description, "tensor([3.])")
    }

    func testSnippet6TrainingLoopPrintsPyTorchDigits() throws {
        let X = try Tensor.from(.list([1, 2, 3, 4].map { .scalar(.int($0)) }), dtype: .float32)
        let Y = try Tensor.from(.list([2, 4, 6, 8].map { .scalar(.int($0)) }), dtype: .float32)
        let w = try Tensor.full([], .double(0), dtype: .float32, requiresGrad: true)
        var lines: [String] = []
        for epoch in 0..<100 {
            let l = try w.mul(X).sub(Y).pow(.wrapping(.int(2))).mean()
            try l.backward()
            try GradMode.with(enabled: false) {
                try w.sub_(Tensor.wrapping(.double(0.01)).mul(XCTUnwrap(w.grad)))
            }
            try w.grad?.zero_()
            if epoch % 10 == 0 {
                let wv = try w.item().doubleValue, lv = try l.item().doubleValue
                lines.append("epoch \(epoch + 1): w = \(String(format: "%.3f", wv)), loss = \(String(format: "%.8f", lv))")
            }
        }
        let expected = try String(contentsOfFile: seedPath("snippet6.expected"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map(String.init)
        XCTAssertEqual(lines, expected)
    }

    private func seedPath(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/seed/snippets/\(name)").path
    }
}
