/// `beta · input + alpha · product` for the products besides `addmm`: `addmv` (matrix · vector),
/// `addr` (outer product), `baddbmm` (batches of matrices) and `addbmm` (their sum), each one
/// node with PyTorch's backward. Values are composed of grad's own products as PyTorch composes
/// them (measured: `addmv` is beta · input and alpha · mv each rounded, then added; `addr` has
/// its own kernel, below), so they are as exact as grad's `mv`, `bmm` and `addmm`.
extension Tensor {
    /// `addmv(input, mat, vec, beta, alpha)`.
    public static func addmv(_ input: Tensor, _ mat: Tensor, _ vec: Tensor, beta: Scalar? = nil, alpha: Scalar? = nil) throws -> Tensor {
        guard mat.rank == 2 && vec.rank == 1 else {
            throw TorchError.runtime("vector + matrix @ vector expected, got \(input.rank), \(mat.rank), \(vec.rank)")
        }
        guard mat.shape[1] == vec.shape[0] && (input.numel == mat.shape[0] || input.numel == 1) && input.rank <= 1 else {
            throw TorchError.runtime("size mismatch, got input (\(input.shape.first ?? 1)), mat (\(mat.shape[0])x\(mat.shape[1])), vec (\(vec.shape[0]))")
        }
        guard input.dtype == mat.dtype && mat.dtype == vec.dtype else {
            throw TorchError.runtime("addmv input tensors must have the same dtype, but got \(input.dtype.scalarTypeName), \(mat.dtype.scalarTypeName), and \(vec.dtype.scalarTypeName)")
        }
        let (beta, alpha) = (integral(beta, mat.dtype), integral(alpha, mat.dtype))
        let product = try GradMode.with(enabled: false) { try mat.detach().mv(vec.detach()) }
        let out = try scaledSum(try input.detach().expand(product.shape), product, beta: beta, alpha: alpha)
        return out.record("AddmvBackward0", inputs: [input, mat, vec],
                          saving: { (mat: $0.slot(mat), vec: $0.slot(vec), beta: beta, alpha: alpha) }) { ctx, saved in
            [try scaledGrad(ctx, 0, ctx.grad, saved.beta, summedTo: ctx.inputShape(0)),
             try scaledGrad(ctx, 1, { try ctx.grad.outer(try ctx.saved(saved.vec)) }, saved.alpha),
             try scaledGrad(ctx, 2, { try ctx.saved(saved.mat).t().mv(ctx.grad) }, saved.alpha)]
        }
    }

    /// `addr(input, vec1, vec2, beta, alpha)`: as PyTorch's CPU kernel rounds it, along each row
    /// in blocks of 16 floats (8 doubles) with one fused multiply-add,
    /// `fma(alpha·vec1[i], vec2[j], beta·input)`, and in the row's tail
    /// `fma(beta, input, (alpha·vec1[i])·vec2[j])`; only the product when beta is 0.
    public static func addr(_ input: Tensor, _ vec1: Tensor, _ vec2: Tensor, beta: Scalar? = nil, alpha: Scalar? = nil) throws -> Tensor {
        for (name, t) in [("vec1", vec1), ("vec2", vec2)] where t.rank != 1 {
            throw TorchError.runtime("addr: Expected 1-D argument \(name), but got \(t.rank)-D")
        }
        let (beta, alpha) = (integral(beta, vec1.dtype), integral(alpha, vec1.dtype))
        let shape = [vec1.shape[0], vec2.shape[0]]
        let c = try input.detach().expand(shape)
        let out: Tensor
        switch vec1.dtype {
        case .float32 where vec2.dtype == .float32 && input.dtype == .float32:
            out = try outerKernel(c, vec1, vec2, beta: Float(beta?.doubleValue ?? 1), alpha: Float(alpha?.doubleValue ?? 1), block: 16)
        case .float64 where vec2.dtype == .float64 && input.dtype == .float64:
            out = try outerKernel(c, vec1, vec2, beta: beta?.doubleValue ?? 1, alpha: alpha?.doubleValue ?? 1, block: 8)
        default:
            let product = try GradMode.with(enabled: false) { try vec1.detach().outer(vec2.detach()) }
            out = try scaledSum(c, product, beta: beta, alpha: alpha)
        }
        return out.record("AddrBackward0", inputs: [input, vec1, vec2],
                          saving: { (vec1: $0.slot(vec1), vec2: $0.slot(vec2), beta: beta, alpha: alpha) }) { ctx, saved in
            [try scaledGrad(ctx, 0, ctx.grad, saved.beta, summedTo: ctx.inputShape(0)),
             try scaledGrad(ctx, 1, { try ctx.grad.mv(try ctx.saved(saved.vec2)) }, saved.alpha),
             try scaledGrad(ctx, 2, { try ctx.grad.t().mv(try ctx.saved(saved.vec1)) }, saved.alpha)]
        }
    }

