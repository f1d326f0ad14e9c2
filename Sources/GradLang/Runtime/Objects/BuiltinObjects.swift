import GradTensor

/// A module object (`torch`, `math`, `torch.autograd`).
public final class PyModule: PyObject {
    public let name: String
    /// The module's names. A part written in Python (`Interpreter.addSource`) is run the first
    /// time they are read or changed, so that a program that never uses it does not pay for it.
    public var attributes: [String: Value] {
        get {
            loadPendingSource()
            return contents
        }
        // Changed in place (`module.attributes[name] = v`), not copied out and back.
        _modify {
            loadPendingSource()
            yield &contents
            generation &+= 1
        }
    }
    private var contents: [String: Value]
    /// Changes with every change to `attributes`: a call site may keep what it looked up while
    /// this stays the same.
    private(set) var generation = 0
    /// Runs the module's Python part, once.
    var pendingSource: ((PyModule) -> Void)?

    public init(name: String, attributes: [String: Value] = [:]) {
        self.name = name
        self.contents = attributes
    }

    private func loadPendingSource() {
        guard let load = pendingSource else { return }
        pendingSource = nil
        load(self)
    }
    public override var typeName: String { "module" }
}

/// A variable shared between a function and the closures defined in it.
public final class PyCell: CollectableObject {
    var value: Value?
    public init(_ value: Value? = nil) { self.value = value }
    public override var typeName: String { "cell" }
    override func forEachReference(_ visit: (Value) -> Void) { if let value { visit(value) } }
    override func giveUpReferences(into released: inout [Value]) {
        if let value { released.append(value) }
        value = nil
    }
}

/// A built-in type object (`int`, `list`, `torch.Tensor`): callable as a constructor, usable with
/// `isinstance` and printed as `<class 'int'>`.
public final class PyTypeObject: PyObject {
    public let name: String
    /// How `repr` shows it: `<class 'int'>`, `<class 'torch.Tensor'>`.
    public let qualifiedName: String
    let constructor: PyBuiltin?
    let matches: (Value) -> Bool
    /// The type it extends, when that is not `object` and `BuiltinTypes.base(of:)` does not
    /// know it (a graph node's type extends `torch.autograd.graph.Node`).
    let base: PyTypeObject?
    /// Its methods as read from it, made on first read (see PyMethodDescriptor).
    var methodDescriptors: [String: PyMethodDescriptor] = [:]

    public init(name: String, qualifiedName: String? = nil, constructor: PyBuiltin?, base: PyTypeObject? = nil,
                matches: @escaping (Value) -> Bool) {
        self.name = name
        self.qualifiedName = qualifiedName ?? name
        self.constructor = constructor
        self.base = base
        self.matches = matches
    }

    public override var typeName: String { "type" }
}

/// `torch.float32` and friends.
public final class PyDType: PyObject {
    public let dtype: DType
    public init(_ dtype: DType) { self.dtype = dtype }
    public override var typeName: String { "dtype" }
}

/// A `grad_fn` node as Python sees it: `<MulBackward0 object at 0x7f…>`.
public final class PyGradNode: PyObject {
    public let node: Node
    private init(_ node: Node) { self.node = node }
    public override var typeName: String { node.name }
    /// The type's name with its module, for a custom function's node (`torch.autograd.function.MyExpBackward`).
    var qualifiedTypeName: String {
        guard let module = node.attachments.typeModule else { return node.className }
        return module + "." + node.className
    }

    /// The node's object: the same one as long as anything holds it (PyTorch keeps a node's
    /// Python object the same way), so `y.grad_fn is y.grad_fn` and graph walks with a seen-set
    /// meet each node once.
    public static func of(_ node: Node) -> PyGradNode {
        let attachments = node.attachments
        if let existing = attachments.languageObject as? PyGradNode { return existing }
        let made = PyGradNode(node)
        attachments.languageObject = made
        return made
    }
}

/// A context manager object for `with`: what `__enter__` and `__exit__` do is the subclass's
/// (grad's are the grad-mode managers: `torch.no_grad()`, `set_grad_enabled(False)`).
public class PyContextManager: PyObject {
    let name: String
    /// A repr other than `<name object at 0x…>` (`torch.autograd.grad_mode.set_grad_enabled(mode=False)`).
    let reprText: String?
    init(name: String, reprText: String? = nil) {
        self.name = name
        self.reprText = reprText
    }
    public override var typeName: String { name }
    /// `__enter__`: the value bound by `as`.
    func enter() throws -> Value { .none }
    /// `__exit__`, run however the block ends.
    func exit() throws {}
    /// `__exit__` told how the block ended; true to swallow the block's error.
    func exit(after error: PyError?) throws -> Bool {
        try exit()
        return false
    }
}
