/// `empty_strided(size, stride)`: a new tensor laid out with the given strides over the
/// smallest storage that holds every element (zero-filled where PyTorch leaves it uninitialised).
extension Tensor {
    public static func emptyStrided(_ shape: [Int], strides: [Int], dtype: DType = .defaultFloat) throws -> Tensor {
        guard shape.count == strides.count else {
            throw TorchError.runtime("dimensionality of sizes (\(shape.count)) must match dimensionality of strides (\(strides.count))")
        }
        // The storage is sized by the strides, not by the elements: only negative sizes are refused here.
        if shape.contains(where: { $0 < 0 }) { _ = try Shape.checkedCount(shape, dtype: dtype) }
        var extent = 1
        if !shape.contains(0) {
            for (size, stride) in zip(shape, strides) {
                let (span, overflow) = (size - 1).multipliedReportingOverflow(by: stride)
                let (sum, overflowed) = extent.addingReportingOverflow(span)
                // A negative stride is refused as PyTorch refuses it, as an overflow.
                if overflow || overflowed || (stride < 0 && size > 1) { throw TorchError.runtime("Storage size calculation overflowed with sizes=\(Shape.sizeList(shape)) and strides=\(Shape.sizeList(strides))") }
                extent = sum
            }
        } else {
            extent = 0
        }
        _ = try Shape.checkedCount([extent], dtype: dtype)
        return Tensor(storage: try Storage.make(dtype: dtype, count: extent), shape: shape, strides: strides, offset: 0, version: nil)
    }
}
