import GradTensor

/// `repr` and `str` of an array as numpy's arrayprint writes them: rows wrapped at 75 columns
/// with a hanging indent, and arrays of more than 1000 elements summarised to their first and
/// last three items along each axis, with `...` between.
enum NumpyArrayText {
    static let lineWidth = 75
    static let threshold = 1000
    static let edgeItems = 3

    /// `array([1., 2.])`, `array([1, 2], dtype=float32)`.
    static func repr(_ t: Tensor) -> String {
        let prefix = "array("
        let body = t.numel == 0 ? "[]" : format(t, separator: ", ", prefix: prefix, lineWidth: lineWidth - 1)
        var extras: [String] = []
        if (t.numel == 0 && t.shape != [0]) || t.numel > threshold { extras.append("shape=\(shapeText(t.shape))") }
        if !isImplied(t.dtype) || t.numel == 0 { extras.append("dtype=\(NumpyDTypes.name(t.dtype))") }
        if extras.isEmpty { return prefix + body + ")" }
        let text = prefix + body + ","
        let extra = extras.joined(separator: ", ") + ")"
        let lastLine = text.count - ((text.lastIndex(of: "\n").map { text.distance(from: text.startIndex, to: $0) + 1 }) ?? 0)
        let spacer = lastLine + extra.count + 1 > lineWidth ? "\n" + String(repeating: " ", count: prefix.count) : " "
        return text + spacer + extra
    }

    /// `[1. 2.]`; a 0-dim array prints as its element does.
    static func str(_ t: Tensor) -> String {
        if t.rank == 0 { return Repr.str(NumpyScalars.value(t.element(atFlat: 0))) }
        if t.numel == 0 { return "[]" }
        return format(t, separator: " ", prefix: "", lineWidth: lineWidth)
    }

    /// Python's spelling of a shape tuple: `(3,)`, `(2, 3)`.
    static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// float64, int64 and bool arrays print without their dtype.
    private static func isImplied(_ dtype: DType) -> Bool { dtype == .float64 || dtype == .int64 || dtype == .bool }

    private static func format(_ t: Tensor, separator: String, prefix: String, lineWidth: Int) -> String {
        let summarised = t.numel > threshold
        let shown = shownPositions(t.shape, summarised: summarised)
        var values: [Scalar] = []
        forEachIndex(shown) { values.append(t.element(atFlat: flatIndex($0, t.shape))) }
        let format = NumpyElementFormat(dtype: t.dtype, values: values)
        let layout = Layout(tensor: t, format: format, separator: separator, summarised: summarised)
        let indent = " " + String(repeating: " ", count: prefix.count)
        return layout.recurse(index: [], hangingIndent: indent, width: lineWidth)
    }

    /// Per axis, the positions whose elements are printed.
    private static func shownPositions(_ shape: [Int], summarised: Bool) -> [[Int]] {
        shape.map { n in
            summarised && n > 2 * edgeItems ? Array(0..<edgeItems) + Array((n - edgeItems)..<n) : Array(0..<n)
        }
    }

    private static func forEachIndex(_ positions: [[Int]], _ body: ([Int]) -> Void) {
        var index: [Int] = []
        func walk(_ axis: Int) {
            if axis == positions.count { body(index); return }
            for p in positions[axis] {
                index.append(p)
                walk(axis + 1)
                index.removeLast()
            }
        }
        walk(0)
    }

    private static func flatIndex(_ index: [Int], _ shape: [Int]) -> Int {
        zip(index, shape).reduce(0) { $0 * $1.1 + $1.0 }
    }

    /// numpy's `_formatArray` recursion.
    private struct Layout {
        let tensor: Tensor
        let format: NumpyElementFormat
        let separator: String
        let summarised: Bool

        func recurse(index: [Int], hangingIndent: String, width: Int) -> String {
            let axis = index.count
            if axis == tensor.rank { return format.text(tensor.element(atFlat: flatIndex(index, tensor.shape))) }
            let nextIndent = hangingIndent + " "
            let nextWidth = width - 1
            let count = tensor.shape[axis]
            let showSummary = summarised && 2 * edgeItems < count
            let leading = showSummary ? edgeItems : 0
            let trailing = showSummary ? edgeItems : count
            var s = ""
            if axis == tensor.rank - 1 {
                let elementWidth = width - max(separator.trimmingTrailingSpaces.count, 1)
                var line = hangingIndent
                for i in 0..<leading {
                    extend(&s, &line, recurse(index: index + [i], hangingIndent: nextIndent, width: nextWidth), elementWidth, hangingIndent)
                    line += separator
                }
                if showSummary {
                    extend(&s, &line, "...", elementWidth, hangingIndent)
                    line += separator
                }
                for i in stride(from: trailing, to: 1, by: -1) {
                    extend(&s, &line, recurse(index: index + [count - i], hangingIndent: nextIndent, width: nextWidth), elementWidth, hangingIndent)
                    line += separator
                }
                extend(&s, &line, recurse(index: index + [count - 1], hangingIndent: nextIndent, width: nextWidth), elementWidth, hangingIndent)
                s += line
            } else {
                let lineSeparator = separator.trimmingTrailingSpaces + String(repeating: "\n", count: tensor.rank - axis - 1)
                for i in 0..<leading {
                    s += hangingIndent + recurse(index: index + [i], hangingIndent: nextIndent, width: nextWidth) + lineSeparator
                }
                if showSummary { s += hangingIndent + "..." + lineSeparator }
                for i in stride(from: trailing, to: 1, by: -1) {
                    s += hangingIndent + recurse(index: index + [count - i], hangingIndent: nextIndent, width: nextWidth) + lineSeparator
                }
                s += hangingIndent + recurse(index: index + [count - 1], hangingIndent: nextIndent, width: nextWidth)
            }
            return "[" + s.dropFirst(hangingIndent.count) + "]"
        }

        /// numpy's `_extendLine_pretty`: a word of several lines (a nested row) keeps its shape.
        private func extend(_ s: inout String, _ line: inout String, _ word: String, _ width: Int, _ indent: String) {
            let words = word.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if words.count == 1 {
                if line.count + word.count > width && line.count > indent.count {
                    s += line.trimmingTrailingSpaces + "\n"
                    line = indent
                }
                line += word
                return
            }
            let longest = words.map(\.count).max() ?? 0
            let lineIndent: String
            if line.count + longest > width && line.count > indent.count {
                s += line.trimmingTrailingSpaces + "\n"
                line = indent + words[0]
                lineIndent = indent
            } else {
                lineIndent = String(repeating: " ", count: line.count)
                line += words[0]
            }
            for w in words.dropFirst() {
                s += line.trimmingTrailingSpaces + "\n"
                line = lineIndent + w
            }
            line += String(repeating: " ", count: longest - (words.last?.count ?? 0))
        }
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " || s.last == "\n" { s.removeLast() }
        return s
    }
}
