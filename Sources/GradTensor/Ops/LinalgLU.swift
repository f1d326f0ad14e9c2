/// The LU factorization with partial pivoting, P A = L U for (batches of) m × n matrices:
/// `linalg.lu_factor`/`lu_factor_ex` (LU packed in one matrix and LAPACK's 1-based int32 pivots),
/// `lu_unpack`, `linalg.lu` and `linalg.lu_solve`. The outputs carry PyTorch's node names, but
/// their gradients are not implemented: backward through them raises.
extension Tensor {
    /// `linalg.lu_factor_ex(A)`: the packed factors (stored column-major, as LAPACK leaves them
    /// in PyTorch), the pivots (batch × min(m, n), int32, 1-based) and `info` per matrix (the
    /// 1-based position of the first zero on U's diagonal, 0 when there is none). `op` names
    /// the function in the message for too few dimensions.
    public func luFactorization(op: String = "torch.lu_factor") throws -> (lu: Tensor, pivots: Tensor, info: Tensor) {
        guard rank >= 2 else {
            throw TorchError.runtime("\(op): Expected tensor with 2 or more dimensions. Got size: \(Shape.sizeList(shape)) instead")
        }
        guard dtype.isFloatingPoint, dtype != .float16, dtype != .bfloat16 else {
            throw TorchError.notImplemented("\"lu_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let (m, n, _) = matrixLayout
        let steps = Swift.min(m, n)
        func factorAll<T: FloatElement>(_: T.Type) throws -> (Tensor, Tensor, Tensor) {
            var packed: [T] = [], pivots: [Int32] = [], infos: [Int32] = []
            try forEachMatrix(T.self) { _, matrix in
                var lu = matrix
                let (swaps, info) = DenseFactorizations.luFactor(&lu, rows: m, columns: n)
                packed += DenseFactorizations.transposed(lu, rows: m, columns: n)
                pivots += swaps.map { Int32($0 + 1) }
                infos.append(Int32(info))
            }
            // Column-major matrices: the transpose of a contiguous batch of n × m.
            let lu = try Tensor.holding(packed, shape: batchShape + [n, m], dtype: dtype).matrixTranspose
            return (lu, try Tensor.int32s(pivots, shape: batchShape + [steps]), try Tensor.int32s(infos, shape: batchShape))
        }
        let (lu, pivots, info) = try withFloatElements({ try factorAll(Float.self) }, { try factorAll(Double.self) })
        return (Tensor.notDifferentiable(lu, "LinalgLuFactorExBackward0", from: [self]), pivots, info)
    }

    /// `linalg.lu_factor(A)`: as `luFactorization`, with PyTorch's error for a zero on U's diagonal.
    public func luFactor(op: String = "torch.linalg.lu_factor") throws -> (lu: Tensor, pivots: Tensor, info: Tensor) {
        let (lu, pivots, info) = try luFactorization()
        let infos = try info.materialized(as: .int64).reshape([-1]).int64Values
        if let bad = infos.firstIndex(where: { $0 != 0 }) {
            let k = infos[bad]
            throw TorchError.runtime("\(op): \(batchPrefix(bad))U[\(k),\(k)] is zero and using it on lu_solve would result in a division by zero. If you still want to perform the factorization, consider calling linalg.lu(A, pivot) or linalg.lu_factor_ex(A, pivot)")
        }
        return (lu, pivots, info)
    }

    /// `linalg.lu(A)`: P (m × m), L (m × k, unit lower) and U (k × n, upper), k = min(m, n).
    public func lu() throws -> (p: Tensor, l: Tensor, u: Tensor) {
        let (packed, pivots, _) = try luFactorization(op: "linalg.lu")
        let (p, l, u) = try Tensor.luUnpack(packed.detach(), pivots, unpackData: true, unpackPivots: true, node: nil)
        return (p, Tensor.notDifferentiable(l, "LinalgLuBackward0", from: [self]), Tensor.notDifferentiable(u, "LinalgLuBackward0", from: [self]))
    }

    /// `lu_unpack(LU_data, LU_pivots)`: P, L and U from `lu_factor`'s output; an empty tensor for
    /// the parts not asked for.
    public static func luUnpack(_ packed: Tensor, _ pivots: Tensor, unpackData: Bool, unpackPivots: Bool) throws -> (p: Tensor, l: Tensor, u: Tensor) {
        try luUnpack(packed, pivots, unpackData: unpackData, unpackPivots: unpackPivots, node: "LuUnpackBackward0")
    }

    private static func luUnpack(_ packed: Tensor, _ pivots: Tensor, unpackData: Bool, unpackPivots: Bool,
                                 node: String?) throws -> (p: Tensor, l: Tensor, u: Tensor) {
        guard pivots.dtype == .int32 else {
            throw TorchError.runtime("torch.lu_unpack: LU_pivots is expected to be a contiguous tensor of torch.int32 dtype.\nNote: this function is intended to be used with the output produced by torch.linalg.lu_factor")
        }
        try packed.checkMatrices("torch.lu_unpack", square: false, name: "LU_data")
        let (m, n, _) = packed.matrixLayout
        let k = Swift.min(m, n)
        let empty = try Tensor(zeros: [0], dtype: packed.dtype)
        var l = empty, u = empty
        if unpackData {
            let rows = try packed.narrow(dim: -1, start: 0, length: k), top = try packed.narrow(dim: -2, start: 0, length: k)
            let unit = try Tensor.eye(m, k, dtype: packed.dtype)
            l = try rows.tril(-1).add(unit)
            u = try top.triu(0)
            if let node {
                l = notDifferentiable(l, node, from: [packed])
                u = notDifferentiable(u, node, from: [packed])
            }
        }
        guard unpackPivots else { return (empty, l, u) }
        guard pivots.shape == packed.batchShape + [k] else {
            throw TorchError.value("Expected LU_pivots to have shape \(Shape.sizeList(packed.batchShape + [k])) but got \(Shape.sizeList(pivots.shape)) instead.")
        }
        let swaps = try pivots.materialized(as: .int64).int64Values
        if swaps.contains(where: { $0 < 1 || $0 > m }) {
            throw TorchError.runtime("pivots passed to lu_unpack must be between 1 and LU.size(-2) inclusive.Did you properly pass the result of lu_factor?")
        }
        var ones: [Double] = []
        ones.reserveCapacity(Shape.count(packed.batchShape) * m * m)
        for b in 0..<Shape.count(packed.batchShape) {
            var order = Array(0..<m)
            for i in 0..<k {
                order.swapAt(i, Int(swaps[b * k + i]) - 1)
            }
            // Row j of L U is row order[j] of A, so A = P L U with a one at (order[j], j).
            var matrix = [Double](repeating: 0, count: m * m)
            for j in 0..<m { matrix[order[j] * m + j] = 1 }
            ones += matrix
        }
        let p = try Tensor.holding(ones, shape: packed.batchShape + [m, m], dtype: .float64).to(packed.dtype)
        return (p, l, u)
    }

    /// `linalg.lu_solve(LU, pivots, B, left, adjoint)`: X with A X = B (Aᴴ X = B with `adjoint`,
    /// X A = B without `left`), A given by `lu_factor`'s output; batch dimensions broadcast.
    public static func luSolve(_ packed: Tensor, _ pivots: Tensor, _ b: Tensor, left: Bool, adjoint: Bool) throws -> Tensor {
        try packed.checkMatrices("linalg.lu_solve", square: true, name: "LU")
        try b.checkMatrices("linalg.lu_solve", square: false, name: "B")
        guard packed.dtype == b.dtype else {
            throw TorchError.runtime("linalg.lu_solve: Expected LU and B to have the same dtype, but found LU of type \(packed.dtype.scalarTypeName) and B of type \(b.dtype.scalarTypeName) instead")
        }
        guard pivots.dtype == .int32 else {
            throw TorchError.runtime("linalg.lu_solve: pivots should be a Tensor of scalar type torch.int32")
        }
        let n = packed.shape[packed.rank - 1]
        let (rowsB, columnsB) = (b.shape[b.rank - 2], b.shape[b.rank - 1])
        guard (left ? rowsB : columnsB) == n else {
            let equation = left ? "AX = B" : "XA = B"
            throw TorchError.runtime("linalg.lu_solve: Incompatible shapes of A and B for the equation \(equation) (\(n)x\(n) and \(rowsB)x\(columnsB))")
        }
        // X A = B is Aᵀ Xᵀ = Bᵀ: solved on the transposes, with the adjoint flag flipped.
        let rhs = left ? b : try b.matrixTranspose
        let transposedSystem = left ? adjoint : !adjoint
        let k = rhs.shape[rhs.rank - 1]
        let batch = try Shape.broadcast(try Shape.broadcast(packed.batchShape, pivots.shape.dropLast().map { $0 }), rhs.batchShape)
        let factors = try packed.expand(batch + [n, n]), rightSides = try rhs.expand(batch + [n, k])
        let swaps = try pivots.expand(batch + [n]).materialized(as: .int64).int64Values
        if swaps.contains(where: { $0 < 1 }) {
            throw TorchError.runtime("Pivots given to lu_solve must all be greater or equal to 1. Did you properly pass the result of lu_factor?")
        }
        if swaps.contains(where: { $0 > n }) {
            throw TorchError.runtime("Pivots given to lu_solve must all be smaller or equal to LU.size(-2). Did you properly pass the result of lu_factor?")
        }
        func solveAll<T: FloatElement>(_: T.Type) throws -> Tensor {
            var columns: [[T]] = []
            try rightSides.forEachMatrix(T.self) { _, matrix in columns.append(matrix) }
            var out: [T] = []
            out.reserveCapacity(Shape.count(batch) * n * k)
            try factors.forEachMatrix(T.self) { index, matrix in
                var x = columns[index]
                let rowSwaps = (0..<n).map { Int(swaps[index * n + $0]) - 1 }
                DenseFactorizations.luSolve(matrix, pivots: rowSwaps, n: n, &x, columns: k, transposed: transposedSystem)
                out += x
            }
            return try Tensor.holding(out, shape: batch + [n, k], dtype: b.dtype)
        }
        let solved = try b.withFloatElements({ try solveAll(Float.self) }, { try solveAll(Double.self) })
        let x = left ? solved : try solved.matrixTranspose
        return notDifferentiable(x, "LinalgLuSolveBackward0", from: [packed, b])
    }

    /// `out` recorded as `node` when one of `inputs` requires grad, with a backward that raises:
    /// grad does not differentiate the LU ops.
    private static func notDifferentiable(_ out: Tensor, _ node: String, from inputs: [Tensor]) -> Tensor {
        out.record(node, inputs: inputs) { _, _ in
            throw TorchError.notImplemented("\(node): the derivative of the LU factorization ops is not implemented in grad")
        }
    }

    /// An int32 tensor of `shape` holding `values`.
    fileprivate static func int32s(_ values: [Int32], shape: [Int]) throws -> Tensor {
        let storage = try Storage.make(dtype: .int32, uninitializedCount: values.count)
        _ = UnsafeMutableBufferPointer(start: storage.pointer(Int32.self), count: values.count).initialize(from: values)
        return Tensor(storage: storage, shape: shape)
    }
}
