/// A recorded operation in the autograd graph (`grad_fn`): what to do with the gradients of its
/// outputs (nearly always one; `split` has several), and where the resulting input gradients go.
public final class Node {
    /// Where an input's gradient goes: the node that produced it (the output is the input's
    /// `output`), a leaf to accumulate into, or nowhere.
    enum Edge {
        case none
        case node(Node)
        case leaf(Tensor)
    }

    /// One input of the op: where its gradient goes (an edge and, for a node's, which of its
    /// outputs the input was), and the shape and dtype that gradient must have. The engine
    /// conforms gradients to them, which is where broadcasting is undone for every op at once.
    struct Input {
        /// Emptied when the node dies (`takeDyingInputs`).
        private(set) var edge: Edge
        let shape: [Int]
        let dtype: DType
        /// Which output of the edge's node the input was (its `output_nr`). Kept out of `Edge`
        /// and 32 bits wide so that an input stays as small as a one-output graph had it: a
        /// wider input made every recorded op and every backward step dearer.
        let output: UInt32

        init(_ tensor: Tensor) {
            edge = tensor.gradientEdge
            shape = tensor.shape
            dtype = tensor.dtype
            output = UInt32(truncatingIfNeeded: tensor.links.outputNr)
        }

        /// Empties the edge, returning what it held (as the only reference, when no one else
        /// holds the input node).
        mutating func takeEdge() -> Edge {
            let taken = edge
            edge = .none
            return taken
        }
    }

    /// A tensor of the op's saved state, with the version it had when saved: backward refuses
    /// to run the formula once an in-place op has changed it (PyTorch's check). A tensor saved
    /// through hooks is not checked, as in PyTorch (`unchecked`).
    struct SavedVersion {
        let tensor: Tensor
        let expected: Int

        /// The `expected` of a tensor whose in-place changes are no error.
        static let unchecked = Int.min

        /// Whether an in-place op changed the tensor since it was saved.
        var isModified: Bool { tensor.version != expected && expected != SavedVersion.unchecked }
    }

    /// Where the op's saved tensors are held, which decides what backward frees.
    enum SavedTensorPlace: UInt8 {
        /// Nowhere: the op saved none (it may have saved its output).
        case none
        /// In `savedVersions` only, the state holding their `SavedSlot`s: backward frees them
        /// and keeps the state's numbers, which `_saved_*` still shows, as in PyTorch.
        case slots
        /// Derived from saved tensors in the formula's state (`TensorSaver.keep`: an index's
        /// offsets), or in a custom function's context: backward frees the whole state.
        case state
    }

    public let name: String
    /// The order in which nodes were made, which decides the order backward runs them in when
    /// several are ready (`ReadyQueue`), as PyTorch's `sequence_nr` does.
    let sequenceNr: Int
    nonisolated(unsafe) private static var madeCount = 0

    /// The name of the node's Python class, which `grad_fn=<...>` and its repr show: the name
    /// without a C++ namespace (`torch::autograd::NotImplemented` is a `NotImplemented`).
    public var className: String { String(name.split(separator: ":").last ?? Substring(name)) }
    var inputs: SmallVector<Input>
    /// The tensors of the saved state, as `TensorSaver.save` noted them; a tensor saved in a
    /// slot (`TensorSaver.slot`) is held only here.
    var savedVersions: SmallVector<SavedVersion>
    /// The op's output, detached, for formulas that reuse it (exp, tanh, ...). Holding it detached
    /// avoids the cycle output → node → output; `BackwardContext.output` reattaches it.
    private(set) var savedOutput: Tensor?
    /// The output's version when it was saved.
    private(set) var savedOutputVersion = 0
    /// Where `retain_grad()` wants this node's incoming gradient stored.
    weak var retainedGradTarget: Tensor? { didSet { hasRetainedGradTarget = retainedGradTarget != nil } }
    /// Read by the engine for every node: a plain flag, as reading a weak reference is a runtime call.
    private(set) var hasRetainedGradTarget = false
    /// The backward formula, with the op's saved state (`Tensor.record`); nil once backward has
    /// freed them.
    private var formula: Formula?
    /// Set once backward has freed the saved state.
    private(set) var isReleased = false
    /// Where the op's saved tensors are (`TensorSaver`).
    private let savedTensorPlace: SavedTensorPlace
    /// Set once backward freed the saved tensors (while pass records are on, a released node
    /// keeps them): a formula kept for its numbers must not run then.
    private var savedTensorsFreed = false

