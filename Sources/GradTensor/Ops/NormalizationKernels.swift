/// The values of `layer_norm`, `group_norm` and `batch_norm`, and batch_norm's gradients, as
/// PyTorch's CPU kernels compute them (layer_norm_kernel.cpp, group_norm_kernel.cpp,
/// batch_norm_kernel.cpp): layer and group norm from each row's moments by `RowwiseMoments`, then
/// each kernel's own formula for the output. No node is recorded: the Python functions that call
/// these record theirs (NNNormalizationSource), and keep their composed route for the dtypes these
/// do not take (layer and group norm: float32 and float64; batch norm: float32).
extension Tensor {
    /// `native_layer_norm` over rows of the last `rowLength` elements (of a contiguous copy of
    /// this tensor): the output, and per row the mean and `1 / sqrt(var + eps)` (eps in the
    /// tensor's dtype), both of `statisticsShape`. The output is PyTorch's
    /// `(x - mean) * rstd * weight + bias` as GCC compiled it: fused into `fma((x - mean) * rstd,
    /// weight, bias)`, or `fma(x - mean, rstd, bias)` without a weight.
    public func layerNormForward(rowLength: Int, weight: Tensor?, bias: Tensor?, eps: Double,
                                 statisticsShape: [Int]) throws -> (output: Tensor, mean: Tensor, rstd: Tensor) {
        try checkNormalizationOperands(weight, bias, length: rowLength)
        // The rows are the statistics' elements: rows of no element have a mean of 0 and a NaN
        // rstd, as in PyTorch.
        let misfit = TorchError.runtime("layer_norm: rows of \(rowLength) elements and statistics of shape \(statisticsShape) do not fit a tensor of shape \(shape)")
        var rows = 1
        for extent in statisticsShape {
            let (product, overflow) = rows.multipliedReportingOverflow(by: extent)
            guard extent >= 0, !overflow else { throw misfit }
            rows = product
        }
        let (elements, overflow) = rowLength.multipliedReportingOverflow(by: rows)
        guard !overflow, elements == numel else { throw misfit }
        if dtype == .float64 { return try layerNormForward(Double.self, rows, rowLength, weight, bias, eps, statisticsShape) }
        return try layerNormForward(Float.self, rows, rowLength, weight, bias, eps, statisticsShape)
    }

    /// `native_group_norm` of a `[batch, channels, ...]` tensor in `groups` groups: the output, and
    /// per sample and group (`[batch, groups]`) the mean and `1 / sqrt(var + eps)` (computed in
    /// double, then rounded, as PyTorch's kernel adds its double eps). With weight or bias (per
    /// channel), each channel's output is `fma(scale, x, fma(-scale, mean, bias))` with
    /// `scale = rstd * weight`, PyTorch's expression as GCC fuses it.
    public func groupNormForward(groups: Int, weight: Tensor?, bias: Tensor?, eps: Double) throws
        -> (output: Tensor, mean: Tensor, rstd: Tensor) {
        guard rank >= 2, groups > 0, groups <= Swift.max(shape[1], 1), shape[1] % groups == 0 else {
            throw TorchError.runtime("group_norm: \(groups) groups do not divide the channels of a tensor of shape \(shape)")
        }
        try checkNormalizationOperands(weight, bias, length: shape[1])
        if dtype == .float64 { return try groupNormForward(Double.self, groups, weight, bias, eps) }
        return try groupNormForward(Float.self, groups, weight, bias, eps)
    }

