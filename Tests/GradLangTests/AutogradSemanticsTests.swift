import XCTest

/// Fixtures/autograd/generate.py's cases (accumulation, retain_grad, grad mode, create_graph,
/// autograd.grad, in-place checks and their errors), their Python source run by grad, against what
/// PyTorch printed.
final class AutogradSemanticsTests: XCTestCase {
    func testEveryCaseMatchesPyTorch() throws {
        try RecordedScripts.check("autograd", minimum: 45)
    }
}
