/// `apply_(f)` and `map_(other, f)`: every element replaced, in row-major order, by what a
/// caller's function makes of it (and of `other`'s element there, broadcast), each result
/// converted to this tensor's dtype as a C cast converts it. Neither recorded for autograd nor
/// counted as a change of version, as in PyTorch; elements written before a failing call stay.
extension Tensor {
    @discardableResult
    public func replaceElements(_ f: (Scalar) throws -> Scalar) throws -> Tensor {
        for i in 0..<numel { setFlat(i, try f(element(atFlat: i))) }
        return self
    }

    @discardableResult
    public func replaceElements(pairedWith other: Tensor, _ f: (Scalar, Scalar) throws -> Scalar) throws -> Tensor {
        let operand = try other.expand(shape)
        for i in 0..<numel { setFlat(i, try f(element(atFlat: i), operand.element(atFlat: i))) }
        return self
    }
}
