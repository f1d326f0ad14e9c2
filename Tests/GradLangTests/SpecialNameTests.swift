import XCTest
@testable import GradLang

/// SpecialName spells its method names out in case order; they must stay the cases' own names.
final class SpecialNameTests: XCTestCase {
    func testNamesFollowTheCases() {
        for special in SpecialName.allCases {
            XCTAssertEqual(special.name, "__\(special)__")
        }
    }
}
