/// `torch.autograd.graph.saved_tensors_hooks(pack, unpack)`: while a pair is in effect, each
/// tensor an op saves for backward is handed to `pack`, and the node keeps what it returned;
/// backward, and `_saved_*`, get the tensor back from `unpack`. Pairs nest (the innermost is in
/// effect); `disable_saved_tensors_hooks` makes pushing a pair, or saving under one, an error.
public final class SavedTensorHooks {
    /// The object `pack` returned, opaque to the library.
    public typealias Pack = (Tensor) throws -> AnyObject
    public typealias Unpack = (AnyObject) throws -> Tensor

    let pack: Pack
    let unpack: Unpack

    public init(pack: @escaping Pack, unpack: @escaping Unpack) {
        self.pack = pack
        self.unpack = unpack
    }

    /// The pairs pushed, innermost last.
    nonisolated(unsafe) private static var stack: [SavedTensorHooks] = []
    /// The innermost pair, read by every save. Stored privately behind `current`, as
    /// `GradMode` keeps its flag, so that reading it costs no run-time exclusivity check.
    nonisolated(unsafe) private static var innermost: SavedTensorHooks?
    /// The message of the innermost `disable_saved_tensors_hooks`, nil when hooks are enabled.
    nonisolated(unsafe) private static var disabledWith: String?

    /// The innermost pair in effect; nil when none.
    static var current: SavedTensorHooks? { innermost }

    /// The message of the innermost `disable_saved_tensors_hooks`, nil when hooks are enabled.
    public static var disabledMessage: String? { disabledWith }

    public static func push(_ hooks: SavedTensorHooks) throws {
        if let disabledWith { throw TorchError.runtime(disabledWith) }
        stack.append(hooks)
        innermost = hooks
    }

    public static func pop() {
        _ = stack.popLast()
        innermost = stack.last
    }

    /// `body` run with no pair in effect.
    @discardableResult
    static func suspended<R>(_ body: () -> R) -> R {
        let saved = innermost
        innermost = nil
        defer { innermost = saved }
        return body()
    }

    /// Disables the hooks with `message` as the error, or enables them again for nil.
    public static func setDisabled(_ message: String?) {
        disabledWith = message
    }

    /// PyTorch's error when a pack hook changed the tensor it was given.
    static let packModifiedInput = TorchError.runtime("A saved tensor pack hook is modifying its input in place. Tensors provided as input to pack hook cannot be modified by in-place operations as this can lead to unexpected side-effects. Please open an issue if you need to perform in-place operations on the input to a pack hook.")
}

/// A tensor saved through a pack hook: the formula's state holds `placeholder`, which views the
/// data `unpack` gives back before the formula runs, and keeps the saved tensor's place in the
/// graph (PyTorch takes only the data from unpack). No version is noted for it: PyTorch does not
/// check tensors saved through hooks for in-place changes.
struct PackedTensor {
    let placeholder: Tensor
    let packed: AnyObject
    let unpack: SavedTensorHooks.Unpack
    /// Whether the saved tensor is a leaf that requires grad: its placeholder passes gradients
    /// on to it through an alias node (as PyTorch's unpacked leaf shares its accumulator), and
    /// reads as a leaf.
    let isLeaf: Bool

    /// Makes the placeholder view the data `unpack` gives back.
    func unpackIntoPlaceholder() throws {
        placeholder.layout = try unpack(packed).layout
    }
}

/// What one op's saving through pack hooks made: the packed tensors, and the first error met
/// (the op's caller throws it: `record` cannot).
final class PackedSaving {
    var tensors: [PackedTensor] = []
    var failure: (any Error)?

    func fail(_ error: any Error) {
        if failure == nil { failure = error }
    }
}

extension Tensor {
    /// The end of `record` under saved tensors hooks: the output packed too when the formula
    /// reads it (once it is the node's output, as PyTorch's pack hook sees it), the packed
    /// tensors given to the node, and a hook's error to the op's caller.
    func finishPacking(_ node: Node, _ packing: PackedSaving?, _ hooks: SavedTensorHooks, savesOutput: Bool) {
        let packing = packing ?? PackedSaving()
        if savesOutput { node.saveOutput(TensorSaver.pack(self, hooks, into: packing, isOutput: true)) }
        if !packing.tensors.isEmpty { node.attachments.packedTensors = packing.tensors }
        if let failure = packing.failure { Tensor.recordingFailureObserver(failure) }
    }
}

extension TensorSaver {
    /// `tensor` handed to the pack hook of `hooks`; the placeholder the formula reads instead.
    mutating func savePacked(_ tensor: Tensor, _ hooks: SavedTensorHooks) -> Tensor {
        let packing = self.packing ?? PackedSaving()
        self.packing = packing
        return TensorSaver.pack(tensor, hooks, into: packing, isOutput: false)
    }

    /// `tensor` packed, noted in `packing`; its placeholder. A failing hook leaves the tensor
    /// saved as it is (detached, for an output) and the error for the op's caller.
    static func pack(_ tensor: Tensor, _ hooks: SavedTensorHooks, into packing: PackedSaving, isOutput: Bool) -> Tensor {
        if let message = SavedTensorHooks.disabledMessage {
            packing.fail(TorchError.runtime(message))
            return isOutput ? tensor.detach() : tensor
        }
        let version = tensor.version
        let packed: AnyObject
        do {
            // PyTorch runs pack hooks with grad mode off.
            packed = try GradMode.with(enabled: false) { try hooks.pack(tensor) }
        } catch {
            packing.fail(error)
            return isOutput ? tensor.detach() : tensor
        }
        if tensor.version != version { packing.fail(SavedTensorHooks.packModifiedInput) }
        // An output's placeholder stays detached, as `saveOutput` keeps outputs: the node
        // attaches it when read, so that it does not hold itself.
        let isLeaf = !isOutput && tensor.requiresGrad && tensor.gradFn == nil
        let placeholder = isOutput ? tensor.detach()
            : isLeaf ? tensor.detach().record("AliasBackward0", inputs: [tensor]) { ctx, _ in [ctx.grad] }
            : tensor.aliasInGraph()
        packing.tensors.append(PackedTensor(placeholder: placeholder, packed: packed, unpack: hooks.unpack, isLeaf: isLeaf))
        return placeholder
    }
}

extension Node {
    /// Puts the unpacked tensors in their placeholders' places, before the formula runs.
    func unpackSaved(_ packed: [PackedTensor]) throws {
        for saved in packed { try saved.unpackIntoPlaceholder() }
        acceptOutputVersion()
    }

    /// What `_saved_*` shows for a tensor of the state (the output's placeholder included):
    /// for a placeholder, a new tensor over what unpack gives back, in the saved tensor's place
    /// in the graph, as PyTorch's unpacking makes one; nil for a tensor saved without hooks.
    func unpackedForReading(_ tensor: Tensor) throws -> Tensor? {
        guard let packed = attached?.packedTensors.first(where: { $0.placeholder === tensor }) else { return nil }
        try packed.unpackIntoPlaceholder()
        if tensor === savedOutput { return attachedOutput }
        if packed.isLeaf {
            let leaf = tensor.detach()
            leaf.links.requiresGrad = true
            return leaf
        }
        return tensor.aliasInGraph()
    }
}

extension Tensor {
    /// A new tensor over the same data, in the same place in the graph (requiring grad, made by
    /// the same node).
    func aliasInGraph() -> Tensor {
        let alias = detach()
        alias.links.requiresGrad = links.requiresGrad
        alias.graphPosition = graphPosition
        return alias
    }
}
