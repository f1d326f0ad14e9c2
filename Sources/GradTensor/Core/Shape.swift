/// Shape arithmetic: element counts, contiguous strides, broadcasting, dimension wrapping.
public enum Shape {
    /// The number of elements of `shape`, or an error when a size is negative or the total is past
    /// what a storage may hold (whether memory has room for it is `Storage.make`'s question).
    public static func checkedCount(_ shape: [Int], dtype: DType = .float32) throws -> Int {
        for s in shape where s < 0 {
            throw TorchError.runtime("Trying to create tensor with negative dimension \(s): \(sizeList(shape))")
        }
        var total = 1
        for s in shape {
            let (product, overflow) = total.multipliedReportingOverflow(by: s)
            if overflow || product.multipliedReportingOverflow(by: dtype.itemSize).overflow {
                if shape.contains(0) { return 0 }
                throw TorchError.runtime("Storage size calculation overflowed with sizes=\(sizeList(shape))")
            }
            total = product
        }
        if total > Storage.maxBytes / dtype.itemSize { throw allocationError(bytes: total * dtype.itemSize) }
        return total
    }

    /// PyTorch's error when its CPU allocator fails (the line of alloc_cpu.cpp is PyTorch 2.x's,
    /// as it prints it on this machine).
    static func allocationError(bytes: Int) -> TorchError {
        TorchError.runtime("[enforce fail at alloc_cpu.cpp:127] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to allocate \(bytes) bytes. Error code 12 (Cannot allocate memory)")
    }

    /// `[2, 3]` as PyTorch writes a size list in messages.
    public static func sizeList(_ shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: ", ") + "]"
    }

    @inline(__always) public static func count(_ shape: [Int]) -> Int {
        var n = 1
        for s in shape { n &*= s }
        return n
    }

    public static func contiguousStrides(_ shape: [Int]) -> [Int] {
        // Shared, not allocated: most tensors in a small model are vectors.
        if shape.count == 1 { return unitStride }
        var strides = [Int](repeating: 1, count: shape.count)
        var acc = 1
        var i = shape.count - 1
        while i >= 0 {
            strides[i] = acc
            acc &*= max(shape[i], 1)
            i -= 1
        }
        return strides
    }

    private static let unitStride = [1]

    /// The broadcast of two shapes, or PyTorch's size-mismatch error, which names the last
    /// dimension that does not match (PyTorch compares from the last dimension).
    public static func broadcast(_ a: [Int], _ b: [Int]) throws -> [Int] {
        if a == b || b.isEmpty { return a }
        if a.isEmpty { return b }
        let n = max(a.count, b.count)
        var out = [Int](repeating: 1, count: n)
        for i in (0..<n).reversed() {
            let da = i < n - a.count ? 1 : a[i - (n - a.count)]
            let db = i < n - b.count ? 1 : b[i - (n - b.count)]
            if da == db || db == 1 { out[i] = da }
            else if da == 1 { out[i] = db }
            else {
                throw TorchError.runtime("The size of tensor a (\(da)) must match the size of tensor b (\(db)) at non-singleton dimension \(i)")
            }
        }
        return out
    }

    /// `broadcast` for an op that allocates its result, of `dtype`, in that shape: operands that
    /// broadcast to more than any storage may hold get PyTorch's allocation error before any work.
    public static func broadcastResult(_ a: [Int], _ b: [Int], dtype: DType) throws -> [Int] {
        let shape = try broadcast(a, b)
        // The shape of an operand that exists is valid; a new one is checked.
        if shape != a && shape != b { _ = try checkedCount(shape, dtype: dtype) }
        return shape
    }

    /// Wraps a possibly negative dimension index into `0..<rank`, as PyTorch does.
    public static func wrapDim(_ dim: Int, rank: Int) throws -> Int {
        let r = max(rank, 1)
        if dim < -r || dim >= r {
            throw TorchError.index("Dimension out of range (expected to be in range of [\(-r), \(r - 1)], but got \(dim))")
        }
        return dim < 0 ? dim + r : dim
    }
}
