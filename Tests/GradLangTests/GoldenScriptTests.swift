import Foundation
import XCTest
import GradLang
import GradTensor

/// The golden-script suite: every `Golden/scripts/NAME.grad` runs in-process through GradLang, as
/// `grad NAME.grad` would, and what it prints must equal `NAME.expected` byte for byte. Those files
/// were recorded from real CPython 3.11 + PyTorch by `Golden/record.py`; this test never needs
/// Python. `Golden/grad-only/` holds scripts using grad's extensions, with hand-written
/// expectations (see its README).
///
/// Set GOLDEN_FILTER to a name prefix (e.g. `torch_`) to run only some scripts.
final class GoldenScriptTests: XCTestCase {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let folders = ["scripts", "grad-only"]
    /// Recorded scripts that make a mistake grad's learner lints warn of, on purpose (they check
    /// PyTorch's behaviour there): they run with the lints off, as PyTorch has none. Every other
    /// script runs with them on, so that a lint warning where PyTorch is silent fails the suite.
    static let mistakesOnPurpose: Set<String> = ["autograd_nonleaf_update", "autograd_second_backward_unsaved", "bad_input_backward_twice",
                                                 "autograd_function_second_backward", "caught_torch_backward_errors", "torch_optim_state_dict"]

    /// The prefix of scripts that print bits of MKL's vector functions (`VectorMathLibrary`).
    static let mklPrefix = "torch_mkl_"

    /// What one run printed, in the `.expected` files' format.
    struct Outcome {
        var stdout = ""
        var stderr = ""
        var status = 0

        var text: String { "--- stdout\n\(stdout)--- stderr\n\(stderr)--- exit \(status)\n" }
    }

    /// Runs a script file's bytes the way the `grad` executable does: a fresh interpreter and
    /// globals, output and warnings captured, an uncaught error rendered to stderr with exit status 1.
    static func run(fileContents: [UInt8], filename: String, lints: Bool = true) -> Outcome {
        var outcome = Outcome()
        // As the `grad` executable runs scripts: deep recursion needs more than a test thread's stack.
        LargeStack.run(stackSize: LargeStack.programSize) {
            // `import grad` turns pass records on for the process; each script starts without.
            defer { GradModule.stopRecordingPasses() }
            let interpreter = Interpreter(writeOutput: { outcome.stdout += $0 }, writeWarning: { outcome.stderr += $0 })
            interpreter.lintsEnabled = lints
            // Alive until the error is rendered, as the executable's are: a NameError's
            // suggestions are read from them then.
            let globals = Globals()
            do throws(ProgramError) {
                try interpreter.run(fileContents: fileContents, filename: filename, in: globals)
            } catch {
                outcome.stderr += ErrorRenderer(sources: interpreter.sourceLines).render(error)
                outcome.status = 1
            }
            withExtendedLifetime(globals) {}
        }
        return outcome
    }

