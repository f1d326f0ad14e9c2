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
                throw TorchError.runtime("attempting to assign a gradient with dtype '\(g.dtype.cTypeName)' to a tensor with grad_dtype '\(dtype.scalarTypeName)'. The gradient must match the tensor's grad_dtype (defaults to the tensor's dtype). You can set the tensor's grad_dtype attribute with a specific dtype, or None to allow any dtype. Set grad_dtype with caution. Diverging the dtypes of a tensor and its gradient may break downstream systems that assume they match.")
            }
            if g.shape != shape {
                throw TorchError.runtime("attempting to assign a gradient of size '\(Shape.sizeList(g.shape))' to a tensor of size '\(Shape.sizeList(shape))'. Please ensure that the gradient and the tensor are the same size")
            }
        }
        storedGrad = g
    }

    /// Where a `requires_grad` change comes from: PyTorch words the int-dtype refusal differently
    /// for each.
    public enum RequiresGradSource: Sendable {
        case factory, attribute, method

        var refusal: String {
            switch self {
            case .factory: return "Only Tensors of floating point and complex dtype can require gradients"
            case .attribute: return "only Tensors of floating point and complex dtype can require gradients"
            case .method: return "only Tensors of floating point dtype can require gradients"
            }
        }
    }

    /// `x.requires_grad = flag` (and the `requires_grad=` keyword of factories).
    public func setRequiresGrad(_ flag: Bool, source: RequiresGradSource = .factory) throws {
        if !isLeaf {
            if !flag {
                throw TorchError.runtime("you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().")
            }
            return
        }
        if flag && !dtype.isFloatingPoint {
            throw TorchError.runtime(source.refusal)
        }
        if flag && isInference && !GradMode.isInferenceMode {
            throw TorchError.runtime("Setting requires_grad=True on inference tensor outside InferenceMode is not allowed.")
        }
        requiresGrad = flag
    }

    /// `x.requires_grad_(flag=True)`; returns the tensor itself.
    @discardableResult
    public func requiresGrad_(_ flag: Bool = true) throws -> Tensor {
        try setRequiresGrad(flag, source: .method)
        return self
    }

    /// `retain_grad()`: a non-leaf keeps its gradient after backward.
    public func retainGrad() throws {
        guard requiresGrad else {
            throw TorchError.runtime("can't retain_grad on Tensor that has requires_grad=False")
        }
        guard let node = gradFn else { return }
        retainsGrad = true
        node.retainGradient(of: self, output: outputNr)
    }

    /// `.retains_grad`
    public var retainsGradient: Bool { retainsGrad }

    /// `backward(gradient=None, retain_graph=None, create_graph=False)`.
    public func backward(gradient: Tensor? = nil, retainGraph: Bool? = nil, createGraph: Bool = false) throws {
        try Autograd.backward(self, gradient: gradient, retainGraph: retainGraph, createGraph: createGraph)
    }
}
