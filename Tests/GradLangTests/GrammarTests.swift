import Foundation
import XCTest
@testable import GradLang

/// Keeps grammar/grad.ebnf and the parser in agreement: the grammar's terminals are exactly the
/// lexer's keywords and operators, and every rule has examples here that the parser accepts.
final class GrammarTests: XCTestCase {
    /// Examples for each rule of the grammar (the table must name every rule, and only those).
    static let examples: [String: [String]] = [
        "file": ["", "x = 1\ny = 2\n", "# only a comment\n"],
        "eval_input": ["x + 1", "1, 2\n\n", "(x := 3)"],
        "expressions": ["a, b", "a,", "f(x), y[0]"],
        "statement": ["x\n", "if x: y\n"],
        "simple_stmts": ["a = 1; b = 2;\n", "pass\n"],
        "simple_stmt": ["a = 1\n", "a += 1\n", "a: int\n", "f()\n", "pass\n",
                        "while 1:\n    break\n    continue\n"],
        "assignment": ["a = 1\n", "a = b = c\n", "a, *b = c\n", "x.y, z[0] = 1, 2\n"],
        "augmented_assignment": ["x += 1\n", "x.y[0] **= 2\n"],
        "augmented_operator": ["x += 1\nx -= 1\nx *= 1\nx /= 1\nx //= 1\nx %= 1\nx **= 1\nx @= 1\nx &= 1\nx |= 1\nx ^= 1\nx <<= 1\nx >>= 1\n"],
        "annotated_assignment": ["x: int\n", "x.y: float = 1.0\n", "(x): int = 1\n"],
        "return_stmt": ["def f():\n    return\n", "def f():\n    return a, *b\n"],
        "raise_stmt": ["raise\n", "raise E\n", "raise E from e\n"],
        "global_stmt": ["global a, b\n"],
        "nonlocal_stmt": ["def f():\n    x = 1\n    def g():\n        nonlocal x\n"],
        "del_stmt": ["del a\n", "del a, b[0], c.d,\n"],
        "assert_stmt": ["assert x\n", "assert x, 'message'\n"],
        "import_stmt": ["import torch\n", "import torch as t, math\n"],
        "dotted_as_name": ["import a.b as c\n"],
        "dotted_name": ["import a.b.c\n"],
        "from_import_stmt": ["from torch import no_grad\n", "from .a import b\n", "from ... import c\n"],
        "import_targets": ["from m import *\n", "from m import (a, b,)\n", "from m import a, b\n"],
        "import_as_name": ["from m import a as b\n"],
        "target_list": ["a, b = c\n", "for a, b, in c: pass\n"],
        "target": ["a = 1\n", "a.b = 1\n", "a[0] = 1\n", "(a, b) = 1\n", "[a, b] = 1\n", "a, *b = 1\n", "() = []\n"],
        "single_target": ["a += 1\n", "a.b += 1\n", "a[0] += 1\n", "(a) += 1\n"],
        "del_target": ["del a, a.b, a[0], (a, b), [a, b]\n"],
        "compound_stmt": ["if x: pass\n", "while x: pass\n", "for x in y: pass\n", "with x: pass\n",
                          "try: pass\nfinally: pass\n", "def f(): pass\n", "match x:\n    case _: pass\n"],
        "match_stmt": ["match x:\n    case 1: pass\n    case _:\n        pass\n"],
        "subject_expr": ["match a, *b:\n    case _: pass\n", "match (n := f()):\n    case _: pass\n"],
        "case_block": ["match x:\n    case [a] if a > 0: pass\n    case a: pass\n"],
        "patterns": ["match x:\n    case a, *b: pass\n", "match x:\n    case a: pass\n"],
        "pattern": ["match x:\n    case [a] as b: pass\n"],
        "or_pattern": ["match x:\n    case 1 | 2 | [3]: pass\n"],
        "closed_pattern": ["match x:\n    case 1 | a.b | (2) | [3] | {4: 5} | C(): pass\n"],
        "literal_pattern": ["match x:\n    case 1 | -2.5 | 1+2j | 'a' 'b' | b'c' | None | True | False: pass\n"],
        "signed_number": ["match x:\n    case -1 | 2: pass\n"],
        "complex_number": ["match x:\n    case -1-2j | 3+0j: pass\n"],
        "capture_pattern": ["match x:\n    case name: pass\n"],
        "wildcard_pattern": ["match x:\n    case _: pass\n"],
        "value_pattern": ["match x:\n    case Color.RED | a.b.c: pass\n"],
        "group_pattern": ["match x:\n    case (1 | 2): pass\n"],
        "sequence_pattern": ["match x:\n    case [] | [1, *_] | () | (1,): pass\n    case (a, *b, c,): pass\n"],
        "open_sequence_pattern": ["match x:\n    case 1, *rest,: pass\n"],
        "maybe_star_pattern": ["match x:\n    case [*a, b]: pass\n"],
        "mapping_pattern": ["match x:\n    case {} | {'a': 1, 'b': _,}: pass\n", "match x:\n    case {1: _, **rest}: pass\n"],
        "key_value_pattern": ["match x:\n    case {-1: a, c.d: [b]}: pass\n"],
        "class_pattern": ["match x:\n    case int() | m.Point(1, y=2): pass\n    case str(s): pass\n"],
        "class_arguments": ["match x:\n    case P(1, 2,) | P(1, y=2) | P(x=1, y=2,): pass\n"],
        "keyword_pattern": ["match x:\n    case P(x=[a, b]): pass\n"],
        "block": ["if x:\n    a\n    b\n", "if x: a; b\n"],
        "if_stmt": ["if a: pass\nelif b: pass\nelif c: pass\nelse: pass\n"],
        "while_stmt": ["while a: pass\nelse: pass\n"],
        "for_stmt": ["for i in range(3): pass\nelse: pass\n", "for x in *a, b: pass\n"],
        "with_stmt": ["with a as b, c: pass\n", "with (a as b, c,): pass\n", "with no_grad: pass\n"],
        "with_item": ["with a: pass\n", "with a as (b, c): pass\n"],
        "try_stmt": ["try: pass\nexcept: pass\nelse: pass\nfinally: pass\n", "try: pass\nfinally: pass\n"],
        "except_clause": ["try: pass\nexcept E: pass\nexcept (A, B) as e: pass\nexcept: pass\n"],
        "except_star_clause": ["try: pass\nexcept* E: pass\nexcept *(A, B) as e: pass\nelse: pass\nfinally: pass\n"],
        "function_def": ["def f(): pass\n", "@d\ndef f(x) -> int: return x\n"],
        "decorator": ["@d\n@d.e(1)\n@(lambda f: f)\ndef f(): pass\n"],
        "class_def": ["class A: pass\n", "@d\nclass B(A, metaclass=M):\n    x = 1\n    def f(self): pass\n", "class C(): pass\n"],
        "parameter_list": ["def f(a, b=1, /, c=2, *, d): pass\n", "def f(a, /): pass\n"],
        "parameter_list_no_slash": ["def f(a, b=1, *c, d, **e): pass\n", "def f(a,): pass\n"],
        "star_parameters": ["def f(*a): pass\n", "def f(*, a, b=1, **c,): pass\n", "def f(**a): pass\n"],
        "parameter": ["def f(a: int, *b: str, **c: float): pass\n"],
        "default_parameter": ["def f(a=1, b: int = 2): pass\n"],
        "star_expressions": ["x = 1, 2,\n", "x = *a, b\n"],
        "star_expression": ["x = *a, *b\n"],
        "star_named_expression": ["x = [*a, b := 1]\n"],
        "named_expression": ["if (n := 10) > 5: pass\n", "if n: pass\n"],
        "expression": ["x = a if b else c\n", "x = lambda: 0\n"],
        "lambda_expression": ["f = lambda: 0\n", "f = lambda x, y=1: x + y\n"],
        "lambda_parameter_list": ["f = lambda a, /, b: 0\n"],
        "lambda_parameters_no_slash": ["f = lambda a, b=1, *c, d, **e: 0\n"],
        "lambda_star_parameters": ["f = lambda *a: 0\n", "f = lambda *, a: 0\n", "f = lambda **a: 0\n"],
        "lambda_default_parameter": ["f = lambda a=1: a\n"],
        "disjunction": ["x = a or b or c\n"],
        "conjunction": ["x = a and b and c\n"],
        "inversion": ["x = not not a\n"],
        "comparison": ["x = a < b <= c\n"],
        "comparison_operator": ["x = a == b != c < d <= e > f >= g in h not in i is j is not k\n"],
        "bitwise_or": ["x = a | b\n"],
        "bitwise_xor": ["x = a ^ b\n"],
        "bitwise_and": ["x = a & b\n"],
        "shift_expression": ["x = a << b >> c\n"],
        "sum": ["x = a + b - c\n"],
        "term": ["x = a * b / c // d % e @ f\n"],
        "factor": ["x = -a + +b - ~c\n"],
        "power": ["x = a ** -b\n"],
        "primary": ["x = a.b(c)[d]\n"],
        "slices": ["x = t[0]\n", "x = t[0, 1:2, ...]\n", "x = t[a,]\n"],
        "slice_item": ["x = t[::]\n", "x = t[1:2:3]\n", "x = t[i := 0]\n", "x = t[*a]\n"],
        "arguments": ["f(a, b,)\n", "sum(x * x for x in xs)\n"],
        "argument": ["f(a, *b, c=1, **d)\n", "f(x := 1)\n"],
        "atom": ["x = [a, True, False, None, ..., 1, 's']\n"],
        "strings": ["x = 'a' \"b\" f'{c}'\n"],
        "group": ["x = (a)\n", "def f():\n    print((yield))\n"],
        "tuple": ["x = ()\n", "x = (a,)\n", "x = (a, *b, c,)\n"],
        "generator": ["x = (a for a in b)\n"],
        "list": ["x = []\n", "x = [a, *b,]\n"],
        "list_comprehension": ["x = [a for a in b if a for c in a]\n"],
        "set": ["x = {a, *b}\n"],
        "set_comprehension": ["x = {a for a in b}\n"],
        "dict": ["x = {}\n", "x = {a: b, **c,}\n"],
        "dict_entry": ["x = {a: b, **c}\n"],
        "dict_comprehension": ["x = {k: v for k, v in d.items()}\n"],
        "comprehension_clauses": ["x = [a for a, b in c if a if b for d in a]\n"],
        "unsupported": ["async def f(): pass\n", "await x\n"],
        "yield_expression": ["def f():\n    yield\n    yield 1, *a\n    x = yield from g()\n    y += yield\n    z: int = yield\n",
                             "f = lambda: (yield)\n"],
        "NAME": ["变量 = _x1 = match = case = _ = 1\n"],
        "NUMBER": ["x = 1, 1.5, 2j\n"],
        "integer": ["x = 0x_FF + 0o17 + 0b1_0 + 7\n"],
        "decimal_integer": ["x = 1_000 + 0 + 00 + 0_0\n"],
        "float": ["x = 1. + .5 + 1.5e3 + 1e3\n"],
        "digit_part": ["x = 1_000.000_1\n"],
        "exponent": ["x = 1e10 + 1E-10 + 1e+1_0\n"],
        "imaginary": ["x = 1j + 1.5J + 1e3j\n"],
        "STRING": ["x = 'a' + \"b\" + '''c''' + \"\"\"d\"\"\"\n", "x = b'a' + rb\"\\\\x\"\n"],
        "string_prefix": ["x = r'a' + u'b' + f'c' + fr'd' + Rf'e' + F'f'\n"],
        "short_string": ["x = 'it\\'s' + \"say \\\"hi\\\"\"\n"],
        "long_string": ["x = '''a\n'b'\n''' + \"\"\"\"\"\"\n"],
        "fstring_body": ["x = f'a {{b}} {c}'\n"],
        "replacement_field": ["x = f'{a=} {b!r} {c:>10} {d, e}'\n"],
        "format_spec": ["x = f'{a:{w}.{p}f}'\n"],
    ]

