import Foundation

/// Where an axis's ticks go and how they are labelled, as matplotlib's default locators and
/// formatters choose: steps of 1, 2, 2.5 or 5 times a power of ten (MaxNLocator), decades on a
/// log axis (LogLocator), every label of an axis with the same number of decimals (ScalarFormatter).
enum Ticks {
    static let steps: [Double] = [1, 2, 2.5, 5, 10]

    /// Multiples of the smallest nice step that gives at most `maximumCount` ticks in low...high.
    static func linear(_ low: Double, _ high: Double, maximumCount: Int) -> [Double] {
        let span = high - low
        guard span > 0, span.isFinite, maximumCount >= 2 else { return [] }
        let rawStep = span / Double(maximumCount - 1)
        let magnitude = pow(10, floor(log10(rawStep)))
        let candidates = steps.map { $0 * magnitude }
        let first = candidates.firstIndex { $0 >= rawStep * (1 - 1e-9) } ?? candidates.count - 1
        // A smaller step when the nice one leaves fewer than two ticks inside (matplotlib's min_n_ticks).
        for step in candidates[...first].reversed() {
            let lowest = ceil(low / step - 1e-9), highest = floor(high / step + 1e-9)
            guard highest - lowest >= 1 || step == candidates[0] else { continue }
            guard highest >= lowest, highest - lowest < 1000 else { return [] }
            return stride(from: lowest, through: highest, by: 1).map { $0 * step == 0 ? 0 : $0 * step }
        }
        return []
    }

    /// Powers of ten in low...high (every second or more when there are many); linear ticks when
    /// the range holds fewer than two.
    static func logarithmic(_ low: Double, _ high: Double) -> [Double] {
        let lowest = ceil(log10(low) - 1e-9), highest = floor(log10(high) + 1e-9)
        guard lowest.isFinite, highest.isFinite else { return [] }
        guard highest > lowest else { return linear(low, high, maximumCount: 4).filter { $0 > 0 } }
        let every = Swift.max(1, ceil((highest - lowest + 1) / 8))
        return stride(from: lowest, through: highest, by: every).map { pow(10, $0) }
    }

    /// The labels of an axis's ticks: fixed decimals enough for the step between them; powers of
    /// ten on a log axis as 10 with a superscript (`10⁻²`), or `1e-2` where only ASCII can be drawn.
    static func labels(_ ticks: [Double], isLog: Bool, ascii: Bool) -> [String] {
        if isLog, ticks.allSatisfy({ isPowerOfTen($0) }) {
            return ticks.map { tick in
                let exponent = Int(log10(tick).rounded())
                return ascii ? "1e\(exponent)" : "10" + superscript(exponent)
            }
        }
        let largest = ticks.map(abs).max() ?? 0
        if largest >= 1e5 || (largest > 0 && largest < 1e-4) {
            return ticks.map { $0 == 0 ? "0" : String(format: "%.3g", $0) }
        }
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : (ticks.first ?? 1)
        let decimals = (0...8).first { d in
            let scaled = abs(step) * pow(10, Double(d))
            return abs(scaled - scaled.rounded()) < 1e-6 * Swift.max(scaled, 1)
        } ?? 8
        return ticks.map { tick in
            let text = String(format: "%.\(decimals)f", tick)
            // -0.0 prints as 0.0, as matplotlib's formatter shows it.
            return text.allSatisfy({ "-0.".contains($0) }) ? String(text.drop { $0 == "-" }) : text
        }
    }

    private static func isPowerOfTen(_ value: Double) -> Bool {
        let exponent = log10(value)
        return abs(exponent - exponent.rounded()) < 1e-9
    }

    private static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (n < 0 ? "⁻" : "") + String(abs(n)).compactMap { $0.wholeNumberValue.map { digits[$0] } }
    }
}
