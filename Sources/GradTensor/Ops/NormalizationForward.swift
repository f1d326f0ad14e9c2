/// The forward values of `layer_norm` and `group_norm` as PyTorch's CPU kernels compute them
/// (layer_norm_kernel.cpp, group_norm_kernel.cpp): each row's moments by `RowwiseMoments`, then
/// the kernel's own formula for the output. No node is recorded: the Python functions that call
/// these record theirs (NNNormalizationSource). float32 and float64 only; the Python side keeps
/// its composed route for the other dtypes.
extension Tensor {
    /// `native_layer_norm` over rows of the last `rowLength` elements (of a contiguous copy of
    /// this tensor): the output, and per row the mean and `1 / sqrt(var + eps)` (eps in the
    /// tensor's dtype), both of `statisticsShape`. The output is PyTorch's
    /// `(x - mean) * rstd * weight + bias` as GCC compiled it: fused into `fma((x - mean) * rstd,
    /// weight, bias)`, or `fma(x - mean, rstd, bias)` without a weight.
    public func layerNormForward(rowLength: Int, weight: Tensor?, bias: Tensor?, eps: Double,
                                 statisticsShape: [Int]) throws -> (output: Tensor, mean: Tensor, rstd: Tensor) {
        try checkNormalizationOperands(weight, bias, length: rowLength)
        let rows = rowLength == 0 ? 0 : numel / rowLength
        guard rowLength * rows == numel, statisticsShape.reduce(1, *) == rows else {
            throw TorchError.runtime("layer_norm: rows of \(rowLength) elements and statistics of shape \(statisticsShape) do not fit a tensor of shape \(shape)")
        }
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
        guard rank >= 2, groups > 0, shape[1] % groups == 0 else {
            throw TorchError.runtime("group_norm: \(groups) groups do not divide the channels of a tensor of shape \(shape)")
        }
        try checkNormalizationOperands(weight, bias, length: shape[1])
        if dtype == .float64 { return try groupNormForward(Double.self, groups, weight, bias, eps) }
        return try groupNormForward(Float.self, groups, weight, bias, eps)
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
            func elements(_ t: Tensor) -> UnsafePointer<T> { UnsafePointer(t.storage.pointer(T.self) + t.offset) }
            fill(elements(input), gamma.map(elements), beta.map(elements),
                 output.storage.pointer(T.self), means.storage.pointer(T.self), rstds.storage.pointer(T.self))
        }
        return (output, means, rstds)
    }
}
