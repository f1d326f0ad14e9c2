/// The one way a tensor's elements are overwritten: in-place arithmetic (`mul_`, `x -= v`),
/// `fill_`, `zero_`, `copy_` and `t[key] = v` all call `write`. It refuses as PyTorch does,
/// lets the route work out (and validate) what goes where, writes it, bumps the version counter,
/// and records the write: in-place arithmetic on a tensor that is not a view takes the op's node;
/// any other write is recorded on the base with the one CopySlices formula (CopySlices.swift),
/// named `CopySlices` for a write through a view and after the op (FillBackward2,
/// IndexPutBackward0, ...) otherwise.

/// Whether a write reads the old values, and what it then records.
enum WriteKind {
    /// New values computed from the old ones and the operand by an op that records its own
    /// node (`mul_`: MulBackward0).
    case update
    /// Values that replace the old ones without reading them (`fill_`, `copy_`, `t[key] = v`):
    /// the operand's, or a number's. `name` is the node PyTorch shows when the write goes into
    /// a tensor that is not a view.
    case replace(name: String)

    /// Whether the write refuses a target whose elements share memory (an expanded tensor), as
    /// PyTorch's TensorIterator ops and `copy_` do (assert_no_internal_overlap; `fill_` of a
    /// tensor is a `copy_`); `fill_` and `zero_` of a number and the indexed writes
    /// (`index_put_`, `masked_fill_`) accept one.
    var refusesInternalOverlap: Bool {
        switch self {
        case .update: true
        case .replace(let name): name == "CopyBackwards" || name == "FillBackward3"
        }
    }
}

extension Tensor {
    /// Writes into `target` (this tensor, the default, or a view of it) and returns this tensor.
    /// `operand` is the tensor the write reads besides the target: the op's other input for
    /// `.update`; for `.replace`, the tensor written from (nil for a number), which the write's
    /// node passes the gradient at the written elements.
    /// `values` receives the current values of `target` (for `.update`: when recording, a copy
    /// placed where they sit in the graph, so the op's saved input keeps them), validates, and
    /// returns the new values: broadcast to all of `target`'s elements, or with `offsets`
    /// (storage offsets), a contiguous tensor of `target`'s dtype holding one value per offset.
    /// `directly` names a write into this tensor (`target` left out) that, when not recorded,
    /// may go straight into its storage instead (the fast paths of `w -= lr * w.grad` and
    /// `w.grad.zero_()`).
    @discardableResult @inline(__always)
    func write(into target: Tensor? = nil, from operand: Tensor?, _ kind: WriteKind, directly: DirectWrite = .none,
               _ values: (Tensor) throws -> (values: Tensor, offsets: [Int]?)) throws -> Tensor {
        // Inlined up to here, so that an unrecorded write done directly costs little more than its loop.
        let recording = GradMode.isEnabled && records(into: target, operand)
        if !recording && writesDirectly(directly, operand) {
            versionCounter.bump()
        } else {
            try writeValues(into: target ?? self, from: operand, kind, recording: recording, values)
        }
        // PyTorch refuses once the values are written, so they stay written.
        if links.isInference && !GradMode.isInferenceMode { throw Tensor.inferenceWriteRefusal }
        return self
    }

    /// Whether a write into `target` (this tensor when nil, or a view of it) from `operand`
    /// enters the graph, grad mode being on.
    private func records(into target: Tensor?, _ operand: Tensor?) -> Bool {
        dtype.isFloatingPoint && (requiresGrad || (target?.requiresGrad ?? false)
            || (viewBase?.requiresGrad ?? false) || (operand?.requiresGrad ?? false))
    }