    /// Whether backward has freed the saved state (`isReleased`, which the engine reads: kept
    /// internal, as a public stored `var` is checked for exclusive access at run time).
    public var isFreed: Bool { isReleased }
    /// The backward pass's bookkeeping, kept on the node rather than in hash tables keyed by node
    /// identity: which pass last reached it, how many of its consumers have not yet run, and the
    /// gradient summed so far for its (first) output. The engine clears the pending gradients
    /// (`clearPendingGradients`) before the pass returns.
    var passStamp = 0
    var waitingConsumers = 0
    /// For `autograd.grad`'s pruning (`Run.markUnneeded`): the pass whose walk visited the node,
    /// and the pass in which it leads to nothing asked about, so it does not run.
    var pruneVisitStamp = 0
    var unneededStamp = 0
    var pendingGradient: Tensor?
    /// What an op with several outputs keeps for the outputs after the first (`LaterOutputs`);
    /// nil for the usual op with one.
    /// Set as the op is recorded (`setOutputs`).
    var laterOutputs: LaterOutputs?
    /// Hooks, metadata and the language's object for the node (`Hooks.swift`); nil until used.
    var attached: NodeAttachments?

    init(name: String, inputs: SmallVector<Input>, savedVersions: SmallVector<SavedVersion>,
         savedTensorPlace: SavedTensorPlace, formula: @escaping Formula) {
        self.name = name
        self.inputs = inputs
        self.savedVersions = savedVersions
        self.savedTensorPlace = savedTensorPlace
        self.formula = formula
        Node.madeCount &+= 1
        sequenceNr = Node.madeCount
        // Only a field written: handing `self` to a function here costs every op retains.
        if AnomalyMode.isEnabled { attached = AnomalyMode.attachmentsOfNewNode() }
    }

    /// Frees a long chain of nodes without recursing once per node (ARC would otherwise release
    /// node → input edge → its node → … on the stack, and overflow it on deep graphs).
    deinit {
        var pending: [Node] = []
        var next = takeDyingInputs(into: &pending)
        while let node = next ?? pending.popLast() {
            node.release()
            next = node.takeDyingInputs(into: &pending)
        }
    }

    /// Empties the edges, moving out the input nodes that only this node holds (they are about
    /// to be freed too): the first is returned, any others appended to `pending` (a chain, the
    /// usual graph, needs no array). The other inputs are simply released.
    private func takeDyingInputs(into pending: inout [Node]) -> Node? {
        // A node freed by the deinit of its consumer was taken apart there already.
        if inputs.isEmpty { return nil }
        // Moved out whole (a swap releases nothing, so no deinit can run while `inputs` is
        // being written), then taken apart by moving its inputs out one by one (no copies).
        var dying = SmallVector<Input>()
        swap(&dying, &inputs)
        var first: Node?
        while var input = dying.popLast() {
            guard case .node(var node) = input.takeEdge() else { continue }
            guard isKnownUniquelyReferenced(&node) else { continue }
            if first == nil { first = node } else { pending.append(node) }
        }
        return first
    }

    /// Keeps a detached alias of the op's output for the formula (`BackwardContext.output`).
    func saveOutput(_ output: Tensor) {
        savedOutput = output
        savedOutputVersion = output.version
    }

    /// The saved output attached to this node, as a formula building a graph of the gradient
    /// reads it and as PyTorch's `_saved_result` shows it; nil when none is kept.
    var attachedOutput: Tensor? {
        savedOutput.map { attach($0, asOutput: 0) }
    }

    /// A new tensor over `saved`'s data that is output `k` of this node.
    func attach(_ saved: Tensor, asOutput k: Int) -> Tensor {
        let t = saved.detach()
        t.requiresGrad = true
        t.gradFn = self
        t.links.outputNr = k
        return t
    }

    /// Takes the saved output's current version as the one expected: for an output that went
    /// through saved-tensor hooks, which PyTorch does not check for in-place changes.
    func acceptOutputVersion() {
        if let savedOutput { savedOutputVersion = savedOutput.version }
    }

