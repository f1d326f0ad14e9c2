/// What users attach to the graph: hooks on nodes and tensors, a node's language object and its
/// `metadata`. Kept in objects made on first use, so a graph nobody hooks pays one nil pointer
/// per node and per tensor.

/// A registered hook with the number its handle removes it by.
struct RegisteredHook<Hook> {
    let id: Int
    let hook: Hook
}

/// The hooks one place keeps, in registration order.
struct HookList<Hook> {
    private(set) var entries: [RegisteredHook<Hook>] = []

    mutating func add(_ hook: Hook, id: Int) { entries.append(RegisteredHook(id: id, hook: hook)) }

    mutating func remove(id: Int) { entries.removeAll { $0.id == id } }

    var hooks: [Hook] { entries.map(\.hook) }
}

extension HookList where Hook == OutputGradientHook {
    /// The outputs with hooks on their tensors, in the order of each one's first hook: the order
    /// in which PyTorch runs them, as it keeps one entry per tensor, made with its first hook.
    var hookedOutputs: [Int] {
        var outputs: [Int] = []
        for entry in entries where !outputs.contains(entry.hook.output) { outputs.append(entry.hook.output) }
        return outputs
    }

    /// The hooks on output `k`'s tensor, in registration order.
    func hooks(ofOutput k: Int) -> [TensorGradientHook] {
        entries.compactMap { $0.hook.output == k ? $0.hook.hook : nil }
    }
}

/// A hook on a tensor's gradient (`Tensor.register_hook`): given the gradient (nil for an output
/// of a node with several that got none, as PyTorch passes None), the gradient, or nil to keep it.
public typealias TensorGradientHook = (Tensor?) throws -> Tensor?
/// A hook on the gradient of a non-leaf tensor, kept by its node: which output the tensor is.
struct OutputGradientHook {
    let output: Int
    let hook: TensorGradientHook
}
/// `Node.register_prehook`: the gradients of the node's outputs, or nil to keep them.
public typealias NodePreHook = ([Tensor?]) throws -> [Tensor?]?
/// `Node.register_hook`: given the gradients of the node's inputs and of its outputs, the
/// inputs' gradients, or nil to keep them.
public typealias NodePostHook = ([Tensor?], [Tensor?]) throws -> [Tensor?]?
/// `register_post_accumulate_grad_hook`: told the leaf once its `.grad` holds the new sum.
public typealias PostAccumulateHook = (Tensor) throws -> Void

/// Numbers hook handles: one count for every kind, as PyTorch's handles share one.
public enum HookHandles {
    nonisolated(unsafe) private static var last = 0

    public static func next() -> Int {
        last += 1
        return last
    }
}

/// What is attached to one node.
public final class NodeAttachments {
    /// The language's object for the node, so that it is the same object every time the node is
    /// reached (`y.grad_fn is y.grad_fn`); weak, as it holds the node.
    public weak var languageObject: AnyObject?
    /// The language's objects for the node's saved tensors (`_raw_saved_<name>`), by name: the
    /// same one while it lives, as PyTorch's are; weak, as each holds the node.
    public var savedTensorObjects: [String: WeakObject] = [:]
    /// Set on the alias node through which a saved leaf's stand-in passes gradients on to the
    /// leaf (`Tensor.leafStandIn`): PyTorch's unpacked leaf shares the leaf's `AccumulateGrad`,
    /// so the graph is shown with that instead of this node.
    var isLeafStandIn = false
    /// The node's `metadata` dict, kept as long as the node.
    public var metadata: AnyObject?
    /// The Python module of the node's type when it is not a built-in op's: a custom function's
    /// node prints as `<torch.autograd.function.MyExpBackward object at 0x…>`.
    public var typeModule: String?
    /// Whether the node's formula runs when no gradient reached it (a custom function's, whose
    /// backward PyTorch calls then with zeros or None); a built-in op's formula does not.
    public var runsWithoutGradient = false
    /// Where in the program the node was made, when anomaly mode was on (`AnomalyMode`).
    public var placeOfCreation: Any?
    /// The outputs of a custom function that share their data with one of its inputs (an input
    /// returned as it is, or a view of one): PyTorch refuses in-place writes to them, which
    /// would replace the function's backward. Kept here, not on every tensor.
    var outputsSharingInputData: [Int] = []
    /// The node whose backward made this one, when anomaly mode was on (PyTorch's `parent_`);
    /// held, as PyTorch's metadata holds it, so that a failure can name it.
    public var parent: Node?
    /// Hooks on the gradients of the tensors this node made (`Tensor.register_hook` on a non-leaf).
    var tensorHooks = HookList<OutputGradientHook>()
    var preHooks = HookList<NodePreHook>()
    var postHooks = HookList<NodePostHook>()
    /// The tensors the node saved through a pack hook, unpacked before its formula runs.
    var packedTensors: [PackedTensor] = []

