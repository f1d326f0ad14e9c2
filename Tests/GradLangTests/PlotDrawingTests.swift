import Foundation
import XCTest
import GradLang

/// `plt.show()`'s terminal drawings, which have no peer to record them from: each
/// `Drawings/Plots/NAME.grad` runs as a script whose output is a 72 × 40 terminal (`NAME_color`: with
/// colour; `NAME_ascii`: as for output that is not a terminal), and what it prints must equal
/// `NAME.txt`, recorded from grad and checked by eye. `RECORD_DRAWINGS=1` rewrites the files and
/// fails, so that a recording never passes silently.
final class PlotDrawingTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Drawings/Plots")

    static func terminal(for name: String) -> PlotTerminal {
        PlotTerminal(columns: 72, rows: 40, colored: name.hasSuffix("_color"), ascii: name.hasSuffix("_ascii"))
    }

    /// What the script printed (stdout, then any uncaught error).
    static func run(_ source: String, name: String) -> String {
        var output = ""
        LargeStack.run(stackSize: LargeStack.programSize) {
            let interpreter = Interpreter(writeOutput: { output += $0 }, writeWarning: { output += $0 })
            interpreter.plotTerminal = { terminal(for: name) }
            do throws(ProgramError) {
                try interpreter.run(source: source, filename: name + ".grad", in: Globals())
            } catch {
                output += ErrorRenderer(sources: interpreter.sourceLines).render(error)
            }
        }
        return output
    }

    func testDrawings() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".grad") }.map { String($0.dropLast(5)) }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 5)
        let recording = ProcessInfo.processInfo.environment["RECORD_DRAWINGS"] == "1"
        for name in names {
            let source = String(decoding: try Data(contentsOf: Self.folder.appendingPathComponent(name + ".grad")), as: UTF8.self)
            let drawn = Self.run(source, name: name)
            let expectedURL = Self.folder.appendingPathComponent(name + ".txt")
            if recording {
                try Data(drawn.utf8).write(to: expectedURL)
                XCTFail("recorded \(name).txt: look at it, then run again without RECORD_DRAWINGS")
                continue
            }
            let expected = String(decoding: (try? Data(contentsOf: expectedURL)) ?? Data(), as: UTF8.self)
            XCTAssertEqual(drawn, expected, "\(name): the drawing changed (RECORD_DRAWINGS=1 to record it again)")
        }
    }

    /// Off a terminal `show()` draws nothing, and after `matplotlib.use('Agg')` neither on one.
    func testShowDrawsOnlyOnATerminal() {
        let source = "import matplotlib.pyplot as plt\nplt.plot([1, 2, 3])\nplt.show()\nprint('done')\n"
        var output = ""
        let interpreter = Interpreter(writeOutput: { output += $0 })
        XCTAssertNoThrow(try interpreter.run(source: source, filename: "t.grad", in: Globals()))
        XCTAssertEqual(output, "done\n")
        let agg = "import matplotlib\nmatplotlib.use('Agg')\n" + source
        XCTAssertEqual(Self.run(agg, name: "agg"), "done\n")
        XCTAssertTrue(Self.run(source, name: "drawn").contains("┤"))
    }
}
