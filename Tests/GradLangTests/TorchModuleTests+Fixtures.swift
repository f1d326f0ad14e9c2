import Foundation
import XCTest
import GradTensor
import GradLang

/// Every statement of Fixtures/torch/cases.json (recorded from PyTorch by generate.py next to it)
/// run by grad's parser, compiler and interpreter one at a time, as typed at the prompt: what it
/// shows (a bare expression's repr, None silent), its warnings, and the error type and message must
/// equal PyTorch's.
extension TorchModuleTests {
    /// One recorded statement.
    struct RecordedStep: Decodable, Equatable {
        var source = ""
        var output = ""
        var warnings: [String] = []
        var error: String?
    }

    struct RecordedFixture: Decodable {
        let torch: String
        let cases: [String: [RecordedStep]]
    }

    /// Where grad differs from the recording on purpose, as "case: statement" → what differs.
    /// Each is checked to still differ, so that a change of behaviour makes this test fail until
    /// its entry is removed.
    static let knownDifferences: [String: String] = [
        // grad's REPL echoes only top-level expression statements (IPython's rule, so that a
        // pasted training loop does not print every `w.grad.zero_()`; see the README's Paste);
        // CPython's interactive mode echoes them at any depth of a block.
        "no_grad_block: with torch.no_grad():\n    y = x * 2\n    torch.is_grad_enabled()": "output",
        "set_grad_enabled_forms: with torch.set_grad_enabled(False):\n    torch.is_grad_enabled()": "output",
        "no_grad_block: with torch.no_grad():\n    with torch.enable_grad():\n        torch.is_grad_enabled()\n        z = x * 2\n    torch.is_grad_enabled()": "output",
    ]

    /// Statements ("case: statement") that make a mistake grad's learner lints warn of (README
    /// "### Lints"), where PyTorch gives no warning: their lints are left out of the comparison.
    /// A lint anywhere else fails the test.
    static let lintedMistakes: Set<String> = ["backward_twice: y.backward()"]

    func testStatementsMatchPyTorch() throws {
        let cases = try Self.fixtureCases()
        XCTAssertGreaterThanOrEqual(cases.count, 243)
        XCTAssertGreaterThanOrEqual(cases.values.map(\.count).reduce(0, +), 959)
        for (name, steps) in cases.sorted(by: { $0.key < $1.key }) {
            let session = FixtureSession()
            for step in steps {
                var actual = session.run(step.source)
                if Self.lintedMistakes.contains("\(name): \(step.source)") {
                    actual.warnings.removeAll { $0.hasPrefix("GradLintWarning: ") }
                }
                let known = Self.knownDifferences["\(name): \(step.source)"]
                if known == "output" {
                    XCTAssertNotEqual(actual.output, step.output, "[\(name)] fixed: remove it from knownDifferences")
                } else {
                    XCTAssertEqual(actual.output, step.output, "[\(name)] \(step.source)")
                }
                if known == "warnings" {
                    XCTAssertNotEqual(actual.warnings, step.warnings, "[\(name)] fixed: remove it from knownDifferences")
                } else {
                    XCTAssertEqual(actual.warnings, step.warnings, "[\(name)] warnings of \(step.source)")
                }
                XCTAssertEqual(actual.error, step.error, "[\(name)] error of \(step.source)")
                if actual.error != nil || step.error != nil { break }
            }
        }
        GradMode.set(true)
        let recorded = Set(cases.flatMap { name, steps in steps.map { "\(name): \($0.source)" } })
        XCTAssertEqual(Set(Self.knownDifferences.keys).subtracting(recorded), [], "known differences name recorded statements")
    }

    static func fixtureCases() throws -> [String: [RecordedStep]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/torch/cases.json")
        return try JSONDecoder().decode(RecordedFixture.self, from: Data(contentsOf: url)).cases
    }
}

/// One case's interpreter and globals, which see `torch` and `F` as generate.py's cases do.
private final class FixtureSession {
    private var shown = ""
    private var warnings: [String] = []
    private let globals = Globals()
    private lazy var interpreter = Interpreter(
        writeOutput: { [unowned self] in shown += $0 },
        writeWarning: { [unowned self] in
            // As generate.py records them: `Category: message`, without the `<case>:1: ` place.
            let text = $0.hasSuffix("\n") ? String($0.dropLast()) : $0
            warnings.append(text.replacing(#/^<case>:\d+: /#, with: ""))
        })

    init() {
        GradMode.set(true)
        do throws(ProgramError) {
            // "always", as generate.py records each case's warnings.
            try interpreter.run(source: "import torch\nimport torch.nn.functional as F\nimport warnings\nwarnings.simplefilter('always')\n",
                                filename: "<prelude>", in: globals)
        } catch {
            XCTFail("the prelude failed: \(error)")
        }
    }

    /// Runs one statement as a chunk entered at the prompt (a compound statement ends with its
    /// blank line), and returns what it showed.
    func run(_ source: String) -> TorchModuleTests.RecordedStep {
        shown = ""
        warnings = []
        var step = TorchModuleTests.RecordedStep(source: source)
        switch parseInteractive(source: source + "\n", filename: "<case>") {
        case .complete(let module):
            do throws(ProgramError) {
                try interpreter.runInteractive(module, filename: "<case>", in: globals)
            } catch {
                switch error {
                case .runtime(let e): step.error = "\(e.type.name): \(e.message)"
                case .syntax(let e, _): step.error = "\(e.kind.rawValue): \(e.message)"
                }
            }
        case .incomplete:
            step.error = "grad finds this statement incomplete"
        case .error(let e):
            step.error = "\(e.kind.rawValue): \(e.message)"
        }
        step.output = shown.replacing(#/0x[0-9a-f]+/#, with: "0x…")
        step.warnings = warnings.map { $0.replacing(#/0x[0-9a-f]+/#, with: "0x…") }
        return step
    }
}
