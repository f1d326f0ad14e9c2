/// A recorded operation in the autograd graph (`grad_fn`): what to do with the gradient of its one
/// output, and where the resulting input gradients go.
public final class Node {
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
        /// Emptied when the node dies (`NodeInputs.takeEdge`).
        var edge: Edge
        let shape: [Int]
        let dtype: DType

        init(_ tensor: Tensor) {
            edge = tensor.gradientEdge
            shape = tensor.shape
            dtype = tensor.dtype
        }

        private init(edge: Edge, shape: [Int], dtype: DType) {
            self.edge = edge
            self.shape = shape
            self.dtype = dtype
        }

        /// Fills the inline slots of `NodeInputs` that an op with fewer inputs leaves unused.
        static var absent: Input { Input(edge: .none, shape: [], dtype: .float32) }
    }

    /// A tensor the backward formula reads, with the version it had when saved.
    struct SavedVersion {
        let counter: VersionCounter
        let expected: Int
        let shape: [Int]
        let dtype: DType
        /// The saved tensor, whose current `grad_fn` the error message names (PyTorch looks it
        /// up when the check fails); nil when the op saved its own output.
        let tensor: Tensor?
        /// The op's own node name, for a saved output.
        let outputOf: String?

        /// "Exp" for a tensor last produced by ExpBackward0; nil for leaves.
        var producerName: String? {
            guard let name = outputOf ?? tensor?.gradFn?.name else { return nil }
            guard let suffix = name.firstRange(of: "Backward") else { return name }
            return String(name[..<suffix.lowerBound])
        }
    }

    public let name: String
    private(set) var inputs: NodeInputs
    var backward: ((BackwardContext) throws -> InputGradients)?
    var savedVersions: [SavedVersion]
    /// The op's output, detached, for formulas that reuse it (exp, tanh, ...). Holding it detached
    /// avoids the cycle output → node → output; `BackwardContext.output` reattaches it.
    var savedOutput: Tensor?
    /// A number the formula needs (`pow`'s exponent, `sub`'s alpha), kept here rather than
    /// captured: a formula that captures nothing costs no closure context.
    var savedScalar: Scalar = .int(1)
    /// Where `retain_grad()` wants this node's incoming gradient stored.
    weak var retainedGradTarget: Tensor? { didSet { hasRetainedGradTarget = retainedGradTarget != nil } }
    /// Read by the engine for every node: a plain flag, as reading a weak reference is a runtime call.
    private(set) var hasRetainedGradTarget = false
    /// Set once backward has freed the saved state and the formula.
    var isReleased = false
    /// The backward pass's bookkeeping, kept on the node rather than in hash tables keyed by node
    /// identity: which pass last reached it, how many of its consumers have not yet run, and the
    /// gradient summed so far. The engine clears `pendingGradient` before the pass returns.
    var passStamp = 0
    var waitingConsumers = 0
    var pendingGradient: Tensor?

    init(name: String, inputs: NodeInputs, savedVersions: [SavedVersion],
         backward: @escaping (BackwardContext) throws -> InputGradients) {
        self.name = name
        self.inputs = inputs
        self.savedVersions = savedVersions
        self.backward = backward
    }

    /// Frees a long chain of nodes without recursing once per node (ARC would otherwise release
    /// node → formula → saved input → its node → … on the stack, and overflow it on deep graphs).
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
        var first: Node?
        for i in inputs.indices {
            guard case .node(var input) = inputs.takeEdge(i) else { continue }
            guard isKnownUniquelyReferenced(&input) else { continue }
            if first == nil { first = input } else { pending.append(input) }
        }
        return first
    }

    /// Frees what backward needed, as PyTorch does after a backward pass without `retain_graph`.
    func release() {
        backward = nil
        savedOutput = nil
        savedVersions = []
        isReleased = true
    }

    /// The nodes feeding this one (`next_functions`, leaves excluded).
    var nextNodes: [Node] {
        inputs.compactMap { if case .node(let n) = $0.edge { return n } else { return nil } }
    }
}

/// What a backward formula receives: the gradient of the op's output, and the output itself.
struct BackwardContext {
    let grad: Tensor
    /// Unowned(unsafe): the engine holds the node while its formula runs, and formulas do not keep
    /// their context; a checked unowned reference costs two runtime calls per node.
    unowned(unsafe) let node: Node

    /// Whether input `i` wants a gradient (formulas skip the work for the others).
    func needs(_ i: Int) -> Bool {
        if case .none = withNode({ $0.inputs.edge(i) }) { return false }
        return true
    }

    /// The shape of input `i` when the op ran.
    func inputShape(_ i: Int) -> [Int] {
        withNode { $0.inputs.shape(i) }
    }

    /// The `i`th tensor the op saved (`saving:`), read from the node: a formula that reads its
    /// tensors this way captures nothing, and so costs no closure context per recorded op.
    func saved(_ i: Int) throws -> Tensor {
        guard let t = withNode({ $0.savedVersions[i].tensor }) else {
            throw TorchError.runtime("saved tensor \(i) of \(node.name) is the op's output, not an input")
        }
        return t
    }

    /// The number the op saved (`savingScalar:`).
    var savedScalar: Scalar { withNode { $0.savedScalar } }

    /// Reads the node in place. Through the unowned(unsafe) reference itself Swift copies
    /// `inputs` out first (retaining every edge and shape), as it cannot tell the node stays alive.
    private func withNode<R>(_ read: (Node) -> R) -> R {
        Unmanaged.passUnretained(node)._withUnsafeGuaranteedRef(read)
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
