extension TorchPythonSources {
    /// `torch.func`: `grad`, `grad_and_value`, `vjp`, `jvp`, `jacrev`, `jacfwd`, `hessian` and a simple
    /// `vmap`, on autograd (forward mode by differentiating a backward pass, vmap by a loop).
    static let functionTransforms = #"""
"""torch.func: function transforms (grad, grad_and_value, vjp, jvp, jacrev, jacfwd, vmap) built on
autograd. Transforms nest: the inner ones keep their graph for the outer ones, and the outermost
returns tensors without history, except those that depend on a tensor requiring grad outside
the transforms (an argument too), which stay differentiable with respect to it."""

import torch
import torch.autograd.functional as _functional

# How many transforms are running, so that the outermost detaches its results.
_depth = [0]
# The leaves the outermost transform running (or run last) made of its arguments.
_made = []


def _enter_args(args, argnums):
    if _depth[0] == 1:
        _made.clear()
    args = list(args)
    for i in argnums:
        a = args[i]
        if a.requires_grad:
            args[i] = a.view_as(a)
        else:
            args[i] = a.detach().requires_grad_(True)
            _made.append(args[i])
    return args


def _leave(value):
    if _depth[0] > 1:
        return value
    if isinstance(value, tuple):
        return tuple(_leave(v) for v in value)
    if isinstance(value, list):
        return [_leave(v) for v in value]
    if isinstance(value, dict):
        return {k: _leave(v) for k, v in value.items()}
    if isinstance(value, torch.Tensor) and not _reaches_outside(value):
        return value.detach()
    return value


def _reaches_outside(t):
    """Whether t's graph reaches a leaf the transforms did not make: a tensor from outside
    that requires grad, to which the result stays differentiable."""
    seen = set()
    pending = [t.grad_fn]
    while pending:
        node = pending.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        variable = getattr(node, "variable", None)
        if variable is not None and not any(variable is m for m in _made):
            return True
        pending.extend(n for n, _ in node.next_functions)
    return False


def _argnums(argnums):
    return (argnums, True) if isinstance(argnums, tuple) else ((argnums,), False)


def grad_and_value(func, argnums=0, has_aux=False):
    """A function returning (gradient of func's single-element output with respect to the
    arguments at argnums, func's value); with has_aux func returns (output, aux) and the value
    is that pair."""
    def wrapper(*args, **kwargs):
        nums, many = _argnums(argnums)
        _depth[0] += 1
        try:
            with torch.enable_grad():
                args = _enter_args(args, nums)
                result = func(*args, **kwargs)
                output, aux = result if has_aux else (result, None)
                if not isinstance(output, torch.Tensor) or output.numel() != 1:
                    raise RuntimeError(f"grad_and_value(f)(*args): Expected f(*args) to return a scalar Tensor, got tensor with {output.dim()} dims. Maybe you wanted to use the vjp or jacrev APIs instead?")
                wrt = [args[i] for i in nums]
                grads = torch.autograd.grad(output, wrt, create_graph=True, allow_unused=True)
                grads = tuple(torch.zeros_like(x) if g is None else g for g, x in zip(grads, wrt))
                value = (output, aux) if has_aux else output
                return _leave((grads if many else grads[0], value))
        finally:
            _depth[0] -= 1
    return wrapper


def grad(func, argnums=0, has_aux=False):
    """A function returning the gradient of func's single-element output with respect to the
    arguments at argnums (and func's aux with has_aux)."""
    both = grad_and_value(func, argnums, has_aux)

    def wrapper(*args, **kwargs):
        gradients, value = both(*args, **kwargs)
        return (gradients, value[1]) if has_aux else gradients
    return wrapper


def _called(func, primals, has_aux):
    """The leaves made of primals, and func's output and aux at them (aux None without has_aux)."""
    with torch.enable_grad():
        args = _enter_args(primals, range(len(primals)))
        result = func(*args)
        output, aux = result if has_aux else (result, None)
    return args, output, aux


def vjp(func, *primals, has_aux=False):
    """(func(*primals), a function of cotangents like the output returning the vector-Jacobian
    products for every primal)."""
    _depth[0] += 1
    try:
        args, output, aux = _called(func, primals, has_aux)
    finally:
        _depth[0] -= 1

    def vjp_fn(cotangents):
        _depth[0] += 1
        try:
            outputs = output if isinstance(output, tuple) else (output,)
            seeds = cotangents if isinstance(cotangents, tuple) else (cotangents,)
            grads = torch.autograd.grad(outputs, args, seeds, retain_graph=True, create_graph=True, allow_unused=True)
            return _leave(tuple(torch.zeros_like(x) if g is None else g for g, x in zip(grads, args)))
        finally:
            _depth[0] -= 1

