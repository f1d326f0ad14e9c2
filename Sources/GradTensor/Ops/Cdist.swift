import Foundation

/// `cdist`: the p-distance between each row of `x1` and each row of `x2` (batched). For p = 2
/// PyTorch picks one of two computations, and so does this: the matrix-product form
/// `sqrt(max(0, |a|² - 2a·b + |b|²))` (EuclideanDistBackward0, under a view) when asked, or by
/// default when either side has more than 25 rows; else the direct sum over the columns
/// (CdistBackward0), which every other p takes too.
extension Tensor {
    public enum CdistMode: Int, Sendable {
        case matrixProductIfLarge = 0, matrixProduct = 1, direct = 2
    }

    public static func cdist(_ x1: Tensor, _ x2: Tensor, p: Double, mode: CdistMode) throws -> Tensor {
        guard x1.rank >= 2 else { throw TorchError.runtime("cdist only supports at least 2D tensors, X1 got: \(x1.rank)D") }
        guard x2.rank >= 2 else { throw TorchError.runtime("cdist only supports at least 2D tensors, X2 got: \(x2.rank)D") }
        let columns = x1.shape[x1.rank - 1]
        guard columns == x2.shape[x2.rank - 1] else {
            throw TorchError.runtime("X1 and X2 must have the same number of columns. X1: \(columns) X2: \(x2.shape[x2.rank - 1])")
        }
        guard x1.dtype.isFloatingPoint else { throw TorchError.runtime("cdist only supports floating-point dtypes, X1 got: \(x1.dtype.scalarTypeName)") }
        guard x2.dtype.isFloatingPoint else { throw TorchError.runtime("cdist only supports floating-point dtypes, X2 got: \(x2.dtype.scalarTypeName)") }
        guard p >= 0 else { throw TorchError.runtime("cdist only supports non-negative p values") }
        let (r1, r2) = (x1.shape[x1.rank - 2], x2.shape[x2.rank - 2])
        let batch = try Shape.broadcast(Array(x1.shape.dropLast(2)), Array(x2.shape.dropLast(2)))
        let a = try x1.expand(batch + [r1, columns]), b = try x2.expand(batch + [r2, columns])
        let useProduct = p == 2 && x1.numel > 0 && x2.numel > 0
            && (mode == .matrixProduct || (mode == .matrixProductIfLarge && (r1 > 25 || r2 > 25)))
        if useProduct { return try euclideanByProduct(a, b).view(batch + [r1, r2]) }
        return try cdistDirect(a, b, p: p)
    }

    /// `_euclidean_dist`: |a|² and |b|² joined to -2a and b so one matrix product sums the three
    /// terms; clamped at 0, then the square root (EuclideanDistBackward0).
    private static func euclideanByProduct(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let result = try GradMode.with(enabled: false) { () -> Tensor in
            let (a, b) = (a.detach(), b.detach())
            let aSquares = try a.pow(.wrapping(.int(2))).sum(dims: [-1], keepdim: true)
            let bSquares = try b.pow(.wrapping(.int(2))).sum(dims: [-1], keepdim: true)
            let left = try Tensor.cat([a.mul(.wrapping(.int(-2))), aSquares, Tensor.onesLike(aSquares)], dim: -1)
            let right = try Tensor.cat([b, Tensor.onesLike(bSquares), bSquares], dim: -1)
            return try left.matmul(right.transpose(-2, -1)).clampMin(.int(0)).sqrt()
        }
        return result.record("EuclideanDistBackward0", inputs: [a, b], savesOutput: true,
                             saving: { (a: $0.slot(a), b: $0.slot(b)) }) { ctx, saved in
            let (a, b) = (try ctx.saved(saved.a), try ctx.saved(saved.b))
            let distances = ctx.output
            let zero = try Tensor.wrapping(.int(0))
            let ratio = try ctx.grad.div(distances).maskedFill(distances.eq(zero), zero)
            return [ctx.needs(0) ? try a.mul(ratio.sum(dims: [-1], keepdim: true)).sub(ratio.matmul(b)) : nil,
                    ctx.needs(1) ? try b.mul(ratio.sum(dims: [-2]).unsqueeze(-1)).sub(ratio.transpose(-2, -1).matmul(a)) : nil]
        }
    }

