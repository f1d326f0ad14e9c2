/// `nll_loss` for one sample (input [C], target 0-dim), a batch (input [N, C], target [N]) or
/// a batch of maps (input [N, C, H, W], target [N, H, W]: PyTorch's `nll_loss2d`), as PyTorch's
/// CPU loops compute them: the reduced loss is summed through the same cascade of partial sums
/// over (sample, position), so values agree to the bit; recorded as `NllLossBackward0` (or
/// `NllLoss2DBackward0`), whose formula writes `weight[t] · -(grad / total_weight)` at each target.
extension Tensor {
    public func nllLoss(_ target: Tensor, weight: Tensor?, reduction: LossReduction, ignoreIndex: Int) throws -> Tensor {
        let classes = try checkNLLLoss(target, weight: weight)
        // A row is one (sample, position) pair; positions are the H·W map of a 4-D input.
        let positions = rank == 4 ? shape[2] * shape[3] : 1
        let rows = rank == 1 ? 1 : shape[0] * positions
        var targets = [Int](), kept = [Bool]()
        for row in 0..<rows {
            let t = Int(target.element(atFlat: row).int64Value)
            if t != ignoreIndex && !(0..<classes).contains(t) { throw TorchError.index("Target \(t) is out of bounds.") }
            targets.append(t)
            kept.append(t != ignoreIndex)
        }
        // The picked inputs and their weights, and where they sit (for the backward formula).
        var picked = [Double](repeating: 0, count: rows), weights = [Double](repeating: 1, count: rows)
        var positionFlags = [NestedData](repeating: .scalar(.bool(false)), count: numel)
        var weightEntries = [NestedData](repeating: .scalar(.double(0)), count: numel)
        for row in 0..<rows where kept[row] {
            let (sample, position) = row.quotientAndRemainder(dividingBy: positions)
            let flat = (sample * classes + targets[row]) * positions + position
            picked[row] = element(atFlat: flat).doubleValue
            if let weight { weights[row] = weight.element(atFlat: targets[row]).doubleValue }
            positionFlags[flat] = .scalar(.bool(true))
            weightEntries[flat] = .scalar(.double(weights[row]))
        }
        let targetPlaces = try Tensor.from(.list(positionFlags), dtype: .bool).view(shape)
        let weightAt = try Tensor.from(.list(weightEntries), dtype: dtype).view(shape)
        let out: Tensor, totalWeight: Double
        let cascade = dtype == .float32
            ? NLLCascade<Float>.sums(picked, weights: weight == nil ? nil : weights, kept: kept)
            : NLLCascade<Double>.sums(picked, weights: weight == nil ? nil : weights, kept: kept)
        let perRow = reduction == .none && rank >= 2
        if perRow {
            totalWeight = 0
            out = try Tensor.from(.list(cascade.rowLosses.map { .scalar(.double($0)) }), dtype: dtype).view(target.shape)
        } else {
            totalWeight = cascade.totalWeight
            out = try Tensor.full([], .double(reduction == .mean ? cascade.meanLoss : cascade.loss), dtype: dtype)
        }
        return out.record(rank == 4 ? "NllLoss2DBackward0" : "NllLossBackward0", inputs: [self],
                          saving: { (positions: $0.keep(targetPlaces), weightAt: $0.keep(weightAt), totalWeight: totalWeight,
                                          mean: reduction == .mean, perRow: perRow) }) { ctx, saved in
            let coefficient: Tensor
            if saved.perRow {
                coefficient = try ctx.grad.neg().unsqueeze(1)
            } else if saved.mean {
                coefficient = try ctx.grad.div(Tensor.full([], .double(saved.totalWeight), dtype: ctx.grad.dtype)).neg()
            } else {
                coefficient = try ctx.grad.neg()
            }
            return [try Tensor.where(saved.positions, saved.weightAt.mul(coefficient), Tensor.wrapping(.int(0)))]
        }
    }

