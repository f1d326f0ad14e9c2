import Foundation
import XCTest
import GradTensor
@testable import GradLang

/// Every statement of Fixtures/torch/cases.json (recorded from PyTorch by generate.py next to it)
/// replayed through grad's torch bindings: the reprs of bare expressions, the warnings, and the
/// error type and message must equal PyTorch's.
extension TorchModuleTests {
    func testStatementsMatchPyTorch() throws {
        let cases = try Self.fixtureCases()
        XCTAssertGreaterThan(cases.count, 150)
        for (name, steps) in cases.sorted(by: { $0.key < $1.key }) {
            GradMode.set(true)
            let replay = TorchFixtureReplay()
            for step in steps {
                let source = step["source"] as? String ?? "?"
                let expected = TorchFixtureReplay.Outcome(
                    outputs: step["outputs"] as? [String] ?? [],
                    warnings: step["warnings"] as? [String] ?? [],
                    error: step["error"] as? String)
                let actual = replay.run(step["code"] as Any)
                XCTAssertEqual(actual.outputs, expected.outputs, "[\(name)] \(source)")
                XCTAssertEqual(actual.warnings, expected.warnings, "[\(name)] warnings of \(source)")
                XCTAssertEqual(actual.error, expected.error, "[\(name)] error of \(source)")
                if actual.error != nil || expected.error != nil { break }
            }
        }
        GradMode.set(true)
    }

    static func fixtureCases() throws -> [String: [[String: Any]]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/torch/cases.json")
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return root?["cases"] as? [String: [[String: Any]]] ?? [:]
    }
}
