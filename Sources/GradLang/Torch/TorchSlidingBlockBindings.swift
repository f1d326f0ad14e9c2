import GradTensor

/// `torch.nn.functional.unfold` (im2col) and `fold` (col2im).
enum TorchSlidingBlockBindings {
    static var functional: [PyBuiltin] {
        [
            PyBuiltin("unfold(input, kernel_size, dilation=1, padding=0, stride=1)", style: .torch) { args in
                let (t, blocks) = (try args.tensor("input"), try slidingBlocks(args))
                return .tensor(try TorchBridge.run { try t.im2col(blocks) })
            },
            PyBuiltin("fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1)", style: .torch) { args in
                let (t, size, blocks) = (try args.tensor("input"), try pair(args, "output_size"), try slidingBlocks(args))
                return .tensor(try TorchBridge.run { try t.col2im(outputSize: size, blocks) })
            },
        ]
    }

    private static func slidingBlocks(_ args: BoundArguments) throws -> SlidingBlocks {
        SlidingBlocks(kernel: try pair(args, "kernel_size"), dilation: try pair(args, "dilation"),
                      padding: try pair(args, "padding"), stride: try pair(args, "stride"))
    }

    /// An int (used for both dimensions) or a sequence of two.
    private static func pair(_ args: BoundArguments, _ name: String) throws -> [Int] {
        if let i = try args[name].asTorchInt { return [i, i] }
        let items = try args.sizeSequence(name)
        if items.count != 2 { throw PyError.runtime("It is expected \(name) equals to 2, but got size \(items.count)") }
        return items
    }
}
