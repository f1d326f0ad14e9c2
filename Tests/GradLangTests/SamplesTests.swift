import XCTest
import GradLang

/// The seed document's six snippets (samples/seed, unchanged) must print exactly what real PyTorch
/// printed for them (../shared/seed/snippets/*.expected), and the tour must print what PyTorch
/// printed for it (samples/tour.expected).
final class SamplesTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Runs a script in-process as `grad FILE` would: stdout, and the rendered error on stderr.
    static func run(_ url: URL) throws -> (stdout: String, stderr: String) {
        var out = "", err = ""
        let interpreter = Interpreter(writeOutput: { out += $0 }, writeWarning: { err += $0 })
        let source = try String(contentsOf: url, encoding: .utf8)
        do {
            try interpreter.run(source: source, filename: url.lastPathComponent, in: Globals())
        } catch {
            err += ErrorRenderer(sources: interpreter.sourceLines).render(error)
        }
        return (out, err)
    }

    func testSeedSnippetsPrintWhatPyTorchPrinted() throws {
        let shared = Self.root.deletingLastPathComponent().appendingPathComponent("shared/seed/snippets")
        for n in 1...6 {
            let script = Self.root.appendingPathComponent("samples/seed/snippet\(n).grad")
            let expected = try String(contentsOf: shared.appendingPathComponent("snippet\(n).expected"), encoding: .utf8)
            let original = try String(contentsOf: shared.appendingPathComponent("snippet\(n).py"), encoding: .utf8)
            XCTAssertEqual(try String(contentsOf: script, encoding: .utf8), original, "samples/seed/snippet\(n).grad is the seed unchanged")
            let result = try Self.run(script)
            XCTAssertEqual(result.stderr, "", "snippet\(n) ran without error")
            XCTAssertEqual(result.stdout, expected, "snippet\(n) output")
        }
    }

    func testTourPrintsWhatPyTorchPrinted() throws {
        let result = try Self.run(Self.root.appendingPathComponent("samples/tour.grad"))
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout, try String(contentsOf: Self.root.appendingPathComponent("samples/tour.expected"), encoding: .utf8))
    }
}