    static func names(in folder: String, extension ext: String) throws -> [String] {
        let directory = golden.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix("." + ext) && !$0.hasPrefix(".") }
            .map { String($0.dropLast(ext.count + 1)) }
            .sorted()
    }

    static func read(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    func testRecordedScripts() throws {
        try checkFolder("scripts", minimum: 150)
    }

    func testGradOnlyScripts() throws {
        try checkFolder("grad-only", minimum: 1)
    }

    func testEveryScriptHasAnExpectationAndViceVersa() throws {
        for folder in Self.folders {
            let scripts = Set(try Self.names(in: folder, extension: "grad"))
            let expectations = Set(try Self.names(in: folder, extension: "expected"))
            for name in scripts.subtracting(expectations).sorted() {
                XCTFail("\(folder)/\(name).grad has no \(name).expected (run Golden/record.py \(name))")
            }
            for name in expectations.subtracting(scripts).sorted() {
                XCTFail("\(folder)/\(name).expected has no \(name).grad")
            }
        }
    }

    /// Every expectation has the three sections in order, so a hand edit cannot break the format.
    func testExpectationsAreWellFormed() throws {
        for folder in Self.folders {
            for name in try Self.names(in: folder, extension: "expected") {
                let text = try Self.read(Self.golden.appendingPathComponent(folder).appendingPathComponent(name + ".expected"))
                let wellFormed = text.hasPrefix("--- stdout\n") && text.contains("--- stderr\n")
                    && text.range(of: #"--- exit [0-9]+\n\z"#, options: .regularExpression) != nil
                XCTAssertTrue(wellFormed, "\(folder)/\(name).expected is not in the --- stdout/--- stderr/--- exit format")
            }
        }
    }

    func checkFolder(_ folder: String, minimum: Int) throws {
        let directory = Self.golden.appendingPathComponent(folder)
        var names = try Self.names(in: folder, extension: "grad")
        XCTAssertGreaterThanOrEqual(names.count, minimum, "too few golden scripts in \(folder)")
        if let prefix = ProcessInfo.processInfo.environment["GOLDEN_FILTER"], !prefix.isEmpty {
            names = names.filter { $0.hasPrefix(prefix) }
        }
        let total = names.count
        var failed: [String] = []
        var reports: [String] = []
        // These print MKL's last bits, which grad's emulations do not reproduce: without MKL
        // one line says why instead of thousands of differing digits.
        let needingMKL = names.filter { $0.hasPrefix(Self.mklPrefix) }
        if VectorMathLibrary.loaded == nil, !needingMKL.isEmpty {
            names.removeAll { $0.hasPrefix(Self.mklPrefix) }
            failed += needingMKL
            reports.append("MKL not installed: run scripts/setup (\(needingMKL.count) scripts \(Self.mklPrefix)* need it)")
        }
        for name in names {
            let expectedURL = directory.appendingPathComponent(name + ".expected")
            guard FileManager.default.fileExists(atPath: expectedURL.path) else { continue }
            // Bytes, as `grad NAME.grad` reads them: some scripts are not valid UTF-8 on purpose.
            let contents = [UInt8](try Data(contentsOf: directory.appendingPathComponent(name + ".grad")))
            let expected = try Self.read(expectedURL)
            let lints = folder != "scripts" || !Self.mistakesOnPurpose.contains(name)
            let actual = Self.run(fileContents: contents, filename: name + ".grad", lints: lints).text
            // Byte for byte: String's == would treat canonically equivalent Unicode as equal.
            if Array(actual.utf8) != Array(expected.utf8) {
                failed.append(name)
                reports.append("\(folder)/\(name).grad: output differs from \(name).expected\n"
                               + Self.describeDifference(expected: expected, actual: actual))
            }
        }
        print("golden \(folder): \(total - failed.count) of \(total) scripts pass"
              + (failed.isEmpty ? "" : "; failing: " + failed.joined(separator: " ")))
        // One failure per folder, listing every differing script: XCTest's failure count then
        // stays a count of failing tests (scripts/test subtracts it from the number of tests).
        if !reports.isEmpty {
            XCTFail("\(failed.count) of \(total) golden scripts in \(folder)/ differ from their .expected files\n\n"
                    + reports.joined(separator: "\n\n"))
        }
    }

    /// The first differing line, then a line diff of the whole text (`-` expected only, `+` grad
    /// only, two lines of context around each change), cut short when long.
    static func describeDifference(expected: String, actual: String, limit: Int = 60) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var report = ""
        let common = min(old.count, new.count)
        let firstDifferent = (0..<common).first { Array(old[$0].utf8) != Array(new[$0].utf8) }
            ?? (old.count != new.count ? common : nil)
        guard let first = firstDifferent else { return "the texts differ only in Unicode normalisation" }
        let want = first < old.count ? old[first].debugDescription : "(end of file)"
        let got = first < new.count ? new[first].debugDescription : "(end of output)"
        report += "first difference at line \(first + 1):\n  expected: \(want)\n  grad:     \(got)\n"
        // A longest-common-subsequence table is quadratic; skip the diff for huge outputs.
        guard old.count * new.count <= 4_000_000 else { return report + "(outputs too long to diff)" }
        let rows = lineDiff(old, new)
        let changed = rows.indices.filter { rows[$0].mark != " " }
        var shown = Set<Int>()
        for i in changed { for k in max(0, i - 2)...min(rows.count - 1, i + 2) { shown.insert(k) } }
        var lines: [String] = []
        var previous = -1
        for i in shown.sorted() {
            if i != previous + 1 { lines.append("  …") }
            lines.append("\(rows[i].mark) \(rows[i].text)")
            previous = i
        }
        report += lines.prefix(limit).joined(separator: "\n")
        if lines.count > limit { report += "\n  … \(lines.count - limit) more diff lines" }
        return report
    }

    /// Lines of `old` and `new` merged along a longest common subsequence: " " both, "-" only in
    /// `old`, "+" only in `new`.
    static func lineDiff(_ old: [String], _ new: [String]) -> [(mark: Character, text: String)] {
        let a = old.map { Array($0.utf8) }, b = new.map { Array($0.utf8) }
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var rows: [(mark: Character, text: String)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                rows.append((" ", old[i])); i += 1; j += 1
            } else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] {
                rows.append(("-", old[i])); i += 1
            } else {
                rows.append(("+", new[j])); j += 1
            }
        }
        return rows
    }
}
