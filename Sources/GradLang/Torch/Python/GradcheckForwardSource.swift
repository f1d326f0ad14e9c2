extension TorchPythonSources {
    /// gradcheck's forward mode: Jacobian-vector products (grad has no dual tensors, so each is
    /// the derivative of a backward pass with respect to its output gradients, see
    /// `_ForwardMode`), the Jacobians they make, and PyTorch's check of undefined tangents.
    /// Part of the `torch.autograd` module's source, after `gradcheck`.
    static let gradcheckForward = #"""
# gradcheck's forward mode: Jacobians from Jacobian-vector products.

def _derivatives_along(values, leaves, directions, differentiable):
    """Per tensor in values (each requiring grad), its derivative along `directions` (a
    tangent per leaf), None where it has none: a backward pass from zero output gradients s,
    kept differentiable, gives g = J^T s, whose derivative with respect to s along the
    directions u is J u (see _ForwardMode)."""
    if not leaves or not values:
        return [None] * len(values)
    seeds = [torch.zeros_like(v, requires_grad=True) for v in values]
    _ForwardMode.transposing += 1
    try:
        grads = torch.autograd.grad(values, leaves, seeds, create_graph=True, allow_unused=True)
    finally:
        _ForwardMode.transposing -= 1
    pairs = [(g, u) for g, u in zip(grads, directions) if g is not None and g.requires_grad]
    if not pairs:
        return [None] * len(values)
    return list(torch.autograd.grad([g for g, _ in pairs], seeds, [u for _, u in pairs], allow_unused=True,
                                    create_graph=differentiable))


def _tangent_of(t, leaves, directions, differentiable):
    return _derivatives_along([t], leaves, directions, differentiable)[0] if t.requires_grad else None


def _tangents_of_outputs(func, inputs, tangents):
    """func's floating outputs, and their derivatives along `tangents` (input position: its
    tangent, or None to pass that input without one; other inputs are passed as they are),
    None for an output that has none. func runs on fresh leaves. The derivatives are
    differentiable themselves for a function that makes its inputs require grad
    (gradgradcheck's), as PyTorch's tangents then are."""
    given = list(inputs)
    leaves, directions = [], []
    for position, tangent in tangents.items():
        x = inputs[position].detach()
        if tangent is not None:
            x.requires_grad_()
            leaves.append(x)
            directions.append(tangent)
        given[position] = x
    differentiable = _differentiable_tangents(func)
    _ForwardMode.directions.append((leaves, directions, differentiable))
    try:
        with torch.enable_grad():
            floating = [o for o in _as_tuple(func(*given)) if _is_floating(o)]
    finally:
        _ForwardMode.directions.pop()
    requiring = [o for o in floating if o.requires_grad]
    by_output = iter(_derivatives_along(requiring, leaves, directions, differentiable))
    return floating, [next(by_output) if o.requires_grad else None for o in floating]


def _differentiable_tangents(func):
    return getattr(func, "_makes_inputs_require_grad", False)


def _one_hot_tangents(x):
    """Zeros shaped as x with a single 1, at each element in turn (last dimension fastest)."""
    for index in _element_indices(x.shape):
        tangent = torch.zeros_like(x)
        tangent[index] = 1.0
        yield tangent


def _forward_jacobians(func, inputs, outputs, all_u=None):
    """Per input requiring grad, per floating output, the Jacobian (input elements x output
    elements) from forward mode, a row per input element; with all_u (a vector per input),
    the single product along that input's vector, flat. The other inputs requiring grad get
    zero tangents, as PyTorch's duals do."""
    positions = _positions_requiring_grad(inputs)
    floating = [o for o in _as_tuple(outputs) if _is_floating(o)]
    result = []
    for i, position in enumerate(positions):
        x = inputs[position]
        directions = [all_u[i].reshape(x.shape)] if all_u else list(_one_hot_tangents(x))
        jacobians = [o.new_zeros((o.numel(),) if all_u else (x.numel(), o.numel())) for o in floating]
        for row, direction in enumerate(directions):
            tangents = {p: torch.zeros_like(inputs[p]) for p in positions}
            tangents[position] = direction
            for jacobian, derivative in zip(jacobians, _tangents_of_outputs(func, inputs, tangents)[1]):
                if derivative is not None:
                    (jacobian if all_u else jacobian[row]).copy_(derivative.reshape(-1))
        result.append(jacobians)
    return result


def _slow_mode_forward_jacobians(func, inputs, input_index, output_index, eps):
    """The numerical and forward-mode Jacobians of one floating output with respect to one
    input requiring grad, for fast mode's error message."""
    position = _positions_requiring_grad(inputs)[input_index]

    def of_one_input(x):
        given = list(inputs)
        given[position] = x
        return [o for o in _as_tuple(func(*given)) if _is_floating(o)][output_index]

    of_one_input._makes_inputs_require_grad = _differentiable_tangents(func)
    x = inputs[position]
    output = of_one_input(x)
    numerical = _numerical_jacobians(of_one_input, (x,), (output,), eps)[0][0]
    return numerical, _forward_jacobians(of_one_input, (x,), (output,))[0][0]


def _check_undefined_tangents(func, inputs):
    """Each input requiring grad given a zero tangent, then none, the others the random
    vectors of fast mode: the outputs' tangents must agree."""
    positions = _positions_requiring_grad(inputs)
    generator = torch.Generator()
    given = {p: _random_unit_vector(inputs[p], generator).reshape(inputs[p].shape) for p in positions}
    for position in positions:
        zero = dict(given)
        zero[position] = torch.zeros_like(inputs[position])
        none = dict(given)
        none[position] = None
        first = _tangents_of_outputs(func, inputs, zero)[1]
        second = _tangents_of_outputs(func, inputs, none)[1]
        for index, (a, b) in enumerate(zip(first, second)):
            if a is not None and b is not None and not torch.allclose(a, b):
                raise GradcheckError("Mismatch in tangent values for output with index: ", index, " when input: ",
                                     inputs[position], " has an undefined tangent value. ", " Got: ", a, " but expected: ", b)
"""#
}