    _depth[0] += 1
    try:
        shown = _leave(output)
        return (shown, vjp_fn, _leave(aux)) if has_aux else (shown, vjp_fn)
    finally:
        _depth[0] -= 1


def jacrev(func, argnums=0):
    """A function returning the Jacobian of func with respect to the arguments at argnums,
    shaped output.shape + argument.shape."""
    def wrapper(*args):
        nums, many = _argnums(argnums)
        _depth[0] += 1
        try:
            def of_chosen(*chosen):
                full = list(args)
                for i, c in zip(nums, chosen):
                    full[i] = c
                return func(*full)
            entered = _enter_args(args, nums)
            chosen = tuple(entered[i] for i in nums)
            result = _functional.jacobian(of_chosen, chosen if many else chosen[0], create_graph=True)
            return _leave(result)
        finally:
            _depth[0] -= 1
    return wrapper


def jacfwd(func, argnums=0):
    """jacrev's Jacobian computed a column at a time, as forward mode does: each column is a
    Jacobian-vector product, which grad takes by differentiating a backward pass."""
    def wrapper(*args):
        nums, many = _argnums(argnums)
        _depth[0] += 1
        try:
            with torch.enable_grad():
                args = _enter_args(args, nums)
                output = func(*args)
                seed = torch.zeros_like(output, requires_grad=True)
                wrt = [args[i] for i in nums]
                grads = torch.autograd.grad(output, wrt, seed, create_graph=True, allow_unused=True)
                result = []
                for x, g in zip(wrt, grads):
                    columns = []
                    tangent = torch.zeros_like(x)
                    flat = tangent.view(-1)
                    for k in range(x.numel()):
                        flat.zero_()
                        flat[k] = 1.0
                        if g is None:
                            columns.append(torch.zeros_like(output))
                        else:
                            column, = torch.autograd.grad(g, seed, tangent, retain_graph=True, create_graph=True, allow_unused=True)
                            columns.append(torch.zeros_like(output) if column is None else column)
                    result.append(torch.stack(columns, -1).reshape(output.shape + x.shape))
                return _leave(tuple(result) if many else result[0])
        finally:
            _depth[0] -= 1
    return wrapper


def _structure(value):
    """How PyTorch's pytree prints a tensor (*) or a tuple of tensors."""
    if isinstance(value, tuple):
        return "TreeSpec(tuple, None, [" + ",\n  ".join(_structure(v) for v in value) + "])"
    return "*"


def jvp(func, primals, tangents, *, strict=False, has_aux=False):
    """(func(*primals), the Jacobian-vector product of func at primals along tangents); the
    product is taken as jacfwd takes its columns, by differentiating a backward pass."""
    if not isinstance(primals, tuple):
        raise RuntimeError("jvp(f, primals, tangents): Expected primals to be a tuple. E.g. it should be valid to call f(*primals).")
    if not isinstance(tangents, tuple) or len(tangents) != len(primals):
        raise RuntimeError("jvp(f, primals, tangents): Expected primals and tangents to have the same python structure. For example, if primals is a tuple of 3 tensors, tangents also must be. "
                           f"Got primals with structure {_structure(primals)} and tangents with structure {_structure(tangents)}")
    for p, t in zip(primals, tangents):
        if t.shape != p.shape:
            raise RuntimeError("Trying to set a forward gradient that has a different size than that of the original Tensor, this is not supported. "
                               f"Tensor is of size {list(p.shape)} while the given forward gradient is of size {list(t.shape)}.")
    _depth[0] += 1
    try:
        args, output, aux = _called(func, primals, has_aux)
        with torch.enable_grad():
            outputs = output if isinstance(output, tuple) else (output,)
            seeds = tuple(torch.zeros_like(o, requires_grad=True) for o in outputs)
            grads = torch.autograd.grad(outputs, args, seeds, create_graph=True, allow_unused=True)
            pairs = [(g, t) for g, t in zip(grads, tangents) if g is not None]
            products = (torch.autograd.grad([g for g, _ in pairs], seeds, [t for _, t in pairs], retain_graph=True,
                                            create_graph=True, allow_unused=True) if pairs else (None,) * len(seeds))
            products = tuple(torch.zeros_like(o) if p is None else p for p, o in zip(products, outputs))
            product = products if isinstance(output, tuple) else products[0]
            return _leave((output, product, aux) if has_aux else (output, product))
    finally:
        _depth[0] -= 1


def hessian(func, argnums=0):
    """jacfwd(jacrev(func))."""
    return jacfwd(jacrev(func, argnums), argnums)


def vmap(func, in_dims=0, out_dims=0):
    """func applied to each slice of the batched arguments along in_dims (None: not batched),
    its results stacked along out_dims."""
    def wrapper(*args):
        dims = in_dims if isinstance(in_dims, tuple) else (in_dims,) * len(args)
        sizes = {a.shape[d] for a, d in zip(args, dims) if d is not None}
        if len(sizes) != 1:
            raise ValueError("vmap: Expected all tensors to have the same size in the mapped dimension")
        size = sizes.pop()
        results = [func(*[a if d is None else a.select(d, i) for a, d in zip(args, dims)]) for i in range(size)]
        if isinstance(results[0], tuple):
            return tuple(torch.stack([r[k] for r in results], out_dims) for k in range(len(results[0])))
        return torch.stack(results, out_dims)
    return wrapper
"""#
}
