import GradTensor

/// How every element of one array prints, decided from all the elements shown (numpy's
/// `FloatingFormat`, `IntegerFormat` and `BoolFormat` under the default print options:
/// precision 8, `floatmode='maxprec'`, no suppression).
enum NumpyElementFormat {
    case float(FloatLayout)
    case integer(width: Int)
    case bool

    static let precision = 8

    struct FloatLayout {
        var isFloat32: Bool
        var scientific: Bool
        var padLeft = 0, padRight = 0
        /// Scientific notation: digits after the point (all padded to this) and exponent digits.
        var fractionDigits = 0, exponentDigits = 0
    }

    init(dtype: DType, values: [Scalar]) {
        if dtype == .bool {
            self = .bool
        } else if dtype.isFloatingPoint {
            self = .float(Self.floatLayout(values.map(\.doubleValue), isFloat32: dtype != .float64))
        } else {
            let texts = values.map { s -> String in if case .int(let i) = s { return String(i) } else { return "0" } }
            self = .integer(width: texts.map(\.count).max() ?? 0)
        }
    }

    private static func floatLayout(_ values: [Double], isFloat32: Bool) -> FloatLayout {
        let finite = values.filter(\.isFinite)
        let magnitudes = finite.filter { $0 != 0 }.map(Swift.abs)
        var layout = FloatLayout(isFloat32: isFloat32, scientific: false)
        if let largest = magnitudes.max(), let smallest = magnitudes.min() {
            layout.scientific = largest >= 1e8 || smallest < 0.0001 || largest / smallest > 1000
        }
        if !finite.isEmpty {
            if layout.scientific {
                let texts = finite.map { NumpyFloatText.scientific($0, precision: precision, isFloat32: isFloat32) }
                layout.exponentDigits = texts.map { $0.exponent.count - 1 }.max() ?? 2
                layout.fractionDigits = texts.map(\.fraction.count).max() ?? 0
                layout.padLeft = texts.map(\.integerPart.count).max() ?? 0
                layout.padRight = layout.exponentDigits + 2 + layout.fractionDigits
            } else {
                let texts = finite.map { NumpyFloatText.positional($0, precision: precision, isFloat32: isFloat32) }
                layout.padLeft = texts.map(\.integerPart.count).max() ?? 0
                layout.padRight = texts.map(\.fraction.count).max() ?? 0
            }
        }
        if finite.count != values.count {
            let negativeInfinity = values.contains { $0 == -.infinity }
            let offset = layout.padRight + 1
            layout.padLeft = max(layout.padLeft, 3 - offset, 3 + (negativeInfinity ? 1 : 0) - offset)
        }
        return layout
    }

    /// One element, padded to the common width.
    func text(_ s: Scalar) -> String {
        switch self {
        case .bool:
            if case .bool(let b) = s, b { return " True" }
            return "False"
        case .integer(let width):
            guard case .int(let i) = s else { return "" }
            return Self.padded(String(i), to: width)
        case .float(let layout):
            return Self.floatText(s.doubleValue, layout)
        }
    }

    private static func floatText(_ x: Double, _ layout: FloatLayout) -> String {
        if !x.isFinite {
            let text = x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf")
            return padded(text, to: layout.padLeft + layout.padRight + 1)
        }
        if layout.scientific {
            let t = NumpyFloatText.scientific(x, precision: precision, isFloat32: layout.isFloat32)
            let fraction = t.fraction + String(repeating: "0", count: max(0, layout.fractionDigits - t.fraction.count))
            let sign = t.exponent.prefix(1), digits = t.exponent.dropFirst()
            let exponent = sign + String(repeating: "0", count: max(0, layout.exponentDigits - digits.count)) + digits
            return padded(t.integerPart, to: layout.padLeft) + "." + fraction + "e" + exponent
        }
        let t = NumpyFloatText.positional(x, precision: precision, isFloat32: layout.isFloat32)
        return padded(t.integerPart, to: layout.padLeft) + "." + t.fraction
            + String(repeating: " ", count: max(0, layout.padRight - t.fraction.count))
    }

    private static func padded(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
