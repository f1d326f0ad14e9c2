/// How ops enter the graph: an op computes its output, then calls `record` with its forward inputs
/// and its backward formula, side by side in the op's own file.
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

    var savedVersion: Node.SavedVersion {
        Node.SavedVersion(counter: versionCounter, expected: versionCounter.value, shape: shape,
                          dtype: dtype, tensor: self, outputOf: nil)
    }

    /// Makes this fresh output the result of op `name` on `inputs` when grad mode is on and any
    /// input requires grad. `saving` lists tensors the formula reads (`ctx.saved(i)`; checked for
    /// in-place changes at backward time); `savesOutput` keeps a detached alias of the output for
    /// the formula; `savingScalar` is a number it reads (`ctx.savedScalar`).
    /// The formula returns one gradient per input (nil where none flows), shaped like the output
    /// or broadcast-compatible; the engine sums them back to each input's shape and dtype.
    @discardableResult
    func record(_ name: String, inputs: [Tensor], saving: [Tensor] = [], savesOutput: Bool = false,
                savingScalar: Scalar = .int(1), _ backward: @escaping (BackwardContext) throws -> InputGradients) -> Tensor {
        guard Tensor.needsGraph(inputs) else { return self }
        // Reserved at its final size: a saved output would otherwise grow it a second time.
        var versions: [Node.SavedVersion] = []
        if !saving.isEmpty || savesOutput {
            versions.reserveCapacity(saving.count + (savesOutput ? 1 : 0))
            for t in saving { versions.append(t.savedVersion) }
        }
        if savesOutput {
            versions.append(Node.SavedVersion(counter: versionCounter, expected: versionCounter.value,
                                              shape: shape, dtype: dtype, tensor: nil, outputOf: name))
        }
        let node = Node(name: name, inputs: NodeInputs(inputs), savedVersions: versions,
                        backward: backward)
        if savesOutput { node.savedOutput = detach() }
        node.savedScalar = savingScalar
        gradFn = node
        requiresGrad = true
        return self
    }
}
