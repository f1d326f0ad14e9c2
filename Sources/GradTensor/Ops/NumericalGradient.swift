/// `torch.gradient`: derivatives estimated by central differences inside and one-sided
/// differences (first or second order) at the edges, along each dimension asked for, composed
/// in the steps of PyTorch's `gradient_helper` so the values and graph (CatBackward0) are its.
extension Tensor {
    /// The spacing of the samples along one dimension.
    public enum SampleSpacing {
        /// A constant distance between neighbours.
        case uniform(Double)
        /// The coordinates of the samples (1-D, one per sample).
        case coordinates(Tensor)
    }

    public func numericalGradient(spacings: [SampleSpacing], dims: [Int], edgeOrder: Int) throws -> [Tensor] {
        guard edgeOrder == 1 || edgeOrder == 2 else {
            throw TorchError.runtime("torch.gradient only supports edge_order=1 and edge_order=2.")
        }
        let wrapped = try dims.map { try Shape.wrapDim($0, rank: rank) }
        for d in wrapped where shape[d] < edgeOrder + 1 {
            throw TorchError.runtime("torch.gradient expected each dimension size to be at least edge_order+1")
        }
        return try zip(wrapped, spacings).map { d, spacing in
            switch spacing {
            case .uniform(let h): return try gradientAlong(d, uniform: h, edgeOrder: edgeOrder)
            case .coordinates(let x): return try gradientAlong(d, coordinates: x, edgeOrder: edgeOrder)
            }
        }
    }

    /// `self[start..<stop]` along `d`, negative bounds counted from the end.
    private func part(_ d: Int, _ start: Int, _ stop: Int? = nil) throws -> Tensor {
        let n = shape[d]
        let first = start < 0 ? start + n : start
        let last = stop.map { $0 < 0 ? $0 + n : $0 } ?? n
        return try narrow(dim: d, start: first, length: last - first)
    }

    private func gradientAlong(_ d: Int, uniform h: Double, edgeOrder: Int) throws -> Tensor {
        let center = try part(d, 2).sub(part(d, 0, -2)).div(scalar: .double(h))
        let first: Tensor, last: Tensor
        if edgeOrder == 1 {
            first = try part(d, 1, 2).sub(part(d, 0, 1)).div(scalar: .double(h))
            last = try part(d, -1).sub(part(d, -2, -1)).div(scalar: .double(h))
        } else {
            first = try part(d, 0, 1).mul(scalar: .double(-1.5)).add(part(d, 1, 2).mul(scalar: .int(2)))
                .sub(part(d, 2, 3).mul(scalar: .double(0.5))).div(scalar: .double(h))
            last = try part(d, -3, -2).mul(scalar: .double(0.5)).add(part(d, -2, -1).mul(scalar: .int(-2)))
                .add(part(d, -1).mul(scalar: .double(1.5))).div(scalar: .double(h))
        }
        return try Tensor.cat([first, center.div(scalar: .int(2)), last], dim: d)
    }

    private func gradientAlong(_ d: Int, coordinates x: Tensor, edgeOrder: Int) throws -> Tensor {
        let steps = try x.diff(n: 1, dim: 0)
        let (h1, h2) = (try steps.narrow(dim: 0, start: 0, length: steps.shape[0] - 1), try steps.narrow(dim: 0, start: 1, length: steps.shape[0] - 1))
        var lined = shape.map { _ in 1 }
        lined[d] = -1
        let a = try h2.neg().div(h1.mul(h1.add(h2))).reshape(lined)
        let b = try h2.sub(h1).div(h1.mul(h2)).reshape(lined)
        let c = try h1.div(h2.mul(h1.add(h2))).reshape(lined)
        let center = try a.mul(part(d, 0, -2)).add(b.mul(part(d, 1, -1))).add(c.mul(part(d, 2)))
        let (s0, s1) = (try steps.select(dim: 0, index: 0), try steps.select(dim: 0, index: 1))
        let (sLast, sBefore) = (try steps.select(dim: 0, index: -1), try steps.select(dim: 0, index: -2))
        let first: Tensor, last: Tensor
        if edgeOrder == 1 {
            first = try part(d, 1, 2).sub(part(d, 0, 1)).div(s0)
            last = try part(d, -1).sub(part(d, -2, -1)).div(sLast)
        } else {
            let both = try s0.add(s1)
            let (a0, b0) = (try s0.mul(scalar: .double(2)).add(s1).div(s0.mul(both)).neg(), try both.div(s0.mul(s1)))
            let c0 = try s0.neg().div(s1.mul(both))
            first = try a0.mul(part(d, 0, 1)).add(b0.mul(part(d, 1, 2))).add(c0.mul(part(d, 2, 3)))
            let bothEnd = try sLast.add(sBefore)
            let a1 = try sLast.div(sBefore.mul(bothEnd))
            let b1 = try bothEnd.div(sLast.mul(sBefore)).neg()
            let c1 = try sLast.mul(scalar: .int(2)).add(sBefore).div(sLast.mul(bothEnd))
            last = try a1.mul(part(d, -3, -2)).add(b1.mul(part(d, -2, -1))).add(c1.mul(part(d, -1)))
        }
        return try Tensor.cat([first, center, last], dim: d)
    }
}
