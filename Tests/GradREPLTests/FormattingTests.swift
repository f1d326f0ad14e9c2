import XCTest
@testable import GradREPL

/// Small text pieces: durations as IPython prints them, colour, UTF-8 decoding of key presses.
final class FormattingTests: XCTestCase {
    func testDurations() {
        XCTAssertEqual(DurationText.format(1.234e-6), "1.23 µs")
        XCTAssertEqual(DurationText.format(0.0456), "45.6 ms")
        XCTAssertEqual(DurationText.format(2.5), "2.5 s")
        XCTAssertEqual(DurationText.format(1e-9 * 456), "456 ns")
        XCTAssertEqual(DurationText.format(0), "0 ns")
        XCTAssertEqual(DurationText.groupedThousands(1_000_000), "1,000,000")
        XCTAssertEqual(DurationText.groupedThousands(100), "100")
    }

    func testTimeitReport() {
        XCTAssertEqual(Timeit.report([1e-6, 1e-6], loops: 100_000),
                       "1 µs ± 0 ns per loop (mean ± std. dev. of 2 runs, 100,000 loops each)")
        XCTAssertEqual(Timeit.report([0.5], loops: 1), "500 ms ± 0 ns per loop (mean ± std. dev. of 1 run, 1 loop each)")
    }

    func testColourOnlyWhenEnabled() {
        let traceback = "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n    1/0\n    ~^~\nZeroDivisionError: division by zero\n"
        XCTAssertEqual(Style(enabled: false).error(traceback), traceback)
        let coloured = Style(enabled: true).error(traceback)
        XCTAssertTrue(coloured.contains("File \u{1B}[35m\"<stdin>\"\u{1B}[0m, line \u{1B}[35m1\u{1B}[0m, in \u{1B}[35m<module>\u{1B}[0m"), coloured)
        XCTAssertTrue(coloured.contains("\u{1B}[1;35mZeroDivisionError\u{1B}[0m: \u{1B}[35mdivision by zero\u{1B}[0m"), coloured)
        XCTAssertTrue(coloured.contains("\u{1B}[1;31m    ~^~\u{1B}[0m"), coloured)
        XCTAssertEqual(Style(enabled: true).prompt("grad> "), "\u{1B}[1;35mgrad>\u{1B}[0m ")
        XCTAssertEqual(Style(enabled: false).prompt("grad> "), "grad> ")
    }

    func testUTF8Decoding() {
        var decoder = UTF8Decoder()
        var scalars: [Unicode.Scalar] = []
        for byte in Array("aé✓😀".utf8) + [0xFF, 0xC3, 0x41] {
            if let s = decoder.add(byte) { scalars.append(s) }
        }
        XCTAssertEqual(String(String.UnicodeScalarView(scalars)), "aé✓😀A")
    }

    func testCarriageReturns() {
        XCTAssertEqual("a\r\nb\rc\n".replacingCarriageReturns(), "a\nb\nc\n")
    }
}
