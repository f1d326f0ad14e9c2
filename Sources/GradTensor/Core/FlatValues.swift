/// A tensor's elements as a Swift array in row-major order, and a tensor made from one: for
/// libraries above (grad's `numpy`) whose kernels keep their own summation order.
extension Tensor {
    /// A new contiguous float64 tensor of `shape` holding `values` (as many as the shape counts).
    public convenience init(float64 values: [Double], shape: [Int]) throws {
        try self.init(copying: values, shape: shape)
    }

    /// A new contiguous int64 tensor of `shape` holding `values`.
    public convenience init(int64 values: [Int64], shape: [Int]) throws {
        try self.init(copying: values, shape: shape)
    }

    convenience init<T: Element>(copying values: [T], shape: [Int]) throws {
        guard values.count == Shape.count(shape) else {
            throw TorchError.runtime("shape '\(shape)' is invalid for input of size \(values.count)")
        }
        try self.init(zeros: shape, dtype: T.dtype)
        let p = storage.pointer(T.self)
        values.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            p.update(from: base, count: source.count)
        }
    }

    /// The elements in row-major order, each converted to Double as a C cast does.
    public func float64Values() -> [Double] {
        if dtype == .float64 && isContiguous {
            let p = storage.pointer(Double.self) + offset
            return Array(UnsafeBufferPointer(start: p, count: numel))
        }
        return (0..<numel).map { flat in
            switch element(atFlat: flat) {
            case .double(let d): return d
            case .int(let i): return Double(i)
            case .bool(let b): return b ? 1 : 0
            }
        }
    }
}