    /// Frees the saved tensors (and the formula, when its state holds them), as PyTorch does
    /// after a backward pass without `retain_graph`. A node that saved none keeps its formula and
    /// its numbers, so backward can run through it again and `_saved_*` stays readable, as in
    /// PyTorch; a node whose tensors sat in slots keeps its formula's numbers too.
    /// A node freed after such a pass has nothing left to free.
    /// While pass records are on (`PassRecords`), the saved state stays for explanations, which
    /// read it through `explanationGradients`; to the program the node is freed all the same.
    /// State packed by saved-tensor hooks is freed regardless: unpacking it runs program code.
    func release() {
        if isReleased || !(savedTensorPlace != .none || savedOutput != nil || !(laterOutputs?.savedOutputs.isEmpty ?? true)) { return }
        isReleased = true
        if PassRecords.isEnabled && (attached?.packedTensors.isEmpty ?? true) { return }
        savedTensorsFreed = true
        if savedTensorPlace == .state { formula = nil }
        savedOutput = nil
        laterOutputs?.savedOutputs = []
        savedVersions = []
        attached?.packedTensors = []
    }

    /// The gradients of the op's inputs, given its output's: what the formula returns.
    func inputGradients(_ ctx: BackwardContext) throws -> InputGradients {
        guard !isReleased, let formula else { throw Node.freedError }
        return try formula(ctx)
    }

    /// The formula's input gradients whether or not backward has freed the node (nil when its
    /// saved state is gone): explanations re-run it on the state kept for them.
    func keptInputGradients(_ ctx: BackwardContext) throws -> InputGradients? {
        if savedTensorsFreed { return nil }
        return try formula?(ctx)
    }

    /// A formula with the op's saved state (`Tensor.record`): called with a context, the inputs'
    /// gradients; called with nil, it only reports its state through `reportState`. One closure
    /// does both, so the state is neither stored twice nor read through unspecialized generic code.
    typealias Formula = (BackwardContext?) throws -> InputGradients

    /// Where a formula called with nil leaves its state, for `savedState` to take at once.
    nonisolated(unsafe) private static var reportedState: Any?

    static func reportState(_ state: Any) {
        reportedState = state
    }

    /// The op's saved state as the formula reads it (`_saved_*` reads its fields); nil once freed.
    var savedState: Any? {
        isReleased ? nil : keptSavedState
    }

    /// The saved state whether or not backward has freed the node, while it is kept (after the
    /// free, a state whose tensors sat in slots: its numbers).
    var keptSavedState: Any? {
        guard let formula else { return nil }
        defer { Node.reportedState = nil }
        _ = try? formula(nil)
        return Node.reportedState
    }

    /// The tensor saved in `slot`; nil once backward freed it.
    func tensor(in slot: SavedSlot) -> Tensor? {
        slot.index < savedVersions.count ? savedVersions[slot.index].tensor : nil
    }

    /// PyTorch's error for backward, or a read of a saved tensor, after the saved state was freed.
    public static let freedError = TorchError.runtime("Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.")

    /// Throws PyTorch's error when a saved tensor, or the saved output, was changed in place
    /// after the op ran. Only the versions are read unless one differs.
    func checkSavedVersions() throws {
        // A freed node's formula refuses to run: that error, not this one, is PyTorch's.
        if isReleased { return }
        for i in savedVersions.indices {
            let saved = savedVersions[i]
            let version = saved.tensor.version
            if version != saved.expected && saved.expected != SavedVersion.unchecked {
                saved.tensor.refreshViewGradFn()
                throw modified(saved.tensor, version: version, expected: saved.expected, producer: saved.tensor.gradFn?.name)
            }
        }
        if let output = savedOutput, output.version != savedOutputVersion {
            throw modified(output, version: output.version, expected: savedOutputVersion, producer: name)
        }
    }

    /// The error for `tensor`, changed to `version` where the formula expected `expected`;
    /// `producer` is the name of the node that made it ("ExpBackward0"; nil for leaves).
    private func modified(_ tensor: Tensor, version: Int, expected: Int, producer: String?) -> TorchError {
        let what = "[\(tensor.dtype.legacyTensorName) [\(tensor.shape.map(String.init).joined(separator: ", "))]]"
        let outputOf = producer.map { ", which is output 0 of \(Node.opName($0))," } ?? ""
        return TorchError.runtime("one of the variables needed for gradient computation has been modified by an inplace operation: \(what)\(outputOf) is at version \(version); expected version \(expected) instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).")
    }

