import GradTensor

/// Hooks from Python: `Tensor.register_hook`, `register_post_accumulate_grad_hook`, and a graph
/// node's `register_hook`/`register_prehook`, each returning a handle whose `remove()` takes the
/// hook away. A Python hook becomes a Swift closure that checks what it returns as PyTorch does.
/// The closures hold the interpreter unowned, as `addSource` does: a weak reference would give
/// the interpreter a side table and slow every retain of it; hooks run only while it runs.
enum TorchHookBindings {
    static var tensorMethods: [PyBuiltin] {
        [
            tensorMethod("register_hook(self, hook)") { t, args in
                let hook = args["hook"]
                let adapted = tensorHook(hook, args.interpreter)
                let id = try TorchBridge.run { try t.addGradientHook(adapted) }
                let node = t.gradFn
                return .object(PyRemovableHandle(id: id) { [weak t] in t?.removeHook(id: id, from: node) })
            },
            tensorMethod("register_post_accumulate_grad_hook(self, hook)") { t, args in
                let hook = args["hook"]
                let interpreter = args.interpreter
                let id = try TorchBridge.run {
                    try t.addPostAccumulateHook { [unowned interpreter] leaf in
                        _ = try interpreter.call(hook, Arguments([.tensor(leaf)]))
                    }
                }
                return .object(PyRemovableHandle(id: id) { [weak t] in t?.removeHook(id: id, from: nil) })
            },
        ]
    }

    static var nodeMethods: [PyBuiltin] {
        [
            PyBuiltin("register_hook(self, fn)", style: .torch) { args in
                let node = try receiver(args)
                let id = node.addPostHook(postHook(args["fn"], args.interpreter))
                return .object(PyRemovableHandle(id: id) { [weak node] in node?.removeHook(id: id) })
            },
            PyBuiltin("register_prehook(self, fn)", style: .torch) { args in
                let node = try receiver(args)
                let id = node.addPreHook(preHook(args["fn"], args.interpreter))
                return .object(PyRemovableHandle(id: id) { [weak node] in node?.removeHook(id: id) })
            },
        ]
    }

    /// The same two methods of a leaf's `AccumulateGrad` node, whose hooks the leaf keeps.
    static func accumulateGradMethod(_ name: String, of leaf: Tensor) -> PyBuiltin? {
        let add: (Value, Interpreter) -> Int
        switch name {
        case "register_hook": add = { leaf.addAccumulateGradPostHook(postHook($0, $1)) }
        case "register_prehook": add = { leaf.addAccumulateGradPreHook(preHook($0, $1)) }
        default: return nil
        }
        return PyBuiltin("\(name)(self, fn)", style: .torch) { args in
            let id = add(args["fn"], args.interpreter)
            return .object(PyRemovableHandle(id: id) { [weak leaf] in leaf?.removeHook(id: id, from: nil) })
        }
    }

    /// A Python `Node.register_hook` hook as the engine calls it: given the gradients of the
    /// node's inputs and outputs, it returns None or replacements for the inputs' ones.
    private static func postHook(_ hook: Value, _ interpreter: Interpreter) -> NodePostHook {
        { [unowned interpreter] inputGrads, outputGrads in
            let result = try interpreter.call(hook, Arguments([gradientTuple(inputGrads), gradientTuple(outputGrads)]))
            return try replacedGradients(result, inputGrads, hook, interpreter)
        }
    }

    /// A Python `Node.register_prehook` hook: given the gradients of the node's outputs, it
    /// returns None or replacements for them.
    private static func preHook(_ hook: Value, _ interpreter: Interpreter) -> NodePreHook {
        { [unowned interpreter] outputGrads in
            let result = try interpreter.call(hook, Arguments([gradientTuple(outputGrads)]))
            return try replacedGradients(result, outputGrads, hook, interpreter)
        }
    }

    private static func receiver(_ args: BoundArguments) throws -> Node {
        guard case .object(let n as PyGradNode) = args[0] else {
            throw PyError.type("descriptor requires a graph node, not '\(args[0].typeName)'")
        }
        return n.node
    }

