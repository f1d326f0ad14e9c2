import XCTest
@testable import GradLang

/// Format specs checked against CPython 3.11's `format(value, spec)` (the expected strings were
/// produced by running the same calls in python3).
final class FormatSpecTests: XCTestCase {
    func testFloats() throws {
        let cases: [(Double, String, String)] = [
            (100.0, ".3", "1e+02"), (1.0, ".3", "1.0"), (1234.5, ".3", "1.23e+03"), (0.0001, ".3", "0.0001"),
            (1e-5, "", "1e-05"), (123.456, ".2", "1.2e+02"), (2.0, "", "2.0"), (2.5, "g", "2.5"), (1e20, "g", "1e+20"),
            (1e16, ".17", "1e+16"), (0.5, ".0", "0.5"), (1.5, ".0", "2e+00"), (12345678.9, ",.2f", "12,345,678.90"),
            (0.25, ".1%", "25.0%"), (-0.0, "z.1f", "0.0"), (3.14159, "+.2f", "+3.14"), (3.0, "#.0f", "3."),
            (5.0, "08.2f", "00005.00"), (5.0, "<8.2f", "5.00    "), (5.0, "^9.2f", "  5.00   "), (5.0, "*>9.2f", "*****5.00"),
            (1e100, ".3e", "1.000e+100"), (.nan, ".2f", "nan"), (.infinity, "+.1f", "+inf"), (1.0, ".3g", "1"),
            (1.0, "#.3g", "1.00"), (2.0, ".3f", "2.000"), (0.000123, ".2e", "1.23e-04"),
        ]
        for (value, spec, expected) in cases {
            XCTAssertEqual(try PythonFormat.format(value, FormatSpec(spec)), expected, "format(\(value), '\(spec)')")
        }
    }

    func testIntegers() throws {
        let cases: [(String, Bool, String, String)] = [
            ("5", false, "5d", "    5"), ("255", false, "x", "ff"), ("255", false, "#X", "0XFF"), ("255", false, "#b", "0b11111111"),
            ("42", true, "+d", "-42"), ("1234567", false, ",", "1,234,567"), ("1234567", false, "_", "1_234_567"),
            ("42", false, ".2f", "42.00"), ("42", false, "e", "4.200000e+01"), ("42", false, "", "42"), ("7", false, "08d", "00000007"),
            ("7", false, "=+8", "+      7"), ("97", false, "c", "a"), ("3", false, "%", "300.000000%"),
            ("100000000000000000000", false, ",", "100,000,000,000,000,000,000"), ("5", true, "05", "-0005"),
        ]
        for (digits, negative, spec, expected) in cases {
            let value = (Double(digits) ?? 0)
            XCTAssertEqual(try PythonFormat.format(integerDigits: digits, negative: negative, FormatSpec(spec), asFloat: { value }),
                           expected, "format(\(negative ? "-" : "")\(digits), '\(spec)')")
        }
    }

    func testStrings() throws {
        for (value, spec, expected) in [("ab", ">5", "   ab"), ("ab", "^6", "  ab  "), ("ab", ".1", "a"), ("ab", "*<4", "ab**")] {
            XCTAssertEqual(try PythonFormat.format(string: value, FormatSpec(spec)), expected)
        }
    }

    func testBadSpecs() {
        XCTAssertThrowsError(try PythonFormat.format(1.0, FormatSpec("q")))
        XCTAssertThrowsError(try FormatSpec(".f"))
        // Past a Py_ssize_t: CPython's error. A width that merely cannot be allocated parses, and
        // format() refuses it with MemoryError (see the golden bad_input_format_extreme_sizes).
        XCTAssertThrowsError(try FormatSpec("99999999999999999999")) {
            XCTAssertEqual(($0 as? FormatError)?.message, "Too many decimal digits in format string")
        }
        XCTAssertEqual(try FormatSpec("99999999999").width, 99_999_999_999)
    }
}
