/// A node with several outputs (`split`'s pieces, `unbind`'s views, a custom function's results):
/// one node that every output names as its `grad_fn`, each with its own `output_nr`. Consumers'
/// edges name the output they read; the engine sums a gradient per output and runs the formula
/// once with all of them (PyTorch's `InputBuffer`). The first output's state stays in the node's
/// own fields, so an op with one output pays one nil pointer for all this.
final class LaterOutputs {
    /// Every output's shape and dtype: zeros of them stand for a gradient that never arrived
    /// (a scalar float for an output no tensor stands for, whose formula never reads it).
    let metadata: [(shape: [Int], dtype: DType)]
    /// The gradients summed so far in a pass for outputs 1, 2, …; nil where none arrived.
    var pendingGradients: [Tensor?]
    /// The tensors whose `retain_grad()` wants the gradients of outputs 1, 2, ….
    var retainedTargets: [WeakTensor]
    /// Detached aliases of every output (nil for one no tensor stands for), for a formula that
    /// reads them (a custom function that saved its outputs); empty otherwise, and once
    /// backward has freed the node.
    var savedOutputs: [Tensor?] = []

    init(_ outputs: [Tensor?]) {
        metadata = outputs.map { ($0?.shape ?? [], $0?.dtype ?? .float32) }
        pendingGradients = Array(repeating: nil, count: outputs.count - 1)
        retainedTargets = Array(repeating: WeakTensor(), count: outputs.count - 1)
    }

    struct WeakTensor {
        weak var tensor: Tensor?
    }
}

extension Node {
    /// How many outputs the op has.
    var outputCount: Int { laterOutputs?.metadata.count ?? 1 }

    /// Makes this node one with the given outputs (more than one; nil for one no tensor stands
    /// for), as it is being recorded.
    func setOutputs(_ outputs: [Tensor?]) {
        laterOutputs = LaterOutputs(outputs)
    }

    /// Every output's gradient received in this pass, nil where none arrived, leaving none pending.
    func takePendingGradients() -> [Tensor?] {
        var grads = [pendingGradient]
        pendingGradient = nil
        if let later = laterOutputs {
            grads += later.pendingGradients
            for k in later.pendingGradients.indices { later.pendingGradients[k] = nil }
        }
        return grads
    }

    /// Forgets the gradients received in a pass (at its end, whatever happened in it).
    func clearPendingGradients() {
        pendingGradient = nil
        guard let later = laterOutputs else { return }
        for k in later.pendingGradients.indices { later.pendingGradients[k] = nil }
    }

    /// Zeros shaped like output `k`: its gradient when none arrived.
    func zeroGradient(ofOutput k: Int) throws -> Tensor {
        guard let later = laterOutputs, k < later.metadata.count else {
            throw TorchError.runtime("grad: node \(name) has no output \(k)")
        }
        return try Tensor(zeros: later.metadata[k].shape, dtype: later.metadata[k].dtype)
    }

    /// Where `retain_grad()` on output `k` wants its gradient stored.
    func retainedTarget(ofOutput k: Int) -> Tensor? {
        if k == 0 { return retainedGradTarget }
        guard let later = laterOutputs, k - 1 < later.retainedTargets.count else { return nil }
        return later.retainedTargets[k - 1].tensor
    }

    /// `retain_grad()` on `tensor`, output `k` of this node.
    func retainGradient(of tensor: Tensor, output k: Int) {
        if k == 0 { retainedGradTarget = tensor; return }
        guard let later = laterOutputs, k - 1 < later.retainedTargets.count else { return }
        later.retainedTargets[k - 1].tensor = tensor
    }

    /// Keeps detached aliases of the outputs for the formula (`attachedOutputs`).
    func saveOutputs(_ outputs: [Tensor?]) {
        laterOutputs?.savedOutputs = outputs.map { $0?.detach() }
    }

    /// The saved outputs, each attached to this node as the output it is; empty when none are kept.
    var attachedOutputs: [Tensor?] {
        (laterOutputs?.savedOutputs ?? []).enumerated().map { k, saved in saved.map { attach($0, asOutput: k) } }
    }
}
