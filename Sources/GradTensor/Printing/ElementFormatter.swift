/// Chooses one notation and one width for every printed element (PyTorch's `_Formatter`).
///
/// The choice is made from the elements that will be shown (all of them, or only the edge items
/// of a summarised tensor), so the same data can print differently once it is summarised.
struct ElementFormatter {
    enum Notation {
        /// `True` / `False`.
        case boolean
        /// Ints as Python prints them.
        case integer
        /// Floats that are all whole numbers: `2.`, `-3.` (no digits after the point).
        case wholeFloat
        /// `%.4f`
        case fixed
        /// `%.4e`
        case scientific
    }

    let notation: Notation
    /// Every element is right-aligned to this many characters.
    let width: Int

    init(dtype: DType, shown: [PrintScalar]) {
        guard dtype.isFloatingPoint else {
            self.init(notation: dtype == .bool ? .boolean : .integer, measuring: shown)
            return
        }
        // Only finite non-zero values decide the notation and width: `nan`, `inf` and `0.` may end
        // up wider than `width`, and are then printed unpadded (rows of them overrun the line).
        let decisive = shown.filter { $0.doubleValue.isFinite && $0.doubleValue != 0 }
        let magnitudes = decisive.map(\.doubleValue.magnitude)
        guard let minAbs = magnitudes.min(), let maxAbs = magnitudes.max() else {
            self.init(notation: .wholeFloat, measuring: [])
            return
        }
        // `sci_mode=` when set, else the values decide; the ratio may overflow to +inf, which
        // correctly selects scientific notation.
        let scientific = PrintOptions.current.scientific ?? (maxAbs / minAbs > 1000 || maxAbs > 1e8 || minAbs < 1e-4)
        let whole = decisive.allSatisfy { $0.doubleValue == $0.doubleValue.rounded(.up) }
        self.init(notation: scientific ? .scientific : whole ? .wholeFloat : .fixed, measuring: decisive)
    }

    private init(notation: Notation, measuring values: [PrintScalar]) {
        self.notation = notation
        width = values.reduce(1) { max($0, Self.text($1, notation: notation).count) }
    }

    /// The element's text, left-padded with spaces to `width`.
    func format(_ value: PrintScalar) -> String {
        let text = Self.text(value, notation: notation)
        let padding = width - text.count
        return padding > 0 ? String(repeating: " ", count: padding) + text : text
    }

    private static func text(_ value: PrintScalar, notation: Notation) -> String {
        let digits = PrintOptions.current.precision
        switch notation {
        case .boolean:
            return value.boolValue ? "True" : "False"
        case .integer:
            return String(value.int64Value)
        case .wholeFloat:
            // The trailing point marks the tensor as floating; `nan`/`inf` already read as floats.
            let x = value.doubleValue
            let text = PythonFloatText.fixed(x, digits: 0)
            return x.isFinite ? text + "." : text
        case .fixed:
            return PythonFloatText.fixed(value.doubleValue, digits: digits)
        case .scientific:
            return PythonFloatText.scientific(value.doubleValue, digits: digits)
        }
    }
}
