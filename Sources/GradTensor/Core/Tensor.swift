/// An n-dimensional array that can record the operations applied to it.
///
/// A class, because graph identity matters (`x.grad` lives on one object). The data lives in a
/// `Storage` shared with every view; `shape`, `strides` and `offset` say which elements this tensor sees.
///
/// Threads: the library is used from one thread at a time. Tensors, and the process-wide state
/// of the library (`GradMode`, the random generator, the small caches of wrapped numbers and
/// backward seeds, the engine's work lists), are not synchronised; work may move between
/// threads, but not run on two at once, which is why the module is compiled with non-atomic
/// reference counts. (Large matrix products split their loops over worker threads inside
/// GradKernels, a module of its own; those touch only the buffers they are given.)
public final class Tensor {
    /// Which elements of which storage this tensor sees. `t.data = other` swaps it whole.
    ///
    /// Every layout is checked to lie inside its storage when it is made (a storage never
    /// shrinks), which is what makes the kernels' pointer arithmetic safe: they read and write
    /// `offset + Σ iₖ·strides[k]` only for indices `iₖ < shape[k]`. Views a user can ask for
    /// (`as_strided`, `set_`) validate first and raise PyTorch's errors; the check here catches
    /// a bug in grad, never a user's input.
    struct Layout {
        var storage: Storage
        var shape: [Int]
        var strides: [Int]
        var offset: Int

        @inline(__always)
        init(storage: Storage, shape: [Int], strides: [Int], offset: Int) {
            precondition(Layout.liesWithin(storage.count, shape: shape, strides: strides, offset: offset),
                         "a tensor's view reaches outside its storage")
            self.storage = storage
            self.shape = shape
            self.strides = strides
            self.offset = offset
        }

        /// Whether every element `shape`, `strides` and `offset` address is among the first
        /// `count` of a storage (true for a view of no elements). Strides may be negative (`flip`
        /// reads backwards through one).
        static func liesWithin(_ count: Int, shape: [Int], strides: [Int], offset: Int) -> Bool {
            guard shape.count == strides.count else { return false }
            var lowest = offset, highest = offset
            for k in shape.indices {
                let size = shape[k]
                if size == 0 { return true }
                guard size > 0 else { return false }
                let (span, spanOverflows) = (size - 1).multipliedReportingOverflow(by: strides[k])
                let (end, endOverflows) = (span < 0 ? lowest : highest).addingReportingOverflow(span)
                if spanOverflows || endOverflows { return false }
                if span < 0 { lowest = end } else { highest = end }
            }
            return lowest >= 0 && highest < count
        }
    }

    /// Where this tensor stands in the autograd graph.
    struct GraphLinks {
        /// Set on leaves by the user, on outputs by the op recorder.
        var requiresGrad = false
        /// For a leaf during a backward pass: how many edges reached in the pass that lead to it
        /// have not yet passed their gradient (its `AccumulateGrad` runs at 0). Next to the
        /// flag above, in what would be padding.
        var leafConsumersWaiting: Int32 = 0
        /// The node that produced this tensor; nil for leaves.
        var gradFn: Node?
        /// Which of `gradFn`'s outputs this tensor is (`output_nr`): 0 but for an op with several.
        var outputNr = 0
        /// The tensor this one is a view of (for `._base` and view-aware in-place checks).
        var viewBase: Tensor?
        /// `viewBase != nil`, kept as a plain flag that the hot paths test without touching the
        /// reference (no retain and release).
        var isView = false
        /// For a view: the version of the counter it shares with its base when `gradFn` was set.
        var gradFnVersion = 0
        /// For a view recorded as output `k` of an op that returns several views (`unbind`), or
        /// a view of such a view (output 0): k. PyTorch refuses in-place writes to these.
        var multiOutputViewIndex: Int?
        /// Made in inference mode (or a view or alias of such a tensor): autograd may not save it,
        /// nor may it be written in place, outside inference mode (`is_inference()`).
        var isInference = false
    }

    // The state the library reads on every op is stored in internal properties, and only read
    // through the public ones below: Swift checks exclusive access to a public stored `var` of a
    // class at run time on every read (another module might be writing it), whereas the whole-module
    // optimizer proves the internal ones safe at compile time.
    var layout: Layout
    var links = GraphLinks()

    public var storage: Storage { layout.storage }
    public var shape: [Int] { layout.shape }
    public var strides: [Int] { layout.strides }
    public var offset: Int { layout.offset }
    public internal(set) var requiresGrad: Bool {
        get { links.requiresGrad }
        set { links.requiresGrad = newValue }
    }
    /// A view's node (and `requiresGrad`) is remade when its base was written in place since it
    /// was set: where it is read for the graph (recording an op, backward's roots) or shown
    /// (`grad_fn`, `requires_grad`, `is_leaf`, printing), `refreshViewGradFn` runs first. Not in
    /// these accessors: a call there, even one never taken, costs retains in every op.
    /// Setting it makes the tensor the node's first output (`graphPosition` sets another).
    public internal(set) var gradFn: Node? {
        get { links.gradFn }
        set {
            links.gradFn = newValue
            links.outputNr = 0
        }
    }

