import XCTest
@testable import GradLang

/// What grad's classes do not support yet says so as a clear error (CPython runs these, so no
/// recording can give grad's answer).
final class ClassLimitsTests: XCTestCase {
    private func error(_ source: String) -> String? {
        do {
            try Interpreter(writeOutput: { _ in }).run(source: source, filename: "t.grad", in: Globals())
        } catch {
            if case .runtime(let e) = error { return "\(e.type.name): \(e.message)" }
        }
        return nil
    }

    func testUnsupportedBasesAreNamed() {
        XCTAssertEqual(error("import torch\nclass T(torch.Tensor):\n    pass\n"),
                       "TypeError: grad cannot make subclasses of 'torch.Tensor' yet")
        XCTAssertNil(error("from abc import ABCMeta\nclass C(metaclass=ABCMeta):\n    pass\nclass D(metaclass=type):\n    pass\n"))
        XCTAssertNil(error("from abc import ABCMeta\nclass M(ABCMeta):\n    pass\nclass E(metaclass=M):\n    pass\n"))
    }
}
