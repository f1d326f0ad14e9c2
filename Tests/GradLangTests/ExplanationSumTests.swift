import XCTest
import GradLang

/// `grad.explain(x)` re-runs each op's backward formula path by path; the sum over the paths must
/// be what backward accumulated into `x.grad`, for every op explanations know, with and without
/// broadcasting, for scalars and tensors, listed or summarised (more than 6 paths). The check is
/// the explanation's own verdict line, so a wrong sum, or a formula re-run on the wrong values,
/// fails here.
final class ExplanationSumTests: XCTestCase {
    /// Expressions in `x` (a leaf of shape (3,) or (), and `W`, `b` for matrices), each summed
    /// to a scalar for backward.
    static let expressions = [
        "x + 2 * x", "x - x * 3", "x * x * x", "x / (x + 4)", "x ** 3 - x ** 0.5", "-x * 2",
        "torch.exp(x)", "torch.log(x + 1)", "torch.sin(x) * torch.cos(x)", "torch.tanh(x) + torch.sigmoid(x)",
        "torch.relu(x - 0.5)", "x.mean() * x", "(x @ W).sum() * x", "x @ W + b",
        "torch.sin(x) * torch.exp(x) + torch.tanh(x) / torch.sigmoid(x) - torch.log(x) + torch.cos(x) ** 3",
    ]

    func testTheSumOverPathsIsTheGradient() throws {
        for shape in ["[0.7, 1.3, 2.1]", "0.8"] {
            for expression in Self.expressions {
                if shape == "0.8" && expression.contains("@") { continue }
                let source = """
                import torch
                import grad
                x = torch.tensor(\(shape), requires_grad=True)
                W = torch.tensor([[0.5, -1.0], [2.0, 0.25], [1.5, 3.0]], requires_grad=True)
                b = torch.tensor([0.1, -0.2], requires_grad=True)
                y = (\(expression)).sum()
                y.backward()
                grad.explain(x)

                """
                let output = run(source)
                let verdicts = output.split(separator: "\n").filter { $0.contains("x.grad (ok)") }
                XCTAssertEqual(verdicts.count, 1, "\(expression) on \(shape):\n\(output)")
                XCTAssertFalse(output.contains("MISMATCH"), "\(expression) on \(shape):\n\(output)")
                XCTAssertFalse(output.contains("Cannot re-run"), "\(expression) on \(shape):\n\(output)")
            }
        }
    }

    /// A hook that changes the gradient makes the sum differ, and the explanation says so.
    func testAHookThatChangesTheGradientIsAMismatch() {
        let output = run("""
        import torch
        import grad
        x = torch.tensor(3.0, requires_grad=True)
        x.register_hook(lambda g: g + 1)
        (x * 2).backward()
        grad.explain(x)

        """)
        XCTAssertTrue(output.contains("(MISMATCH) differs from x.grad = 3"), output)
    }

    private func run(_ source: String) -> String {
        var output = ""
        defer { GradModule.stopRecordingPasses() }
        let interpreter = Interpreter(writeOutput: { output += $0 })
        do throws(ProgramError) {
            try interpreter.run(fileContents: Array(source.utf8), filename: "explain.grad", in: Globals())
        } catch {
            output += ErrorRenderer(sources: interpreter.sourceLines).render(error)
        }
        return output
    }
}
