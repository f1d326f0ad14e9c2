/// What the `torch.linalg` ops share: PyTorch's input checks with its messages, and the loop over
/// a batch of matrices (the leading dimensions) that feeds `DenseFactorizations` one matrix at a time.
extension Tensor {
    /// PyTorch's checks in its order: at least two dimensions, square matrices when `square`,
    /// a floating dtype. `op` starts each message (`linalg.inv`).
    func checkLinalgInput(_ op: String, square: Bool) throws {
        try checkMatrices(op, square: square)
        guard dtype.isFloatingPoint else {
            throw TorchError.notImplemented("\(op): Expected a floating point or complex tensor as input. Got \(dtype.scalarTypeName)")
        }
    }

    /// The dimension checks of `checkLinalgInput` alone.
    func checkMatrices(_ op: String, square: Bool, name: String = "A") throws {
        guard rank >= 2 else { throw TorchError.runtime("\(op): The input tensor \(name) must have at least 2 dimensions.") }
        if square && shape[rank - 1] != shape[rank - 2] {
            throw TorchError.runtime("\(op): A must be batches of square matrices, but they are \(shape[rank - 2]) by \(shape[rank - 1]) matrices")
        }
    }

    /// The matrices' shape (rows, columns) and how many there are.
    var matrixLayout: (rows: Int, columns: Int, count: Int) {
        let rows = shape[rank - 2], columns = shape[rank - 1]
        return (rows, columns, rows * columns == 0 ? Shape.count(shape.dropLast(2)) : numel / (rows * columns))
    }

    /// The leading (batch) dimensions.
    var batchShape: [Int] { Array(shape.dropLast(2)) }

    /// Each matrix of the batch in turn, row-major, as an array of `T` (the tensor's element type).
    func forEachMatrix<T: FloatElement>(_: T.Type, _ body: (_ index: Int, _ matrix: [T]) throws -> Void) throws {
        let contiguous = try materialized()
        let (rows, columns, count) = matrixLayout
        let size = rows * columns
        try withExtendedLifetime(contiguous) {
            let start = contiguous.storage.pointer(T.self) + contiguous.offset
            for b in 0..<count { try body(b, Array(UnsafeBufferPointer(start: start + b * size, count: size))) }
        }
    }

    /// PyTorch factors a row-major (contiguous) matrix as the column-major matrix LAPACK sees in
    /// the same memory, its transpose; `luFactor` of what PyTorch factors, and whether that is Aᵀ.
    func luOfStoredMatrix<T: FloatElement>(_ a: [T], n: Int) -> (lu: [T], pivots: [Int], info: Int, transposed: Bool) {
        let transposed = isContiguous
        var lu = transposed ? DenseFactorizations.transposed(a, rows: n, columns: n) : a
        let (pivots, info) = DenseFactorizations.luFactor(&lu, rows: n, columns: n)
        return (lu, pivots, info, transposed)
    }

    /// A new contiguous tensor holding `values` (row-major) in `shape`.
    static func holding<T: FloatElement>(_ values: [T], shape: [Int], dtype: DType) throws -> Tensor {
        let storage = try Storage.make(dtype: dtype, uninitializedCount: values.count)
        _ = UnsafeMutableBufferPointer(start: storage.pointer(T.self), count: values.count).initialize(from: values)
        return Tensor(storage: storage, shape: shape)
    }

    /// `body` with the element type of this floating-point tensor.
    func withFloatElements<R>(_ float: () throws -> R, _ double: () throws -> R) rethrows -> R {
        dtype == .float32 ? try float() : try double()
    }

    /// The matrix transpose of the last two dimensions (`mT`).
    public var matrixTranspose: Tensor {
        get throws { try transpose(-2, -1) }
    }

    /// PyTorch's prefix for an error about one matrix of a batch: "(Batch element 1): ", or
    /// nothing for a single matrix.
    func batchPrefix(_ index: Int) -> String {
        rank > 2 ? "(Batch element \(index)): " : ""
    }
}

extension TorchError {
    /// `torch.linalg.LinAlgError` (a RuntimeError): a matrix the factorization cannot handle.
    static func linalg(_ message: String) -> TorchError { TorchError(.linalgError, message) }
}
