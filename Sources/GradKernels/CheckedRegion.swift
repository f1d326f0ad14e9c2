/// The bounds checks of the matrix-product kernels. Their inner loops index raw pointers; each
/// loop's whole extent (a panel, a tile, an operand block) is checked once beforehand against
/// the buffer it lies in, in every build (`precondition`, which release builds keep), so that no
/// loop reads or writes memory no check covered. A failed check is a bug in a kernel's index
/// arithmetic, never a user's mistake (shapes are checked before the kernels run).

/// `count` elements from `base` that a kernel may read and write: a result tensor's storage
/// from its first element, or packing scratch.
public struct ElementRun<T>: @unchecked Sendable {
    public let base: UnsafeMutablePointer<T>
    public let count: Int

    public init(base: UnsafeMutablePointer<T>, count: Int) {
        self.base = base
        self.count = count
    }

    /// The `length` elements from `offset`, checked to lie in the run.
    @inline(__always)
    public func span(at offset: Int, count length: Int) -> ElementRun {
        precondition(offset >= 0 && length >= 0 && length <= count && offset <= count &- length,
                     "kernel span outside its buffer")
        return ElementRun(base: base + offset, count: length)
    }

    /// The `rows`×`cols` block from `offset` with row stride `rowStride` (columns contiguous),
    /// checked to lie in the run.
    @inline(__always)
    func block(at offset: Int, rows: Int, cols: Int, rowStride: Int) -> ElementRun {
        precondition(offset >= 0 && offset <= count && spans(count &- offset, rows: rows, cols: cols,
                                                               rowStride: rowStride, colStride: 1),
                     "kernel block outside its buffer")
        // From the block's first element to its last (nothing when it is empty).
        return ElementRun(base: base + offset, count: rows > 0 && cols > 0 ? (rows &- 1) &* rowStride &+ cols : 0)
    }
}

/// Whether a `rows`×`cols` block with non-negative strides, from an element with `available`
/// elements from it on (itself included), stays among them. Overflow counts as not.
@inline(__always)
func spans(_ available: Int, rows: Int, cols: Int, rowStride: Int, colStride: Int) -> Bool {
    guard rows > 0 && cols > 0 else { return rows >= 0 && cols >= 0 }
    guard rowStride >= 0 && colStride >= 0 else { return false }
    let (down, o1) = (rows &- 1).multipliedReportingOverflow(by: rowStride)
    let (across, o2) = (cols &- 1).multipliedReportingOverflow(by: colStride)
    let (last, o3) = down.addingReportingOverflow(across)
    return !o1 && !o2 && !o3 && last < available
}
