/// `float_power`: a power computed in float64, recorded as the `pow` it is made of.
extension Tensor {
    /// `self ** exponent` in float64, as `torch.float_power` computes it: both converted first.
    public func floatPower(_ exponent: Tensor) throws -> Tensor {
        let exponent = exponent.isWrappedNumber ? try Tensor.wrapping(.double(exponent.item().doubleValue)) : try exponent.to(.float64)
        return try to(.float64).pow(exponent)
    }
}
