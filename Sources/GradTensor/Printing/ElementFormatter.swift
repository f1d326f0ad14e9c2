/// Chooses one notation and one width for every printed element (PyTorch's `_Formatter`).
///
/// The choice is made from the elements that will be shown (all of them, or only the edge items
/// of a summarised tensor), so the same data can print differently once it is summarised.
struct ElementFormatter {
    enum Notation {
        /// Ints as Python prints them; bools as `True`/`False`.
        case plain
        /// Whole-valued floats: `2.`, `-3.` (no digits after the point).
        case integral
        /// `%.4f`
        case fixed
        /// `%.4e`
        case scientific
    }

    let dtype: DType
    let notation: Notation
    /// Every element is right-aligned to this many characters.
    let width: Int

    init(dtype: DType, shown: [PrintScalar]) {
        self.dtype = dtype
        guard dtype.isFloatingPoint else {
            notation = .plain
            width = shown.reduce(1) { max($0, Self.plainText($1, dtype: dtype).count) }
            return
        }
        // Only finite non-zero values decide the notation and width: `nan`, `inf` and `0.` may end
        // up wider than `width`, and are then printed unpadded.
        let decisive = shown.map(\.doubleValue).filter { $0.isFinite && $0 != 0 }
        guard let minAbs = decisive.lazy.map(\.magnitude).min(),
              let maxAbs = decisive.lazy.map(\.magnitude).max()
        else {
            notation = .integral
            width = 1
            return
        }
        let wholeValued = decisive.allSatisfy { $0 == $0.rounded(.up) }
        // The ratio may overflow to +inf, which correctly selects scientific notation.
        let scientific = maxAbs / minAbs > 1000 || maxAbs > 1e8 || minAbs < 1e-4
        if scientific {
            notation = .scientific
        } else if wholeValued {
            notation = .integral
        } else {
            notation = .fixed
        }
        let mode = notation
        width = decisive.reduce(1) { max($0, Self.floatText($1, notation: mode).count) }
    }

    /// The element's text, left-padded with spaces to `width`.
    func format(_ value: PrintScalar) -> String {
        let text = dtype.isFloatingPoint
            ? Self.floatText(value.doubleValue, notation: notation)
            : Self.plainText(value, dtype: dtype)
        let padding = width - text.count
        return padding > 0 ? String(repeating: " ", count: padding) + text : text
    }

    private static func floatText(_ x: Double, notation: Notation) -> String {
        let digits = PrintOptions.precision
        switch notation {
        case .scientific:
            return PythonFloatText.scientific(x, digits: digits)
        case .fixed:
            return PythonFloatText.fixed(x, digits: digits)
        case .integral, .plain:
            // The trailing point marks the tensor as floating; `nan`/`inf` already read as floats.
            let text = PythonFloatText.fixed(x, digits: 0)
            return x.isFinite ? text + "." : text
        }
    }

    private static func plainText(_ value: PrintScalar, dtype: DType) -> String {
        if dtype == .bool { return value.boolValue ? "True" : "False" }
        return String(value.int64Value)
    }
}
