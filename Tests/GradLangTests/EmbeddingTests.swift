import XCTest
@testable import GradLang

/// The library as a host program uses it: values that a program made stay valid after the host
/// drops the interpreter that ran it (before BoundArguments held it strongly, the lazy iterators
/// below called into a freed interpreter: a use-after-free under AddressSanitizer).
final class EmbeddingTests: XCTestCase {
    /// Runs `source` in an interpreter that is dropped on return, and gives back the global `it`
    /// with the program's globals, which the host keeps as it reads them.
    private func iteratorOutlivingItsInterpreter(_ source: String) throws -> (PyIterator, Globals) {
        let globals = Globals()
        var iterator: PyIterator?
        weak var dropped: Interpreter?
        LargeStack.run {
            let interpreter = Interpreter(writeOutput: { _ in })
            do throws(ProgramError) {
                try interpreter.run(source: source, filename: "embedding.grad", in: globals)
            } catch {
                XCTFail("\(error)")
            }
            if case .object(let it as PyIterator)? = globals["it"] { iterator = it }
            dropped = interpreter
        }
        XCTAssertNotNil(dropped, "the iterator keeps the interpreter it calls into alive")
        return (try XCTUnwrap(iterator), globals)
    }

    private func drain(_ iterator: PyIterator) throws -> [Value] {
        var values: [Value] = []
        while let v = try iterator.next() { values.append(v) }
        return values
    }

    func testMapIteratorCallsItsFunctionAfterTheHostDroppedTheInterpreter() throws {
        let (it, globals) = try iteratorOutlivingItsInterpreter("it = map(lambda x: x * 10, [1, 2, 3])\n")
        XCTAssertEqual(try drain(it).map(Repr.repr), ["10", "20", "30"])
        withExtendedLifetime(globals) {}
    }

    func testFilterIteratorCallsItsFunctionAfterTheHostDroppedTheInterpreter() throws {
        let (it, globals) = try iteratorOutlivingItsInterpreter("it = filter(lambda x: x % 2, range(6))\n")
        XCTAssertEqual(try drain(it).map(Repr.repr), ["1", "3", "5"])
        withExtendedLifetime(globals) {}
    }

    func testCallableIteratorCallsItsFunctionAfterTheHostDroppedTheInterpreter() throws {
        let source = """
        counter = [0]
        def step():
            counter[0] += 1
            return counter[0]
        it = iter(step, 4)

        """
        let (it, globals) = try iteratorOutlivingItsInterpreter(source)
        XCTAssertEqual(try drain(it).map(Repr.repr), ["1", "2", "3"])
        withExtendedLifetime(globals) {}
    }
}
