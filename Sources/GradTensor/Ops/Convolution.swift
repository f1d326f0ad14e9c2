/// The options of a convolution, one entry per spatial dimension: PyTorch's `stride`,
/// `padding` (before and after, which differ for an even kernel's `'same'`), `dilation`, and
/// `groups`.
public struct ConvolutionGeometry: Sendable, Equatable {
    /// Per spatial dimension, in PyTorch's order (height, then width).
    public var stride: [Int]
    public var paddingBefore: [Int]
    public var paddingAfter: [Int]
    public var dilation: [Int]
    public var groups: Int

    public init(stride: [Int], paddingBefore: [Int], paddingAfter: [Int], dilation: [Int], groups: Int) {
        self.stride = stride
        self.paddingBefore = paddingBefore
        self.paddingAfter = paddingAfter
        self.dilation = dilation
        self.groups = groups
    }

    /// The geometry with a leading height dimension of size 1 (a 1-d convolution's as 2-d).
    var withUnitHeight: ConvolutionGeometry {
        ConvolutionGeometry(stride: [1] + stride, paddingBefore: [0] + paddingBefore, paddingAfter: [0] + paddingAfter,
                            dilation: [1] + dilation, groups: groups)
    }

    /// The output length of spatial dimension `d` for an input length and a kernel length.
    func outputLength(_ d: Int, input: Int, kernel: Int) -> Int {
        let span = input + paddingBefore[d] + paddingAfter[d] - dilation[d] * (kernel - 1) - 1
        return span < 0 ? 0 : span / stride[d] + 1
    }
}

extension Tensor {
    /// PyTorch's `conv1d`/`conv2d` (cross-correlation) of `input` (N, C, *spatial) with `weight`
    /// (O, C / groups, *kernel) and an optional `bias` (O,), one node `ConvolutionBackward0`; a
    /// 1-d convolution is a 2-d one of height 1, as PyTorch runs it.
    ///
    /// Values follow the path PyTorch's CPU takes: float32 convolutions that PyTorch hands to
    /// oneDNN (`ConvolutionKernels.takesOneDNN`) in oneDNN's orders, forward and (ungrouped)
    /// backward; others by columns (im2col) and a matrix product, as PyTorch's slow path.
    /// Under `create_graph` the backward is made of tensor ops (columns, products, sums), so
    /// it is differentiable again.
    public static func convolution(_ input: Tensor, _ weight: Tensor, bias: Tensor?, geometry: ConvolutionGeometry) throws -> Tensor {
        let spatial = input.rank - 2
        guard spatial == 1 || spatial == 2, weight.rank == input.rank, geometry.stride.count == spatial else {
            throw TorchError.runtime("convolution expects (N, C, L) or (N, C, H, W) input with a weight of the same rank")
        }
        try checkConvolutionArguments(input, weight, bias: bias, geometry: geometry)
        let (x, w) = spatial == 1 ? (try input.unsqueeze(2), try weight.unsqueeze(2)) : (input, weight)
        let plane = spatial == 1 ? geometry.withUnitHeight : geometry
        let oneDNN = ConvolutionKernels.takesOneDNN(x, w, geometry: plane)
        let out4 = try GradMode.with(enabled: false) {
            oneDNN ? try ConvolutionKernels.oneDNNForward(x, w, bias: bias, geometry: plane)
                : try convolutionByColumns(x, w, bias: bias, geometry: plane)
        }
        let out = spatial == 1 ? try out4.squeeze(dims: [2]) : out4
        let inputs = bias.map { [input, weight, $0] } ?? [input, weight]
        return out.record("ConvolutionBackward0", inputs: inputs,
                          saving: { (input: $0.slot(input), weight: $0.slot(weight), geometry: plane, oneDNN: oneDNN) }) { ctx, saved in
            let (x, w) = (try ctx.saved(saved.input), try ctx.saved(saved.weight))
            let (x4, w4) = x.rank == 3 ? (try x.unsqueeze(2), try w.unsqueeze(2)) : (x, w)
            let g4 = try ctx.grad.reshape([x4.shape[0], w4.shape[0]] + Array(ctx.grad.shape.dropFirst(2)).paddedToPlane())
            // oneDNN's own orders where they are known and no graph of the gradients is needed.
            let exact = saved.oneDNN && !GradMode.isEnabled && saved.geometry.groups == 1
            var grads = try convolutionGradients(g4, x4, w4, geometry: saved.geometry,
                                                 needs: (ctx.needs(0) && !exact, ctx.needs(1) && !exact))
            if exact && ctx.needs(0) {
                grads.input = try ConvolutionKernels.oneDNNInputGradient(g4, w4, inputShape: x4.shape, geometry: saved.geometry)
            }
            if exact && ctx.needs(1) {
                grads.weight = try ConvolutionKernels.oneDNNWeightGradient(g4, x4, weightShape: w4.shape, geometry: saved.geometry)
            }
            let biasGrad = !ctx.needs(2) ? nil : exact
                ? try ConvolutionKernels.oneDNNBiasGradient(g4) : try g4.sum(dims: [0, 2, 3])
            return [try grads.input?.reshape(x.shape), try grads.weight?.reshape(w.shape), biasGrad]
        }
    }