    /// `output_nr`: which output of its node this tensor is (0 for a leaf).
    public var outputNr: Int { links.outputNr }

    /// The tensor's node and which of its outputs it is, to put another tensor in the same place.
    var graphPosition: (node: Node?, output: Int) {
        get { (links.gradFn, links.outputNr) }
        set { (links.gradFn, links.outputNr) = (newValue.node, newValue.output) }
    }
    public internal(set) var viewBase: Tensor? {
        get { links.viewBase }
        set {
            links.viewBase = newValue
            links.isView = newValue != nil
        }
    }

    /// Created on first use: most tensors (an op's fresh output) are never changed in place or
    /// viewed, and so never need one. Until then `version` is 0, where a new counter starts, so
    /// saving a tensor for backward notes its version without creating one.
    private var sharedCounter: VersionCounter?
    var versionCounter: VersionCounter {
        if let counter = sharedCounter { return counter }
        let counter = VersionCounter()
        sharedCounter = counter
        return counter
    }

    var storedGrad: Tensor?
    /// The gradient a backward pass has summed so far for this leaf; the engine clears it
    /// before the pass returns.
    var pendingLeafGradient: Tensor?
    var retainsGrad = false
    /// Hooks on this leaf's gradient (`Hooks.swift`); nil until one is registered.
    var attachedToLeaf: LeafAttachments?
    /// True for the 0-dim tensors that stand for Python numbers; they rank lowest in type promotion.
    var isWrappedNumber = false
    /// True for `torch.nn.Parameter`s: what `type(p)` and `repr(p)` show. Results of ops on a
    /// parameter are plain tensors, as in PyTorch.
    public var isParameter = false
    /// Set (`markWeaklyReferenced`) by a language that keeps weak references to this tensor: its
    /// deinit then reports the death to `weaklyReferencedTensorDied`, so that the references'
    /// callbacks run. Private, behind a method: a public stored `var` of a class is checked for
    /// exclusive access at run time on every use, here every tensor's deinit.
    private var isWeaklyReferenced = false
    public func markWeaklyReferenced() { isWeaklyReferenced = true }
    /// Told the identity of each weakly referenced tensor as it dies (inside its deinit: it must
    /// not run the language's code there, only note it).
    nonisolated(unsafe) public static var weaklyReferencedTensorDied: ((ObjectIdentifier) -> Void)?

    deinit {
        if isWeaklyReferenced { Tensor.weaklyReferencedTensorDied?(ObjectIdentifier(self)) }
    }

    // Inlined, as it was before the inference flag made it too large for the optimizer to choose to.
    @inline(__always)
    init(storage: Storage, shape: [Int], strides: [Int], offset: Int, version: VersionCounter?) {
        layout = Layout(storage: storage, shape: shape, strides: strides, offset: offset)
        sharedCounter = version
        if GradMode.isInferenceMode { links.isInference = true }
    }

    /// A new contiguous tensor of zeros. Validates the size before allocating.
    public convenience init(zeros shape: [Int], dtype: DType) throws {
        let n = try Shape.checkedCount(shape, dtype: dtype)
        self.init(storage: try Storage.make(dtype: dtype, count: n), shape: shape,
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

    /// `torch.autograd.graph.increment_version`: notes that the data changed in place where no
    /// op saw it (a custom function's `mark_dirty`). An inference tensor keeps no version.
    public func incrementVersion() {
        if !links.isInference { versionCounter.bump() }
    }

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

    /// Contiguous with every stride the row-major one, size-1 dimensions' included: broadcast
    /// against others, such a tensor leaves the result row-major (`MemoryOrder`).
    var hasRowMajorStrides: Bool {
        var expected = 1
        var i = shape.count - 1
        while i >= 0 {
            if strides[i] != expected { return false }
            expected &*= Swift.max(shape[i], 1)
            i -= 1
        }
        return true
    }

    /// A tensor sharing this one's data, version counter and shape but no graph history.
    public func detach() -> Tensor {
        let t = Tensor(storage: storage, shape: shape, strides: strides, offset: offset, version: versionCounter)
        t.links.isInference = links.isInference
        return t
    }

    /// `.data`: like `detach()` but with its own version counter, so changes made through it are
    /// invisible to autograd's checks (PyTorch's documented hazard).
    public var data: Tensor {
        let t = Tensor(storage: storage, shape: shape, strides: strides, offset: offset, version: nil)
        t.links.isInference = links.isInference
        return t
    }

    /// `is_inference()`.
    public var isInference: Bool { links.isInference }

    /// `t.data = other`: swaps in other's data, keeping this tensor's identity and graph flags.
    public func setData(_ other: Tensor) throws {
        layout = other.layout
    }
}
