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

    func testUnsupportedBasesAndMetaclassesAreNamed() {
        XCTAssertEqual(error("class T(tuple):\n    pass\n"), "TypeError: grad cannot make subclasses of 'tuple' yet")
        XCTAssertEqual(error("class S(str):\n    pass\n"), "TypeError: grad cannot make subclasses of 'str' yet")
        XCTAssertEqual(error("class M(type):\n    pass\nclass C(metaclass=M):\n    pass\n"),
                       "TypeError: grad cannot make subclasses of 'type' yet")
        XCTAssertEqual(error("class C(metaclass=object):\n    pass\n"), "TypeError: grad does not support metaclasses yet")
    }
}
