import Foundation
import XCTest
@testable import GradLang
import GradTestSupport

/// The front end never traps: random fragments, mutated real programs and random bytes all end in
/// a tree or a well-formed SyntaxError (1-based position inside the source, the line's text).
final class RobustnessTests: XCTestCase {
    static let fragments: [String] = [
        "x", "y", "torch", "变量", "_", "print", " ", " ", "  ", "\t", "\n", "\n", "\n    ", "\n\t", "\\\n", "\\",
        "(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "...", "=", "==", "+=", "**", "*", "-", "~", "@",
        "->", ":=", "<", "!=", "!", "$", "?", "`", "€", "，", "\u{00A0}", "\u{200B}", "#", "# 注释", "\0",
        "0", "1_0", "1__0", "0x", "0xff", "012", "1e", "1.5e-3", "2j", "1if", "0b2", "1" + String(repeating: "9", count: 40),
        "'", "\"", "'''", "\"\"\"", "'a'", "\"中文\"", "r'\\'", "b'x'", "f'", "f'{", "f'{x}'", "f'{x!r:>{w}}'",
        "f\"{x=}\"", "f'}'", "f'{'", "f'{x:{y:{z}}}'", "'\\x4'", "'\\N{EM DASH}'", "'\\N{", "'\\u12'",
        "if", "elif", "else", "for", "in", "while", "def", "return", "lambda", "with", "as", "try", "except",
        "finally", "raise", "from", "import", "global", "nonlocal", "del", "assert", "pass", "break",
        "continue", "class", "yield", "async", "await", "not", "and", "or", "is", "None", "True", "False",
    ]

    func checkWellFormed(_ source: String, file: StaticString = #filePath, line: UInt = #line) {
        let text = SourceText(source)
        let lastLine = max(text.lineCount, 1)
        func check(_ e: SyntaxError) {
            XCTAssertTrue((1...lastLine).contains(e.line), "line \(e.line) of \(lastLine): \(source.debugDescription)",
                          file: file, line: line)
            XCTAssertGreaterThanOrEqual(e.column, 1, source.debugDescription, file: file, line: line)
            XCTAssertTrue(e.endLine > e.line || e.endColumn > e.column, "\(e): \(source.debugDescription)",
                          file: file, line: line)
            XCTAssertEqual(e.lineText, text.lineText(e.line), source.debugDescription, file: file, line: line)
            XCTAssertFalse(e.message.isEmpty, file: file, line: line)
        }
        do {
            _ = try parseModule(source: source)
        } catch {
            check(error)
        }
        if case .error(let e) = parseInteractive(source: source) { check(e) }
    }

    func testRandomFragments() {
        var random = SplitMix64(seed: 3)
        for _ in 0..<1500 {
            var source = ""
            for _ in 0..<(1 + random.below(25)) { source += random.pick(Self.fragments) }
            checkWellFormed(source)
        }
    }

    func testMutatedPrograms() {
        let programs = [
            "import torch\nx = torch.tensor(2.0, requires_grad=True)\nz = 3 * x**2 + 2 * y\nz.backward()\nprint(\"dz/dx:\", x.grad)  # 输出\n",
            "def sgd(params, lr, batch_size):  #@save\n    \"\"\"小批量随机梯度下降\"\"\"\n    with torch.no_grad():\n        for param in params:\n            param -= lr * param.grad / batch_size\n            param.grad.zero_()\n",
            "for epoch in range(n_iters):\n    y_pred = forward(X)\n\n    l = loss(Y, y_pred)\n    \n    if epoch % 10 == 0:\n        print(f'epoch {epoch+1}: w = {w.item():.3f}, loss = {l.item():.8f}')\n",
            "try:\n    a = [x for x in range(3) if x]\nexcept (ValueError, KeyError) as e:\n    raise RuntimeError('bad') from e\nfinally:\n    d = {'k': lambda v, *a, k=1, **kw: v}\n",
        ]
        var random = SplitMix64(seed: 11)
        for program in programs {
            let scalars = Array(program.unicodeScalars)
            for _ in 0..<250 {
                var mutated = scalars
                for _ in 0..<(1 + random.below(4)) {
                    let at = random.below(mutated.count + 1)
                    switch random.below(3) {
                    case 0 where at < mutated.count: mutated.remove(at: at)
                    case 1: mutated.insert(contentsOf: random.pick(Self.fragments).unicodeScalars, at: at)
                    default:
                        let other = random.below(mutated.count)
                        if at < mutated.count { mutated.swapAt(at, other) }
                    }
                }
                checkWellFormed(String(String.UnicodeScalarView(mutated)))
            }
        }
    }

    func testRandomBytes() {
        var random = SplitMix64(seed: 5)
        let alphabet: [UInt8] = Array("x1 (\n\t'\"\\#:=+".utf8) + [0x00, 0x80, 0xC3, 0xA9, 0xE4, 0xB8, 0xAD, 0xFF, 0xF0]
        for _ in 0..<500 {
            let bytes = (0..<random.below(40)).map { _ in random.pick(alphabet) }
            do {
                let text = try SourceText(utf8: bytes, filename: "f.grad")
                _ = try? parseModule(text)
            } catch {
                XCTAssertTrue(error.message.hasPrefix("Non-UTF-8 code starting with")
                              || error.message == "source code cannot contain null bytes", error.message)
            }
        }
    }
}
