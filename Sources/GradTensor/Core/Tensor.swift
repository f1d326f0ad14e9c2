/// An n-dimensional array that can record the operations applied to it.
///
/// A class, because graph identity matters (`x.grad` lives on one object). The data lives in a
/// `Storage` shared with every view; `shape`, `strides` and `offset` say which elements this tensor sees.
public final class Tensor {
    public internal(set) var storage: Storage
    public internal(set) var shape: [Int]
    public internal(set) var strides: [Int]
    public internal(set) var offset: Int
    /// Created on first use: most tensors (an op's fresh output) are never changed in place,
    /// viewed or saved for backward, and so never need one.
    private var sharedCounter: VersionCounter?
    var versionCounter: VersionCounter {
        if let counter = sharedCounter { return counter }
        let counter = VersionCounter()
        sharedCounter = counter
        return counter
    }

    /// Set on leaves by the user, on outputs by the op recorder.
    public internal(set) var requiresGrad: Bool = false
    /// The node that produced this tensor; nil for leaves.
    public internal(set) var gradFn: Node?
    var storedGrad: Tensor?
    /// The gradient a backward pass has summed so far for this leaf; the engine clears it
    /// before the pass returns.
    var pendingLeafGradient: Tensor?
    var retainsGrad = false
    /// True for the 0-dim tensors that stand for Python numbers; they rank lowest in type promotion.
    var isWrappedNumber = false
    /// The tensor this one is a view of (for `._base` and view-aware in-place checks).
    public internal(set) var viewBase: Tensor?

    init(storage: Storage, shape: [Int], strides: [Int], offset: Int, version: VersionCounter?) {
        self.storage = storage
        self.shape = shape
        self.strides = strides
        self.offset = offset
        sharedCounter = version
    }

    /// A new contiguous tensor of zeros. Validates the size before allocating.
    public convenience init(zeros shape: [Int], dtype: DType) throws {
        let n = try Shape.checkedCount(shape, dtype: dtype)
        self.init(storage: Storage.make(dtype: dtype, count: n), shape: shape,
                  strides: Shape.contiguousStrides(shape), offset: 0, version: nil)
    }

    /// A contiguous tensor over freshly computed storage (kernels' outputs).
    convenience init(storage: Storage, shape: [Int]) {
        self.init(storage: storage, shape: shape, strides: Shape.contiguousStrides(shape), offset: 0,
                  version: nil)
    }

    public var dtype: DType { storage.dtype }
    public var rank: Int { shape.count }
    public var numel: Int { Shape.count(shape) }
    public var isLeaf: Bool { gradFn == nil }
    public var version: Int { sharedCounter?.value ?? 0 }

    public var isContiguous: Bool {
        var expected = 1
        var i = shape.count - 1
        while i >= 0 {
            if shape[i] != 1 && strides[i] != expected { return false }
            expected &*= shape[i]
            i -= 1
        }
        return true
    }

    /// A tensor sharing this one's data, version counter and shape but no graph history.
    public func detach() -> Tensor {
        Tensor(storage: storage, shape: shape, strides: strides, offset: offset, version: versionCounter)
    }

    /// `.data`: like `detach()` but with its own version counter, so changes made through it are
    /// invisible to autograd's checks (PyTorch's documented hazard).
    public var data: Tensor {
        Tensor(storage: storage, shape: shape, strides: strides, offset: offset, version: nil)
    }

    /// `t.data = other`: swaps in other's data, keeping this tensor's identity and graph flags.
    public func setData(_ other: Tensor) throws {
        storage = other.storage
        shape = other.shape
        strides = other.strides
        offset = other.offset
    }
}
