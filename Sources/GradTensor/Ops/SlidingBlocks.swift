/// `nn.functional.unfold` (im2col) and `fold` (col2im): the sliding blocks of an image as the
/// columns of a matrix, and back, summing where blocks overlap. Each is the other's adjoint,
/// so each one's backward is the other (Im2ColBackward0, Col2ImBackward0).
public struct SlidingBlocks: Sendable {
    /// (height, width) pairs.
    public let kernel: [Int], dilation: [Int], padding: [Int], stride: [Int]

    public init(kernel: [Int], dilation: [Int], padding: [Int], stride: [Int]) {
        (self.kernel, self.dilation, self.padding, self.stride) = (kernel, dilation, padding, stride)
    }

    /// PyTorch's checks of the four pairs, in its order.
    func check(strideFirst: Bool = false) throws {
        if kernel.contains(where: { $0 <= 0 }) {
            throw TorchError.runtime("kernel size should be greater than zero, but got kernel_height: \(kernel[0]) kernel_width: \(kernel[1])")
        }
        let strideCheck = {
            if stride.contains(where: { $0 <= 0 }) {
                throw TorchError.runtime("stride should be greater than zero, but got stride_height: \(stride[0]) stride_width: \(stride[1])")
            }
        }
        if strideFirst { try strideCheck() }
        if dilation.contains(where: { $0 <= 0 }) {
            throw TorchError.runtime("dilation should be greater than zero, but got dilation_height: \(dilation[0]) dilation_width: \(dilation[1])")
        }
        if padding.contains(where: { $0 < 0 }) {
            throw TorchError.runtime("padding should be non-negative, but got pad_height: \(padding[0]) pad_width: \(padding[1])")
        }
        if !strideFirst { try strideCheck() }
    }

    /// The number of blocks along each dimension of an image of `size`.
    func blocks(_ size: [Int]) -> [Int] {
        (0..<2).map { d in
            (size[d] &+ 2 &* padding[d] &- (dilation[d] &* (kernel[d] &- 1) &+ 1)) / stride[d] &+ 1
        }
    }

    var description: String {
        "kernel_size=(\(kernel[0]), \(kernel[1])), dilation=(\(dilation[0]), \(dilation[1])), padding=(\(padding[0]), \(padding[1]))"
    }

    /// For each element of the columns (batch, channel, kernel row, kernel column, block row,
    /// block column, row-major), its position in the image (batch, channel, row, column), or
    /// nil where it reads padding; as two lists, the columns' positions and the image's.
    func pairs(batch: Int, channels: Int, image: [Int]) throws -> (columns: [Int], image: [Int]) {
        let counts = blocks(image)
        let total = batch &* channels &* kernel[0] &* kernel[1] &* counts[0] &* counts[1]
        try Scratch.check(total, of: Int.self)
        var (columnPositions, imagePositions) = ([Int](), [Int]())
        var k = 0
        for plane in 0..<(batch * channels) {
            for ki in 0..<kernel[0] {
                for kj in 0..<kernel[1] {
                    for by in 0..<counts[0] {
                        let y = by * stride[0] - padding[0] + ki * dilation[0]
                        for bx in 0..<counts[1] {
                            let x = bx * stride[1] - padding[1] + kj * dilation[1]
                            if y >= 0 && y < image[0] && x >= 0 && x < image[1] {
                                columnPositions.append(k)
                                imagePositions.append((plane * image[0] + y) * image[1] + x)
                            }
                            k += 1
                        }
                    }
                }
            }
        }
        return (columnPositions, imagePositions)
    }
}

