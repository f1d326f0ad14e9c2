/// Which elements of a tensor get printed, read once in row-major order.
///
/// A summarised tensor shows only `edgeItems` entries at each end of every dimension longer than
/// `2 * edgeItems` (PyTorch's `get_summarized_data`); the rest are never read, so a huge tensor
/// prints in time proportional to what is shown.
struct ShownElements {
    /// The indices shown along one dimension, and where the `...` goes among them.
    struct Axis {
        let indices: [Int]
        /// `...` is printed before `indices[ellipsisBefore]`; nil when nothing is elided.
        let ellipsisBefore: Int?
    }

    let axes: [Axis]
    /// The shown elements, in row-major order over `axes`.
    let values: [PrintScalar]

    /// `shape` must have no negative extent.
    init(shape: [Int], summarise: Bool, element: (Int) -> PrintScalar) {
        let edge = PrintOptions.current.edgeItems
        axes = shape.map { size in
            if summarise && size > 2 * edge {
                return Axis(indices: Array(0..<edge) + Array((size - edge)..<size), ellipsisBefore: edge)
            }
            return Axis(indices: Array(0..<size), ellipsisBefore: nil)
        }
        // Strides saturate instead of trapping: a shape whose element count overflows Int
        // describes no real tensor.
        var strides = [Int](repeating: 1, count: shape.count)
        var stride = 1
        for dim in shape.indices.reversed() {
            strides[dim] = stride
            stride = Self.saturatingProduct(stride, shape[dim])
        }
        var values: [PrintScalar] = []
        Self.collect(axes: axes, strides: strides, dim: 0, base: 0, element: element, into: &values)
        self.values = values
    }

    private static func collect(
        axes: [Axis], strides: [Int], dim: Int, base: Int,
        element: (Int) -> PrintScalar, into values: inout [PrintScalar]
    ) {
        guard dim < axes.count else {
            values.append(element(base))
            return
        }
        for index in axes[dim].indices {
            let offset = saturatingSum(base, saturatingProduct(index, strides[dim]))
            collect(axes: axes, strides: strides, dim: dim + 1, base: offset, element: element, into: &values)
        }
    }

    static func saturatingProduct(_ a: Int, _ b: Int) -> Int {
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? .max : result
    }

    private static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (result, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : result
    }
}
