import Foundation
import XCTest
@testable import GradLang

/// Tick positions against matplotlib's MaxNLocator(nbins=n-1, steps=[1, 2, 2.5, 5, 10]) on the
/// same ranges (values printed by matplotlib 3.11), and the labels' common decimals.
final class PlotTicksTests: XCTestCase {
    func testLinearTicksAreMatplotlibs() {
        let cases: [(Double, Double, Int, [Double])] = [
            (-1.1, 1.1, 6, [-1, -0.5, 0, 0.5, 1]),
            (0, 1, 6, [0, 0.2, 0.4, 0.6, 0.8, 1]),
            (-0.05, 1.05, 9, [0, 0.2, 0.4, 0.6, 0.8, 1]),
            (0.3, 0.7, 5, [0.3, 0.4, 0.5, 0.6, 0.7]),
            (-3.3, 3.3, 8, [-3, -2, -1, 0, 1, 2, 3]),
            (0, 37, 7, [0, 10, 20, 30]),
            (1e-3, 2.2e-3, 5, [0.001, 0.0015, 0.002]),
            (-250, 1020, 6, [0, 500, 1000]),
        ]
        for (low, high, count, expected) in cases {
            let ticks = Ticks.linear(low, high, maximumCount: count)
            XCTAssertEqual(ticks.count, expected.count, "\(low)...\(high): \(ticks)")
            for (tick, value) in zip(ticks, expected) { XCTAssertEqual(tick, value, accuracy: 1e-12) }
        }
    }

    func testLabelsShareTheStepsDecimals() {
        XCTAssertEqual(Ticks.labels([-1, -0.5, 0, 0.5, 1], isLog: false, ascii: false), ["-1.0", "-0.5", "0.0", "0.5", "1.0"])
        XCTAssertEqual(Ticks.labels([0, 0.25, 0.5], isLog: false, ascii: false), ["0.00", "0.25", "0.50"])
        XCTAssertEqual(Ticks.labels([0, 10, 20], isLog: false, ascii: false), ["0", "10", "20"])
        XCTAssertEqual(Ticks.labels([0.01, 1, 100], isLog: true, ascii: false), ["10⁻²", "10⁰", "10²"])
        XCTAssertEqual(Ticks.labels([0.01, 1, 100], isLog: true, ascii: true), ["1e-2", "1e0", "1e2"])
    }

    func testLogTicksAreDecades() {
        XCTAssertEqual(Ticks.logarithmic(0.02, 1.1), [0.1, 1])
        XCTAssertEqual(Ticks.logarithmic(1, 1e16), stride(from: 0.0, through: 15, by: 3).map { pow(10, $0) }, "every third of 17 decades")
    }

    func testDegenerateRangesGiveNoTicksOrAFewAndNeverHang() {
        XCTAssertEqual(Ticks.linear(1, 1, maximumCount: 5), [])
        XCTAssertEqual(Ticks.linear(0, .infinity, maximumCount: 5), [])
        XCTAssertEqual(Ticks.linear(-1e308, 1e308, maximumCount: 5), [])
        XCTAssertLessThanOrEqual(Ticks.linear(0, 1e-300, maximumCount: 5).count, 5)
    }
}