    /// The direct form: each pair's |a - b| mapped and summed column by column (CdistBackward0).
    private static func cdistDirect(_ a: Tensor, _ b: Tensor, p: Double) throws -> Tensor {
        let dtype = TypePromotion.resultType(a, b)
        let (left, right) = (try a.materialized(as: dtype.computeType), try b.materialized(as: dtype.computeType))
        let out: Tensor
        switch dtype.computeType {
        case .float64: out = try pairDistances(left, right, p: p, Double.self)
        default: out = try pairDistances(left, right, p: p, Float.self)
        }
        let result = try out.narrowed(to: dtype)
        return result.record("CdistBackward0", inputs: [a, b], savesOutput: true,
                             saving: { (a: $0.slot(a), b: $0.slot(b), p: p) }) { ctx, saved in
            let (a, b, grad, distances) = (try ctx.saved(saved.a), try ctx.saved(saved.b), ctx.grad, ctx.output)
            // x2's gradient is x1's formula with the roles swapped, as PyTorch computes it.
            return [ctx.needs(0) ? try cdistGradient(a, b, grad: grad, distances: distances, p: saved.p) : nil,
                    ctx.needs(1) ? try cdistGradient(b, a, grad: grad.transpose(-2, -1), distances: distances.transpose(-2, -1), p: saved.p) : nil]
        }
    }

    /// The gradient reaching the rows `x` of their distances to the rows `y`: each pair's share
    /// summed over `y`'s rows.
    private static func cdistGradient(_ x: Tensor, _ y: Tensor, grad: Tensor, distances: Tensor, p: Double) throws -> Tensor {
        let difference = try x.unsqueeze(-2).sub(y.unsqueeze(-3))
        return try difference.cdistGradientTerms(grad.unsqueeze(-1), distances: distances.unsqueeze(-1), p: p).sum(dims: [-2])
    }

    /// Each pair's and column's share of the gradient, `self` being the differences a - b.
    private func cdistGradientTerms(_ grad: Tensor, distances: Tensor, p: Double) throws -> Tensor {
        let zero = try Tensor.wrapping(.int(0))
        if p == 0 { return try mul(zero) }
        if p == 1 { return try sign().mul(grad) }
        if p == .infinity { return try sign().mul(abs().eq(distances)).mul(grad) }
        // PyTorch's kernel: grad · diff / dist for p = 2, diff |diff|^(p-2) · grad / dist^(p-1)
        // otherwise (sgn(diff) |diff|^(p-1) below 2), zero where the distance is.
        let share: Tensor
        if p == 2 {
            share = try grad.mul(self).div(distances)
        } else {
            let direction = p < 2 ? try sign().mul(abs().pow(.wrapping(.double(p - 1)))) : try mul(abs().pow(.wrapping(.double(p - 2))))
            share = try direction.mul(grad).div(distances.pow(.wrapping(.double(p - 1))))
        }
        let vanishes = p < 1 ? try distances.eq(zero).logicalOr(eq(zero)) : try distances.eq(zero)
        return try Tensor.where(vanishes, zero, share)
    }

    private static func pairDistances<T: CascadeElement>(_ a: Tensor, _ b: Tensor, p: Double, _: T.Type) throws -> Tensor {
        let (r1, r2, m) = (a.shape[a.rank - 2], b.shape[b.rank - 2], a.shape[a.rank - 1])
        let batches = r1 * m == 0 ? Shape.count(Array(a.shape.dropLast(2))) : a.numel / (r1 * m)
        let out = try Tensor.zeros(Array(a.shape.dropLast(2)) + [r1, r2], dtype: T.dtype)
        let order = T(p)
        withExtendedLifetime((a, b)) {
            let (x, y, dst) = (a.storage.pointer(T.self) + a.offset, b.storage.pointer(T.self) + b.offset, out.storage.pointer(T.self))
            for batch in 0..<batches {
                for i in 0..<r1 {
                    for j in 0..<r2 {
                        let (u, v) = (x + (batch * r1 + i) * m, y + (batch * r2 + j) * m)
                        var total: T = 0
                        for k in 0..<m {
                            let d = Swift.abs(u[k] - v[k])
                            switch p {
                            case 0: total += d == 0 ? 0 : 1
                            case 1: total += d
                            case 2: total = total.addingProduct(d, d)  // the multiply-add PyTorch's build fuses
                            case .infinity: total = Swift.max(total, d)
                            default: total += T.cPow(d, order)
                            }
                        }
                        if p == 2 { total = total.squareRoot() } else if p != 0 && p != 1 && p != .infinity {
                            // `1.0 / p` is a double in PyTorch's kernel, so this power is taken in double.
                            total = T(Foundation.pow(Double(total), 1 / p))
                        }
                        dst[(batch * r1 + i) * r2 + j] = total
                    }
                }
            }
        }
        return out
    }
}
