/// How ops enter the graph: an op computes its output, then calls `record` with its forward inputs,
/// the state its backward formula needs, and the formula, side by side in the op's own file.
extension Tensor {
    /// True when an op on these inputs must be recorded.
    @inline(__always)
    static func needsGraph(_ inputs: [Tensor]) -> Bool {
        GradMode.isEnabled && inputs.contains { $0.requiresGrad }
    }

    /// `needsGraph` for two operands, without building an array.
    @inline(__always)
    static func needsGraph(_ a: Tensor, _ b: Tensor) -> Bool {
        GradMode.isEnabled && (a.requiresGrad || b.requiresGrad)
    }

    /// The edge through which a gradient for this tensor flows back.
    var gradientEdge: Node.Edge {
        if let fn = gradFn { return .node(fn) }
        return requiresGrad ? .leaf(self) : .none
    }

    /// Makes this fresh output the result of op `name` on `inputs` when grad mode is on and any
    /// input requires grad.
    ///
    /// `saving` builds the formula's saved state, a value with named fields (a named tuple:
    /// `(other: $0.slot(other), alpha: alpha)`), only when the op is recorded; every tensor it
    /// saves goes into a slot of the node (`TensorSaver.slot`), which notes its version for
    /// backward's in-place check, so that backward can free it and hooks can replace it.
    /// `savesOutput` keeps a detached alias of the output, which the formula reads as
    /// `ctx.output`. The formula gets the state as its second argument and captures nothing.
    /// It returns one gradient per input (nil where none flows), shaped like the output or
    /// broadcast-compatible; the engine sums them back to each input's shape and dtype.
    @discardableResult
    func record<Saved>(_ name: String, inputs: [Tensor], savesOutput: Bool = false,
                       saving makeSaved: (inout TensorSaver) -> Saved,
                       _ formula: @escaping (BackwardContext, Saved) throws -> InputGradients) -> Tensor {
        guard Tensor.needsGraph(inputs) else { return self }
        let (node, packing) = Tensor.makeNode(name, inputs: inputs, saving: makeSaved, formula)
        becomeOutput(0, of: node)
        if let hooks = SavedTensorHooks.current {
            finishPacking(node, packing, hooks, savesOutput: savesOutput)
        } else if savesOutput {
            node.saveOutput(detach())
        }
        return self
    }

    /// `record` for an op with several outputs (`split`): one node that all of `outputs` name
    /// as their `grad_fn`, output `k` with `output_nr` k. A nil output is one of the node that
    /// no tensor stands for (a custom function's non-differentiable result): no gradient arrives
    /// there. The formula reads each output's gradient in `ctx.outputGrads` (nil where none
    /// arrived, `ctx.materializedGrad(k)` for zeros there) and runs once per pass with all of them.
    static func record<Saved>(outputs: [Tensor?], _ name: String, inputs: [Tensor],
                              saving makeSaved: (inout TensorSaver) -> Saved,
                              _ formula: @escaping (BackwardContext, Saved) throws -> InputGradients) {
        guard needsGraph(inputs), let first = outputs.lazy.compactMap({ $0 }).first else { return }
        let (node, packing) = makeNode(name, inputs: inputs, saving: makeSaved, formula)
        if outputs.count > 1 { node.setOutputs(outputs) }
        for (k, output) in outputs.enumerated() { output?.becomeOutput(k, of: node) }
        if let hooks = SavedTensorHooks.current { first.finishPacking(node, packing, hooks, savesOutput: false) }
    }

    /// The node of op `name` on `inputs`, its formula holding the saved state that `makeSaved`
    /// builds, and what saving through pack hooks made (nil without hooks).
    @inline(__always)
    private static func makeNode<Saved>(_ name: String, inputs: [Tensor], saving makeSaved: (inout TensorSaver) -> Saved,
                                        _ formula: @escaping (BackwardContext, Saved) throws -> InputGradients) -> (Node, PackedSaving?) {
        if inputs.contains(where: { $0.links.isView }) { Tensor.refreshViewGradFns(inputs) }
        var edges = SmallVector<Node.Input>()
        for t in inputs { edges.append(Node.Input(t)) }
        var saver = TensorSaver()
        let saved = makeSaved(&saver)
        if saver.savedInferenceTensor { Tensor.recordingFailureObserver(Tensor.inferenceSaveRefusal) }
        let packing = saver.packing
        // The formula captures nothing; this closure holds it with the saved state.
        let place: Node.SavedTensorPlace = saver.savedAny ? .state : saver.savedInSlots ? .slots : .none
        let node = Node(name: name, inputs: consume edges, savedVersions: saver.takeVersions(), savedTensorPlace: place) { ctx in
            guard let ctx else {
                Node.reportState(saved)
                return []
            }
            return try formula(ctx, saved)
        }
        return (node, packing)
    }

