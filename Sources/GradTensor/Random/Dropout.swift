extension Tensor {
    /// PyTorch's CPU dropout (`_dropout_impl`): the input times a mask of Bernoulli(1 - p) draws
    /// divided by 1 - p, recorded as a product. Returns the input itself when nothing is dropped.
    public func dropout(_ p: Double, training: Bool, inPlace: Bool, generator: CPUGenerator = .shared) throws -> Tensor {
        if p == 0 || !training || numel == 0 { return self }
        let mask: Tensor
        if p == 1 {
            mask = try Tensor.zeros([], dtype: dtype)
        } else {
            mask = try Tensor.drawn(shape, dtype: dtype, .bernoulli(p: 1 - p), generator: generator)
            try mask.div_(Tensor.wrapping(.double(1 - p)))
        }
        return inPlace ? try mul_(mask) : try mul(mask)
    }
}
