import Foundation
import XCTest
@testable import GradLang

/// Parser output as S-expressions (`Module.sexpr`): every statement form, operator precedence and
/// associativity, displays and comprehensions, calls, slices, f-string parts.
final class ParserDumpTests: XCTestCase {
    func dump(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            return try parseModule(source: source, filename: "t.grad").sexpr
        } catch {
            XCTFail("\(source.debugDescription): \(error) at \(error.line):\(error.column)", file: file, line: line)
            return ""
        }
    }

    /// The S-expression of a single expression statement.
    func expr(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let module = dump(source, file: file, line: line)
        guard module.hasPrefix("(module (expr "), module.hasSuffix("))") else { return module }
        return String(module.dropFirst("(module (expr ".count).dropLast(2))
    }

    // MARK: - Precedence and associativity

    func testPrecedenceTable() {
        let cases: [(String, String)] = [
            ("1 + 2 * 3", "(+ 1 (* 2 3))"),
            ("1 * 2 + 3", "(+ (* 1 2) 3)"),
            ("a - b - c", "(- (- a b) c)"),
            ("a / b / c", "(/ (/ a b) c)"),
            ("a // b % c @ d", "(@ (% (// a b) c) d)"),
            ("2 ** 3 ** 2", "(** 2 (** 3 2))"),
            ("-x ** 2", "(- (** x 2))"),
            ("(-x) ** 2", "(** (- x) 2)"),
            ("2 ** -1", "(** 2 (- 1))"),
            ("-2 ** -x ** 2", "(- (** 2 (- (** x 2))))"),
            ("~a + -b - +c", "(- (+ (~ a) (- b)) (+ c))"),
            ("a << b + c", "(<< a (+ b c))"),
            ("a & b << c", "(& a (<< b c))"),
            ("a ^ b & c", "(^ a (& b c))"),
            ("a | b ^ c", "(| a (^ b c))"),
            ("a < b | c", "(cmp a < (| b c))"),
            ("a < b < c", "(cmp a < b < c)"),
            ("a == b != c", "(cmp a == b != c)"),
            ("a not in b is not c", "(cmp a not-in b is-not c)"),
            ("not a == b", "(not (cmp a == b))"),
            ("not not a", "(not (not a))"),
            ("a and not b", "(and a (not b))"),
            ("a or b and c", "(or a (and b c))"),
            ("a and b and c or d", "(or (and a b c) d)"),
            ("a or b or c", "(or a b c)"),
            ("a if b or c else d", "(if-exp (or b c) a d)"),
            ("a if b else c if d else e", "(if-exp b a (if-exp d c e))"),
            ("lambda: a if b else c", "(lambda () (if-exp b a c))"),
            ("lambda x: lambda y: x + y", "(lambda (x) (lambda (y) (+ x y)))"),
            ("x.y ** 2", "(** (. x y) 2)"),
            ("f(x)[0].y", "(. ([] (call f x) 0) y)"),
            ("-f(x)", "(- (call f x))"),
            ("a + b if c else d", "(if-exp c (+ a b) d)"),
            ("3 * x**2 + 2 * y", "(+ (* 3 (** x 2)) (* 2 y))"),
            ("((y_pred - y)**2).mean()", "(call (. (** (- y_pred y) 2) mean))"),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(expr(source), expected, source)
        }
    }

    func testRangesCoverOperandsAndParentheses() throws {
        let module = try parseModule(source: "x = (a + b) * c\n")
        guard case .assign(_, let value) = module.body[0].kind else { return XCTFail() }
        XCTAssertEqual(value.range.description, "1:5-1:16")
        guard case .binary(_, let left, _) = value.kind else { return XCTFail() }
        XCTAssertEqual(left.range.description, "1:6-1:11")  // the group's inner expression, as in CPython
    }

    // MARK: - Atoms, displays, calls, subscripts

    func testAtomsAndDisplays() {
        let cases: [(String, String)] = [
            ("None, True, False, ...", "(tuple None True False ...)"),
            ("()", "(tuple)"),
            ("(1,)", "(tuple 1)"),
            ("(1)", "1"),
            ("1,", "(tuple 1)"),
            ("[]", "(list)"),
            ("[1, *a, 2,]", "(list 1 (* a) 2)"),
            ("{}", "(dict)"),
            ("{1: 2, **d, 'k': v}", "(dict (: 1 2) (** d) (: \"k\" v))"),
            ("{1, *s}", "(set 1 (* s))"),
            ("[x*x for x in xs if x if y for z in x]", "(listcomp (* x x) (for x xs (if x) (if y)) (for z x))"),
            ("{k: v for k, v in d}", "(dictcomp k v (for (tuple k v) d))"),
            ("{x for x in y}", "(setcomp x (for x y))"),
            ("(x for x in y)", "(genexp x (for x y))"),
            ("[(a, b) for a, *b in c]", "(listcomp (tuple a b) (for (tuple a (* b)) c))"),
            ("(n := 10)", "(:= n 10)"),
            ("[y := f(x), y**2]", "(list (:= y (call f x)) (** y 2))"),
            ("0x_ff + 0o7 + 0b1 + 1_000_000", "(+ (+ (+ 0xff 0o7) 0b1) 1000000)"),
            ("1.5e-3, 2j", "(tuple 0.0015 2.0j)"),
            ("123456789012345678901234567890", "123456789012345678901234567890"),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(expr(source), expected, source)
        }
    }

    func testCallsAndArguments() {
        let cases: [(String, String)] = [
            ("f()", "(call f)"),
            ("f(a, b,)", "(call f a b)"),
            ("f(a, *b, c=1, *d, **e)", "(call f a (* b) (= c 1) (* d) (** e))"),
            ("torch.tensor(2.0, requires_grad=True)", "(call (. torch tensor) 2.0 (= requires_grad True))"),
            ("sum(x*x for x in xs)", "(call sum (genexp (* x x) (for x xs)))"),
            ("f(x := 1)", "(call f (:= x 1))"),
            ("f(a)(b)", "(call (call f a) b)"),
            ("print(\"x:\", x)", "(call print \"x:\" x)"),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(expr(source), expected, source)
        }
    }

    func testSubscriptsAndSlices() {
        let cases: [(String, String)] = [
            ("t[0]", "([] t 0)"),
            ("t[0, 1:3]", "([] t (tuple 0 (slice 1 3 _)))"),
            ("t[::2]", "([] t (slice _ _ 2))"),
            ("t[:]", "([] t (slice _ _ _))"),
            ("t[1:]", "([] t (slice 1 _ _))"),
            ("t[:-1]", "([] t (slice _ (- 1) _))"),
            ("t[..., None]", "([] t (tuple ... None))"),
            ("t[a, ]", "([] t (tuple a))"),
            ("t[*idx]", "([] t (tuple (* idx)))"),
            ("t[i][j]", "([] ([] t i) j)"),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(expr(source), expected, source)
        }
    }

    // MARK: - Statements

    func testSimpleStatements() {
        let cases: [(String, String)] = [
            ("x = 1", "(= x 1)"),
            ("a = b = 1", "(= a b 1)"),
            ("a, *b = c", "(= (tuple a (* b)) c)"),
            ("[a, b], c = d", "(= (tuple (list a b) c) d)"),
            ("(a, b) = 1, 2", "(= (tuple a b) (tuple 1 2))"),
            ("x.y = z[0] = 1", "(= (. x y) ([] z 0) 1)"),
            ("x += 1", "(+= x 1)"),
            ("w -= learning_rate * w.grad", "(-= w (* learning_rate (. w grad)))"),
            ("x.y[i] //= 2", "(//= ([] (. x y) i) 2)"),
            ("x: int", "(ann x int)"),
            ("x: float = 1.0", "(ann x float 1.0)"),
            ("while 1: pass; break; continue", "(while 1 (block (pass) (break) (continue)))"),
            ("del a, b[0], c.d", "(del a ([] b 0) (. c d))"),
            ("del (a, b)", "(del (tuple a b))"),
            ("assert x", "(assert x)"),
            ("assert x, 'why'", "(assert x \"why\")"),
            ("raise", "(raise)"),
            ("raise ValueError('x') from e", "(raise (call ValueError \"x\") (from e))"),
            ("global a, b", "(global a b)"),
            ("import torch", "(import torch)"),
            ("import torch as t, math", "(import (torch as t) math)"),
            ("import a.b.c", "(import a.b.c)"),
            ("from torch import no_grad, tensor", "(from torch no_grad tensor)"),
            ("from x import (a, b as c)", "(from x a (b as c))"),
            ("from .. import x", "(from .. x)"),
            ("from .m import *", "(from .m *)"),
            ("x", "(expr x)"),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(dump(source), "(module \(expected))", source)
        }
    }

    func testYieldExpressions() {
        let cases: [(String, String)] = [
            ("yield", "(expr (yield))"),
            ("yield a, *b", "(expr (yield (tuple a (* b))))"),
            ("x = yield from f()", "(= x (yield-from (call f)))"),
            ("x += yield", "(+= x (yield))"),
            ("print((yield x), (yield))", "(expr (call print (yield x) (yield)))"),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(dump("def g():\n    " + source + "\n"), "(module (def g () (block \(expected))))", source)
        }
    }

    func testCompoundStatements() {
        let cases: [(String, String)] = [
            ("if a:\n    b\nelif c:\n    d\nelse:\n    e\n",
             "(if a (block (expr b)) (else (if c (block (expr d)) (else (expr e)))))"),
            ("if a: b; c\n", "(if a (block (expr b) (expr c)))"),
            ("while x > 0:\n    x -= 1\nelse:\n    pass\n", "(while (cmp x > 0) (block (-= x 1)) (else (pass)))"),
            ("for i, (a, b) in enumerate(z):\n    continue\n",
             "(for (tuple i (tuple a b)) (call enumerate z) (block (continue)))"),
            ("while a:\n    for x in 1, 2:\n        pass\n    else:\n        break\n",
             "(while a (block (for x (tuple 1 2) (block (pass)) (else (break)))))"),
            ("def f(a, b=1, *args, c, d=2, **kw):\n    return a\n",
             "(def f (a (b = 1) (* args) c (d = 2) (** kw)) (block (return a)))"),
            ("def f(a, /, b, *, c):\n    pass\n", "(def f (a / b * c) (block (pass)))"),
            ("def f(x: int = 0) -> float:\n    return\n", "(def f ((x : int = 0)) (-> float) (block (return)))"),
            ("@d1\n@d2.x(1)\ndef f(): pass\n", "(def f () (decorators d1 (call (. d2 x) 1)) (block (pass)))"),
            ("def f():\n    nonlocal_ = 1\n    def g():\n        nonlocal nonlocal_\n",
             "(def f () (block (= nonlocal_ 1) (def g () (block (nonlocal nonlocal_)))))"),
            ("with torch.no_grad():\n    y = x**3\n", "(with ((call (. torch no_grad))) (block (= y (** x 3))))"),
            ("with no_grad:\n    pass\n", "(with (no_grad) (block (pass)))"),
            ("with open(p) as f, lock:\n    pass\n", "(with ((call open p) as f) (lock) (block (pass)))"),
            ("with (open(p) as f, open(q) as g,):\n    pass\n",
             "(with ((call open p) as f) ((call open q) as g) (block (pass)))"),
            ("with (a, b) as c:\n    pass\n", "(with ((tuple a b) as c) (block (pass)))"),
            ("try:\n    x\nexcept (A, B) as e:\n    y\nexcept C:\n    pass\nexcept:\n    raise\nelse:\n    z\nfinally:\n    w\n",
             "(try (block (expr x)) (except (tuple A B) e (block (expr y))) (except C (block (pass))) (except _ (block (raise))) (else (expr z)) (finally (expr w)))"),
            ("try:\n    pass\nfinally:\n    pass\n", "(try (block (pass)) (finally (pass)))"),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(dump(source), "(module \(expected))", source)
        }
    }

    func testMatchStatements() {
        let cases: [(String, String)] = [
            ("match x:\n    case 1 | -2 | 1+2j:\n        pass\n    case None:\n        pass\n",
             "(match x (case (| (value 1) (value (- 2)) (value (+ 1 2.0j))) (block (pass))) (case (is None) (block (pass))))"),
            ("match a, *b:\n    case [x, *rest] as whole if x:\n        pass\n",
             "(match (tuple a (* b)) (case (as (seq x *rest) whole) (if x) (block (pass))))"),
            ("match x:\n    case {'k': _, **rest}:\n        pass\n    case C.D(1, y=z) | (z, *_):\n        pass\n",
             "(match x (case (map (: \"k\" _) **rest) (block (pass))) (case (| (class (. C D) (value 1) (y= z)) (seq z *_)) (block (pass))))"),
            ("match = 1\nmatch(x)\ncase.y = 2\n", "(= match 1) (expr (call match x)) (= (. case y) 2)"),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(dump(source), "(module \(expected))", source)
        }
    }

    // MARK: - Strings and f-strings

    func testStringLiterals() {
        let cases: [(String, String)] = [
            ("'a' \"b\" '''c''' \"\"\"d\"\"\"", "\"abcd\""),
            ("'\\n\\t\\\\\\'\\\"\\a\\b\\f\\v\\r'", "\"\\n\\t\\\\'\\\"\\x07\\x08\\x0c\\x0b\\r\""),
            ("'\\x41\\u4e2d\\U0001F600\\101\\0'", "\"A中😀A\\x00\""),
            ("'\\N{EM DASH}\\N{greek small letter alpha}'", "\"—α\""),
            ("'\\d\\q'", "\"\\\\d\\\\q\""),
            ("r'\\n\\'' R\"\\x\"", "\"\\\\n\\\\'\\\\x\""),
            ("'a\\\nb'", "\"ab\""),
            ("'''line1\nline2'''", "\"line1\\nline2\""),
            ("u'中文' '字符串'", "\"中文字符串\""),
            ("''", "\"\""),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(expr(source), expected, source)
        }
    }

    func testBytesLiterals() {
        let cases: [(String, String)] = [
            ("b'a' B\"b\" rb'\\x'", "b'ab\\\\x'"),
            ("b'\\x00\\x7f\\xff\\t\\101'", "b'\\x00\\x7f\\xff\\tA'"),
            ("b'\\777\\u1234\\N{x}'", "b'\\xff\\\\u1234\\\\N{x}'"),
            ("b\"it's\"", "b\"it's\""),
            ("b''", "b''"),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(expr(source), expected, source)
        }
    }

    func testFStringParts() {
        let cases: [(String, String)] = [
            ("f'x: {x}'", "(f \"x: \" (fmt x))"),
            ("f'{x!r} {y!s} {z!a}'", "(f (fmt x !r) \" \" (fmt y !s) \" \" (fmt z !a))"),
            ("f'{forward(5).item():.3f}'", "(f (fmt (call (. (call forward 5) item)) (spec \".3f\")))"),
            ("f'{x:{w}.{p}f}'", "(f (fmt x (spec (fmt w) \".\" (fmt p) \"f\")))"),
            ("f'{{literal}} {{{x}}}'", "(f \"{literal} {\" (fmt x) \"}\")"),
            ("f'{x=}'", "(f \"x=\" (fmt x !r))"),
            ("f'{x = :>10}'", "(f \"x = \" (fmt x (spec \">10\")))"),
            ("f'{x=!s}'", "(f \"x=\" (fmt x !s))"),
            ("f\"{d['key']}\"", "(f (fmt ([] d \"key\")))"),
            ("f'{\"nested\"}'", "(f (fmt \"nested\"))"),
            ("f'{a, b}'", "(f (fmt (tuple a b)))"),
            ("f'{a if b else c}'", "(f (fmt (if-exp b a c)))"),
            ("f'{x!r:^{w}}'", "(f (fmt x !r (spec \"^\" (fmt w))))"),
            ("f'{x:}'", "(f (fmt x (spec)))"),
            ("f'{(lambda: 1)()}'", "(f (fmt (call (lambda () 1))))"),
            ("f'{a != b} {a >= b}'", "(f (fmt (cmp a != b)) \" \" (fmt (cmp a >= b)))"),
            ("'a' f'{b}' 'c'", "(f \"a\" (fmt b) \"c\")"),
            ("f''", "(f)"),
            ("f'\\n{x}\\t'", "(f \"\\n\" (fmt x) \"\\t\")"),
            ("rf'\\n{x}'", "(f \"\\\\n\" (fmt x))"),
            ("f'\\N{EM DASH}{x}'", "(f \"—\" (fmt x))"),
            ("f'''{\nx\n}'''", "(f (fmt x))"),
            ("f\"{f'{x}'}\"", "(f (fmt (f (fmt x))))"),
            ("f'中文 {x} 字'", "(f \"中文 \" (fmt x) \" 字\")"),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(expr(source), expected, source)
        }
    }

    func testFStringExpressionsCarryTheirRealPositions() throws {
        let module = try parseModule(source: "y = 1\nprint(f'a {x + 1:>{w}}')\n")
        guard case .expression(let call) = module.body[1].kind, case .call(_, let arguments) = call.kind,
              case .positional(let fstring) = arguments[0], case .formattedString(let parts) = fstring.kind,
              case .replacement(let field) = parts[1] else { return XCTFail(module.sexpr) }
        XCTAssertEqual(field.expression.range.description, "2:12-2:17")
        guard case .replacement(let width)? = field.formatSpec?.last else { return XCTFail() }
        XCTAssertEqual(width.expression.range.description, "2:20-2:21")
    }

    // MARK: - The seed snippets

    func testSeedSnippetsParse() throws {
        let directory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/seed/snippets")
        let names = (1...6).map { "snippet\($0).py" }
        for name in names {
            let url = directory.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url) else {
                throw XCTSkip("seed snippets not found at \(directory.path)")
            }
            let source = try SourceText(utf8: Array(data), filename: name)
            let module = try parseModule(source)
            XCTAssertFalse(module.body.isEmpty, name)
            // Pasted into the REPL, each snippet (ending with a newline) is one complete chunk.
            guard case .complete = parseInteractive(source: String(decoding: data, as: UTF8.self) + "\n") else {
                return XCTFail("\(name) is not complete at the prompt")
            }
        }
    }

    func testSeedSnippetShapes() {
        // snippet1's string statement with Chinese text, and snippet6's f-string.
        XCTAssertEqual(dump("\"\"\"进行前向传播计算\n   构建计算图\"\"\"\n"),
                       "(module (expr \"进行前向传播计算\\n   构建计算图\"))")
        XCTAssertEqual(
            dump("print(f'epoch {epoch+1}: w = {w.item():.3f}, loss = {l.item():.8f}')\n"),
            "(module (expr (call print (f \"epoch \" (fmt (+ epoch 1)) \": w = \" (fmt (call (. w item)) (spec \".3f\")) \", loss = \" (fmt (call (. l item)) (spec \".8f\"))))))")
        XCTAssertEqual(
            dump("def sgd(params, lr, batch_size):  #@save\n    \"\"\"小批量随机梯度下降\"\"\"\n    with torch.no_grad():\n        for param in params:\n            param -= lr * param.grad / batch_size\n            param.grad.zero_()\n"),
            "(module (def sgd (params lr batch_size) (block (expr \"小批量随机梯度下降\") (with ((call (. torch no_grad))) (block (for param params (block (-= param (/ (* lr (. param grad)) batch_size)) (expr (call (. (. param grad) zero_))))))))))")
    }
}
