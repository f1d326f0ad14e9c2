import XCTest
@testable import GradLang

/// Token tables: source text → each token's kind, text and 1-based range (end exclusive), compared
/// as lines like `NAME 'x' 1:1-1:2`. Positions follow CPython's tokenizer (a NEWLINE after a comment
/// starts at the comment; INDENT covers the indentation; end-of-input tokens sit after the last line).
final class LexerTests: XCTestCase {
    func table(_ source: String) -> [String] {
        let result = Lexer.tokenize(SourceText(source))
        var lines = result.tokens.map { t in "\(t.kindName) '\(t.text)' \(t.range)" }
        if let error = result.error { lines.append("error: \(error.error.message)") }
        return lines
    }

    func testAssignmentWithComment() {
        XCTAssertEqual(table("x = 1  # set x\n"), [
            "NAME 'x' 1:1-1:2",
            "OP '=' 1:3-1:4",
            "NUMBER '1' 1:5-1:6",
            "NEWLINE '' 1:8-1:15",
            "ENDMARKER '' 1:15-1:15",
        ])
    }

    func testIndentAndDedent() {
        XCTAssertEqual(table("if x:\n    y\n\n  # c\nz\n"), [
            "KEYWORD 'if' 1:1-1:3",
            "NAME 'x' 1:4-1:5",
            "OP ':' 1:5-1:6",
            "NEWLINE '' 1:6-1:6",
            "INDENT '    ' 2:1-2:5",
            "NAME 'y' 2:5-2:6",
            "NEWLINE '' 2:6-2:6",
            "DEDENT '' 5:1-5:1",
            "NAME 'z' 5:1-5:2",
            "NEWLINE '' 5:2-5:2",
            "ENDMARKER '' 5:2-5:2",
        ])
    }

    func testNestedBlocksCloseAtEndOfInput() {
        XCTAssertEqual(table("for i in x:\n\tif i:\n\t\tpass").suffix(5), [
            "KEYWORD 'pass' 3:3-3:7",
            "NEWLINE '' 3:7-3:7",
            "DEDENT '' 3:7-3:7",
            "DEDENT '' 3:7-3:7",
            "ENDMARKER '' 3:7-3:7",
        ])
    }

    func testWhitespaceOnlyLinesDoNotAffectIndentation() {
        // snippet6 has a line of spaces inside its `for` block.
        let kinds = Lexer.tokenize(SourceText("for e in r:\n    a = 1\n    \n\n    b = 2\n")).tokens.map(\.kindName)
        XCTAssertEqual(kinds.filter { $0 == "INDENT" }.count, 1)
        XCTAssertEqual(kinds.filter { $0 == "DEDENT" }.count, 1)
    }

    func testImplicitJoiningInsideBrackets() {
        XCTAssertEqual(table("f(a,\n  b)\n"), [
            "NAME 'f' 1:1-1:2",
            "OP '(' 1:2-1:3",
            "NAME 'a' 1:3-1:4",
            "OP ',' 1:4-1:5",
            "NAME 'b' 2:3-2:4",
            "OP ')' 2:4-2:5",
            "NEWLINE '' 2:5-2:5",
            "ENDMARKER '' 2:5-2:5",
        ])
    }

    func testBackslashContinuation() {
        XCTAssertEqual(table("x = 1 + \\\n    2\n"), [
            "NAME 'x' 1:1-1:2",
            "OP '=' 1:3-1:4",
            "NUMBER '1' 1:5-1:6",
            "OP '+' 1:7-1:8",
            "NUMBER '2' 2:5-2:6",
            "NEWLINE '' 2:6-2:6",
            "ENDMARKER '' 2:6-2:6",
        ])
    }

    func testOperatorsAreMaximalMunch() {
        let texts = Lexer.tokenize(SourceText("a**=b//=c>>=d<<=e->f:=g...h!=i==j<=k>=l@=m")).tokens.map(\.text)
        XCTAssertEqual(texts, ["a", "**=", "b", "//=", "c", ">>=", "d", "<<=", "e", "->", "f", ":=", "g", "...", "h",
                               "!=", "i", "==", "j", "<=", "k", ">=", "l", "@=", "m", "", ""])
    }