    /// `write` when the write is recorded or cannot be done directly: the values worked out,
    /// written, and recorded.
    private func writeValues(into target: Tensor, from operand: Tensor?, _ kind: WriteKind, recording: Bool,
                       _ values: (Tensor) throws -> (values: Tensor, offsets: [Int]?)) throws {
        // Without recording no leaf that requires grad is written: PyTorch's refusals cannot apply.
        if recording { try target.checkInPlaceAllowed() }
        if kind.refusesInternalOverlap && target.hasInternalOverlap {
            throw TorchError.runtime("unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.")
        }
        let base = viewBase ?? self
        let isBase = target === base
        var region: WriteRegion?
        var current = target
        if recording, case .update = kind {
            if isBase {
                current = try target.snapshotAtSameGraphPosition()
            } else {
                let viewRegion = try WriteRegion(target, in: base)
                current = try viewRegion.extract(base)
                region = viewRegion
            }
        }
        let (new, offsets) = try values(current)
        if let offsets {
            scatterElements(new, into: target, at: offsets, combine: .replace)
        } else {
            // Read everything before writing when the memory is shared (the result then does not
            // depend on the order elements are visited in).
            try copyElements(from: new.storage === target.storage ? new.cloneDetached() : new, into: target)
        }
        versionCounter.bump()
        guard recording else { return }

        let name: String, written: Tensor?
        switch kind {
        case .update:
            if isBase {
                // The op's node is the tensor's new place in the graph.
                if let node = new.gradFn {
                    gradFn = node
                    requiresGrad = true
                }
                return
            }
            (name, written) = ("CopySlices", new)
        case .replace(let replacing):
            (name, written) = (isBase ? replacing : "CopySlices", operand)
        }
        let writtenRegion = try region ?? WriteRegion(target, in: base, offsets: offsets, shape: offsets == nil ? nil : new.shape)
        base.recordCopySlices(name, writtenRegion, written: written)
        if base !== self {
            // This view now reads the updated base.
            try WriteRegion(self, in: base).recordRead(self, of: base)
        }
    }

    static let inferenceWriteRefusal = TorchError.runtime("Inplace update to inference tensor outside InferenceMode is not allowed.You can make a clone to get a normal tensor before doing inplace update.See https://github.com/pytorch/rfcs/pull/17 for more details.")

    /// PyTorch's refusals: in-place on a leaf (or a view of one) that requires grad while recording.
    private func checkInPlaceAllowed() throws {
        guard GradMode.isEnabled else { return }
        if isLeaf && requiresGrad && viewBase == nil {
            throw TorchError.runtime("a leaf Variable that requires grad is being used in an in-place operation.")
        }
        // As PyTorch, a view returned with others is refused as such before being one of a leaf.
        if let error = multiOutputViewError(writtenItself: true) { throw error }
        if requiresGrad, let node = links.gradFn, node.attached?.outputsSharingInputData.contains(links.outputNr) == true {
            throw TorchError.runtime("Output \(links.outputNr) of \(Node.opName(node.name)) is a view and is being modified inplace. This view was created inside a custom Function (or because an input was returned as-is) and the autograd logic to handle view+inplace would override the custom backward associated with the custom Function, leading to incorrect gradients. This behavior is forbidden. You can fix this by cloning the output of the custom Function.")
        }
        if let base = viewBase, base.isLeaf, base.requiresGrad {
            throw TorchError.runtime("a view of a leaf Variable that requires grad is being used in an in-place operation.")
        }
    }

    /// PyTorch's refusal for a view that is one of several returned together (`unbind`): it may
    /// not be written, nor used once its base was (`writtenItself` false). Nil for other tensors.
    func multiOutputViewError(writtenItself: Bool) -> TorchError? {
        guard let index = links.multiOutputViewIndex, requiresGrad, let op = links.gradFn?.name else { return nil }
        let what = writtenItself ? "is being modified inplace" : "its base or another view of its base has been modified inplace"
        return TorchError.runtime("Output \(index) of \(Node.opName(op)) is a view and \(what). This view is the output of a function that returns multiple views. Such functions do not allow the output views to be modified inplace. You should replace the inplace operation by an out-of-place one.")
    }

    /// A copy of this tensor's data that sits where this tensor sits in the graph.
    private func snapshotAtSameGraphPosition() throws -> Tensor {
        let copy = try cloneDetached()
        copy.graphPosition = graphPosition
        copy.requiresGrad = requiresGrad
        return copy
    }
}