    /// `native_batch_norm`'s values for a contiguous float32 `[batch, channels, ...]` tensor (its
    /// float64 route differs in ways not yet matched, so Python keeps its own for float64): the output,
    /// the mean and inverse deviation per channel it used, and the running mean and variance
    /// moved by `momentum` (nil where none were given). In training each channel's sum and sum
    /// of squared deviations run in double, one element after another
    /// (`batch_norm_cpu_collect_stats_contiguous_impl`, the route of inputs with more than one
    /// element per sample and channel); in evaluation the running statistics serve. Each element
    /// is then `fma(x, alpha, beta)` with `alpha = invstd * weight` and
    /// `beta = fma(-mean, alpha, bias)`, PyTorch's linear terms as GCC fuses them.
    public func batchNormForward(weight: Tensor?, bias: Tensor?, runningMean: Tensor?, runningVar: Tensor?,
                                 training: Bool, momentum: Double, eps: Double) throws
        -> (output: Tensor, mean: Tensor, invstd: Tensor, runningMean: Tensor?, runningVar: Tensor?) {
        guard rank >= 2 else { throw TorchError.runtime("batch_norm: a tensor of shape \(shape) has no channel dimension") }
        let channels = shape[1]
        for statistic in [runningMean, runningVar].compactMap({ $0 }) where statistic.dtype != dtype || statistic.numel != channels {
            throw TorchError.runtime("batch_norm: running statistics of \(statistic.numel) \(statistic.dtype) elements for \(channels) channels of \(dtype)")
        }
        guard training || (runningMean != nil && runningVar != nil) else {
            throw TorchError.runtime("batch_norm: evaluation needs the running mean and variance")
        }
        try checkNormalizationOperands(weight, bias, length: channels)
        guard dtype == .float32 else { throw TorchError.runtime("batch_norm's kernel takes float32 tensors, not \(dtype)") }
        return try batchNormForward(Float.self, weight, bias, runningMean, runningVar, training, momentum, eps)
    }

    /// `native_batch_norm_backward` for a contiguous float32 `[batch, channels, ...]` input (this
    /// tensor) of more than one element per sample and channel, given the output's gradient and
    /// the mean and inverse deviation the forward saved (training) or the running statistics
    /// (evaluation): the gradients of input, weight and bias, as
    /// `batch_norm_cpu_backward_contiguous_impl` computes them. Per channel, the sums of `dy` and
    /// of `(x - mean) * dy` over each sample's plane in AVX2's vector order, added up in double;
    /// then `dx = (dy - sum / N - (x - mean) * k) * invstd * w` with
    /// `k = dotp * invstd * invstd / N` (the subtraction of the product fused) in training, or
    /// `dy * invstd * w` in evaluation.
    public func batchNormBackward(_ gradOutput: Tensor, weight: Tensor?, mean: Tensor, invstd: Tensor,
                                  runningVar: Tensor?, training: Bool, eps: Double) throws
        -> (input: Tensor, weight: Tensor, bias: Tensor) {
        guard dtype == .float32, gradOutput.dtype == .float32, gradOutput.shape == shape, rank >= 2 else {
            throw TorchError.runtime("batch_norm's backward kernel takes float32 input and gradient of one shape")
        }
        let channels = shape[1]
        guard training || runningVar != nil else { throw TorchError.runtime("batch_norm backward: evaluation needs the running variance") }
        for statistic in [mean, invstd] + [runningVar].compactMap({ $0 }) where statistic.dtype != .float32 || statistic.numel != channels {
            throw TorchError.runtime("batch_norm backward: statistics of \(statistic.numel) elements for \(channels) channels")
        }
        try checkNormalizationOperands(weight, nil, length: channels)
        let batch = shape[0], image = batch == 0 || channels == 0 ? 0 : numel / (batch * channels)
        let count = batch * image
        let input = try contiguous(), dy = try gradOutput.contiguous(), gamma = try weight?.contiguous()
        let means = try mean.contiguous(), invstds = try invstd.contiguous(), variances = try runningVar?.contiguous()
        let gradInput = try Tensor.zeros(shape, dtype: dtype)
        let gradWeight = try Tensor.zeros([channels], dtype: dtype), gradBias = try Tensor.zeros([channels], dtype: dtype)
        withExtendedLifetime((input, dy, gamma, means, invstds, variances, gradInput, gradWeight, gradBias)) {
            func elements(_ t: Tensor) -> UnsafeMutablePointer<Float> { firstElement(t, as: Float.self) }
            let x = elements(input), g = elements(dy), dx = elements(gradInput)
            let m = elements(means), s = elements(invstds), w = gamma.map(elements), v = variances.map(elements)
            let lanes = Float.AVX2Vector.scalarCount
            for c in 0..<channels {
                let weight = w?[c] ?? 1, mean = m[c]
                // Evaluation takes the running variance with the double eps, unlike the forward.
                let deviation = training ? s[c] : Float(1 / (Double(v?[c] ?? 1) + eps).squareRoot())
                var sum = 0.0, dotp = 0.0
                for n in 0..<batch {
                    let start = (n * channels + c) * image
                    let xs = x + start, gs = g + start
                    sum += Double(vectorReduce(lanes: lanes, byHalves: true, count: image, { gs[$0] }, { $0 + gs[$1] }))
                    // The map and the reduction are two lambdas: fused only on the last, partial vector.
                    let partial = image - image % lanes
                    dotp += Double(vectorReduce(lanes: lanes, byHalves: true, count: image, { (xs[$0] - mean) * gs[$0] }) { acc, i in
                        i >= partial ? acc.addingProduct(xs[i] - mean, gs[i]) : acc + (xs[i] - mean) * gs[i]
                    })
                }
                let k = Float(dotp) * deviation * deviation / Float(count)
                let gradMean = Float(sum / Double(count))
                for n in 0..<batch {
                    let start = (n * channels + c) * image
                    for i in start..<(start + image) {
                        dx[i] = training ? (g[i] - gradMean).addingProduct(-(x[i] - mean), k) * deviation * weight
                                         : g[i] * deviation * weight
                    }
                }
                elements(gradWeight)[c] = Float(dotp * Double(deviation))
                elements(gradBias)[c] = Float(sum)
            }
        }
        return (gradInput, gradWeight, gradBias)
    }