    static let grammarURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("grammar/grad.ebnf")

    struct Grammar {
        var rules: [String] = []
        /// Quoted terminals of the Syntax section.
        var syntaxTerminals: Set<String> = []
    }

    func loadGrammar() throws -> Grammar {
        let text = try String(contentsOf: Self.grammarURL, encoding: .utf8)
        var grammar = Grammar()
        var inSyntax = false
        for rawLine in text.components(separatedBy: "\n") {
            if rawLine.hasPrefix("# ====") {
                inSyntax = rawLine.hasSuffix("Syntax")
                continue
            }
            let line = rawLine.components(separatedBy: "#")[0]
            if let range = line.range(of: " ::= ") {
                grammar.rules.append(String(line[..<range.lowerBound]))
            }
            guard inSyntax else { continue }
            // Terminals are "..." (no escapes in this grammar).
            let parts = line.components(separatedBy: "\"")
            for k in stride(from: 1, to: parts.count, by: 2) { grammar.syntaxTerminals.insert(parts[k]) }
        }
        return grammar
    }

    func testTerminalsAreExactlyTheLexersKeywordsAndOperators() throws {
        let grammar = try loadGrammar()
        let known = Set(Keyword.allCases.map(\.rawValue)).union(Operator.allCases.map(\.rawValue))
        XCTAssertEqual(known.count, Keyword.allCases.count + Operator.allCases.count)
        XCTAssertEqual(grammar.syntaxTerminals.subtracting(known), [], "terminals the lexer does not know")
        XCTAssertEqual(known.subtracting(grammar.syntaxTerminals), [], "tokens the grammar does not mention")
        for terminal in grammar.syntaxTerminals {
            let tokens = Lexer.tokenize(SourceText(terminal)).tokens
            if case .op = tokens[0].kind { continue }
            if case .keyword = tokens[0].kind { continue }
            if terminal == ")" || terminal == "]" || terminal == "}" { continue }
            XCTFail("\(terminal) does not lex as one keyword or operator")
        }
    }

