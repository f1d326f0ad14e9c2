/// Whether two tensors' elements share memory, as PyTorch's `get_overlap_status` decides it before
/// `copy_` and `index_put_` (which refuse to read and write the same elements in one pass).
enum MemoryOverlap { case none, full, partial, tooHard }

extension Tensor {
    /// True when the elements tile a contiguous block exactly, in some order of dimensions.
    var isNonOverlappingAndDense: Bool {
        if rank == 1 { return shape[0] < 2 || strides[0] == 1 }
        let order = (0..<rank).filter { shape[$0] > 1 }.sorted { strides[$0] < strides[$1] }
        var expected = 1
        for d in order {
            if strides[d] != expected { return false }
            expected &*= shape[d]
        }
        return true
    }

    /// PyTorch's `has_internal_overlap` answering Yes: some element is reached twice, through a
    /// dimension of stride 0 and size above 1 (an expanded tensor).
    var hasInternalOverlap: Bool {
        !isNonOverlappingAndDense && zip(shape, strides).contains { size, stride in stride == 0 && size > 1 }
    }

    func overlap(with other: Tensor) -> MemoryOverlap {
        if self === other { return .full }
        if numel == 0 || other.numel == 0 { return .none }
        if !isNonOverlappingAndDense || !other.isNonOverlappingAndDense { return .tooHard }
        guard storage === other.storage else { return .none }
        let (a0, a1) = (offset, offset &+ numel), (b0, b1) = (other.offset, other.offset &+ other.numel)
        if a0 == b0 && a1 == b1 { return strides == other.strides ? .full : .partial }
        return a0 < b1 && b0 < a1 ? .partial : .none
    }

    static let overlapMessage = "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location. Please clone() the tensor before performing the operation."
}
