/// A tensor's elements copied into a Swift array in row-major order, for kernels that loop
/// over bounds-checked arrays (convolution, pooling) rather than raw pointers.
extension Tensor {
    /// The elements of a tensor whose dtype is `T`'s.
    func elementArray<T: Element>(_: T.Type) throws -> [T] {
        let m = try materialized()
        return withExtendedLifetime(m) {
            Array(UnsafeBufferPointer(start: m.storage.pointer(T.self) + m.offset, count: m.numel))
        }
    }
}
