import XCTest

/// Fixtures/ops/generate.py's cases (creation, dtypes, elementwise ops, reductions, views,
/// in-place ops and their errors), their Python source run by grad, against what PyTorch printed.
final class TensorOpsTests: XCTestCase {
    func testEveryCaseMatchesPyTorch() throws {
        try RecordedScripts.check("ops", minimum: 53)
    }
}
