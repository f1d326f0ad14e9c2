import Foundation
import XCTest
import GradTensor
import GradLang

/// Fixtures recorded as Python source and what real PyTorch printed running it
/// (Fixtures/recording.py): each case's source runs as a script through grad's own parser,
/// compiler and interpreter, and what it prints must equal PyTorch's output.
enum RecordedScripts {
    struct Case: Decodable {
        let source: String
        let expected: String
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The cases of Fixtures/FOLDER/cases.json, sorted by name.
    static func cases(_ folder: String) throws -> [(name: String, recorded: Case)] {
        let url = fixtures.appendingPathComponent(folder).appendingPathComponent("cases.json")
        let fixture = try JSONDecoder().decode([String: Case].self, from: Data(contentsOf: url))
        return fixture.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// What running `source` as a script prints, followed by its uncaught error as one
    /// `Type: message` line, as recording.py writes PyTorch's.
    static func run(_ source: String) -> String {
        GradMode.set(true)
        var output = ""
        let interpreter = Interpreter(writeOutput: { output += $0 })
        do throws(ProgramError) {
            try interpreter.run(source: source, filename: "<case>", in: Globals())
        } catch {
            switch error {
            case .runtime(let e): output += "\(e.type.name): \(e.message)\n"
            case .syntax(let e, _): output += "\(e.kind.rawValue): \(e.message) (grad cannot parse this case)\n"
            }
        }
        GradMode.set(true)
        return output
    }

    /// Runs every case of Fixtures/FOLDER (at least `minimum` of them, so that a fixture that lost
    /// its cases cannot pass) and compares with PyTorch's output.
    static func check(_ folder: String, minimum: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let cases = try cases(folder)
        XCTAssertGreaterThanOrEqual(cases.count, minimum, "Fixtures/\(folder)/cases.json", file: file, line: line)
        for (name, recorded) in cases {
            XCTAssertEqual(run(recorded.source), recorded.expected, "case \(name):\n\(recorded.source)", file: file, line: line)
        }
    }
}
