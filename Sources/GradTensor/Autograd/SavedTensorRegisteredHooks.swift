/// `grad_fn._raw_saved_<name>.register_hooks(pack, unpack)`: one tensor a node saved, packed
/// after the op ran. From then on backward, and `_saved_<name>`, read what `unpack` gives back,
/// as for a tensor saved under `saved_tensors_hooks`.
///
/// Every op saves its tensors in slots (`TensorSaver.slot`): the tensor is replaced in its slot
/// by a placeholder, as `saved_tensors_hooks` would have saved it, so a tensor saved twice
/// (`x / x`) has one placeholder per slot. The saved output is the node's own detached copy,
/// which simply takes the unpacked data.
extension Node {
    /// Registers `hooks` on the saved tensor `_saved_<name>`, calling `pack` at once, with
    /// PyTorch's errors: after backward freed the node, for a None, for a tensor whose hooks
    /// were set already (by `saved_tensors_hooks` or an earlier call), and when `pack` raises
    /// (then reading the tensor raises too) or changes its input in place (the hooks stay).
    public func registerSavedTensorHooks(_ name: String, _ hooks: SavedTensorHooks) throws {
        guard let source = savedSource(name), source.isTensor else { return }
        if isReleased { throw Node.registeringOnFreed }
        var saved: Tensor?, slot: SavedSlot?
        if case .tensor(let path) = source {
            guard let state = savedState, let value = Node.field(path, of: state) else { throw Node.freedError }
            slot = value as? SavedSlot
            saved = slot.flatMap(tensor(in:))
        } else {
            saved = savedOutput
        }
        guard let original = saved else { throw TorchError.runtime("Calling register_hooks on a saved tensor with value None is forbidden") }
        if attached?.packedTensors.contains(where: { $0.placeholder === original }) ?? false {
            throw TorchError.runtime("Calling register_hooks on a saved tensor whose hooks have already been set. Hint: only one pair of hooks is allowed at a time.")
        }
        var placeholder = original, isLeaf = false
        if let slot {
            (placeholder, isLeaf) = original.packingPlaceholder()
            // Replaced whole rather than written in place: a modifying access anywhere makes
            // every read of `savedVersions` (backward's, for every node) check exclusivity at run time.
            var versions = savedVersions
            versions[slot.index] = SavedVersion(tensor: placeholder, expected: SavedVersion.unchecked)
            savedVersions = versions
        }
        let changedInput: Bool
        do {
            let (packed, changed) = try hooks.packNoting(original.detach())
            changedInput = changed
            attachments.packedTensors.append(PackedTensor(placeholder: placeholder, packed: packed, unpack: hooks.unpack,
                                                          isLeaf: isLeaf))
        } catch {
            attachments.packedTensors.append(PackedTensor(placeholder: placeholder, packed: original, unpack: { _ in throw Node.packRaised },
                                                          isLeaf: isLeaf))
            throw error
        }
        if changedInput { throw SavedTensorHooks.packModifiedInput }
    }

    /// PyTorch's error for `register_hooks` once backward freed the saved tensors.
    static let registeringOnFreed = TorchError.runtime("Calling register_hooks on a saved tensor after it has been freed. Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved variables after calling backward.")

    /// PyTorch's error for reading a saved tensor whose pack hook raised.
    static let packRaised = TorchError.runtime("the pack hook raised before saving data for this tensor")
}
