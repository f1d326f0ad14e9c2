/// Scratch arrays whose size follows a tensor's (storage offsets, index tables, positions), checked
/// before they are made as a tensor's buffer is (`Storage.make`): Swift's allocator ends the process
/// when memory runs out, so a kernel asks here first and fails with PyTorch's allocator error.
enum Scratch {
    /// Throws the allocator error unless `count` elements of `T` can be allocated now.
    static func check<T>(_ count: Int, of _: T.Type) throws {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
        guard !overflow, AllocationProbe.canAllocate(bytes: bytes) else {
            throw Shape.allocationError(bytes: overflow ? Int.max : bytes)
        }
    }
}