    func testEveryOperatorAndKeywordLexesAsItself() {
        for op in Operator.allCases where ![.rightParen, .rightBracket, .rightBrace].contains(op) {
            let tokens = Lexer.tokenize(SourceText("a \(op.rawValue) b")).tokens
            XCTAssertEqual(tokens[1].kind, .op(op), op.rawValue)
        }
        XCTAssertEqual(Lexer.tokenize(SourceText("([{}])")).tokens.prefix(6).map(\.kind),
                       [.op(.leftParen), .op(.leftBracket), .op(.leftBrace), .op(.rightBrace), .op(.rightBracket),
                        .op(.rightParen)])
        for keyword in Keyword.allCases {
            let tokens = Lexer.tokenize(SourceText(keyword.rawValue)).tokens
            XCTAssertEqual(tokens[0].kind, .keyword(keyword), keyword.rawValue)
        }
        XCTAssertEqual(Lexer.tokenize(SourceText("match case _ print")).tokens.prefix(4).map(\.kindName),
                       ["NAME", "NAME", "NAME", "NAME"])
    }

    func testNonASCIINamesAndStrings() {
        XCTAssertEqual(table("变量 = '中文'  # 注释\n"), [
            "NAME '变量' 1:1-1:3",
            "OP '=' 1:4-1:5",
            "STRING ''中文'' 1:6-1:10",
            "NEWLINE '' 1:12-1:16",
            "ENDMARKER '' 1:16-1:16",
        ])
    }

    func testStrayCharactersReachTheParser() {
        XCTAssertEqual(table("a $ ? ! `").prefix(5), [
            "NAME 'a' 1:1-1:2",
            "ERRORTOKEN '$' 1:3-1:4",
            "ERRORTOKEN '?' 1:5-1:6",
            "ERRORTOKEN '!' 1:7-1:8",
            "ERRORTOKEN '`' 1:9-1:10",
        ])
    }

    func numbers(_ source: String) -> [NumberLiteral] {
        Lexer.tokenize(SourceText(source)).tokens.compactMap {
            if case .number(let n) = $0.kind { return n }
            return nil
        }
    }

    func testNumberValues() {
        XCTAssertEqual(numbers("1_000 0xff 0XFF 0o17 0b101 00 0_0 007.5"), [
            .integer(IntLiteral(digits: "1000", radix: 10)),
            .integer(IntLiteral(digits: "ff", radix: 16)),
            .integer(IntLiteral(digits: "ff", radix: 16)),
            .integer(IntLiteral(digits: "17", radix: 8)),
            .integer(IntLiteral(digits: "101", radix: 2)),
            .integer(IntLiteral(digits: "0", radix: 10)),
            .integer(IntLiteral(digits: "0", radix: 10)),
            .float(7.5),
        ])
        XCTAssertEqual(numbers("1.5 .5 5. 1e3 1E-3 1_0.0_1e1_0 2j 1.5J 1e999"), [
            .float(1.5), .float(0.5), .float(5), .float(1000), .float(0.001), .float(10.01e10),
            .imaginary(2), .imaginary(1.5), .float(.infinity),
        ])
    }

    func testIntegersOfAnySizeStayExact() {
        let big = String(repeating: "9", count: 400)
        XCTAssertEqual(numbers(big), [.integer(IntLiteral(digits: big, radix: 10))])
        XCTAssertNil(IntLiteral(digits: big, radix: 10).intValue)
        XCTAssertEqual(IntLiteral(digits: "7fffffffffffffff", radix: 16).intValue, Int.max)
        XCTAssertNil(IntLiteral(digits: "8000000000000000", radix: 16).intValue)
    }