    func testEveryRuleHasExamplesAndNoOthers() throws {
        let grammar = try loadGrammar()
        XCTAssertGreaterThan(grammar.rules.count, 90)
        XCTAssertEqual(grammar.rules.count, Set(grammar.rules).count, "a rule is defined twice")
        XCTAssertEqual(Set(grammar.rules).subtracting(Self.examples.keys), [], "rules without examples")
        XCTAssertEqual(Set(Self.examples.keys).subtracting(grammar.rules), [], "examples for rules that do not exist")
    }

    func testExamplesParse() {
        for (rule, sources) in Self.examples.sorted(by: { $0.key < $1.key }) {
            XCTAssertFalse(sources.isEmpty, rule)
            for source in sources {
                do {
                    // `eval`'s input has a parser of its own; the rest are parts of a file.
                    if rule == "eval_input" || rule == "expressions" {
                        _ = try parseEvalInput(SourceText(source))
                    } else {
                        _ = try parseModule(source: source)
                    }
                    XCTAssertNotEqual(rule, "unsupported", "\(source.debugDescription) should be refused")
                } catch {
                    if rule == "unsupported" {
                        XCTAssertTrue(error.message.hasSuffix("not supported yet"), "\(source.debugDescription): \(error)")
                    } else {
                        XCTFail("\(rule): \(source.debugDescription): \(error) at \(error.line):\(error.column)")
                    }
                }
            }
        }
    }
}
