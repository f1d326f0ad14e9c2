import Foundation

/// One axis's range and kind, mapping data values to fractions of the axes (0 at the low end).
struct AxisScale {
    var low: Double
    var high: Double
    var isLog: Bool

    /// Where `value` falls, 0...1 inside the range; nil for what a log axis cannot show.
    func fraction(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        if isLog {
            guard value > 0 else { return nil }
            return finite((log10(value) - log10(low)) / (log10(high) - log10(low)))
        }
        return finite((value - low) / (high - low))
    }

    private func finite(_ fraction: Double) -> Double? {
        fraction.isFinite ? fraction : nil
    }

    /// The ticks inside the range, at most about `maximumCount` of them.
    func ticks(maximumCount: Int) -> [Double] {
        isLog ? Ticks.logarithmic(low, high) : Ticks.linear(low, high, maximumCount: maximumCount)
    }
}

/// Which axis of an axes, for reading artists' coordinates.
enum AxisDirection {
    case x, y
}

extension AxesModel {
    /// The axis's scale: the limits pyplot was given, or the data's extent with matplotlib's 5%
    /// margins (none past zero below bars, matplotlib's sticky edge).
    func scale(_ direction: AxisDirection) -> AxisScale {
        let isLog = direction == .x ? xLog : yLog
        if let given = direction == .x ? xLimits : yLimits {
            return AxisScale.nonsingular(given.lowerBound, given.upperBound, isLog: isLog)
        }
        var values: [Double] = []
        var sticky: [Double] = []
        for artist in artists {
            switch (artist.kind, direction) {
            case (.line, .x), (.scatter, .x), (.verticalLine, .x): values += artist.x
            case (.line, .y), (.scatter, .y), (.horizontalLine, .y): values += artist.y
            case (.bars, .x):
                for (center, width) in zip(artist.x, artist.widths) { values += [center - width / 2, center + width / 2] }
            case (.bars, .y):
                values += artist.y + [0]
                sticky.append(0)
            case (.horizontalLine, .x), (.verticalLine, .y): break
            }
        }
        let shown = values.filter { $0.isFinite && (!isLog || $0 > 0) }
        guard let low = shown.min(), let high = shown.max() else {
            return isLog ? AxisScale(low: 1, high: 10, isLog: true) : AxisScale(low: 0, high: 1, isLog: false)
        }
        var scale = AxisScale.nonsingular(low, high, isLog: isLog)
        let margin = 0.05
        if isLog {
            let (a, b) = (log10(scale.low), log10(scale.high))
            scale.low = pow(10, a - margin * (b - a))
            scale.high = pow(10, b + margin * (b - a))
        } else {
            let span = scale.high - scale.low
            guard span.isFinite else { return scale }
            let (paddedLow, paddedHigh) = (scale.low - margin * span, scale.high + margin * span)
            scale.low = sticky.contains { $0 <= scale.low && $0 > paddedLow } ? scale.low : paddedLow
            scale.high = sticky.contains { $0 >= scale.high && $0 < paddedHigh } ? scale.high : paddedHigh
        }
        return scale
    }
}

extension AxisScale {
    /// A range with room in it: equal ends are widened by 5% (matplotlib's `nonsingular`).
    static func nonsingular(_ low: Double, _ high: Double, isLog: Bool) -> AxisScale {
        var (low, high) = (low, high)
        if isLog {
            low = Swift.max(low, Double.leastNormalMagnitude)
            high = Swift.max(high, low)
            if low == high { (low, high) = (low / 10, high * 10) }
        } else if low == high {
            let pad = low == 0 ? 0.05 : abs(low) * 0.05
            (low, high) = (low - pad, high + pad)
        }
        return AxisScale(low: low, high: high, isLog: isLog)
    }
}