    /// `baddbmm(input, batch1, batch2, beta, alpha)`: PyTorch's small-product kernel (fewer
    /// than 400 multiply-adds per matrix) scales the finished sums; larger ones are an
    /// `addmm` per matrix.
    public static func baddbmm(_ input: Tensor, _ batch1: Tensor, _ batch2: Tensor, beta: Scalar? = nil, alpha: Scalar? = nil) throws -> Tensor {
        let (beta, alpha) = (integral(beta, batch1.dtype), integral(alpha, batch1.dtype))
        // PyTorch broadcasts the input before it checks the batches.
        if batch1.rank >= 2 && batch2.rank >= 3 {
            _ = try input.detach().expand([batch1.shape[0], batch1.shape[1], batch2.shape[2]])
        }
        let product = try GradMode.with(enabled: false) { try batch1.detach().bmm(batch2.detach()) }
        let c = try input.detach().expand(product.shape)
        let out: Tensor
        if batch1.shape[2] &* batch1.shape[1] &* batch2.shape[2] < 400 {
            out = try scaledSum(c, product, beta: beta, alpha: alpha)
        } else {
            out = try GradMode.with(enabled: false) {
                try Tensor.stack(try (0..<product.shape[0]).map { i in
                    try addmm(c.select(dim: 0, index: i), batch1.detach().select(dim: 0, index: i),
                              batch2.detach().select(dim: 0, index: i), beta: beta, alpha: alpha)
                })
            }
        }
        return out.record("BaddbmmBackward0", inputs: [input, batch1, batch2],
                          saving: { (b1: $0.slot(batch1), b2: $0.slot(batch2), beta: beta, alpha: alpha) }) { ctx, saved in
            [try scaledGrad(ctx, 0, ctx.grad, saved.beta, summedTo: ctx.inputShape(0)),
             try scaledGrad(ctx, 1, { try ctx.grad.bmm(try ctx.saved(saved.b2).transpose(1, 2)) }, saved.alpha),
             try scaledGrad(ctx, 2, { try ctx.saved(saved.b1).transpose(1, 2).bmm(ctx.grad) }, saved.alpha)]
        }
    }

    /// `addbmm(input, batch1, batch2, beta, alpha)`: `beta · input` (zeros when beta is 0), then
    /// each matrix's product added by `addmm`, in batch order, as PyTorch sums them.
    public static func addbmm(_ input: Tensor, _ batch1: Tensor, _ batch2: Tensor, beta: Scalar? = nil, alpha: Scalar? = nil) throws -> Tensor {
        // PyTorch broadcasts the input before it checks the batches.
        if batch1.rank >= 2 && batch2.rank >= 3 { _ = try input.detach().expand([batch1.shape[1], batch2.shape[2]]) }
        guard batch1.rank == 3 else { throw TorchError.runtime("batch1 must be a 3D tensor") }
        guard batch2.rank == 3 else { throw TorchError.runtime("batch2 must be a 3D tensor") }
        let (beta, alpha) = (integral(beta, batch1.dtype), integral(alpha, batch1.dtype))
        let (batches, rows, columns) = (batch1.shape[0], batch1.shape[1], batch2.shape[2])
        if batch2.shape[0] != batches {
            throw TorchError.runtime("batch1 and batch2 must have same number of batches, got \(batches) and \(batch2.shape[0])")
        }
        if batch1.shape[2] != batch2.shape[1] {
            throw TorchError.runtime("Incompatible matrix sizes for bmm (\(rows)x\(batch1.shape[2]) and \(batch2.shape[1])x\(columns))")
        }
        let start = try input.detach().expand([rows, columns])
        let out = try GradMode.with(enabled: false) {
            var sum = beta?.doubleValue == 0 ? try Tensor(zeros: [rows, columns], dtype: batch1.dtype)
                                             : try beta.map { try start.mul(.wrapping($0)) } ?? start.contiguous()
            for i in 0..<batches {
                sum = try addmm(sum, batch1.detach().select(dim: 0, index: i), batch2.detach().select(dim: 0, index: i), alpha: alpha)
            }
            return sum
        }
        return out.record("AddbmmBackward0", inputs: [input, batch1, batch2],
                          saving: { (b1: $0.slot(batch1), b2: $0.slot(batch2), beta: beta, alpha: alpha) }) { ctx, saved in
            let spread = { try ctx.grad.unsqueeze(0).expand([ctx.inputShape(1)[0], ctx.grad.shape[0], ctx.grad.shape[1]]) }
            return [try scaledGrad(ctx, 0, ctx.grad, saved.beta, summedTo: ctx.inputShape(0)),
                    try scaledGrad(ctx, 1, { try spread().bmm(try ctx.saved(saved.b2).transpose(1, 2)) }, saved.alpha),
                    try scaledGrad(ctx, 2, { try ctx.saved(saved.b1).transpose(1, 2).bmm(try spread()) }, saved.alpha)]
        }
    }

