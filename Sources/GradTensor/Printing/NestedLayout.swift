/// Lays formatted elements out as nested brackets (PyTorch's `_tensor_str_with_formatter`).
///
/// Sibling blocks are joined by `,`, one newline per remaining inner dimension minus one (so
/// matrices in a 3-d tensor are separated by a blank line) and one more space of indentation per
/// level. Innermost rows wrap to stay within the line width.
struct NestedLayout {
    let axes: [ShownElements.Axis]
    /// Formatted, padded texts of the shown elements in row-major order.
    let texts: [String]
    /// The common width of the texts, which fixes how many fit on a line.
    let width: Int

    /// The bracketed body; `indent` is the column at which the outermost `[` sits.
    func render(indent: Int) -> String {
        guard !axes.isEmpty else { return texts.first ?? "" }
        return block(dim: 0, offset: 0, indent: indent)
    }

    private func block(dim: Int, offset: Int, indent: Int) -> String {
        let axis = axes[dim]
        if dim == axes.count - 1 {
            return row(axis: axis, offset: offset, indent: indent)
        }
        let stride = axes[(dim + 1)...].reduce(1) { ShownElements.saturatingProduct($0, $1.indices.count) }
        var slices = axis.indices.indices.map { position in
            block(dim: dim + 1, offset: offset + position * stride, indent: indent + 1)
        }
        if let at = axis.ellipsisBefore { slices.insert("...", at: at) }
        let innerDims = axes.count - dim
        let separator = "," + String(repeating: "\n", count: innerDims - 1) + spaces(indent + 1)
        return "[" + slices.joined(separator: separator) + "]"
    }

    private func row(axis: ShownElements.Axis, offset: Int, indent: Int) -> String {
        var items = Array(texts[offset..<(offset + axis.indices.count)])
        // The ellipsis takes a slot in the line count like an element, but is not padded to width.
        if let at = axis.ellipsisBefore { items.insert(" ...", at: at) }
        // Each element costs its width plus ", ". Python floors the division; when the numerator
        // is negative any result is below 1 and replaced by 1 anyway, so truncation is equivalent.
        let perLine = max(1, (PrintOptions.current.lineWidth - indent) / (width + 2))
        let lines = stride(from: 0, to: items.count, by: perLine).map { start in
            items[start..<min(start + perLine, items.count)].joined(separator: ", ")
        }
        return "[" + lines.joined(separator: ",\n" + spaces(indent + 1)) + "]"
    }

    private func spaces(_ count: Int) -> String {
        String(repeating: " ", count: count)
    }
}
