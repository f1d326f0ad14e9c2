/// A recorded operation in the autograd graph (`grad_fn`): what to do with the gradient of its one
/// output, and where the resulting input gradients go. Every node is a `FormulaNode`, which adds
/// the op's saved state and its backward formula.
public class Node {
    /// Where an input's gradient goes: the node that produced it, a leaf to accumulate into, or nowhere.
    enum Edge {
        case none
        case node(Node)
        case leaf(Tensor)
    }

    /// One input of the op: where its gradient goes, and the shape and dtype that gradient must
    /// have. The engine conforms gradients to them, which is where broadcasting is undone for
    /// every op at once.
    struct Input {
        /// Emptied when the node dies (`takeDyingInputs`).
        var edge: Edge
        let shape: [Int]
        let dtype: DType

        init(_ tensor: Tensor) {
            edge = tensor.gradientEdge
            shape = tensor.shape
            dtype = tensor.dtype
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
    /// to run the formula once an in-place op has changed it (PyTorch's check).
    struct SavedVersion {
        let tensor: Tensor
        let expected: Int
    }

    public final let name: String
    final var inputs: SmallVector<Input>
    /// The tensors of the saved state, as `TensorSaver.save` noted them.
    final var savedVersions: SmallVector<SavedVersion>
    /// The op's output, detached, for formulas that reuse it (exp, tanh, ...). Holding it detached
    /// avoids the cycle output → node → output; `BackwardContext.output` reattaches it.
    final private(set) var savedOutput: Tensor?
    /// The output's version when it was saved.
    final private var savedOutputVersion = 0
    /// Where `retain_grad()` wants this node's incoming gradient stored.
    final weak var retainedGradTarget: Tensor? { didSet { hasRetainedGradTarget = retainedGradTarget != nil } }
    /// Read by the engine for every node: a plain flag, as reading a weak reference is a runtime call.
    final private(set) var hasRetainedGradTarget = false
    /// Set once backward has freed the saved state.
    final private(set) var isReleased = false
    /// The backward pass's bookkeeping, kept on the node rather than in hash tables keyed by node
    /// identity: which pass last reached it, how many of its consumers have not yet run, and the
    /// gradient summed so far. The engine clears `pendingGradient` before the pass returns.
    final var passStamp = 0
    final var waitingConsumers = 0
    final var pendingGradient: Tensor?

    /// Only `FormulaNode` makes nodes.
    fileprivate init(name: String, inputs: SmallVector<Input>, savedVersions: SmallVector<SavedVersion>) {
        self.name = name
        self.inputs = inputs
        self.savedVersions = savedVersions
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
    private final func takeDyingInputs(into pending: inout [Node]) -> Node? {
        var first: Node?
        for i in 0..<inputs.count {
            guard case .node(var input) = inputs[i].takeEdge() else { continue }
            guard isKnownUniquelyReferenced(&input) else { continue }
            if first == nil { first = input } else { pending.append(input) }
        }
        return first
    }

    /// Keeps a detached alias of the op's output for the formula (`BackwardContext.output`).
    final func saveOutput(_ output: Tensor) {
        savedOutput = output
        savedOutputVersion = output.versionCounter.value
    }

    /// Frees what backward needed, as PyTorch does after a backward pass without `retain_graph`.
    func release() {
        savedOutput = nil
        savedVersions = []
        isReleased = true
    }

    /// The gradients of the op's inputs, given its output's (`FormulaNode` runs its formula).
    /// A node without a formula is one whose formula backward has freed.
    func inputGradients(_ ctx: BackwardContext) throws -> InputGradients {
        throw TorchError.runtime("Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.")
    }

    /// Throws PyTorch's error when a saved tensor, or the saved output, was changed in place
    /// after the op ran.
    final func checkSavedVersions() throws {
        for saved in savedVersions {
            try check(saved.tensor, expected: saved.expected, producer: saved.tensor.gradFn?.name)
        }
        if let output = savedOutput { try check(output, expected: savedOutputVersion, producer: name) }
    }

    /// `producer` is the name of the node that made `tensor` ("ExpBackward0"; nil for leaves).
    private final func check(_ tensor: Tensor, expected: Int, producer: String?) throws {
        let version = tensor.versionCounter.value
        guard version != expected else { return }
        let what = "[\(tensor.dtype.legacyTensorName) [\(tensor.shape.map(String.init).joined(separator: ", "))]]"
        let op = producer.map { name in name.firstRange(of: "Backward").map { String(name[..<$0.lowerBound]) } ?? name }
        let outputOf = op.map { ", which is output 0 of \($0)," } ?? ""
        throw TorchError.runtime("one of the variables needed for gradient computation has been modified by an inplace operation: \(what)\(outputOf) is at version \(version); expected version \(expected) instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).")
    }

    /// The nodes feeding this one (`next_functions`, leaves excluded).
    final var nextNodes: [Node] {
        let inputs = self.inputs
        return inputs.compactMap { if case .node(let n) = $0.edge { return n } else { return nil } }
    }
}

/// A node with its op's saved state and backward formula, as `Tensor.record` makes it. The formula
/// reads the state by name (`saved.other`) and captures nothing, so a recorded op costs one object.
final class FormulaNode<Saved>: Node {
    /// Nil once released.
    private var saved: Saved?
    private let formula: (BackwardContext, Saved) throws -> InputGradients

    init(name: String, inputs: SmallVector<Input>, savedVersions: SmallVector<SavedVersion>, saved: Saved,
         formula: @escaping (BackwardContext, Saved) throws -> InputGradients) {
        self.saved = saved
        self.formula = formula
        super.init(name: name, inputs: inputs, savedVersions: savedVersions)
    }

    override func inputGradients(_ ctx: BackwardContext) throws -> InputGradients {
        guard let saved else { return try super.inputGradients(ctx) }
        return try formula(ctx, saved)
    }

    override func release() {
        saved = nil
        super.release()
    }
}

/// What a backward formula returns: one gradient per input of its node (nil where none flows),
/// written as an array literal (`[ctx.grad, nil]`).
typealias InputGradients = SmallVector<Tensor?>

/// What a backward formula receives besides its saved state: the gradient of the op's output,
/// and the node, for what every node records (its inputs' shapes, which of them want a
/// gradient, its saved output).
struct BackwardContext {
    let grad: Tensor
    let node: Node

    /// Whether input `i` wants a gradient (formulas skip the work for the others).
    func needs(_ i: Int) -> Bool {
        if case .none = node.inputs[i].edge { return false }
        return true
    }

    /// The shape of input `i` when the op ran.
    func inputShape(_ i: Int) -> [Int] {
        node.inputs[i].shape
    }

    /// The op's saved output, attached to the graph when higher-order gradients are being built.
    var output: Tensor {
        guard let saved = node.savedOutput else { return grad }
        if !GradMode.isEnabled { return saved }
        let t = saved.detach()
        t.requiresGrad = true
        t.gradFn = node
        return t
    }
}