    /// Makes this fresh tensor output `k` of `node`.
    @inline(__always)
    private func becomeOutput(_ k: Int, of node: Node) {
        gradFn = node
        if k != 0 { links.outputNr = k }
        if links.isView { links.gradFnVersion = version }
        requiresGrad = true
    }

    /// `record` for an op whose formula reads one saved tensor (`log`'s input, `where`'s
    /// condition), kept in a slot (`TensorSaver.slot`) and handed to the formula.
    @discardableResult
    func record(_ name: String, inputs: [Tensor], savesOutput: Bool = false, saving tensor: Tensor,
                _ formula: @escaping (BackwardContext, Tensor) throws -> InputGradients) -> Tensor {
        record(name, inputs: inputs, savesOutput: savesOutput, saving: { $0.slot(tensor) }) { ctx, slot in
            try formula(ctx, ctx.saved(slot))
        }
    }

    /// `record` for an op whose formula needs no state beyond its context.
    @discardableResult
    func record(_ name: String, inputs: [Tensor], savesOutput: Bool = false,
                _ formula: @escaping (BackwardContext, Void) throws -> InputGradients) -> Tensor {
        record(name, inputs: inputs, savesOutput: savesOutput, saving: { _ in () }, formula)
    }
}

/// Notes the tensors of an op's saved state as `record`'s `saving` builds it.
struct TensorSaver {
    private var versions = SmallVector<Node.SavedVersion>()

    /// The versions noted, moved out for the node (no copy of the list).
    consuming func takeVersions() -> SmallVector<Node.SavedVersion> {
        versions
    }

    /// Set when an inference tensor was saved outside inference mode, which PyTorch refuses.
    private(set) var savedInferenceTensor = false

    /// Whether the state holds what `keep` took from a tensor, or a custom function saved
    /// tensors: backward frees the whole state. A node without any saved, as PyTorch's, can
    /// run backward again.
    private(set) var savedAny = false

    /// Whether a tensor was saved in a slot (`slot`), which backward frees.
    private(set) var savedInSlots = false

    /// What saving through pack hooks made; nil while no hooks are in effect (`SavedTensorHooks`).
    var packing: PackedSaving?

    /// `tensor` held by the node in a slot, its current version noted for the check before
    /// the formula runs; or, under a pack hook, the placeholder of what the hook keeps (a
    /// Python number wrapped into a tensor is kept as it is, as PyTorch does). The state holds
    /// the slot, which the formula reads (`ctx.saved(slot)`): backward then frees the tensor
    /// and keeps the state's numbers, which `_saved_*` shows after the free, as in PyTorch
    /// (`pow`'s exponent beside its saved base), and `register_hooks` can replace it.
    mutating func slot(_ tensor: Tensor) -> SavedSlot {
        savedInSlots = true
        let slot = SavedSlot(index: versions.count)
        // Saving happens only while recording, so never in inference mode.
        if tensor.links.isInference { savedInferenceTensor = true }
        if let hooks = SavedTensorHooks.current, !tensor.isWrappedNumber {
            versions.append(Node.SavedVersion(tensor: savePacked(tensor, hooks), expected: Node.SavedVersion.unchecked))
        } else {
            versions.append(Node.SavedVersion(tensor: tensor, expected: tensor.version))
        }
        return slot
    }

    /// `slot(tensor)` only when `needed`: PyTorch saves a tensor only when a gradient whose
    /// formula reads it will be computed (derivatives.yaml), so changing an unsaved one in
    /// place is no error (`z = y * 3; y.add_(1); z.backward()`).
    mutating func slot(_ tensor: Tensor, if needed: Bool) -> SavedSlot? {
        needed ? slot(tensor) : nil
    }

    /// Notes tensors that a custom function's context saved (it lives in the formula's
    /// closure, not in a state built here), so that backward frees them.
    mutating func noteSavedBy(_ saving: Tensor.FunctionSaving) {
        if saving != .nothing { savedAny = true }
    }

    /// State computed from tensors PyTorch saves (an index's element offsets, where PyTorch
    /// keeps the index tensor): kept as it is, but freed by backward like a saved tensor.
    mutating func keep<Derived>(_ derived: Derived) -> Derived {
        savedAny = true
        return derived
    }

    /// The two factors of a product (`mul`, `mm`, `dot`, ...), in slots: each is read by the
    /// other's gradient only, so saved only when the other requires grad.
    /// The second is saved first unless `inOrder`, as PyTorch's `mul`, `mm` and `bmm` save
    /// theirs (`mv` and `addmm` in order): the order in which pack hooks see them, and in which
    /// backward's in-place check names them.
    mutating func slotOperands(_ a: Tensor, _ b: Tensor, inOrder: Bool = false) -> (first: SavedSlot?, second: SavedSlot?) {
        if inOrder { return (slot(a, if: b.requiresGrad), slot(b, if: a.requiresGrad)) }
        let second = slot(b, if: a.requiresGrad)
        return (slot(a, if: b.requiresGrad), second)
    }
}

