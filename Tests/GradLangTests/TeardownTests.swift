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

    /// A class is freed with its program: its methods' attribute sites do not hold it, its order
    /// does not hold it, and its `__class__` cell (for `super()`) is a cycle the collector frees.
    func testClassesAreFreed() {
        weak var cls: PyObject?
        weak var instance: PyObject?
        LargeStack.run {
            let program = """
            class Base:
                def __init__(self):
                    self.x = 1
            class Point(Base):
                def __init__(self, y):
                    super().__init__()
                    self.y = y
                def total(self):
                    return self.x + self.y
            p = Point(2)
            print(p.total())

            """
            let globals = Globals()
            do throws(ProgramError) {
                try Interpreter(writeOutput: { _ in }).run(source: program, filename: "teardown.grad", in: globals)
            } catch {
                XCTFail("\(error)")
            }
            if case .object(let c)? = globals["Point"] { cls = c } else { XCTFail("no class") }
            if case .object(let p)? = globals["p"] { instance = p } else { XCTFail("no instance") }
        }
        XCTAssertNil(instance, "the instance freed")
        XCTAssertNil(cls, "the class freed")
    }
}
