/// `linalg.multi_dot` and the deprecated `chain_matmul`: a chain of matrix products in the
/// order that needs the fewest multiplications (PyTorch's dynamic programme, ties to the first).
extension Tensor {
    /// `multi_dot(tensors)`: the first tensor may be a vector (a row), the last one too (a
    /// column); their dimensions are left out of the result, viewed from the chain's product.
    public static func multiDot(_ tensors: [Tensor]) throws -> Tensor {
        let n = tensors.count
        if n < 2 { throw TorchError.runtime("multi_dot(): expected at least 2 tensors but got \(n)") }
        for (i, t) in tensors.enumerated() {
            let place = i == 0 ? "the first tensor" : i == n - 1 ? "the last tensor" : "tensor \(i)"
            if (i == 0 || i == n - 1) ? !(1...2).contains(t.rank) : t.rank != 2 {
                throw TorchError.runtime("multi_dot(): \(place) must be \(i == 0 || i == n - 1 ? "1D or 2D" : "2D") but got \(t.rank)D")
            }
            if t.dtype != tensors[0].dtype {
                throw TorchError.runtime("multi_dot(): all tensors must have be the same dtype but tensor 0 is \(tensors[0].dtype.cTypeName) and tensor \(i) \(t.dtype.cTypeName)")
            }
        }
        var matrices = tensors
        if matrices[0].rank == 1 { matrices[0] = try matrices[0].unsqueeze(0) }
        if matrices[n - 1].rank == 1 { matrices[n - 1] = try matrices[n - 1].unsqueeze(-1) }
        for i in 0..<(n - 1) where matrices[i].shape[1] != matrices[i + 1].shape[0] {
            throw TorchError.runtime("multi_dot(): tensors \(i) and \(i + 1) with shapes \(Shape.sizeList(tensors[i].shape)) and \(Shape.sizeList(tensors[i + 1].shape)) cannot be multiplied")
        }
        let outShape = (tensors[0].rank == 2 ? [tensors[0].shape[0]] : []) + (tensors[n - 1].rank == 2 ? [tensors[n - 1].shape[1]] : [])
        let split = chainOrder(matrices.map { $0.shape[0] } + [matrices[n - 1].shape[1]])
        func product(_ i: Int, _ j: Int) throws -> Tensor {
            i == j ? matrices[i] : try product(i, split[i][j]).mm(product(split[i][j] + 1, j))
        }
        return try product(0, n - 1).view(outShape)
    }

    /// For matrices of sizes `p[i]`×`p[i + 1]`, where each sub-chain `i...j` splits: the
    /// classic matrix-chain programme (ties keep the first split; three matrices compare the
    /// two orders as PyTorch does, the right-hand one only when it is strictly cheaper).
    private static func chainOrder(_ p: [Int]) -> [[Int]] {
        let n = p.count - 1
        var cost = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        var split = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
        for length in 1..<n {
            for i in 0..<(n - length) {
                let j = i + length
                cost[i][j] = .infinity
                for k in i..<j {
                    let q = cost[i][k] + cost[k + 1][j] + Double(p[i]) * Double(p[k + 1]) * Double(p[j + 1])
                    if q < cost[i][j] {
                        cost[i][j] = q
                        split[i][j] = k
                    }
                }
            }
        }
        if n == 3 {
            let (a, b, c, d) = (Double(p[0]), Double(p[1]), Double(p[2]), Double(p[3]))
            split[0][2] = a * c * (b + d) > b * d * (a + c) ? 0 : 1
        }
        return split
    }
}
