import GradTensor

/// The switches under `torch.autograd.graph.saved_tensors_hooks` and
/// `disable_saved_tensors_hooks` (Python classes in `AutogradGraphSource`): push and pop a
/// pack/unpack pair, disable and enable the hooks. The pair's Python functions become the
/// closures the tensor library calls as ops save tensors and as backward reads them.
enum TorchSavedTensorHooksBindings {
    static var moduleFunctions: [PyBuiltin] {
        [
            PyBuiltin("_push_saved_tensors_default_hooks(pack_hook, unpack_hook)", style: .torch) { args in
                let hooks = pair(pack: args["pack_hook"], unpack: args["unpack_hook"], args.interpreter)
                try TorchBridge.run { try SavedTensorHooks.push(hooks) }
                return .none
            },
            PyBuiltin("_pop_saved_tensors_default_hooks()", style: .torch) { _ in
                SavedTensorHooks.pop()
                return .none
            },
            PyBuiltin("_saved_tensors_hooks_disable(message)", style: .torch) { args in
                guard case .str(let message) = args["message"] else {
                    throw PyError.type("_saved_tensors_hooks_disable(): argument 'message' must be str, not \(args["message"].typeName)")
                }
                try TorchBridge.run { try SavedTensorHooks.disable(message.string) }
                return .none
            },
            PyBuiltin("_saved_tensors_hooks_enable()", style: .torch) { _ in
                SavedTensorHooks.setDisabled(nil)
                return .none
            },
            PyBuiltin("_saved_tensors_hooks_get_disabled_error_message()", style: .torch) { _ in
                SavedTensorHooks.disabledMessage.map { .str($0) } ?? .none
            },
            // A custom function's `save_for_backward`, which `Function.apply` (Python) packs
            // once the node exists: what the pack hook kept (None when no pair is in effect),
            // and later the unpacked tensor in the saved one's place in the graph.
            PyBuiltin("_pack_saved_tensor(tensor)", style: .torch) { args in
                guard case .tensor(let tensor) = args["tensor"] else { throw PyError.type("_pack_saved_tensor() expects a tensor") }
                guard let (packed, unpack) = try TorchBridge.run({ try SavedTensorHooks.packForCustomSaver(tensor) }) else { return .none }
                return .object(PyPackedSavedTensor(packed: packed, unpack: unpack))
            },
            PyBuiltin("_unpack_saved_tensor(packed, original)", style: .torch) { args in
                guard case .object(let saved as PyPackedSavedTensor) = args["packed"], case .tensor(let original) = args["original"] else {
                    throw PyError.type("_unpack_saved_tensor() expects what _pack_saved_tensor() returned and a tensor")
                }
                let data = try TorchBridge.run { try saved.unpack(saved.packed) }
                return .tensor(original.standIn(over: data))
            },
        ]
    }

    /// The library's pair for two Python functions: pack's result is kept as it is, unpack's
    /// must be a tensor. The closures hold the interpreter unowned (see `TorchHookBindings`).
    static func pair(pack: Value, unpack: Value, _ interpreter: Interpreter) -> SavedTensorHooks {
        SavedTensorHooks(
            pack: { [unowned interpreter] tensor in
                PackedValue(try interpreter.call(pack, Arguments([.tensor(tensor)])))
            },
            unpack: { [unowned interpreter] packed in
                let value = (packed as? PackedValue)?.value ?? .none
                let result = try interpreter.call(unpack, Arguments([value]))
                guard case .tensor(let tensor) = result else {
                    throw PyError.type("Output of saved tensor unpack_hook expected to be a Tensor but got result of type \(result.typeName)")
                }
                return tensor
            })
    }
}

/// What a pack hook returned, as the tensor library keeps it.
private final class PackedValue {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// What `_pack_saved_tensor` returns to a custom function's context: the pack hook's result
/// with the unpack hook of its pair.
final class PyPackedSavedTensor: PyObject {
    let packed: AnyObject
    let unpack: SavedTensorHooks.Unpack

    init(packed: AnyObject, unpack: @escaping SavedTensorHooks.Unpack) {
        self.packed = packed
        self.unpack = unpack
    }

    override var typeName: String { "PackedSavedTensor" }
}
