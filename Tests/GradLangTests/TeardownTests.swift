import XCTest
@testable import GradLang

/// A program's interpreter, globals and data are freed once the caller drops them, whatever the
/// program defined: functions refer to the globals they live in (and recursive ones to
/// themselves), and the compiler's scope tree links children and parents. (The ASan run of the
/// suite reports any leak; these check the same without it.)
final class TeardownTests: XCTestCase {
    func testAProgramWithFunctionsFreesEverything() {
        weak var interpreter: Interpreter?
        weak var globals: Globals?
        weak var data: PyObject?
        LargeStack.run {
            let program = """
            def countdown(n):
                return countdown(n - 1) if n else data
            data = [1, [2, 3]]
            pick = lambda: [x for x in data if x]
            countdown(3)
            pick()

            """
            let ownInterpreter = Interpreter(writeOutput: { _ in })
            let ownGlobals = Globals()
            do throws(ProgramError) {
                try ownInterpreter.run(source: program, filename: "teardown.grad", in: ownGlobals)
            } catch {
                XCTFail("\(error)")
            }
            if case .object(let list)? = ownGlobals["data"] { data = list } else { XCTFail("no data") }
            interpreter = ownInterpreter
            globals = ownGlobals
        }
        XCTAssertNil(globals, "globals freed")
        XCTAssertNil(interpreter, "interpreter freed")
        XCTAssertNil(data, "the program's data freed")
    }
}
