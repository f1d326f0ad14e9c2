/// Writing values at chosen positions along a dimension: the backward of `max(dim)`/`min(dim)`.
extension Tensor {
    /// A zero tensor of `shape` with `values[i...]` placed at `indices[i...]` along `dim`
    /// (`values` and `indices` share a shape that is `shape` with `dim` reduced to 1).
    static func scatter(_ values: Tensor, indices: Tensor, dim: Int, shape: [Int]) throws -> Tensor {
        let out = try Tensor(zeros: shape, dtype: values.dtype)
        let outStrides = out.strides
        for flat in 0..<values.numel {
            var rest = flat, offset = 0
            var d = values.rank - 1
            while d >= 0 {
                let coordinate = rest % Swift.max(values.shape[d], 1)
                rest /= Swift.max(values.shape[d], 1)
                if d == dim, case .int(let i) = indices.element(atFlat: flat) {
                    offset += Int(i) * outStrides[d]
                } else {
                    offset += coordinate * outStrides[d]
                }
                d -= 1
            }
            out.setFlat(offset, values.element(atFlat: flat))
        }
        return out.record("ScatterBackward0", inputs: [values]) { ctx in
            [try ctx.grad.gatherAlong(dim, indices)]
        }
    }

    /// The elements at `indices` along `dim` (the inverse of `scatter`, for double backward).
    func gatherAlong(_ dim: Int, _ indices: Tensor) throws -> Tensor {
        var parts: [Scalar] = []
        for flat in 0..<indices.numel {
            var rest = flat, offset = 0
            var d = indices.rank - 1
            while d >= 0 {
                let coordinate = rest % Swift.max(indices.shape[d], 1)
                rest /= Swift.max(indices.shape[d], 1)
                let c: Int
                if d == dim, case .int(let i) = indices.element(atFlat: flat) { c = Int(i) } else { c = coordinate }
                offset += c * Shape.contiguousStrides(shape)[d]
                d -= 1
            }
            parts.append(element(atFlat: offset))
        }
        let out = try Tensor(zeros: indices.shape, dtype: dtype)
        for (i, s) in parts.enumerated() { out.setFlat(i, s) }
        return out
    }
}