    /// PyTorch's argument checks, with its messages.
    private static func checkConvolutionArguments(_ input: Tensor, _ weight: Tensor, bias: Tensor?, geometry: ConvolutionGeometry) throws {
        let spatial = input.rank - 2
        guard [geometry.paddingBefore.count, geometry.paddingAfter.count, geometry.dilation.count].allSatisfy({ $0 == spatial }) else {
            throw TorchError.runtime("convolution expects one stride, padding and dilation per spatial dimension")
        }
        // Sizes past 32 bits cannot be a real window; refusing them keeps the index arithmetic exact.
        let options = geometry.stride + geometry.paddingBefore + geometry.paddingAfter + geometry.dilation + [geometry.groups]
        guard options.allSatisfy({ Int(Int32.min) <= $0 && $0 <= Int(Int32.max) }) else {
            throw TorchError.runtime("value cannot be converted to type int without overflow")
        }
        guard geometry.stride.allSatisfy({ $0 > 0 }) else { throw TorchError.runtime("non-positive stride is not supported") }
        guard (geometry.paddingBefore + geometry.paddingAfter).allSatisfy({ $0 >= 0 }) else {
            throw TorchError.runtime("negative padding is not supported")
        }
        guard geometry.dilation.allSatisfy({ $0 > 0 }) else {
            throw TorchError.runtime("dilation should be greater than zero, but got \(geometry.dilation)")
        }
        guard geometry.groups > 0 else { throw TorchError.runtime("non-positive groups is not supported") }
        guard input.dtype == weight.dtype else {
            throw TorchError.runtime("expected scalar type \(input.dtype.scalarTypeName) but found \(weight.dtype.scalarTypeName)")
        }
        let channelsPerGroup = weight.shape[1] * geometry.groups
        guard weight.shape[0] >= geometry.groups else {
            throw TorchError.runtime("Given groups=\(geometry.groups), expected weight to be at least \(geometry.groups) at dimension 0, but got weight of size \(weight.shape) instead")
        }
        guard weight.shape[0] % geometry.groups == 0 else {
            throw TorchError.runtime("Given groups=\(geometry.groups), expected weight to be divisible by \(geometry.groups) at dimension 0, but got weight of size \(weight.shape) instead")
        }
        guard input.shape[1] == channelsPerGroup else {
            throw TorchError.runtime("Given groups=\(geometry.groups), weight of size \(weight.shape), expected input\(input.shape) to have \(channelsPerGroup) channels, but got \(input.shape[1]) channels instead")
        }
        let padded = (0..<spatial).map { input.shape[2 + $0] + geometry.paddingBefore[$0] + geometry.paddingAfter[$0] }
        let kernel = (0..<spatial).map { geometry.dilation[$0] * (weight.shape[2 + $0] - 1) + 1 }
        if zip(padded, kernel).contains(where: { $0 < $1 }) {
            let sizes = padded.map(String.init).joined(separator: " x "), kernels = kernel.map(String.init).joined(separator: " x ")
            throw TorchError.runtime("Calculated padded input size per channel: (\(sizes)). Kernel size: (\(kernels)). Kernel size can't be greater than actual input size")
        }
        if let bias {
            guard bias.rank == 1, bias.shape[0] == weight.shape[0] else {
                throw TorchError.runtime("Given weight of size \(weight.shape), expected bias to be 1-dimensional with \(weight.shape[0]) elements, but got bias of size \(bias.shape) instead")
            }
            guard bias.dtype == input.dtype else {
                throw TorchError.runtime("Input type (\(input.dtype.scalarTypeName.lowercased())) and bias type (\(bias.dtype.scalarTypeName.lowercased())) should be the same")
            }
        }
    }

