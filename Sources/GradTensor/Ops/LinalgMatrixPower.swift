/// `linalg.matrix_power(A, n)`, composed as PyTorch's `linalg_matrix_power_impl` composes it (so
/// the same products in the same order, and the same `grad_fn`): the identity for n = 0, the
/// inverse's powers for n < 0, and repeated squaring beyond the cube.
extension Tensor {
    public func matrixPower(_ n: Int) throws -> Tensor {
        try checkMatrices("linalg.matrix_power", square: true)
        if n == 0 { return try clone().copy_(Tensor.eye(shape[rank - 1], dtype: dtype).expand(shape)) }
        let a = n < 0 ? try inverse() : self
        var k = n.magnitude
        switch k {
        case 1: return n < 0 ? a : try clone()
        case 2: return try a.matmul(a)
        case 3: return try a.matmul(a).matmul(a)
        default: break
        }
        // The binary digits of k from the lowest: z runs through a, a², a⁴, ...
        var z: Tensor?, result: Tensor?
        while k > 0 {
            let bit = k % 2
            k /= 2
            let square = try z.map { try $0.matmul($0) } ?? a
            z = square
            if bit == 1 { result = try result.map { try $0.matmul(square) } ?? square }
        }
        return result ?? a
    }
}
