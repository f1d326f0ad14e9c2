extension TorchPythonSources {
    /// `torch.autograd.gradcheck` and `gradgradcheck`: Jacobians from backward compared with
    /// central finite differences, with PyTorch's tolerances and mismatch report. Part of the
    /// `torch.autograd` module's source, after `autogradFunction`.
    static let gradcheck = #"""
# gradcheck and gradgradcheck: backward's Jacobians against finite differences.

class GradcheckError(RuntimeError):
    """Raised by gradcheck and gradgradcheck when derivatives do not match."""

    __module__ = "torch.autograd.gradcheck"


def _differentiable_outputs(outputs):
    outputs = outputs if isinstance(outputs, tuple) else (outputs,)
    return tuple(o for o in outputs if isinstance(o, torch.Tensor) and o.requires_grad)


def _numerical_jacobians(func, inputs, wrt, eps):
    """For each input in wrt, a list with per output a matrix (input elements x output
    elements) of central differences (f(x + eps) - f(x - eps)) / (2 eps). func runs with grad
    on: gradgradcheck's func differentiates."""
    def floating(outputs):
        outputs = outputs if isinstance(outputs, tuple) else (outputs,)
        return [o.detach() for o in outputs if isinstance(o, torch.Tensor) and o.dtype.is_floating_point]

    sample = floating(func(*inputs))
    result = []
    for x in wrt:
        # Through .data, whose changes the graph does not see (it has its own version).
        flat = x.data.view(-1)
        jacobians = [torch.zeros(x.numel(), o.numel(), dtype=o.dtype) for o in sample]
        for k in range(flat.numel()):
            original = flat[k].clone()
            flat[k] = original - eps
            before = floating(func(*inputs))
            flat[k] = original + eps
            after = floating(func(*inputs))
            flat[k] = original
            for jacobian, a, b in zip(jacobians, before, after):
                jacobian[k] = ((b - a) / (2 * eps)).reshape(-1)
        result.append(jacobians)
    return result


def _analytical_jacobians(output, wrt):
    """Per input in wrt, the matrix (input elements x output elements) whose column j is the
    input's gradient for a gradient of output that is one at element j and zero elsewhere."""
    jacobians = [torch.zeros(x.numel(), output.numel(), dtype=output.dtype) for x in wrt]
    grad_output = torch.zeros_like(output)
    flat = grad_output.view(-1)
    for j in range(output.numel()):
        flat.zero_()
        flat[j] = 1.0
        grads = torch.autograd.grad(output, wrt, grad_output, retain_graph=True, allow_unused=True)
        for jacobian, g in zip(jacobians, grads):
            if g is not None:
                jacobian[:, j] = g.reshape(-1)
    return jacobians


def gradcheck(func, inputs, *, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True, nondet_tol=0.0,
              check_undefined_grad=True, check_grad_dtypes=False, check_batched_grad=False,
              check_batched_forward_grad=False, check_forward_ad=False, check_backward_ad=True,
              fast_mode=False, masked=None):
    """Compares the gradients backward computes for func at inputs with central finite
    differences; True when every Jacobian matches within atol + rtol * |numerical|."""
    inputs = inputs if isinstance(inputs, tuple) else (inputs,)
    wrt = [x for x in inputs if isinstance(x, torch.Tensor) and x.requires_grad]
    if not wrt:
        raise ValueError("gradcheck expects at least one input tensor to require gradient, but none of them have requires_grad=True.")
    outputs = _differentiable_outputs(func(*inputs))
    numerical = _numerical_jacobians(func, inputs, wrt, eps)
    for i, output in enumerate(outputs):
        analytical = _analytical_jacobians(output, wrt)
        for j, a in enumerate(analytical):
            n = numerical[j][i]
            if not torch.allclose(a, n.to(a.dtype), rtol, atol):
                if not raise_exception:
                    return False
                raise GradcheckError(f"Jacobian mismatch for output {i} with respect to input {j},\nnumerical:{n}\nanalytical:{a}\n")
    return True


def gradgradcheck(func, inputs, grad_outputs=None, *, eps=1e-6, atol=1e-5, rtol=1e-3, gen_non_contig_grad_outputs=False,
                  raise_exception=True, nondet_tol=0.0, check_undefined_grad=True, check_grad_dtypes=False,
                  check_batched_grad=False, check_fwd_over_rev=False, check_rev_over_rev=True, fast_mode=False,
                  masked=False):
    """gradcheck of the function that maps inputs and output gradients to input gradients:
    checks second derivatives. Output gradients not given are drawn uniformly in [-1, 1]."""
    inputs = inputs if isinstance(inputs, tuple) else (inputs,)
    if grad_outputs is None:
        outputs = _differentiable_outputs(func(*inputs))
        grad_outputs = tuple(torch.empty(o.shape, dtype=o.dtype).uniform_(-1, 1).requires_grad_() for o in outputs)
    grad_outputs = grad_outputs if isinstance(grad_outputs, tuple) else (grad_outputs,)
    count = len(inputs)

    def first_derivatives(*values):
        given, seeds = values[:count], values[count:]
        outputs = _differentiable_outputs(func(*given))
        wrt = [x for x in given if isinstance(x, torch.Tensor) and x.requires_grad]
        grads = torch.autograd.grad(outputs, wrt, seeds, create_graph=True, allow_unused=True)
        return tuple(g for g in grads if g is not None)

    return gradcheck(first_derivatives, inputs + grad_outputs, eps=eps, atol=atol, rtol=rtol,
                     raise_exception=raise_exception)
"""#
}