    /// The forward by columns: `weight` as (groups, O / groups, C / groups · KH · KW) times the
    /// columns (N, groups, C / groups · KH · KW, OH · OW), the bias added after.
    private static func convolutionByColumns(_ x: Tensor, _ w: Tensor, bias: Tensor?, geometry: ConvolutionGeometry) throws -> Tensor {
        let (n, o, groups) = (x.shape[0], w.shape[0], geometry.groups)
        let layout = try ConvolutionColumns(input: Array(x.shape[2...]), kernel: [w.shape[2], w.shape[3]], geometry: geometry)
        let rows = w.shape[1] * w.shape[2] * w.shape[3]
        let grouped = try layout.columns(of: x).view([n, groups, rows, layout.positions])
        // No input channels sum to zeros (and keep the product away from an empty inner dimension).
        let out = rows == 0 ? try Tensor.zeros([n, o] + layout.outputSize, dtype: x.dtype)
            : try w.reshape([groups, o / groups, rows]).matmul(grouped).reshape([n, o] + layout.outputSize)
        guard let bias else { return out }
        return try out.add(bias.view([o, 1, 1]))
    }

    /// Gradients of a 2-d convolution for `input` and `weight` where `needs` asks for them:
    /// the weight's is the output gradient times the columns transposed (summed over the
    /// batch), the input's the weight transposed times the output gradient, folded back from
    /// columns (the columns' own backward).
    private static func convolutionGradients(_ g: Tensor, _ x: Tensor, _ w: Tensor, geometry: ConvolutionGeometry,
                                             needs: (input: Bool, weight: Bool)) throws -> (input: Tensor?, weight: Tensor?) {
        let (n, o, groups) = (x.shape[0], w.shape[0], geometry.groups)
        let rows = w.shape[1] * w.shape[2] * w.shape[3]
        let positions = g.shape[2] * g.shape[3]
        let gradRows = try g.reshape([n, groups, o / groups, positions])
        let kernel = [w.shape[2], w.shape[3]]
        let layout = try ConvolutionColumns(input: Array(x.shape[2...]), kernel: kernel, geometry: geometry)
        var weightGrad: Tensor?
        if needs.weight {
            let columns = try layout.columns(of: x).view([n, groups, rows, positions])
            weightGrad = try gradRows.matmul(columns.transpose(2, 3)).sum(dims: [0]).reshape(w.shape)
        }
        var inputGrad: Tensor?
        if needs.input {
            let columnGrad = try w.reshape([groups, o / groups, rows]).transpose(1, 2).matmul(gradRows)
            inputGrad = try layout.fold(columnGrad.reshape([n, groups * rows, positions]), channels: x.shape[1])
        }
        return (inputGrad, weightGrad)
    }
}

extension [Int] {
    /// A spatial size as 2-d: a 1-d length with a height of 1 in front.
    fileprivate func paddedToPlane() -> [Int] {
        count == 1 ? [1] + self : self
    }
}