    /// Integer tensors take the scales as integers (PyTorch truncates 0.5 to 0).
    private static func integral(_ scale: Scalar?, _ dtype: DType) -> Scalar? {
        guard let scale, case .double = scale, !dtype.isFloatingPoint else { return scale }
        return .int(scale.int64Value)
    }

    /// `beta · input + alpha · product`, each scale skipped when nil or 1, the input left out
    /// (NaNs included) when beta is 0.
    private static func scaledSum(_ input: Tensor, _ product: Tensor, beta: Scalar?, alpha: Scalar?) throws -> Tensor {
        try GradMode.with(enabled: false) {
            let scaled = try alpha.map { $0.doubleValue == 1 ? product : try product.mul(.wrapping($0)) } ?? product
            if beta?.doubleValue == 0 { return scaled }
            let start = try beta.map { $0.doubleValue == 1 ? input : try input.mul(.wrapping($0)) } ?? input
            return try start.add(scaled)
        }
    }

    /// Input `index`'s gradient, `grad` times `scale` (PyTorch's `maybe_multiply`), or nil when
    /// not needed; summed back over a broadcast to `shape` when given.
    private static func scaledGrad(_ ctx: BackwardContext, _ index: Int, _ grad: @autoclosure () throws -> Tensor,
                                   _ scale: Scalar?, summedTo shape: [Int]? = nil) throws -> Tensor? {
        guard ctx.needs(index) else { return nil }
        var g = try grad()
        if let scale, scale.doubleValue != 1 { g = try g.mul(.wrapping(scale)) }
        return try shape.map { try g.sumToShape($0) } ?? g
    }

    private static func scaledGrad(_ ctx: BackwardContext, _ index: Int, _ grad: () throws -> Tensor, _ scale: Scalar?) throws -> Tensor? {
        try scaledGrad(ctx, index, try grad(), scale)
    }

    /// `addr`'s CPU kernel over float or double (see `addr`): `block` elements per vector step.
    private static func outerKernel<T: BinaryFloatingPoint>(_ c: Tensor, _ vec1: Tensor, _ vec2: Tensor, beta: T, alpha: T, block: Int) throws -> Tensor {
        let (rows, columns) = (vec1.shape[0], vec2.shape[0])
        let (a, b, input) = (try vec1.materialized(), try vec2.materialized(), try c.contiguous())
        let out = try Tensor(zeros: [rows, columns], dtype: c.dtype)
        let vectorEnd = columns / block * block
        withExtendedLifetime((a, b, input)) {
            let pa = a.storage.pointer(T.self) + a.offset, pb = b.storage.pointer(T.self) + b.offset
            let pc = input.storage.pointer(T.self) + input.offset, po = out.storage.pointer(T.self)
            for i in 0..<rows {
                let scaledRow = alpha * pa[i]
                for j in 0..<columns {
                    let k = i &* columns &+ j
                    let product = scaledRow * pb[j]
                    if beta == 0 {
                        po[k] = product
                    } else if j < vectorEnd {
                        po[k] = (beta * pc[k]).addingProduct(scaledRow, pb[j])
                    } else {
                        po[k] = product.addingProduct(beta, pc[k])
                    }
                }
            }
        }
        return out
    }
}
