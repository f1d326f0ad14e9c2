extension TorchPythonSources {
    /// `torch.autograd.gradcheck` and `gradgradcheck`, taking PyTorch's steps in PyTorch's order
    /// (so a custom Function's forward and backward run as often, on the same gradients), with
    /// its tolerances, warnings and error texts: the input checks, the Jacobians from finite
    /// differences and (twice, for determinism) from backward, a zero output gradient, and
    /// undefined output gradients; `fast_mode` projects both Jacobians on the random vectors a
    /// fresh `torch.Generator` draws. The forward-mode Jacobians come from `gradcheckForward`,
    /// the batched checks from `gradcheckBatched`. Part of the `torch.autograd` module's
    /// source, after `autogradFunction`.
    static let gradcheck = #"""
# gradcheck and gradgradcheck: backward's Jacobians against finite differences.

import warnings


class GradcheckError(RuntimeError):
    """Raised by gradcheck and gradgradcheck when derivatives do not match."""

    __module__ = "torch.autograd.gradcheck"


# PyTorch's texts, which users compare and search for.
_NONDETERMINISM_NOTE = """\n
NOTE: If your op relies on non-deterministic operations i.e., it is listed here:
https://pytorch.org/docs/stable/generated/torch.use_deterministic_algorithms.html
this failure might be expected.

If you are adding a new operator, please file an issue and then use one of the
workarounds. The workaround depends on how your test invokes gradcheck/gradgradcheck.
If the test
- manually invokes gradcheck/gradgradcheck, then call gradcheck/gradgradcheck
  with `nondet_tol=<tol>` as a keyword argument.
- is OpInfo-based (e.g., in test_ops_gradients.py), then modify the OpInfo for the test
  to have `gradcheck_nondet_tol=<tol>`.
- is a Module test (e.g., in common_nn.py), then modify the corresponding
  module_test entry to have `gradcheck_nondet_tol=<tol>`
"""

_SLOW_MODE_WOULD_PASS = """Fast gradcheck failed but element-wise differences are small. This means that the
test might've passed in slow_mode!

If you are adding a new operator, please file an issue and then use one of the
workarounds. The workaround depends on how your test invokes gradcheck/gradgradcheck:

If the test
- manually invokes gradcheck/gradgradcheck, then call gradcheck/gradgradcheck
  with `fast_mode=False` as a keyword argument.
- is OpInfo-based (e.g., in test_ops_gradients.py), then modify the OpInfo for the test
  to have `gradcheck_fast_mode=False`
- is a Module test (e.g., in common_nn.py), then modify the corresponding
  module_test entry to have `gradcheck_fast_mode=False`"""

_UNDEFINED_GRAD_NOTE = 'Please look at "Notes about undefined output gradients" in "tools/autograd/derivatives.yaml"'


def _as_tuple(x):
    if isinstance(x, tuple):
        return x
    if isinstance(x, list):
        return tuple(x)
    return (x,)


def _differentiable_outputs(x):
    return tuple(o for o in _as_tuple(x) if o.requires_grad)


def _is_floating(t):
    # PyTorch also takes complex tensors here; grad has no complex dtypes.
    return isinstance(t, torch.Tensor) and t.is_floating_point()


def _tensors_requiring_grad(x):
    """The tensors requiring grad in x, looking inside lists and tuples (as backward's checks do)."""
    if isinstance(x, torch.Tensor):
        return [x] if x.requires_grad else []
    if isinstance(x, (list, tuple)):
        return [t for item in x for t in _tensors_requiring_grad(item)]
    return []


def _contiguous_zeros(t):
    """Zeros shaped as t, contiguous whatever t's layout (PyTorch's legacy_contiguous_format)."""
    return torch.zeros(t.shape, dtype=t.dtype)


def _positions_requiring_grad(inputs):
    return [i for i, x in enumerate(inputs) if isinstance(x, torch.Tensor) and x.requires_grad]


def _element_indices(shape):
    """Every index of a tensor of this shape, as a tuple, last dimension fastest."""
    indices = [()]
    for size in shape:
        indices = [index + (k,) for index in indices for k in range(size)]
    return indices


def _check_inputs(inputs):
    requiring = False
    for position, x in enumerate(inputs):
        if not (isinstance(x, torch.Tensor) and x.requires_grad):
            continue
        # PyTorch also accepts complex128 here; grad has no complex dtypes.
        if x.dtype != torch.float64:
            warnings.warn(f"Input #{position} requires gradient and is not a double precision floating point or complex. "
                          "This check will likely fail if all the inputs are not of double precision floating point or complex. ",
                          stacklevel=2)
        if not all(stride > 0 or size <= 1 for stride, size in zip(x.stride(), x.size())):
            raise RuntimeError(f"The {position}th input has a dimension with stride 0. gradcheck only supports inputs that are "
                               "non-overlapping to be able to compute the numerical gradients correctly. You should call "
                               ".contiguous on the input before passing it to gradcheck.")
        requiring = True
    if not requiring:
        raise ValueError("gradcheck expects at least one input tensor to require gradient, but none of them have requires_grad=True.")


# Finite differences.

def _central_difference(func, inputs, entry, delta, eps, index=None):
    """Per output of func, flattened, (func at entry + delta - func at entry - delta) / (2 eps);
    entry is a view of an input's data, changed in place (unseen by the graph) and put back."""
    def outputs():
        return tuple(o.clone() for o in _as_tuple(func(*inputs)))

    original = entry.clone()
    entry.copy_(original - delta)
    before = outputs()
    entry.copy_(original + delta)
    after = outputs()
    entry.copy_(original)
    on_index = "" if index is None else f"on index {index} "
    columns = []
    for a, b in zip(before, after):
        if a.shape != b.shape:
            raise AssertionError(f"Expected `func` to return outputs with the same shape when inputs are perturbed {on_index}by {eps}, "
                                 f"but got: shapes {a.shape} and {b.shape}.")
        if a.dtype != b.dtype:
            raise AssertionError(f"Expected `func` to return outputs with the same dtype when inputs are perturbed {on_index}by {eps}, "
                                 f"but got: dtypes {a.dtype} and {b.dtype}.")
        columns.append(((b - a) / (2 * eps)).detach().reshape(-1))
    return columns


def _numerical_jacobians(func, inputs, outputs, eps):
    """Per input requiring grad, per floating output among outputs, the matrix (input elements x
    output elements) of central differences, one input element perturbed at a time."""
    result = []
    for position in _positions_requiring_grad(inputs):
        data = inputs[position].data
        columns = [_central_difference(func, inputs, data[index], eps, eps, index) for index in _element_indices(data.shape)]
        jacobians = [torch.zeros((data.numel(), o.numel()), dtype=o.dtype) for o in outputs if _is_floating(o)]
        for i, jacobian in enumerate(jacobians):
            for k, column in enumerate(columns):
                jacobian[k] = column[i]
        result.append(jacobians)
    return result


def _check_no_differentiable_outputs(func, inputs, func_out, eps):
    for jacobians in _numerical_jacobians(func, inputs, func_out, eps):
        for jacobian in jacobians:
            if torch.ne(jacobian, 0).sum() > 0:
                raise GradcheckError("Numerical gradient for function expected to be zero")


# Jacobians from backward.

def _vjp_rows(vjp, sample, direction):
    """Per input, backward's gradients for each row of the Jacobian (one-hot output gradients),
    or for the one output gradient `direction` (fast mode)."""
    if direction is not None:
        return [[g.clone() if isinstance(g, torch.Tensor) else None] for g in vjp(direction.reshape(sample.shape))]
    grad_output = _contiguous_zeros(sample)
    flat = grad_output.view(-1)
    rows = []
    for j in range(flat.numel()):
        flat.zero_()
        flat[j] = 1.0
        for i, g in enumerate(vjp(grad_output)):
            if j == 0:
                rows.append([])
            rows[i].append(g.clone() if isinstance(g, torch.Tensor) else None)
    return rows


def _stacked(rows, wrt, columns):
    """The matrices (input elements x columns) of the rows, and whether every gradient had its
    input's size, and its dtype."""
    jacobians = [x.new_zeros((x.numel(), columns)) for x in wrt if _is_floating(x)]
    sizes_match = dtypes_match = True
    for i, gradients in enumerate(rows):
        x, jacobian = wrt[i], jacobians[i]
        for j, g in enumerate(gradients):
            if g is None:
                continue
            if g.size() != x.size():
                sizes_match = False
            elif g.dtype != x.dtype:
                dtypes_match = False
            if jacobian[:, j].numel() != g.numel():
                raise AssertionError(f"Expected out_jacobian column to have {g.numel()} elements, but got {jacobian[:, j].numel()}")
            jacobian[:, j] = g.reshape(-1)
    return jacobians, sizes_match, dtypes_match


def _analytical_jacobians(inputs, output, nondet_tol, check_grad_dtypes, direction=None):
    """Per input requiring grad, output's Jacobian from backward (one column when a direction is
    given), computed twice: backward must give the same values for the same gradient."""
    wrt = _tensors_requiring_grad(inputs)

    def vjp(grad_output):
        return torch.autograd.grad(output, wrt, grad_output, retain_graph=True, allow_unused=True)

    first = _vjp_rows(vjp, output.clone(), direction)
    second = _vjp_rows(vjp, output.clone(), direction)
    columns = output.numel() if direction is None else 1
    jacobians, sizes_match, dtypes_match = _stacked(first, wrt, columns)
    again, _, _ = _stacked(second, wrt, columns)
    # PyTorch reports these two the other way round: a gradient of the wrong size as a dtype
    # mismatch (with check_grad_dtypes only), one of the wrong dtype as of the wrong size.
    if not sizes_match and check_grad_dtypes:
        raise GradcheckError("Gradient has dtype mismatch")
    if not dtypes_match:
        raise GradcheckError("Analytical gradient has incorrect size")
    for a, b in zip(jacobians, again):
        if a.numel() != 0 and (a - b).abs().max() > nondet_tol:
            raise GradcheckError("Backward is not reentrant, i.e., running backward with same input and grad_output multiple times "
                                 "gives different values, although analytical gradient matches numerical gradient."
                                 f"The tolerance for nondeterminism was {nondet_tol}." + _NONDETERMINISM_NOTE)
    return jacobians


def _allclose_promoted(a, b, rtol, atol):
    dtype = torch.promote_types(a.dtype, b.dtype)
    return torch.allclose(a.to(dtype=dtype), b.to(dtype=dtype), rtol, atol)


def _mismatch(analytical, numerical, output_index, input_index, forward):
    mode = "computed with forward mode " if forward else ""
    return (f"Jacobian {mode}mismatch for output {output_index:d} with respect to input {input_index:d},\n"
            f"numerical:{numerical}\nanalytical:{analytical}\n")


def _slow_gradcheck(func, func_out, inputs, outputs, eps, rtol, atol, check_grad_dtypes, nondet_tol, forward=False):
    """The Jacobians from backward (from forward mode if `forward`) against finite differences."""
    func_out = _as_tuple(func_out)
    if not outputs:
        _check_no_differentiable_outputs(func, inputs, func_out, eps)
        return
    by_input = _numerical_jacobians(func, inputs, func_out, eps)
    by_output = [n for o, n in zip(func_out, zip(*by_input)) if o.requires_grad]
    if forward:
        # Indexed by floating output, where the numerical ones are by output requiring grad.
        analytical = _forward_jacobians(func, inputs, func_out)
        for i, per_input in enumerate(by_output):
            for j, n in enumerate(per_input):
                if not _allclose_promoted(analytical[j][i], n, rtol, atol):
                    raise GradcheckError(_mismatch(analytical[j][i], n, i, j, True))
        return
    for i, output in enumerate(outputs):
        analytical = _analytical_jacobians(inputs, output, nondet_tol, check_grad_dtypes)
        for j, (a, n) in enumerate(zip(analytical, by_output[i])):
            if not _allclose_promoted(a, n, rtol, atol):
                raise GradcheckError(_mismatch(a, n, i, j, False))


# Fast mode: both Jacobians projected on random vectors, u for the inputs and v for the outputs.

def _random_unit_vector(x, generator):
    vector = torch.rand(x.numel(), generator=generator).to(dtype=x.dtype)
    vector /= vector.norm()
    return vector


def _numerical_jvps(func, inputs, position, u, eps):
    """Per output of func, the finite-difference derivative along u of input `position`."""
    data = inputs[position].data
    return _central_difference(func, inputs, data, u.reshape(data.shape) * eps, eps)


def _slow_mode_report(func, inputs, outputs, input_index, output_index, rtol, atol, eps, forward):
    """The full Jacobians of the pair that failed in fast mode, for the error message."""
    if forward:
        numerical, analytical = _slow_mode_forward_jacobians(func, inputs, input_index, output_index, eps)
    else:
        numerical = _numerical_jacobians(func, inputs, outputs, eps)[input_index][output_index]
        analytical = _analytical_jacobians(inputs, outputs[output_index], float("inf"), False)[input_index]
    largest = (numerical - analytical).abs().max()
    report = ("\nThe above quantities relating the numerical and analytical jacobians are computed \n"
              "in fast mode. See: https://github.com/pytorch/pytorch/issues/53876 for more background \n"
              "about fast mode. Below, we recompute numerical and analytical jacobians in slow mode:\n\n"
              f"Numerical:\n {numerical}\n"
              f"Analytical:\n{analytical}\n\n"
              f"The max per-element difference (slow mode) is: {largest}.\n")
    if torch.allclose(analytical, numerical, rtol, atol):
        report += _SLOW_MODE_WOULD_PASS
    return report


def _fast_gradcheck(func, func_out, inputs, outputs, eps, rtol, atol, check_grad_dtypes, nondet_tol, forward=False):
    """_slow_gradcheck's comparison on v^T J u for random u and v: forward mode gives J u
    itself, compared without v."""
    positions = _positions_requiring_grad(inputs)
    # A generator of its own, leaving the user's random numbers alone.
    generator = torch.Generator()
    all_u = [_random_unit_vector(inputs[p], generator) for p in positions]
    all_v = None if forward else [_random_unit_vector(o, generator) for o in outputs]
    func_out = _as_tuple(func_out)
    numerical = []
    for position, u in zip(positions, all_u):
        jvps = _numerical_jvps(func, inputs, position, u, eps)
        if len(jvps) != len(func_out):
            raise AssertionError(f"Expected all_Ju and func_out to have the same length, but got {len(jvps)} and {len(func_out)}")
        kept = [jvp for jvp, o in zip(jvps, func_out) if _is_floating(o) and (forward or o.requires_grad)]
        numerical.append(kept if forward else [(v * jvp).sum() for v, jvp in zip(all_v, kept)])
    if forward:
        analytical = _forward_jacobians(func, inputs, func_out, all_u)
    else:
        if not outputs:
            for position, u in zip(positions, all_u):
                for jvp in _numerical_jvps(func, inputs, position, u, eps):
                    if jvp.numel() != 0 and (jvp - torch.zeros_like(jvp)).abs().max() > nondet_tol:
                        raise GradcheckError("Numerical gradient for function expected to be zero")
        by_output = []
        for output, v in zip(outputs, all_v):
            vjs = _analytical_jacobians(inputs, output, nondet_tol, check_grad_dtypes, v)
            by_output.append([vj.T.squeeze(0).dot(u) for vj, u in zip(vjs, all_u)])
        analytical = list(zip(*by_output))
    for i, per_output in enumerate(numerical):
        for j, n in enumerate(per_output):
            a = analytical[i][j]
            # atol bounds one element's difference; a projection adds up sum(u) * sum(v) of them.
            scaled_atol = atol * float(all_u[i].sum()) * (1.0 if forward else float(all_v[j].sum()))
            if not _allclose_promoted(a, n, rtol, scaled_atol):
                report = _slow_mode_report(func, inputs, outputs, i, j, rtol, atol, eps, forward)
                raise GradcheckError(_mismatch(a, n, j, i, forward) + report)


# The checks that follow the Jacobians'.

def _check_backward_mul_by_grad_output(outputs, inputs):
    wrt = _tensors_requiring_grad(inputs)
    if not wrt:
        raise GradcheckError("no Tensors requiring grad found in input")
    grads = torch.autograd.grad(outputs, wrt, [_contiguous_zeros(o) for o in outputs], allow_unused=True)
    for g, x in zip(grads, wrt):
        if g is None:
            continue
        if not g.eq(0).all():
            raise GradcheckError("backward not multiplied by grad_output")
        if g.dtype != x.dtype:
            raise GradcheckError("grad is incorrect type")
        if g.device != x.device:
            raise GradcheckError("grad is incorrect device")
        if g.size() != x.size():
            raise GradcheckError("grad is incorrect size")


def _undefined_grad(t):
    """t through a node that gives it no gradient (PyTorch's undefined one): the nodes before
    it run with none, a custom Function's backward getting zeros or None as it asked."""
    out = t.detach()
    torch.autograd._record_function("UndefinedGradBackward", out, [t], lambda grad, _: [None], None, "nothing")
    return out


def _check_undefined_grad(func, outputs, inputs):
    wrt = _tensors_requiring_grad(inputs)
    if not wrt:
        raise GradcheckError("no Tensors requiring grad found in input")

    def warn_compatibility():
        warnings.warn("Backwards compatibility: New undefined gradient support checking feature is enabled by default, "
                      "but it may break existing callers of this function. If this is true for you, you can call this "
                      'function with "check_undefined_grad=False" to disable the feature', stacklevel=2)

    def check(undefined_outputs):
        try:
            grads = torch.autograd.grad(undefined_outputs, wrt, [_contiguous_zeros(o) for o in undefined_outputs], allow_unused=True)
        except RuntimeError as e:
            warn_compatibility()
            raise GradcheckError("Expected backward function to handle undefined output grads. " + _UNDEFINED_GRAD_NOTE) from e
        for g in grads:
            if g is not None and not g.eq(0).all():
                warn_compatibility()
                raise GradcheckError("Expected all input grads to be undefined or zero when all output grads are undefined "
                                     "or zero. " + _UNDEFINED_GRAD_NOTE)

    # Every output's gradient undefined; then, with several outputs, one at a time.
    cases = [[_undefined_grad(o) for o in _differentiable_outputs(func(*inputs)) if isinstance(o, torch.Tensor)]]
    if len(cases[0]) > 1:
        for k in range(len(outputs)):
            fresh = _differentiable_outputs(func(*inputs))
            cases.append([_undefined_grad(o) if i == k else o for i, o in enumerate(fresh)])
    for case in cases:
        check(case)


def _gradcheck_steps(func, inputs, eps, atol, rtol, nondet_tol, check_undefined_grad, check_grad_dtypes,
                     check_batched_grad, check_batched_forward_grad, check_forward_ad, check_backward_ad, fast_mode):
    inputs = _as_tuple(inputs)
    _check_inputs(inputs)
    func_out = func(*inputs)
    outputs = _differentiable_outputs(func_out)
    compare = _fast_gradcheck if fast_mode else _slow_gradcheck
    if check_backward_ad:
        compare(func, func_out, inputs, outputs, eps, rtol, atol, check_grad_dtypes, nondet_tol)
    if check_forward_ad:
        compare(func, func_out, inputs, outputs, eps, rtol, atol, check_grad_dtypes, nondet_tol, forward=True)
        if check_undefined_grad:
            _check_undefined_tangents(func, inputs)
    if check_batched_forward_grad:
        _check_batched_forward_grad(func, inputs)
    if not check_backward_ad:
        return True
    if check_batched_grad:
        for i, output in enumerate(outputs):
            _check_batched_grad(inputs, output, i)
    _check_backward_mul_by_grad_output(outputs, inputs)
    if check_undefined_grad:
        _check_undefined_grad(func, outputs, inputs)
    return True


def _refuse_flags(rules):
    """PyTorch's AssertionError for the first (broken, message) rule broken by the flags given."""
    for broken, message in rules:
        if broken:
            raise AssertionError(message)


def gradcheck(func, inputs, *, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True, nondet_tol=0.0,
              check_undefined_grad=True, check_grad_dtypes=False, check_batched_grad=False,
              check_batched_forward_grad=False, check_forward_ad=False, check_backward_ad=True,
              fast_mode=False, masked=None):
    """Compares the gradients backward (and, with check_forward_ad, forward mode) computes for
    func at inputs with central finite differences; True when every Jacobian matches within
    atol + rtol * |numerical|, and the derivatives also pass PyTorch's checks of determinism,
    zero and undefined output gradients (or tangents), and of batches of vectors."""
    _refuse_flags([
        (not (check_forward_ad or check_backward_ad), "Expected at least one of check_forward_ad or check_backward_ad to be True"),
        (check_batched_grad and not check_backward_ad, "Setting check_batched_grad=True requires check_backward_ad to be True"),
        (check_batched_forward_grad and not check_forward_ad,
         "Setting check_batched_forward_grad=True requires check_forward_ad to be True"),
    ])
    try:
        return _gradcheck_steps(func, inputs, eps, atol, rtol, nondet_tol, check_undefined_grad, check_grad_dtypes,
                                check_batched_grad, check_batched_forward_grad, check_forward_ad, check_backward_ad,
                                fast_mode)
    except GradcheckError:
        if raise_exception:
            raise
        return False


def gradgradcheck(func, inputs, grad_outputs=None, *, eps=1e-6, atol=1e-5, rtol=1e-3, gen_non_contig_grad_outputs=False,
                  raise_exception=True, nondet_tol=0.0, check_undefined_grad=True, check_grad_dtypes=False,
                  check_batched_grad=False, check_fwd_over_rev=False, check_rev_over_rev=True, fast_mode=False,
                  masked=False):
    """gradcheck of the function that maps inputs and output gradients to input gradients:
    checks second derivatives. Output gradients not given are drawn uniformly in [-1, 1)."""
    _refuse_flags([
        (not (check_fwd_over_rev or check_rev_over_rev), "Expected at least one of check_fwd_over_rev or check_rev_over_rev to be True"),
        (check_undefined_grad and not check_rev_over_rev, "Setting check_undefined_grad=True requires check_rev_over_rev to be True"),
        (check_batched_grad and not check_rev_over_rev, "Setting check_batched_grad=True requires check_rev_over_rev to be True"),
    ])
    inputs = _as_tuple(inputs)
    if grad_outputs is None:
        grad_outputs = tuple(_random_grad_output(o, gen_non_contig_grad_outputs) for o in _differentiable_outputs(func(*inputs)))
    else:
        grad_outputs = _as_tuple(grad_outputs)
    count = len(grad_outputs)
    differentiable_inputs = set(_positions_requiring_grad(inputs))
    differentiable_seeds = {i for i, g in enumerate(grad_outputs) if g.requires_grad}

    def first_derivatives(*values):
        given = tuple(x.requires_grad_() if i in differentiable_inputs else x for i, x in enumerate(values[:-count]))
        outputs = _differentiable_outputs(func(*given))
        seeds = tuple(g.requires_grad_() if i in differentiable_seeds else g for i, g in enumerate(values[-count:]))
        wrt = tuple(x for i, x in enumerate(given) if i in differentiable_inputs)
        grads = torch.autograd.grad(outputs, wrt, seeds, create_graph=True, allow_unused=True)
        return tuple(g for g in grads if g is not None)

    first_derivatives._makes_inputs_require_grad = True

    return gradcheck(first_derivatives, inputs + grad_outputs, eps=eps, atol=atol, rtol=rtol,
                     raise_exception=raise_exception, nondet_tol=nondet_tol, check_undefined_grad=check_undefined_grad,
                     check_grad_dtypes=check_grad_dtypes, check_batched_grad=check_batched_grad, fast_mode=fast_mode,
                     check_forward_ad=check_fwd_over_rev, check_backward_ad=check_rev_over_rev, masked=masked)


def _random_grad_output(output, noncontiguous):
    """An output gradient drawn as torch.testing.make_tensor draws one in [-1, 1): noncontiguous,
    every other element of a tensor twice as wide."""
    dtype = output.dtype if _is_floating(output) else torch.float64
    shape = tuple(output.shape)
    noncontiguous = noncontiguous and output.numel() > 1
    if noncontiguous:
        shape = shape[:-1] + (2 * shape[-1],)
    g = torch.empty(shape, dtype=dtype).uniform_(-1, 1)
    if noncontiguous:
        g = g[..., 1::2]
    return g.requires_grad_()
"""#
}