    /// A Python tensor hook as the engine calls it: nil when it returns None, else the tensor it
    /// returned, which must have the gradient's dtype and shape (and a gradient to replace).
    private static func tensorHook(_ hook: Value, _ interpreter: Interpreter) -> TensorGradientHook {
        { [unowned interpreter] grad in
            let result = try interpreter.call(hook, Arguments([gradientValue(grad)]))
            return try checkedReplacement(result, for: grad, hook, interpreter)
        }
    }

    /// What a hook returned in place of `original`: nil for None; PyTorch's errors for anything
    /// but a tensor of the same dtype and shape.
    private static func checkedReplacement(_ result: Value, for original: Tensor?, _ hook: Value,
                                           _ interpreter: Interpreter) throws -> Tensor? {
        if result.isNone { return nil }
        guard case .tensor(let replacement) = result else {
            throw PyError.type("expected Variable, but hook returned '\(result.typeName)'")
        }
        guard let original else {
            throw PyError.runtime("can't replace a None gradient with a non-None value")
        }
        let name = hookName(hook, interpreter)
        if replacement.dtype != original.dtype {
            throw PyError.runtime("hook '\(name)' has changed the type of value (was \(original.dtype.legacyTensorName) got \(replacement.dtype.legacyTensorName))")
        }
        if replacement.shape != original.shape {
            throw PyError.runtime("hook '\(name)' has changed the size of value")
        }
        return replacement
    }

    /// What a node hook returned in place of the gradients `previous`: nil for None, else a
    /// tuple of as many, each None or a tensor like the one it replaces.
    private static func replacedGradients(_ result: Value, _ previous: [Tensor?], _ hook: Value,
                                          _ interpreter: Interpreter) throws -> [Tensor?]? {
        if result.isNone { return nil }
        guard case .object(let tuple as PyTuple) = result else {
            throw PyError.type("expected tuple, but hook returned '\(result.typeName)'")
        }
        guard tuple.items.count == previous.count else {
            throw PyError.runtime("hook '\(hookName(hook, interpreter))' has returned an incorrect number of values (got \(tuple.items.count), but expected \(previous.count))")
        }
        return try zip(tuple.items, previous).map { item, old in
            try checkedReplacement(item, for: old, hook, interpreter)
        }
    }

    private static func gradientTuple(_ grads: [Tensor?]) -> Value {
        .object(PyTuple(grads.map(gradientValue)))
    }

    /// A gradient as hooks see it: None where none arrived.
    private static func gradientValue(_ grad: Tensor?) -> Value {
        grad.map(Value.tensor) ?? .none
    }

    /// How PyTorch names a hook in its messages: its `__name__`, else its repr.
    private static func hookName(_ hook: Value, _ interpreter: Interpreter) -> String {
        if case .str(let name)? = try? interpreter.getAttribute(hook, "__name__") { return name.string }
        return Repr.repr(hook)
    }
}

/// What registering a hook returns (`torch.utils.hooks.RemovableHandle`): `id`, and `remove()`,
/// which takes the hook away (again: nothing); as a context manager it removes the hook when the
/// block ends. It holds neither the hook nor, strongly, what the hook is attached to.
final class PyRemovableHandle: PyContextManager, PyAttributeProviding {
    let id: Int
    private var removal: (() -> Void)?

    init(id: Int, removal: @escaping () -> Void) {
        self.id = id
        self.removal = removal
        super.init(name: "RemovableHandle")
    }

    func remove() {
        removal?()
        removal = nil
    }

    override func enter() throws -> Value { .object(self) }

    override func exit() throws { remove() }

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "id": return .int(id)
        case "remove":
            return .object(PyBoundMethod(receiver: .object(self), function: PyBuiltin("remove(self)", style: .torch) { [weak self] _ in
                self?.remove()
                return .none
            }))
        default: return nil
        }
    }
}
