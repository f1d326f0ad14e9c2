/// A 2-d convolution's columns (im2col): for each input channel, kernel row and kernel column
/// one row holding the input element under that kernel tap at every output position, zero
/// where the tap falls in the padding. `columns` gathers them and `fold` (col2im) adds
/// columns back into an input-shaped tensor, its adjoint; both are made of differentiable
/// ops (`index_select`, `index_add`), so a convolution's backward is differentiable again.
struct ConvolutionColumns {
    let inputSize: [Int]
    let kernel: [Int]
    let outputSize: [Int]
    /// Per kernel tap and output position, the input's flat spatial index, or `inputSize`'s
    /// element count for a tap in the padding (a zero appended to each channel).
    private let source: Tensor

    var positions: Int { outputSize[0] * outputSize[1] }
    private var taps: Int { kernel[0] * kernel[1] }
    private var plane: Int { inputSize[0] * inputSize[1] }

    init(input: [Int], kernel: [Int], geometry: ConvolutionGeometry) throws {
        inputSize = input
        self.kernel = kernel
        outputSize = (0..<2).map { geometry.outputLength($0, input: input[$0], kernel: kernel[$0]) }
        let (height, width) = (input[0], input[1])
        var indices: [Int64] = []
        indices.reserveCapacity(kernel[0] * kernel[1] * outputSize[0] * outputSize[1])
        for kh in 0..<kernel[0] {
            for kw in 0..<kernel[1] {
                for oh in 0..<outputSize[0] {
                    let h = oh * geometry.stride[0] - geometry.paddingBefore[0] + kh * geometry.dilation[0]
                    for ow in 0..<outputSize[1] {
                        let w = ow * geometry.stride[1] - geometry.paddingBefore[1] + kw * geometry.dilation[1]
                        let inside = h >= 0 && h < height && w >= 0 && w < width
                        indices.append(Int64(inside ? h * width + w : height * width))
                    }
                }
            }
        }
        source = try Tensor(int64: indices, shape: [indices.count])
    }

    /// (N, C · KH · KW, OH · OW) from `input` (N, C, H, W).
    func columns(of input: Tensor) throws -> Tensor {
        let (n, c) = (input.shape[0], input.shape[1])
        let flat = try input.reshape([n, c, plane])
        let padded = try Tensor.cat([flat, try Tensor.zeros([n, c, 1], dtype: input.dtype)], dim: 2)
        return try padded.indexSelect(dim: 2, index: source).view([n, c * taps, positions])
    }

    /// (N, C, H, W) from columns (N, C · KH · KW, OH · OW): each column element added into the
    /// input element it was gathered from, in the columns' order (PyTorch's col2im order).
    func fold(_ columns: Tensor, channels c: Int) throws -> Tensor {
        let n = columns.shape[0]
        let spread = try columns.reshape([n, c, taps * positions])
        let sums = try Tensor.zeros([n, c, plane + 1], dtype: columns.dtype).indexAdd(dim: 2, index: source, source: spread)
        return try sums.narrow(dim: 2, start: 0, length: plane).reshape([n, c] + inputSize)
    }
}
