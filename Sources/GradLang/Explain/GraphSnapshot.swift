import GradTensor

/// The autograd graph behind some tensors as PyTorch shows it through `grad_fn.next_functions`:
/// the description both pictures are drawn from (the terminal tree of `%graph`, the DOT text of
/// `%graph -o` and torchviz's `make_dot`). Each node appears once however many nodes use it.
public struct GraphSnapshot {
    /// A tensor in the picture: an output, a leaf that requires grad, or a saved tensor.
    public struct TensorVertex {
        /// Held so that identities stay distinct while the snapshot lives.
        let tensor: Tensor
        /// The user's name for it, where it has one.
        public let name: String?
        public var shape: [Int] { tensor.shape }
        public var dtype: DType { tensor.dtype }
    }

    /// One `_saved_*` attribute of a node, in the order `dir()` lists them.
    public struct Saved {
        public let name: String
        public let value: SavedItem
    }

    public enum SavedItem {
        /// A saved tensor: an index into `tensors`.
        case tensor(Int)
        /// Anything else, as `str()` prints it (`None` for a tensor the op did not need).
        case text(String)
    }

    /// A backward node (`grad_fn`), or the `AccumulateGrad` node of a leaf.
    public struct Function {
        /// The node's class name as PyTorch names it (`MulBackward0`, `AccumulateGrad`).
        public let name: String
        /// For `AccumulateGrad`, its leaf (`.variable`): an index into `tensors`.
        public let variable: Int?
        /// The nodes its gradients flow to, in `next_functions` order, `None`s left out: indexes into `functions`.
        public internal(set) var inputs: [Int]
        public let saved: [Saved]
        /// Why the saved values could not be read (backward has freed them), if it failed.
        public let savedFailure: Error?
    }

    /// A tensor the picture starts from, with the node that made it and, for a view, its base.
    public struct Output {
        public let tensor: Int
        public let function: Int?
        /// The output this view was taken of (drawn with a dotted edge, as torchviz does).
        public let base: Int?
    }

    public private(set) var tensors: [TensorVertex] = []
    /// In the order a depth-first walk along `next_functions` meets them.
    public private(set) var functions: [Function] = []
    /// The given outputs first, then the bases of views among them.
    public private(set) var outputs: [Output] = []
    /// How many of `outputs` were asked for (the rest are bases of views).
    public private(set) var givenOutputCount = 0

    private var tensorIndex: [ObjectIdentifier: Int] = [:]
    private var functionIndex: [FunctionKey: Int] = [:]
    private let name: (Tensor) -> String?

    /// A node's identity: a backward node, or the one `AccumulateGrad` of a leaf.
    private enum FunctionKey: Hashable {
        case node(ObjectIdentifier)
        case accumulateGrad(ObjectIdentifier)
    }

    /// The graph behind `outputs`; `name` gives a tensor's name where the user has one.
    public init(outputs roots: [Tensor], name: @escaping (Tensor) -> String?) {
        self.name = name
        var pendingBases: [(view: Int, base: Tensor)] = []
        for tensor in roots {
            let index = addOutput(tensor)
            if let base = tensor.viewBase { pendingBases.append((index, base)) }
        }
        givenOutputCount = outputs.count
        // A view's base is drawn as one more output (and its base in turn, as torchviz recurses).
        while !pendingBases.isEmpty {
            let (view, base) = pendingBases.removeFirst()
            let index = addOutput(base)
            let output = outputs[view]
            outputs[view] = Output(tensor: output.tensor, function: output.function, base: index)
            if let next = base.viewBase { pendingBases.append((index, next)) }
        }
    }

    /// The output entry for `tensor`, its graph walked.
    private mutating func addOutput(_ tensor: Tensor) -> Int {
        let vertex = addTensor(tensor)
        let function = tensor.gradFn.map { addGraph(from: $0) }
        outputs.append(Output(tensor: vertex, function: function, base: nil))
        return outputs.count - 1
    }