    /// How PyTorch's in-place error names the node that made a tensor: a generated node without
    /// "Backward" and a 0 version (ExpBackward0 → Exp, FillBackward2 → Fill2), a hand-written one
    /// by its C++ type (torch::autograd::CopySlices).
    static func opName(_ node: String) -> String {
        if isHandWritten(node) { return "torch::autograd::" + node }
        // The last "Backward": a custom function's class name may hold one (BackwardHookFunction).
        guard let backward = node.ranges(of: "Backward").last else { return node }
        let version = node[backward.upperBound...]
        return String(node[..<backward.lowerBound]) + (version == "0" ? "" : version)
    }

    /// PyTorch's C++ classes written by hand rather than generated from derivatives.yaml: their
    /// `name()` carries the C++ namespace.
    public static func isHandWritten(_ node: String) -> Bool {
        node == "CopySlices" || node == "CopyBackwards"
    }

    /// What `grad_fn.name()` returns: `MulBackward0`, `torch::autograd::CopySlices`.
    public var qualifiedName: String { Node.isHandWritten(name) ? "torch::autograd::" + name : name }

    /// The nodes feeding this one (`next_functions`, leaves excluded).
    var nextNodes: [Node] {
        let inputs = self.inputs
        return inputs.compactMap { if case .node(let n) = $0.edge { return n } else { return nil } }
    }
}

/// What a backward formula returns: one gradient per input of its node (nil where none flows),
/// written as an array literal (`[ctx.grad, nil]`).
typealias InputGradients = SmallVector<Tensor?>

/// What a backward formula receives besides its saved state: the gradient of the op's output,
/// and the node, for what every node records (its inputs' shapes, which of them want a
/// gradient, its saved output).
struct BackwardContext {
    /// The gradient of the op's output; for an op with several outputs, of its first one (zeros
    /// when none arrived there). For an op with one output that none reached (a custom
    /// function's, run all the same), an empty placeholder: `arrivedGrad` is then nil.
    let grad: Tensor
    /// For an op with several outputs, each one's gradient, nil where none arrived (PyTorch's
    /// undefined gradient); for an op with one, empty, or `[nil]` when none reached it.
    let outputGrads: [Tensor?]
    let node: Node

    init(grad: Tensor, node: Node) {
        self.grad = grad
        outputGrads = []
        self.node = node
    }

    /// The context of a node given each output's gradient, nil where none arrived: a node with
    /// several outputs, or one no gradient reached.
    init(outputGrads: [Tensor?], node: Node) throws {
        if let first = outputGrads.first, let first {
            grad = first
        } else {
            grad = try node.laterOutputs == nil ? Tensor(zeros: [0], dtype: .float32) : node.zeroGradient(ofOutput: 0)
        }
        self.outputGrads = outputGrads
        self.node = node
    }

    /// The gradient of the op's (first) output, nil when none arrived there.
    var arrivedGrad: Tensor? {
        outputGrads.isEmpty ? grad : outputGrads[0]
    }

    /// Output `k`'s gradient, zeros where none arrived (what `split`'s and `unbind`'s
    /// formulas join).
    func materializedGrad(_ k: Int) throws -> Tensor {
        if k < outputGrads.count, let g = outputGrads[k] { return g }
        return try node.zeroGradient(ofOutput: k)
    }

    /// Whether input `i` wants a gradient (formulas skip the work for the others); false for an
    /// optional input the op was not given (CopySlices of a number written has no second input).
    func needs(_ i: Int) -> Bool {
        guard i < node.inputs.count else { return false }
        if case .none = node.inputs[i].edge { return false }
        return true
    }

    /// The shape of input `i` when the op ran.
    func inputShape(_ i: Int) -> [Int] {
        node.inputs[i].shape
    }

    /// The tensor the op saved in `slot` (`TensorSaver.slot`).
    func saved(_ slot: SavedSlot) throws -> Tensor {
        guard let tensor = node.tensor(in: slot) else { throw Node.freedError }
        return tensor
    }

    /// The op's saved output, attached to the graph when higher-order gradients are being built.
    var output: Tensor {
        guard let saved = node.savedOutput else { return grad }
        if !GradMode.isEnabled { return saved }
        return node.attachedOutput ?? saved
    }
}
