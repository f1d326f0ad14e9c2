/// Reading a tensor's values out: `item()`, `tolist()`, and its printed form.
extension Tensor: CustomStringConvertible {
    /// `item()`: the one element as a Python number.
    public func item() throws -> Scalar {
        guard numel == 1 else {
            throw TorchError.runtime("a Tensor with \(numel) elements cannot be converted to Scalar")
        }
        return element(atFlat: 0)
    }

    /// `tolist()`: nested lists of Python numbers (a number for a 0-dim tensor).
    public func tolist() -> NestedData {
        var flat = 0
        func build(_ d: Int) -> NestedData {
            if d == rank {
                defer { flat += 1 }
                return .scalar(element(atFlat: flat))
            }
            return .list((0..<shape[d]).map { _ in build(d + 1) })
        }
        return build(0)
    }

    /// `repr(t)` / `str(t)`, exactly as PyTorch prints it.
    public var description: String {
        refreshViewGradFn()
        return TensorFormatter.repr(TensorPrintInput(
            shape: shape, dtype: dtype,
            element: { [self] i in
                switch element(atFlat: i) {
                case .double(let d): return .float(d)
                case .int(let v): return .int(v)
                case .bool(let b): return .bool(b)
                }
            },
            requiresGradLeaf: isLeaf && requiresGrad,
            gradFnName: gradFn?.className))
    }
}