/// Where the node holds a tensor an op saved in a slot (`TensorSaver.slot`): the formula's
/// state keeps this instead of the tensor, so that backward can free the tensor alone.
struct SavedSlot {
    let index: Int
}

/// The errors `record` cannot throw (it does not throw: every op would need a `try` for it),
/// left for the caller of the op to throw once the op returns.
extension Tensor {
    /// Told when saving for backward failed as an op recorded itself (an inference tensor saved
    /// outside inference mode, a pack hook that raised); the caller then throws the error (the
    /// language's torch bridge, which keeps it in its own module, where reading it after every
    /// op costs one load).
    nonisolated(unsafe) public static var recordingFailureObserver: (any Error) -> Void = { _ in }

    public static let inferenceSaveRefusal = TorchError.runtime("Inference tensors cannot be saved for backward. Please do not use Tensors created in inference mode in computation tracked by autograd. To work around this, you can make a clone to get a normal tensor and use it in autograd, or use `torch.no_grad()` instead of `torch.inference_mode()`.")
}

/// How a custom function (`torch.autograd.Function` subclass) enters the graph.
extension Tensor {
    /// What a custom function's context saved for backward (`save_for_backward`), which backward
    /// frees as PyTorch frees saved tensors: nothing (backward can then run through the node
    /// again), tensors that are not the function's outputs, or some of its outputs, which the
    /// node then keeps for backward (detached, so that the node does not hold them).
    public enum FunctionSaving: Sendable {
        case nothing, tensors, outputs
    }

    /// Makes this output, computed outside the graph, the result of a node named `name` over
    /// `inputs`, whose formula is `backward`: given the output's gradient (nil when none reached
    /// a node that runs without one, `NodeAttachments.runsWithoutGradient`) and the output itself
    /// (attached to the node, as PyTorch's unpacked saved output; nil unless `saving` is
    /// `.outputs`), the gradients of `inputs`, nil where none flows. Nothing is recorded in
    /// no-grad mode or when no input requires grad. Saved tensors hooks are not applied: the
    /// function's context packs what it saves.
    public func recordFunction(_ name: String, inputs: [Tensor], saving: FunctionSaving,
                               backward: @escaping (_ grad: Tensor?, _ output: Tensor?) throws -> [Tensor?]) {
        SavedTensorHooks.suspended {
            record(name, inputs: inputs, savesOutput: saving == .outputs, saving: { $0.noteSavedBy(saving) }) { ctx, _ in
                InputGradients(try backward(ctx.arrivedGrad, ctx.node.attachedOutput))
            }
        }
        markIfAliasing(inputs, asOutput: 0)
    }

    /// Marks this output of a custom function when it shares its data with one of `inputs`
    /// without being that input (which would be an input changed in place and returned).
    private func markIfAliasing(_ inputs: [Tensor], asOutput index: Int) {
        guard let node = gradFn, inputs.contains(where: { $0 !== self && $0.storage === storage }) else { return }
        node.attachments.outputsSharingInputData.append(index)
    }

    /// `recordFunction` for a function with several outputs: one node for all of them, whose
    /// `backward` gets each output's gradient (nil where none arrived) and the outputs
    /// themselves (attached as `recordFunction`'s output is). A nil output is a result that is
    /// not differentiable (or not a tensor): an output of the node all the same, as in PyTorch,
    /// but no tensor becomes it, its gradient is always nil, and so is its entry in `outputs`.
    public static func recordFunction(_ name: String, outputs: [Tensor?], inputs: [Tensor], saving: FunctionSaving,
                                      backward: @escaping (_ grads: [Tensor?], _ outputs: [Tensor?]) throws -> [Tensor?]) {
        if outputs.count == 1, let only = outputs[0] {
            return only.recordFunction(name, inputs: inputs, saving: saving) { grad, output in try backward([grad], [output]) }
        }
        SavedTensorHooks.suspended {
            record(outputs: outputs, name, inputs: inputs, saving: { $0.noteSavedBy(saving) }) { ctx, _ in
                InputGradients(try backward(ctx.outputGrads, ctx.node.attachedOutputs))
            }
            if saving == .outputs { outputs.lazy.compactMap { $0 }.first?.gradFn?.saveOutputs(outputs) }
        }
        for (k, output) in outputs.enumerated() { output?.markIfAliasing(inputs, asOutput: k) }
    }
}
