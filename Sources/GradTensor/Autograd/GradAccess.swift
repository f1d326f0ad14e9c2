/// The user-facing autograd attributes of a tensor: `grad`, `requires_grad`, `is_leaf`, `retain_grad()`.
extension Tensor {
    /// `.grad`: accumulated by backward on leaves and on tensors that called `retain_grad()`.
    public var grad: Tensor? { storedGrad }

    /// True when reading `.grad` here is the mistake PyTorch warns about (a non-leaf without retain_grad).
    public var gradAccessWarrantsWarning: Bool { !isLeaf && !retainsGrad }

    /// `x.grad = g` with PyTorch's checks.
    public func setGrad(_ g: Tensor?) throws {
        if let g {
            if g.dtype != dtype {
                throw TorchError.runtime("attempting to assign a gradient with dtype '\(g.dtype.scalarTypeName)' to a tensor with dtype '\(dtype.scalarTypeName)'. Please ensure that the gradient and the tensor have the same dtype")
            }
            if g.shape != shape {
                throw TorchError.runtime("attempting to assign a gradient of size '\(Shape.sizeList(g.shape))' to a tensor of size '\(Shape.sizeList(shape))'. Please ensure that the gradient and the tensor are the same size")
            }
        }
        storedGrad = g
    }

    /// `x.requires_grad = flag`.
    public func setRequiresGrad(_ flag: Bool) throws {
        if !isLeaf {
            if !flag {
                throw TorchError.runtime("you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().")
            }
            return
        }
        if flag && !dtype.isFloatingPoint {
            throw TorchError.runtime("Only Tensors of floating point and complex dtype can require gradients")
        }
        requiresGrad = flag
    }

    /// `x.requires_grad_(flag=True)`; returns the tensor itself.
    @discardableResult
    public func requiresGrad_(_ flag: Bool = true) throws -> Tensor {
        try setRequiresGrad(flag)
        return self
    }

    /// `retain_grad()`: a non-leaf keeps its gradient after backward.
    public func retainGrad() throws {
        guard requiresGrad else {
            throw TorchError.runtime("can't retain_grad on Tensor that has requires_grad=False")
        }
        guard let node = gradFn else { return }
        retainsGrad = true
        node.retainedGradTarget = self
    }

    /// `.retains_grad`
    public var retainsGradient: Bool { retainsGrad }

    /// `backward(gradient=None, retain_graph=None, create_graph=False)`.
    public func backward(gradient: Tensor? = nil, retainGraph: Bool? = nil, createGraph: Bool = false) throws {
        try Autograd.backward(self, gradient: gradient, retainGraph: retainGraph, createGraph: createGraph)
    }
}