    private func checkNormalizationOperands(_ weight: Tensor?, _ bias: Tensor?, length: Int) throws {
        guard dtype == .float32 || dtype == .float64 else {
            throw TorchError.runtime("the normalization kernels take float32 or float64 tensors, not \(dtype)")
        }
        for parameter in [weight, bias].compactMap({ $0 }) {
            guard parameter.dtype == dtype else { throw TorchError.runtime("mixed dtype (CPU): all inputs must share same datatype.") }
            guard parameter.numel == length else {
                throw TorchError.runtime("normalization: a weight or bias of \(parameter.numel) elements where \(length) are normalised")
            }
        }
    }

    private func layerNormForward<T: CascadeElement>(_: T.Type, _ rows: Int, _ rowLength: Int, _ weight: Tensor?, _ bias: Tensor?,
                                                     _ eps: Double, _ statisticsShape: [Int]) throws
        -> (output: Tensor, mean: Tensor, rstd: Tensor) {
        var moments = RowwiseMoments<T>()
        let epsilon = T(eps)
        return try normalizationForward(T.self, weight, bias, statisticsShape: statisticsShape) { x, g, b, y, means, rstds in
            for row in 0..<rows {
                let start = row * rowLength
                let (mean, variance) = moments(x + start, count: rowLength)
                let rstd = 1 / (variance + epsilon).squareRoot()
                (means[row], rstds[row]) = (mean, rstd)
                for j in 0..<rowLength {
                    let centered = x[start + j] - mean
                    switch (g, b) {
                    case let (g?, b?): y[start + j] = b[j].addingProduct(centered * rstd, g[j])
                    // Without a weight, GCC drops the multiplication by one and fuses what is left.
                    case let (nil, b?): y[start + j] = b[j].addingProduct(centered, rstd)
                    // Adding the zero bias turns a product of -0 into +0.
                    case let (g?, nil): y[start + j] = centered * rstd * g[j] + 0
                    case (nil, nil): y[start + j] = centered * rstd
                    }
                }
            }
        }
    }

    private func groupNormForward<T: CascadeElement>(_: T.Type, _ groups: Int, _ weight: Tensor?, _ bias: Tensor?,
                                                     _ eps: Double) throws -> (output: Tensor, mean: Tensor, rstd: Tensor) {
        let batch = shape[0], channels = shape[1]
        let spatial = channels == 0 || batch == 0 ? 0 : numel / (batch * channels)
        let perGroup = channels / groups, groupLength = perGroup * spatial
        var moments = RowwiseMoments<T>()
        return try normalizationForward(T.self, weight, bias, statisticsShape: [batch, groups]) { x, g, b, y, means, rstds in
            for row in 0..<(batch * groups) {
                let start = row * groupLength
                let (mean, variance) = moments(x + start, count: groupLength)
                let rstd = T(1 / (Double(Swift.max(variance, 0)) + eps).squareRoot())
                (means[row], rstds[row]) = (mean, rstd)
                if g == nil && b == nil {
                    for i in start..<(start + groupLength) { y[i] = (x[i] - mean) * rstd }
                    continue
                }
                for k in 0..<perGroup {
                    let channel = (row % groups) * perGroup + k
                    let scale = rstd * (g?[channel] ?? 1)
                    let shift = (b?[channel] ?? 0).addingProduct(-scale, mean)
                    let first = start + k * spatial
                    for i in first..<(first + spatial) { y[i] = shift.addingProduct(scale, x[i]) }
                }
            }
        }
    }

