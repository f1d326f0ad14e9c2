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

    /// `setDisabled(message)`, refused while a pair is in effect (a pack or unpack hook is
    /// running, or a `saved_tensors_hooks` block is open): PyTorch raises `message` then, and
    /// the hooks stay as they were.
    public static func disable(_ message: String) throws {
        if !stack.isEmpty { throw TorchError.runtime(message) }
        disabledWith = message
    }

    /// `tensor` handed to `pack`, with grad mode off as PyTorch runs pack hooks; whether the
    /// hook changed it in place (PyTorch's error, `packModifiedInput`, for the caller to raise).
    func packNoting(_ tensor: Tensor) throws -> (packed: AnyObject, changedInput: Bool) {
        let version = tensor.version
        let packed = try GradMode.with(enabled: false) { try pack(tensor) }
        return (packed, tensor.version != version)
    }

    /// `tensor` packed by the innermost pair for a saver outside the library's ops (a custom
    /// function's `save_for_backward`), with what unpacks it; nil when no pair is in effect.
    /// Raises as saving in an op does: when the hooks are disabled, when pack raises or changes
    /// its input.
    public static func packForCustomSaver(_ tensor: Tensor) throws -> (packed: AnyObject, unpack: Unpack)? {
        guard let hooks = current else { return nil }
        if let disabledWith { throw TorchError.runtime(disabledWith) }
        let (packed, changedInput) = try hooks.packNoting(tensor)
        if changedInput { throw packModifiedInput }
        return (packed, hooks.unpack)
    }

    /// PyTorch's error when a pack hook changed the tensor it was given.
    static let packModifiedInput = TorchError.runtime("A saved tensor pack hook is modifying its input in place. Tensors provided as input to pack hook cannot be modified by in-place operations as this can lead to unexpected side-effects. Please open an issue if you need to perform in-place operations on the input to a pack hook.")
}

/// A tensor saved through a pack hook: the node's slot holds `placeholder`, which views the
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

    /// The data `unpack` gives back.
    func unpacked() throws -> Tensor.Layout {
        try unpack(packed).layout
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
        let packed: AnyObject
        do {
            let (result, changedInput) = try hooks.packNoting(tensor)
            packed = result
            if changedInput { packing.fail(SavedTensorHooks.packModifiedInput) }
        } catch {
            packing.fail(error)
            return isOutput ? tensor.detach() : tensor
        }
        // An output's placeholder stays detached, as `saveOutput` keeps outputs: the node
        // attaches it when read, so that it does not hold itself.
        let (placeholder, isLeaf) = isOutput ? (tensor.detach(), false) : tensor.packingPlaceholder()
        packing.tensors.append(PackedTensor(placeholder: placeholder, packed: packed, unpack: hooks.unpack, isLeaf: isLeaf))
        return placeholder
    }
}

extension Node {
    /// `body` (the formula) run with the unpacked tensors in their placeholders' places; `unpack`
    /// runs in grad mode `unpacking`.
    func withUnpackedSaved<R>(_ packed: [PackedTensor], unpacking: Bool, _ body: () throws -> R) throws -> R {
        for saved in packed {
            saved.placeholder.layout = try GradMode.with(enabled: unpacking) { try saved.unpacked() }
        }
        acceptOutputVersion()
        return try body()
    }

    /// What `_saved_*` shows for a tensor of the state (the output's placeholder included):
    /// for a placeholder, a new tensor over what unpack gives back, in the saved tensor's place
    /// in the graph, as PyTorch's unpacking makes one; nil for a tensor saved without hooks.
    func unpackedForReading(_ tensor: Tensor) throws -> Tensor? {
        guard let packed = attached?.packedTensors.first(where: { $0.placeholder === tensor }) else { return nil }
        tensor.layout = try packed.unpacked()
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
    /// The placeholder that a node's slot holds for this saved input while hooks pack it, in
    /// its place in the graph; for a leaf that requires grad, a tensor passing gradients on to
    /// it through an alias node (`isLeaf`), as PyTorch's unpacked leaf shares its accumulator.
    func packingPlaceholder() -> (placeholder: Tensor, isLeaf: Bool) {
        guard requiresGrad && gradFn == nil else { return (aliasInGraph(), false) }
        return (GradMode.with(enabled: true) { leafStandIn(over: self) }, true)
    }

    /// A tensor over `data` that passes its gradients on to this leaf, through an alias node
    /// shown as the leaf's `AccumulateGrad` (`NodeAttachments.isLeafStandIn`).
    private func leafStandIn(over data: Tensor) -> Tensor {
        let standIn = data.detach().record("AliasBackward0", inputs: [self]) { ctx, _ in [ctx.grad] }
        standIn.gradFn?.attachments.isLeafStandIn = true
        return standIn
    }

    /// What a custom function's `saved_tensors` gives for a tensor saved through hooks: `data`
    /// (what unpack returned) in this saved tensor's place in the graph. For a leaf that requires
    /// grad while a graph is being built, that place is an alias node passing gradients on to
    /// the leaf, as PyTorch's unpacked leaf shares its accumulator.
    public func standIn(over data: Tensor) -> Tensor {
        if requiresGrad && gradFn == nil && GradMode.isEnabled { return leafStandIn(over: data) }
        let standIn = aliasInGraph()
        standIn.layout = data.layout
        return standIn
    }

    /// A new tensor over the same data, in the same place in the graph (requiring grad, made by
    /// the same node).
    func aliasInGraph() -> Tensor {
        let alias = detach()
        alias.links.requiresGrad = links.requiresGrad
        alias.graphPosition = graphPosition
        return alias
    }
}
