/// The one way a tensor's elements are overwritten: in-place arithmetic (`mul_`, `x -= v`),
/// `fill_`, `zero_`, `copy_` and `t[key] = v` all call `write`. It refuses as PyTorch does,
/// lets the route work out (and validate) what goes where, writes it, bumps the version counter,
/// and records the write (its node, or `CopySlices` on the base for a write through a view).

/// Whether a write reads the old values, and what it then records.
enum WriteKind {
    /// New values computed from the old ones by an op that records its own node (`mul_`:
    /// MulBackward0). `operand` is the op's other input.
    case update(operand: Tensor?)
    /// Values that replace the old ones without reading them (`fill_`, `copy_`, `t[key] = v`).
    /// `name` is the node PyTorch shows when the write goes into a tensor that is not a view;
    /// `source` is the tensor written from (nil for a number).
    case replace(name: String, source: Tensor?)
}

extension Tensor {
    /// Writes into `target` (this tensor, the default, or a view of it) and returns this tensor.
    /// `values` receives the current values of `target` (for `.update`: when recording, a copy
    /// placed where they sit in the graph, so the op's saved input keeps them), validates, and
    /// returns the new values: broadcast to all of `target`'s elements, or with `offsets`
    /// (storage offsets), a contiguous tensor of `target`'s dtype holding one value per offset.
    /// `directly`, tried when the write is not recorded, writes straight into `target` instead
    /// and says whether it could (the fast paths of `w -= lr * w.grad` and `w.grad.zero_()`).
    @discardableResult
    func write(into target: Tensor? = nil, _ kind: WriteKind, directly: () -> Bool = { false },
               _ values: (Tensor) throws -> (values: Tensor, offsets: [Int]?)) throws -> Tensor {
        let target = target ?? self
        let base = viewBase ?? self
        let operand: Tensor?
        switch kind {
        case .update(let other): operand = other
        case .replace(_, let source): operand = source
        }
        let recording = GradMode.isEnabled && base.dtype.isFloatingPoint
            && (target.requiresGrad || base.requiresGrad || (operand?.requiresGrad ?? false))
        // Without recording no leaf that requires grad is written: PyTorch's refusals cannot apply.
        if recording {
            try target.checkInPlaceAllowed()
        } else if directly() {
            versionCounter.bump()
            return self
        }
        let isBase = target === base
        var region: WriteRegion?
        var current = target
        if recording, case .update = kind {
            if isBase {
                current = target.snapshotAtSameGraphPosition()
            } else {
                let viewRegion = try WriteRegion(target, in: base)
                current = viewRegion.extract(base)
                region = viewRegion
            }
        }
        let (new, offsets) = try values(current)
        if let offsets {
            scatterElements(new, into: target, at: offsets, accumulate: false)
        } else {
            // Read everything before writing when the memory is shared (the result then does not
            // depend on the order elements are visited in).
            copyElements(from: new.storage === target.storage ? new.cloneDetached() : new, into: target)
        }
        versionCounter.bump()
        guard recording else { return self }

        let name: String, written: Tensor?
        switch kind {
        case .update:
            if isBase {
                // The op's node is the tensor's new place in the graph.
                if let node = new.gradFn {
                    gradFn = node
                    requiresGrad = true
                }
                return self
            }
            (name, written) = ("CopySlices", new)
        case .replace(let replacing, let source):
            (name, written) = (isBase ? replacing : "CopySlices", source)
        }
        let writtenRegion = try region ?? WriteRegion(target, in: base, offsets: offsets, shape: offsets == nil ? nil : new.shape)
        base.recordCopySlices(name, writtenRegion, written: written)
        if base !== self {
            // This view now reads the updated base.
            try WriteRegion(self, in: base).recordRead(self, of: base)
        }
        return self
    }

    /// PyTorch's refusals: in-place on a leaf (or a view of one) that requires grad while recording.
    func checkInPlaceAllowed() throws {
        guard GradMode.isEnabled else { return }
        if isLeaf && requiresGrad && viewBase == nil {
            throw TorchError.runtime("a leaf Variable that requires grad is being used in an in-place operation.")
        }
        if let base = viewBase, base.isLeaf, base.requiresGrad {
            throw TorchError.runtime("a view of a leaf Variable that requires grad is being used in an in-place operation.")
        }
    }

    /// A copy of this tensor's data that sits where this tensor sits in the graph.
    private func snapshotAtSameGraphPosition() -> Tensor {
        let copy = cloneDetached()
        copy.gradFn = gradFn
        copy.requiresGrad = requiresGrad
        return copy
    }
}
