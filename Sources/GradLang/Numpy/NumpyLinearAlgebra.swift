import GradTensor

/// `a @ b`, `np.matmul` and `np.dot` with numpy's shape errors. The products run in GradTensor's
/// matmul kernel, whose summation order differs from the BLAS numpy calls: float64 results can
/// differ from numpy's in the last bit.
enum NumpyLinearAlgebra {
    static let signature = "(n?,k),(k,m?)->(n?,m?)"

    static func matmul(_ a: Tensor, _ b: Tensor, promoted dtype: DType) throws -> Tensor {
        for (i, t) in [a, b].enumerated() where t.rank == 0 {
            throw PyError.value("matmul: Input operand \(i) does not have enough dimensions (has 0, gufunc core with signature \(signature) requires 1)")
        }
        let k = a.shape[a.rank - 1], kb = b.rank == 1 ? b.shape[0] : b.shape[b.rank - 2]
        if k != kb {
            throw PyError.value("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature \(signature) (size \(kb) is different from \(k))")
        }
        let x = try NumpyArithmetic.cast(a, dtype), y = try NumpyArithmetic.cast(b, dtype)
        return try NumpyArithmetic.run { try x.matmul(y) }
    }

    /// `np.dot`: a product with a scalar, an inner product, or a matrix product.
    static func dot(_ a: Operand, _ b: Operand) throws -> Value {
        if a.tensor.rank == 0 || b.tensor.rank == 0 { return try NumpyArithmetic.binary(.multiply, a, b) }
        let dtype = NumpyPromotion.resultType(a, b)
        guard a.tensor.rank <= 2 && b.tensor.rank <= 2 else { return NDArray.result(try matmul(a.tensor, b.tensor, promoted: dtype)) }
        let k = a.tensor.shape[a.tensor.rank - 1], kb = b.tensor.shape[b.tensor.rank == 1 ? 0 : b.tensor.rank - 2]
        if k != kb {
            let bAxis = b.tensor.rank == 1 ? 0 : b.tensor.rank - 2
            throw PyError.value("shapes \(NumpyPromotion.compact(a.tensor.shape)) and \(NumpyPromotion.compact(b.tensor.shape)) not aligned: \(k) (dim \(a.tensor.rank - 1)) != \(kb) (dim \(bAxis))")
        }
        return NDArray.result(try matmul(a.tensor, b.tensor, promoted: dtype))
    }
}
