/// What the language layer shows of the graph: `grad_fn.next_functions` and `detach_()`.
extension Node {
    /// Where one input's gradient goes, as PyTorch's `next_functions` lists it.
    public enum NextFunction {
        /// The output of the node that produced the input.
        case node(Node, output: Int)
        /// A leaf that requires grad (PyTorch's `AccumulateGrad` node for it).
        case accumulateGrad(Tensor)
        /// An input that needs no gradient (`(None, 0)`).
        case none
    }

    /// One entry per input of the op, in order; a saved leaf's stand-in shows as the leaf's
    /// `AccumulateGrad` (`NodeAttachments.isLeafStandIn`), as in PyTorch.
    public var nextFunctions: [NextFunction] {
        let inputs = self.inputs
        return inputs.map { input in
            switch input.edge {
            case .none: return .none
            case .node(let n):
                if n.attached?.isLeafStandIn ?? false, case .leaf(let t)? = n.inputs.first?.edge { return .accumulateGrad(t) }
                return .node(n, output: Int(input.output))
            case .leaf(let t): return .accumulateGrad(t)
            }
        }
    }
}

extension Tensor {
    /// `detach_()`: this tensor leaves the graph and becomes a leaf that does not require grad.
    @discardableResult
    public func detach_() throws -> Tensor {
        if viewBase != nil && requiresGrad {
            throw TorchError.runtime("Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence detach_() cannot be called on these gradients. To fix this error, please refer to the Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.")
        }
        gradFn = nil
        requiresGrad = false
        retainsGrad = false
        return self
    }
}