extension Tensor {
    /// `unfold(input, kernel_size, dilation, padding, stride)` of an (N, C, H, W) or (C, H, W)
    /// image: (N, C·kh·kw, L), zeros where a block reaches into the padding.
    public func im2col(_ blocks: SlidingBlocks) throws -> Tensor {
        if !dtype.isFloatingPoint { throw TorchError.notImplemented("\"im2col_out_cpu\" not implemented for '\(dtype.scalarTypeName)'") }
        try blocks.check()
        let d = try Shape.wrapDim(2, rank: rank)
        let batched = rank == 4
        guard rank == 3 || rank == 4 else {
            throw TorchError.runtime("Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: \(Shape.sizeList(shape))")
        }
        let image = [shape[d + (batched ? 0 : -1)], shape[d + (batched ? 1 : 0)]]
        let counts = blocks.blocks(image)
        if counts[0] < 1 || counts[1] < 1 {
            throw TorchError.runtime("Given input with spatial size (\(image[0]), \(image[1])), \(blocks.description), calculated shape of the array of sliding blocks as (\(counts[0]), \(counts[1])), but its components must be at least one.")
        }
        let (batch, channels) = batched ? (shape[0], shape[1]) : (1, shape[0])
        let columnsShape = (batched ? [batch] : []) + [channels &* blocks.kernel[0] &* blocks.kernel[1], counts[0] &* counts[1]]
        let out = try Tensor(zeros: columnsShape, dtype: dtype)
        let (columnPositions, imagePositions) = try blocks.pairs(batch: batch, channels: channels, image: image)
        let source = try materialized()
        let read = Tensor(storage: try Storage.make(dtype: dtype, count: imagePositions.count), shape: [imagePositions.count])
        gatherElements(source, at: imagePositions.map { $0 &+ source.offset }, into: read)
        scatterElements(read, into: out, at: columnPositions, combine: .replace)
        return out.record("Im2ColBackward0", inputs: [self], saving: { _ in (blocks: blocks, image: image) }) { ctx, saved in
            [try ctx.grad.col2im(outputSize: saved.image, saved.blocks)]
        }
    }

    /// `fold(input, output_size, kernel_size, dilation, padding, stride)`: the columns of an
    /// (N, C·kh·kw, L) or (C·kh·kw, L) tensor added into an image of `outputSize`.
    public func col2im(outputSize image: [Int], _ blocks: SlidingBlocks) throws -> Tensor {
        if !dtype.isFloatingPoint { throw TorchError.notImplemented("\"col2im_out_cpu\" not implemented for '\(dtype.scalarTypeName)'") }
        try blocks.check(strideFirst: true)
        guard rank == 2 || rank == 3 else {
            throw TorchError.runtime("Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero dimensions for input, but got: \(Shape.sizeList(shape))")
        }
        let batched = rank == 3
        let (planes, length) = (shape[rank - 2], shape[rank - 1])
        let window = blocks.kernel[0] &* blocks.kernel[1]
        if planes % window != 0 {
            throw TorchError.runtime("Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got input.size(1)=\(planes) and kernel_size=(\(blocks.kernel[0]), \(blocks.kernel[1])).")
        }
        let counts = blocks.blocks(image)
        let prefix = "Given output_size=(\(image[0]), \(image[1])), \(blocks.description), stride=(\(blocks.stride[0]), \(blocks.stride[1])), "
        if counts[0] < 1 || counts[1] < 1 {
            throw TorchError.runtime(prefix + "calculated shape of the array of sliding blocks as (\(counts[0]), \(counts[1])), which is too small (non-positive).")
        }
        if counts[0] &* counts[1] != length {
            throw TorchError.runtime(prefix + "expected size of input's dimension 2 to match the calculated number of sliding blocks \(counts[0]) * \(counts[1]) = \(counts[0] &* counts[1]), but got input.size(2)=\(length).")
        }
        let (batch, channels) = (batched ? shape[0] : 1, planes / window)
        let out = try Tensor(zeros: (batched ? [batch] : []) + [channels] + image, dtype: dtype)
        let (columnPositions, imagePositions) = try blocks.pairs(batch: batch, channels: channels, image: image)
        let source = try materialized()
        let read = Tensor(storage: try Storage.make(dtype: dtype, count: columnPositions.count), shape: [columnPositions.count])
        gatherElements(source, at: columnPositions.map { $0 &+ source.offset }, into: read)
        scatterElements(read, into: out, at: imagePositions, combine: .sum)
        return out.record("Col2ImBackward0", inputs: [self], saving: { _ in blocks }) { ctx, blocks in
            [try ctx.grad.im2col(blocks)]
        }
    }
}
