/// What explanations (`grad.explain`, `%why`) read of a node beyond what the program sees: its
/// inputs' shapes, and its formula re-run on a gradient of their choosing, from the saved state
/// kept for them (`PassRecords`). Nothing here runs the program's code: hooks are not called.
extension Node {
    /// A node's formula re-run for an explanation: the input gradients, or why it cannot run.
    public enum ExplanationStep {
        case gradients([Tensor?])
        /// Its saved state was freed (backward ran while pass records were off).
        case freed
        /// Its saved tensors went through saved-tensor hooks, whose unpacking is program code.
        case hooked
        /// A tensor it saved (or its output) was changed in place since the op ran.
        case modified(Tensor)
    }

    /// The shapes of the op's inputs when it ran, in order.
    public var inputShapes: [[Int]] {
        let inputs = self.inputs
        return inputs.map(\.shape)
    }

    /// The gradients of the op's inputs for `grad`, the gradient of its output `output` (the
    /// others getting none), each summed back to its input's shape and dtype as backward does;
    /// nil where no gradient flows.
    public func explanationGradients(_ grad: Tensor, output: Int = 0) throws -> ExplanationStep {
        if let packed = attached?.packedTensors, !packed.isEmpty { return .hooked }
        for i in savedVersions.indices where savedVersions[i].isModified {
            return .modified(savedVersions[i].tensor)
        }
        if let output = savedOutput, output.version != savedOutputVersion { return .modified(output) }
        let count = outputCount
        let computed = try GradMode.with(enabled: false) {
            if count == 1 { return try keptInputGradients(BackwardContext(grad: grad, node: self)) }
            let grads = (0..<count).map { $0 == output ? grad : nil }
            return try keptInputGradients(try BackwardContext(outputGrads: grads, node: self))
        }
        guard let computed else { return .freed }
        let inputs = self.inputs
        return .gradients(try GradMode.with(enabled: false) {
            try inputs.indices.map { i -> Tensor? in
                guard i < computed.count, let g = computed[i] else { return nil }
                var out = g
                if out.shape != inputs[i].shape { out = try out.sumToShape(inputs[i].shape) }
                if out.dtype != inputs[i].dtype { out = try out.to(inputs[i].dtype) }
                return out
            }
        })
    }
}