    func testKeywordDirectlyAfterNumber() {
        // CPython accepts these with a warning.
        XCTAssertEqual(Lexer.tokenize(SourceText("1if x else 2")).tokens.prefix(5).map(\.text),
                       ["1", "if", "x", "else", "2"])
        XCTAssertEqual(Lexer.tokenize(SourceText("1or 2")).tokens.prefix(3).map(\.text), ["1", "or", "2"])
    }

    func testStringTokens() {
        let tokens = Lexer.tokenize(SourceText("r'\\'' F\"{x}\" '''a\n'b''' rb'x'")).tokens
        guard case .string(let raw) = tokens[0].kind, case .string(let f) = tokens[1].kind,
              case .string(let triple) = tokens[2].kind, case .string(let bytes) = tokens[3].kind else {
            return XCTFail("expected four strings: \(tokens.map(\.kindName))")
        }
        XCTAssertTrue(raw.isRaw && !raw.isFormatted)
        XCTAssertEqual(tokens[0].text, "r'\\''")
        XCTAssertTrue(f.isFormatted)
        XCTAssertEqual(triple.quoteLength, 3)
        XCTAssertEqual(tokens[2].range, SourceRange(SourceLocation(line: 1, column: 14), SourceLocation(line: 2, column: 6)))
        XCTAssertTrue(bytes.isBytes && bytes.isRaw)
        // An invalid prefix is a name followed by a string (then "invalid syntax" in the parser).
        XCTAssertEqual(Lexer.tokenize(SourceText("kf'x'")).tokens.prefix(2).map(\.kindName), ["NAME", "STRING"])
    }

    func testLineEndingsAreNormalised() {
        XCTAssertEqual(table("a\r\nb\rc\n").filter { $0.hasPrefix("NAME") }, [
            "NAME 'a' 1:1-1:2", "NAME 'b' 2:1-2:2", "NAME 'c' 3:1-3:2",
        ])
    }

    func testErrorsStopTheTokens() {
        let result = Lexer.tokenize(SourceText("x = 1\ny = 1__0\n"))
        XCTAssertEqual(result.tokens.last?.kindName, "ERROR")
        XCTAssertEqual(result.error?.error.message, "invalid decimal literal")
        XCTAssertEqual(result.error?.takesPriority, true)
        let open = Lexer.tokenize(SourceText("f(1,\n"))
        XCTAssertEqual(open.error?.atEndOfInput, true)
        XCTAssertEqual(open.error?.unclosedBracketLine, 1)
    }

    func testUTF8Decoding() throws {
        let text = try SourceText(utf8: Array("\u{FEFF}x = '中'\r\n".utf8), filename: "f.grad")
        XCTAssertEqual(text.lineText(1), "x = '中'")
        XCTAssertThrowsError(try SourceText(utf8: [0x78, 0x0A, 0x79, 0x20, 0xFF, 0x0A], filename: "f.grad")) { error in
            guard let e = error as? SyntaxError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.message, "Non-UTF-8 code starting with '\\xff' in file f.grad on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details")
            XCTAssertEqual(e.line, 0, "CPython's error has no line (rendered as its last line alone)")
        }
        // Truncated multi-byte sequence at the end.
        XCTAssertThrowsError(try SourceText(utf8: [0x78, 0xE4, 0xB8], filename: "f.grad"))
    }

    /// CPython's file reader checks bytes in order: the first NUL or bad byte decides the error; a
    /// NUL has no column, and its line is quoted up to the NUL.
    func testNULBytesInAFile() throws {
        XCTAssertThrowsError(try SourceText(utf8: Array("x = 1\n  y = '\0'\n".utf8) + [0xFF], filename: "f.grad")) { error in
            guard let e = error as? SyntaxError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.message, "source code cannot contain null bytes")
            XCTAssertEqual([e.line, e.column], [2, 0])
            XCTAssertEqual(e.lineText, "  y = '")
        }
        XCTAssertThrowsError(try SourceText(utf8: [0x78, 0xFF, 0x00], filename: "f.grad")) { error in
            XCTAssertTrue((error as? SyntaxError)?.message.hasPrefix("Non-UTF-8 code starting with '\\xff'") == true, "\(error)")
        }
    }
}
