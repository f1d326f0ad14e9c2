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
        XCTAssertEqual(error("class S(str):\n    pass\n"), "TypeError: grad cannot make subclasses of 'str' yet")
        XCTAssertEqual(error("class F(float):\n    pass\n"), "TypeError: grad cannot make subclasses of 'float' yet")
        XCTAssertEqual(error("class M(type):\n    pass\nclass C(metaclass=M):\n    pass\n"),
                       "TypeError: grad cannot make subclasses of 'type' yet")
        XCTAssertEqual(error("class C(metaclass=object):\n    pass\n"),
                       "NotImplementedError: grad supports no metaclass but abc.ABCMeta yet")
        XCTAssertNil(error("from abc import ABCMeta\nclass C(metaclass=ABCMeta):\n    pass\nclass D(metaclass=type):\n    pass\n"))
    }

    func testDataclassSlotsAreNamed() {
        XCTAssertEqual(error("from dataclasses import dataclass\n@dataclass(slots=True)\nclass C:\n    x: int\n"),
                       "NotImplementedError: grad does not support dataclass(slots=True) yet")
    }
}