    /// PyTorch's checks, in its order; returns the number of classes.
    private func checkNLLLoss(_ target: Tensor, weight: Tensor?) throws -> Int {
        if rank < 1 { throw TorchError.value("Expected 1 or more dimensions (got \(rank))") }
        // A 0-dim target counts as a batch of 0 here, as PyTorch reads its sizes.
        let targetBatch = target.rank == 0 ? 0 : target.shape[0]
        if rank != 1 && shape[0] != targetBatch {
            throw TorchError.value("Expected input batch_size (\(shape[0])) to match target batch_size (\(targetBatch)).")
        }
        let classes = rank == 4 ? shape[1] : shape[rank - 1]
        if rank == 4 {
            guard target.rank == 3 else {
                throw TorchError.runtime("only batches of spatial targets supported (3D tensors) but got targets of dimension: \(target.rank)")
            }
            if let weight, weight.numel != classes { throw TorchError.runtime("weight tensor should be defined either for all or no classes") }
            guard target.shape == [shape[0], shape[2], shape[3]] else {
                throw TorchError.runtime("size mismatch (got input: \(Shape.sizeList(shape)) , target: \(Shape.sizeList(target.shape))")
            }
        }
        guard rank <= 2 || rank == 4 else { throw TorchError.runtime("input tensor should be 1D or 2D") }
        guard target.rank <= 1 || rank == 4 else { throw TorchError.runtime("0D or 1D target tensor expected, multi-target not supported") }
        if let weight, weight.numel != classes {
            throw TorchError.runtime("weight tensor should be defined either for all \(classes) classes or no classes but got weight tensor of shape: \(Shape.sizeList(weight.shape))")
        }
        guard target.dtype == .int64 || target.dtype == .uint8 else {
            throw TorchError.runtime("expected target dtype to be Long or Byte, but got \(target.dtype.scalarTypeName)")
        }
        guard dtype == .float32 || dtype == .float64 else {
            throw TorchError.notImplemented("\"nll_loss_out_frame\" not implemented for '\(dtype.scalarTypeName)'")
        }
        if let weight, weight.dtype != dtype {
            throw TorchError.runtime("expected scalar type \(dtype.scalarTypeName) but found \(weight.dtype.scalarTypeName)")
        }
        return classes
    }
}

/// The reduced loss in the element type `T`: PyTorch sums the rows into eight levels of partial
/// sums, carrying each level into the next every 16 rows, then adds the levels in order.
private enum NLLCascade<T: BinaryFloatingPoint> {
    static func sums(_ picked: [Double], weights: [Double]?, kept: [Bool])
        -> (loss: Double, meanLoss: Double, totalWeight: Double, rowLosses: [Double]) {
        let levels = 8, levelPower = max(4, ceilLog2(picked.count) / levels)
        let levelMask = (1 << levelPower) - 1
        var lossSums = [T](repeating: 0, count: levels), weightSums = [T](repeating: 0, count: levels)
        var ignored = 0
        // Unreduced: -input[row, target] · weight, 0 for ignored rows.
        let rowLosses = picked.indices.map { kept[$0] ? Double(-T(picked[$0]) * T(weights?[$0] ?? 1)) : 0 }
        for row in picked.indices {
            guard kept[row] else {
                ignored += 1
                continue
            }
            let data = T(picked[row])
            if let weights {
                let w = T(weights[row])
                lossSums[0] -= data * w
                weightSums[0] += w
            } else {
                lossSums[0] -= data
            }
            for j in 0..<(levels - 1) {
                if row & (levelMask << (j * levelPower)) != 0 { break }
                weightSums[j + 1] += weightSums[j]
                lossSums[j + 1] += lossSums[j]
                weightSums[j] = 0
                lossSums[j] = 0
            }
        }
        let total = weights == nil ? T(picked.count - ignored) : weightSums.reduce(0, +)
        let loss = lossSums.reduce(0, +)
        return (Double(loss), Double(loss / total), Double(total), rowLosses)
    }

    /// c10's `CeilLog2`.
    private static func ceilLog2(_ x: Int) -> Int {
        x <= 2 ? 1 : Int.bitWidth - (x - 1).leadingZeroBitCount
    }
}
