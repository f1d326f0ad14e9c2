import XCTest
@testable import GradLang

/// The colours of source text, one letter per character (k keyword, K True/False/None, s soft
/// keyword, b builtin, d definition, S string, n number, c comment): each case's are those CPython's
/// REPL gives it (`_pyrepl.utils.gen_colors` of CPython 3.14, run on CPython 3.13's tokenizer, which
/// splits f-strings as 3.14's does), with the same builtin names.
final class SyntaxHighlightingTests: XCTestCase {
    static let builtins: Set<String> = ["print", "len", "str", "object", "type", "int", "property"]

    static let cases: [(source: String, colours: String)] = [
        ("def f(x): return print(\"s\" + 1)  # c",
         "kkk.d.....kkkkkk.bbbbb.SSS...n...ccc"),
        ("x = [True, None, 0x1F, 2.5e3, 1j, len, x.len, str.join]",
         ".....KKKK..KKKK..nnnn..nnnnn..nn..bbb.........bbb......"),
        ("class C(object):\n    pass",
         "kkkkk.d.bbbbbb..\n....kkkk"),
        ("match x:\n    case [1, *rest]:\n        pass\n    case _:\n        pass",
         "sssss...\n....ssss..n.........\n........kkkk\n....ssss.s.\n........kkkk"),
        ("match = 1; type X = int",
         "........n..bbbb.....bbb"),
        ("s = '''abc\ndef # x''' + 1",
         "....SSSSSS\nSSSSSSSSSS...n"),
        ("print('abc def",
         "bbbbb.SSSSSSSS"),
        ("s = \"\"\"abc\ndef",
         "....SSSSSS\nSSS"),
        ("f'a{x + 1:>{width}}b{y!r}' + rb'\\x00'",
         "SSS.....n.S........S.....S...SSSSSSSS"),
        ("f\"{'nested' + str(2)}\"",
         "SS.SSSSSSSS...bbb.n..S"),
        ("x = 1 # comment with 'quote'\ny = \"#not\"",
         "....n.cccccccccccccccccccccc\n....SSSSSS"),
        ("if x:\n    y = (1,\n         2)  # c\nelse:\n    z = lambda: None",
         "kk...\n.........n.\n.........n...ccc\nkkkk.\n........kkkkkk..KKKK"),
        ("f'{{x}} {x=} {a[\"k\"]:>10} {y!r:^{w}}'",
         "SSSSSSSS....S...SSS..SSS.S.....S....S"),
        ("s = 'a' \"b\" b'c' r'\\d'",
         "....SSS.SSS.SSSS.SSSSS"),
        ("@property\nasync def g(self): await x",
         ".bbbbbbbb\nkkkkk.kkk.d........kkkkk.."),
        ("x.print + print.x",
         "..........bbbbb.."),
        ("if y:\n    pass\ncase = 3\ntype T = int",
         "kk...\n....kkkk\n.......n\nssss.....bbb"),
        ("x = 1 + \\\n    2  # after",
         "....n....\n....n..ccccccc"),
        ("n = 1_000 + .5 + 3.e-2 + 0b101 + 0o17",
         "....nnnnn...nn...nnnnn...nnnnn...nnnn"),
        ("lambda a, *b: a if b else not a",
         "kkkkkk..........kk...kkkk.kkk.."),
        ("d = {'k': [1, 2]}  # é 漢字",
         ".....SSS...n..n....cccccc"),
        ("f'\\N{BULLET} {x}'",
         "SSSSSSSSSSSSS...S"),
    ]

    func testColoursAreCPythons() {
        for (source, expected) in Self.cases {
            XCTAssertEqual(colours(source), expected, source)
        }
    }

    func colours(_ source: String) -> String {
        let letters: [HighlightKind: Unicode.Scalar] = [.keyword: "k", .keywordConstant: "K", .softKeyword: "s", .builtin: "b",
                                                        .definition: "d", .string: "S", .number: "n", .comment: "c"]
        var map = source.unicodeScalars.map { $0 == "\n" ? "\n" : Unicode.Scalar(".") }
        for span in SyntaxHighlighting.spans(in: source, builtins: Self.builtins) {
            for i in span.range where map[i] != "\n" { map[i] = letters[span.kind] ?? "?" }
        }
        return String(String.UnicodeScalarView(map))
    }

    func testEveryInputGivesSpansInsideTheSourceAndNeverTraps() {
        var sources = ["f'{", "f'{x!", "f'{x:{", "'''", "x = (", "\\", "def", "0x", "1_", "f\"{'a\" 'b'}", "#"]
        // And random text of the characters strings, f-strings, brackets and comments are made of.
        let alphabet = Array("fbr'\"{}()[]:!=#\\ \t\n0x1_.e漢def match case _".unicodeScalars)
        var state: UInt64 = 7
        func random(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<2000 {
            sources.append(String(String.UnicodeScalarView((0..<random(40)).map { _ in alphabet[random(alphabet.count)] })))
        }
        for source in sources {
            let count = source.unicodeScalars.count
            for span in SyntaxHighlighting.spans(in: source, builtins: Self.builtins) {
                XCTAssertTrue(span.range.lowerBound >= 0 && span.range.upperBound <= count, "\(source): \(span)")
            }
        }
    }
}