    private mutating func addTensor(_ tensor: Tensor) -> Int {
        let key = ObjectIdentifier(tensor)
        if let index = tensorIndex[key] { return index }
        tensors.append(TensorVertex(tensor: tensor, name: name(tensor)))
        tensorIndex[key] = tensors.count - 1
        return tensors.count - 1
    }

    /// Walks the graph from `root` without recursion (chains can be long), numbering nodes in
    /// depth-first preorder along `next_functions`.
    private mutating func addGraph(from root: Node) -> Int {
        let rootIndex = function(for: .node(root))
        var stack: [(index: Int, pending: [Node.NextFunction])] = []
        if let rootIndex = rootIndex.new { stack.append((rootIndex, root.nextFunctions.reversed())) }
        while !stack.isEmpty {
            guard let next = stack[stack.count - 1].pending.popLast() else {
                stack.removeLast()
                continue
            }
            let parent = stack[stack.count - 1].index
            let child: (index: Int, new: Int?)
            switch next {
            case .none: continue
            case .node(let node, _):
                child = function(for: .node(node))
                if let new = child.new { stack.append((new, node.nextFunctions.reversed())) }
            case .accumulateGrad(let leaf):
                child = function(for: .leaf(leaf))
            }
            functions[parent].inputs.append(child.index)
        }
        return rootIndex.index
    }

    private enum Source {
        case node(Node)
        case leaf(Tensor)
    }

    /// The index of the node's entry; `new` is set when this call made it.
    private mutating func function(for source: Source) -> (index: Int, new: Int?) {
        let key: FunctionKey
        switch source {
        case .node(let node): key = .node(ObjectIdentifier(node))
        case .leaf(let leaf): key = .accumulateGrad(ObjectIdentifier(leaf))
        }
        if let index = functionIndex[key] { return (index, nil) }
        let entry: Function
        switch source {
        case .node(let node):
            let (values, failure) = saved(of: node)
            entry = Function(name: node.className, variable: nil, inputs: [], saved: values, savedFailure: failure)
        case .leaf(let leaf):
            entry = Function(name: "AccumulateGrad", variable: addTensor(leaf), inputs: [], saved: [], savedFailure: nil)
        }
        functions.append(entry)
        functionIndex[key] = functions.count - 1
        return (functions.count - 1, functions.count - 1)
    }

    /// The node's `_saved_*` values, and the error that stopped their reading (backward freed
    /// them). A saved output comes back as a new tensor each time it is read, as in PyTorch, so
    /// it is a vertex of its own; other saved tensors are the tensors the op was given.
    private mutating func saved(of node: Node) -> ([Saved], Error?) {
        var values: [Saved] = []
        for attribute in node.savedAttributes {
            let value: SavedValue?
            do {
                value = try node.savedAttribute(attribute.name)
            } catch {
                return (values, error)
            }
            switch value {
            case .tensor(let tensor?)?:
                if tensor.gradFn === node {
                    tensors.append(TensorVertex(tensor: tensor, name: nil))
                    values.append(Saved(name: attribute.name, value: .tensor(tensors.count - 1)))
                } else {
                    values.append(Saved(name: attribute.name, value: .tensor(addTensor(tensor))))
                }
            case let value?:
                values.append(Saved(name: attribute.name, value: .text(Repr.str(PyGradNode.value(value)))))
            case nil:
                continue
            }
        }
        return (values, nil)
    }
}

extension GraphSnapshot {
    /// The graph behind a tensor, or a tuple or list of tensors; nil for any other value.
    public init?(of value: Value, names: [ObjectIdentifier: String]) {
        let items: [Value]
        switch value {
        case .tensor: items = [value]
        case .object(let tuple as PyTuple): items = tuple.items
        case .object(let list as PyList): items = list.items
        default: return nil
        }
        let tensors = items.compactMap { item -> Tensor? in
            guard case .tensor(let tensor) = item else { return nil }
            return tensor
        }
        guard !tensors.isEmpty, tensors.count == items.count else { return nil }
        self.init(outputs: tensors) { names[ObjectIdentifier($0)] }
    }
}