    var hasGradientHooks: Bool {
        !tensorHooks.entries.isEmpty || !preHooks.entries.isEmpty || !postHooks.entries.isEmpty
    }
}

/// An object held weakly, as a dictionary's value.
public struct WeakObject {
    public private(set) weak var object: AnyObject?

    public init(_ object: AnyObject) {
        self.object = object
    }
}

/// What is attached to one leaf tensor.
public final class LeafAttachments {
    /// The language's object for the leaf's `AccumulateGrad` node, the same while it lives.
    public weak var languageObject: AnyObject?
    var tensorHooks = HookList<TensorGradientHook>()
    var postAccumulateHooks = HookList<PostAccumulateHook>()
    /// Hooks on the leaf's `AccumulateGrad` node: its pre-hooks see (and may replace) the
    /// gradient after the tensor hooks, its post-hooks run after the accumulation.
    var preHooks = HookList<NodePreHook>()
    var postHooks = HookList<NodePostHook>()
}

extension Node {
    /// The node's attachments, made on first use.
    public var attachments: NodeAttachments {
        if let existing = attached { return existing }
        let made = NodeAttachments()
        attached = made
        return made
    }

    /// `Node.register_prehook`.
    public func addPreHook(_ hook: @escaping NodePreHook) -> Int {
        let id = HookHandles.next()
        attachments.preHooks.add(hook, id: id)
        return id
    }

    /// `Node.register_hook`.
    public func addPostHook(_ hook: @escaping NodePostHook) -> Int {
        let id = HookHandles.next()
        attachments.postHooks.add(hook, id: id)
        return id
    }

    /// Removes the hook registered under `id` (a handle's `remove()`; nothing if already gone).
    public func removeHook(id: Int) {
        guard let attached else { return }
        attached.tensorHooks.remove(id: id)
        attached.preHooks.remove(id: id)
        attached.postHooks.remove(id: id)
    }
}

extension Tensor {
    /// `register_hook`: on a leaf the hook sees the gradient before it is accumulated; on a
    /// non-leaf it is kept by the node that made the tensor, and sees the gradient summed for it.
    public func addGradientHook(_ hook: @escaping TensorGradientHook) throws -> Int {
        guard requiresGrad else {
            throw TorchError.runtime("cannot register a hook on a tensor that doesn't require gradient")
        }
        let id = HookHandles.next()
        if let node = gradFn {
            node.attachments.tensorHooks.add(OutputGradientHook(output: outputNr, hook: hook), id: id)
        } else {
            leafAttachments.tensorHooks.add(hook, id: id)
        }
        return id
    }

    /// `register_post_accumulate_grad_hook`.
    public func addPostAccumulateHook(_ hook: @escaping PostAccumulateHook) throws -> Int {
        guard requiresGrad else {
            throw TorchError.runtime("cannot register a hook on a tensor that doesn't require gradient")
        }
        guard isLeaf else {
            throw TorchError.runtime("post accumulate grad hooks cannot be registered on non-leaf tensors")
        }
        let id = HookHandles.next()
        leafAttachments.postAccumulateHooks.add(hook, id: id)
        return id
    }

    /// `register_prehook` on this leaf's `AccumulateGrad` node.
    public func addAccumulateGradPreHook(_ hook: @escaping NodePreHook) -> Int {
        let id = HookHandles.next()
        leafAttachments.preHooks.add(hook, id: id)
        return id
    }

    /// `register_hook` on this leaf's `AccumulateGrad` node (no input gradients: it has no inputs).
    public func addAccumulateGradPostHook(_ hook: @escaping NodePostHook) -> Int {
        let id = HookHandles.next()
        leafAttachments.postHooks.add(hook, id: id)
        return id
    }

    /// Removes the hook registered on this tensor, or on its `AccumulateGrad` node, under `id`,
    /// wherever it went.
    public func removeHook(id: Int, from node: Node?) {
        node?.removeHook(id: id)
        guard let attached = attachedToLeaf else { return }
        attached.tensorHooks.remove(id: id)
        attached.postAccumulateHooks.remove(id: id)
        attached.preHooks.remove(id: id)
        attached.postHooks.remove(id: id)
    }

    /// This leaf's attachments, made on first use.
    public var leafAttachments: LeafAttachments {
        if let existing = attachedToLeaf { return existing }
        let made = LeafAttachments()
        attachedToLeaf = made
        return made
    }
}