    private func batchNormForward<T: CascadeElement>(_: T.Type, _ weight: Tensor?, _ bias: Tensor?, _ runningMean: Tensor?,
                                                     _ runningVar: Tensor?, _ training: Bool, _ momentum: Double, _ eps: Double) throws
        -> (output: Tensor, mean: Tensor, invstd: Tensor, runningMean: Tensor?, runningVar: Tensor?) {
        let batch = shape[0], channels = shape[1]
        let image = batch == 0 || channels == 0 ? 0 : numel / (batch * channels)
        let count = batch * image
        // The running statistics' new values, in copies of their own.
        let movedMean = try runningMean?.contiguous().clone(), movedVar = try runningVar?.contiguous().clone()
        let (output, means, invstds) = try normalizationForward(T.self, weight, bias, statisticsShape: [channels]) { x, g, b, y, means, invstds in
            let runningMeans = movedMean.map { firstElement($0, as: T.self) }, runningVars = movedVar.map { firstElement($0, as: T.self) }
            let rate = T(momentum)
            for c in 0..<channels {
                let mean: T, invstd: T
                if training {
                    var sum = 0.0
                    for n in 0..<batch {
                        let row = x + (n * channels + c) * image
                        for i in 0..<image { sum += Double(row[i]) }
                    }
                    mean = T(sum / Double(count))
                    var squares = 0.0
                    for n in 0..<batch {
                        let row = x + (n * channels + c) * image
                        for i in 0..<image { squares += Double((row[i] - mean) * (row[i] - mean)) }
                    }
                    let varianceSum = T(squares)
                    invstd = T(1 / (Double(varianceSum / T(count)) + eps).squareRoot())
                    // Normalization.cpp's updates, built without fused multiply-adds.
                    if let runningMeans { runningMeans[c] = rate * mean + (1 - rate) * runningMeans[c] }
                    if let runningVars {
                        let unbiased = Double(varianceSum / T(count - 1))
                        runningVars[c] = T(Double(rate) * unbiased + Double((1 - rate) * runningVars[c]))
                    }
                } else {
                    mean = runningMeans?[c] ?? 0
                    invstd = 1 / ((runningVars?[c] ?? 1) + T(eps)).squareRoot()
                }
                (means[c], invstds[c]) = (mean, invstd)
                let alpha = invstd * (g?[c] ?? 1)
                let beta = (b?[c] ?? 0).addingProduct(-mean, alpha)
                for n in 0..<batch {
                    let start = (n * channels + c) * image
                    for i in start..<(start + image) { y[i] = beta.addingProduct(x[i], alpha) }
                }
            }
        }
        return (output, means, invstds, training ? movedMean : runningMean, training ? movedVar : runningVar)
    }

    /// Runs `fill` over the elements of this tensor, weight and bias (made contiguous, of the
    /// lengths checked above) and fresh output, mean and rstd tensors (the mean and rstd of
    /// `statisticsShape`), and returns those three.
    private func normalizationForward<T: CascadeElement>(
        _: T.Type, _ weight: Tensor?, _ bias: Tensor?, statisticsShape: [Int],
        _ fill: (_ x: UnsafePointer<T>, _ weight: UnsafePointer<T>?, _ bias: UnsafePointer<T>?,
                 _ output: UnsafeMutablePointer<T>, _ means: UnsafeMutablePointer<T>, _ rstds: UnsafeMutablePointer<T>) -> Void
    ) throws -> (output: Tensor, mean: Tensor, rstd: Tensor) {
        let input = try contiguous(), gamma = try weight?.contiguous(), beta = try bias?.contiguous()
        let output = try Tensor.zeros(shape, dtype: dtype)
        let means = try Tensor.zeros(statisticsShape, dtype: dtype), rstds = try Tensor.zeros(statisticsShape, dtype: dtype)
        withExtendedLifetime((input, gamma, beta, output, means, rstds)) {
            func elements(_ t: Tensor) -> UnsafePointer<T> { UnsafePointer(firstElement(t, as: T.self)) }
            fill(elements(input), gamma.map(elements), beta.map(elements),
                 firstElement(output, as: T.self), firstElement(means, as: T.self), firstElement(rstds, as: T.self))
        }
        return (output, means, rstds)
    }
}

/// The address of `t`'s first element as a `T` (its dtype's type, which the kernels above check).
private func firstElement<T>(_ t: Tensor, as _: T.Type) -> UnsafeMutablePointer<T> {
    t.storage.pointer(T.self) + t.offset
}
