extension TorchPythonSources {
    /// `torch.autograd.functional`: `jacobian`, `hessian`, `vjp`, `jvp`, `vhp`, `hvp`, built on
    /// `torch.autograd.grad` (`jvp` and `hvp` by the double-backward trick).
    static let autogradFunctional = #"""
"""torch.autograd.functional: Jacobians, Hessians and vector products of whole functions."""

import torch


def _as_tuple(value):
    return (True, value) if isinstance(value, tuple) else (False, (value,))


def _prepare(inputs, create_graph):
    # Fresh leaves (or, to differentiate through them later, aliases that keep their graph).
    return tuple(x.view_as(x) if create_graph and x.requires_grad else x.detach().requires_grad_(True) for x in inputs)


def _finish(value, create_graph):
    if isinstance(value, tuple):
        return tuple(_finish(v, create_graph) for v in value)
    return value if create_graph or value is None else value.detach()


def _grads(outputs, inputs, grad_outputs, create_graph):
    grads = torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph=True, create_graph=create_graph, allow_unused=True)
    return tuple(torch.zeros_like(x) if g is None else g for g, x in zip(grads, inputs))


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False, strategy="reverse-mode"):
    """The Jacobian of func at inputs: for each output and input, a tensor shaped output.shape + input.shape."""
    inputs_tuple, inputs = _as_tuple(inputs)
    with torch.enable_grad():
        inputs = _prepare(inputs, create_graph)
        outputs_tuple, outputs = _as_tuple(func(*inputs))
        result = []
        for out in outputs:
            rows = [[] for _ in inputs]
            flat = out.reshape(-1)
            for j in range(flat.numel()):
                if flat.requires_grad:
                    grads = _grads(flat[j], inputs, None, create_graph)
                else:
                    grads = tuple(torch.zeros_like(x) for x in inputs)
                for row, g in zip(rows, grads):
                    row.append(g)
            per_input = tuple(torch.stack(row).view(out.shape + x.shape) if row else torch.zeros(out.shape + x.shape, dtype=x.dtype)
                              for row, x in zip(rows, inputs))
            result.append(per_input if inputs_tuple else per_input[0])
    result = _finish(tuple(result), create_graph)
    return result if outputs_tuple else result[0]


def hessian(func, inputs, create_graph=False, strict=False, vectorize=False, outer_jacobian_strategy="reverse-mode"):
    """The Hessian of func, which returns a single element, at inputs."""
    inputs_tuple, inputs = _as_tuple(inputs)

    def single_output(*values):
        out = func(*values)
        if isinstance(out, tuple) or not isinstance(out, torch.Tensor):
            raise RuntimeError("The function given to hessian should return a single Tensor")
        if out.nelement() != 1:
            raise RuntimeError("The Tensor returned by the function given to hessian should contain a single element")
        return out.squeeze()

    def gradient(*values):
        return jacobian(single_output, values, create_graph=True)

    result = jacobian(gradient, inputs, create_graph=create_graph)
    if inputs_tuple:
        return result
    return result[0][0]


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), the vector-Jacobian product of v with func's Jacobian at inputs)."""
    inputs_tuple, inputs = _as_tuple(inputs)
    with torch.enable_grad():
        inputs = _prepare(inputs, create_graph)
        outputs_tuple, outputs = _as_tuple(func(*inputs))
        if v is None:
            if len(outputs) != 1 or outputs[0].nelement() != 1:
                raise RuntimeError("The vector v can only be None if the user-provided function returns a single Tensor with a single element.")
            v = (torch.ones_like(outputs[0]),)
        else:
            v = v if isinstance(v, tuple) else (v,)
        grads = _grads(outputs, inputs, v, create_graph)
    outputs = _finish(outputs, create_graph)
    grads = _finish(grads, create_graph)
    return (outputs if outputs_tuple else outputs[0]), (grads if inputs_tuple else grads[0])


def jvp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), the Jacobian-vector product of func's Jacobian at inputs with v),
    computed with two backward passes."""
    inputs_tuple, inputs = _as_tuple(inputs)
    with torch.enable_grad():
        inputs = _prepare(inputs, create_graph)
        outputs_tuple, outputs = _as_tuple(func(*inputs))
        if v is None:
            if len(inputs) != 1 or inputs[0].nelement() != 1:
                raise RuntimeError("The vector v can only be None if the input to the user-provided function is a single Tensor with a single element.")
            v = (torch.ones_like(inputs[0]),)
        else:
            v = v if isinstance(v, tuple) else (v,)
        seeds = tuple(torch.zeros_like(o, requires_grad=True) for o in outputs)
        grads = _grads(outputs, inputs, seeds, True)
        products = _grads(grads, seeds, v, create_graph)
    outputs = _finish(outputs, create_graph)
    products = _finish(products, create_graph)
    return (outputs if outputs_tuple else outputs[0]), (products if outputs_tuple else products[0])


def vhp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), v times the Hessian of func at inputs)."""
    inputs_tuple, inputs = _as_tuple(inputs)
    with torch.enable_grad():
        inputs = _prepare(inputs, create_graph)
        out = func(*inputs)
        if isinstance(out, tuple) or out.nelement() != 1:
            raise RuntimeError("The function given to vhp should return a single Tensor with a single element.")
        v = _vector(v, inputs, "vhp")
        grads = _grads(out, inputs, None, True)
        products = _grads(grads, inputs, v, create_graph)
    return _finish(out, create_graph), _finish(products if inputs_tuple else products[0], create_graph)


def hvp(func, inputs, v=None, create_graph=False, strict=False):
    """(func(inputs), the Hessian of func at inputs times v); the Hessian is symmetric, so this
    equals vhp for functions twice continuously differentiable."""
    inputs_tuple, inputs = _as_tuple(inputs)
    with torch.enable_grad():
        inputs = _prepare(inputs, create_graph)
        out = func(*inputs)
        if isinstance(out, tuple) or out.nelement() != 1:
            raise RuntimeError("The function given to hvp should return a single Tensor with a single element.")
        v = _vector(v, inputs, "hvp")
        grads = _grads(out, inputs, None, True)
        seeds = tuple(torch.zeros_like(x, requires_grad=True) for x in inputs)
        double = _grads(grads, inputs, seeds, True)
        products = _grads(double, seeds, v, create_graph)
    return _finish(out, create_graph), _finish(products if inputs_tuple else products[0], create_graph)


def _vector(v, inputs, name):
    if v is None:
        if len(inputs) != 1 or inputs[0].nelement() != 1:
            raise RuntimeError("The vector v can only be None if the input to the user-provided function is a single Tensor with a single element.")
        return (torch.ones_like(inputs[0]),)
    return v if isinstance(v, tuple) else (v,)
"""#
}
