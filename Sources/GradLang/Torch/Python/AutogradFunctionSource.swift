extension TorchPythonSources {
    /// `torch.autograd.Function` and its context, `once_differentiable`: a custom op's forward
    /// runs outside the graph, then `torch.autograd._record_function` gives its output a node
    /// whose formula calls the class's backward and checks what it returns as PyTorch does.
    /// Under gradcheck's forward mode (a jvp taken as the derivative of a backward pass with
    /// respect to its output gradients, by `gradcheckForward`'s helpers) apply also calls the
    /// class's `jvp`, and the node passes its result on in that pass.
    static let autogradFunction = #"""
"""Custom differentiable operations: subclass Function, write forward and backward, call apply."""

import functools
import torch


class FunctionCtx:
    """What forward leaves for backward: saved tensors, which inputs need gradients, and the
    outputs marked as changed in place or as not differentiable."""

    __module__ = "torch.autograd.function"

    def save_for_backward(self, *tensors):
        for i, t in enumerate(tensors):
            if t is not None and not isinstance(t, torch.Tensor):
                raise TypeError(f"save_for_backward can only save variables, but argument {i} is of type {type(t).__name__}")
        self.to_save = tensors

    def save_for_forward(self, *tensors):
        self.saved_for_forward = tensors

    def mark_dirty(self, *args):
        self.dirty_tensors = args

    def mark_non_differentiable(self, *args):
        self.non_differentiable = args

    def set_materialize_grads(self, value):
        self.materialize_grads = value

    @property
    def saved_tensors(self):
        # The forward's own outputs are kept out of the context (they would hold their node,
        # which holds the context) and put back, attached to the graph, while backward runs.
        return tuple(self._unpacked(t) for t in getattr(self, "_saved", ()))

    def _unpacked(self, t):
        if isinstance(t, _Packed):
            return torch.autograd._unpack_saved_tensor(t.packed, self._unpacked(t.original))
        return self._outputs[t.index] if isinstance(t, _Output) else t


class _Output:
    """Stands for the forward's differentiable output at position `index` among the saved tensors."""

    def __init__(self, index):
        self.index = index


class _Packed:
    """A saved tensor that went through saved_tensors_hooks: what the pack hook kept, and the
    tensor (or _Output) whose place in the graph the unpacked tensor takes."""

    def __init__(self, packed, original):
        self.packed = packed
        self.original = original


def _is_expandable(shape, to):
    if len(shape) > len(to):
        return False
    for size, target in zip(reversed(shape), reversed(to)):
        if size != target and size != 1:
            return False
    return True


def _contains(items, t):
    return any(item is t for item in items)


class _ForwardMode:
    """grad has no dual tensors: gradcheck takes a Jacobian-vector product J u as the
    derivative of g = J^T s (a backward pass from zero output gradients s) with respect to s,
    along u. While gradcheck's function runs, `directions` ends with its leaves, their
    tangents u, and whether the tangents must stay differentiable. A Function applied then
    calls its jvp at once, as in PyTorch, at its arguments' tangents (taken the same way), and
    its node remembers the output tangents: while `transposing` (in the pass giving g) the
    node returns zeros recorded as a function of its output gradients, whose backward gives
    those tangents, so the derivative along u passes the jvp's result on (the pass along u is
    the one that reaches the node with these arguments' tangents)."""

    directions = []
    transposing = 0


class Function:
    """Base class of custom autograd operations: static forward(ctx, *args) (or forward(*args)
    with setup_context(ctx, inputs, output)) and backward(ctx, *grad_outputs), used through
    the class's apply."""

    __module__ = "torch.autograd.function"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # The node's type is named when the class is made, as PyTorch's metaclass does.
        cls._backward_name = cls.__name__ + "Backward"

    def __call__(self, *args, **kwargs):
        raise RuntimeError("Legacy autograd function with non-static forward method is deprecated. Please use new-style autograd function with static forward method. (Example: https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)")

    @staticmethod
    def forward(ctx, *args, **kwargs):
        raise NotImplementedError("You must implement the forward function for custom autograd.Function.")

    @staticmethod
    def setup_context(ctx, inputs, output):
        raise NotImplementedError("setup_context is not implemented.")

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError("You must implement either the backward or vjp method for your custom autograd.Function to use it with backward mode AD.")

    @staticmethod
    def jvp(ctx, *grad_inputs):
        raise NotImplementedError("You must implement the jvp function for custom autograd.Function to use it with forward mode AD.")

    @classmethod
    def apply(cls, *args, **kwargs):
        ctx = FunctionCtx()
        tensors = [a for a in args if isinstance(a, torch.Tensor)]
        recording = torch.is_grad_enabled() and any(t.requires_grad for t in tensors)
        ctx.needs_input_grad = tuple(recording and isinstance(a, torch.Tensor) and a.requires_grad for a in args)
        with torch.no_grad():
            if cls.setup_context is not Function.setup_context:
                output = cls.forward(*args, **kwargs)
                cls.setup_context(ctx, args, output)
            else:
                output = cls.forward(ctx, *args, **kwargs)
        if not recording:
            return output
        output_tangents = _applied_jvp(cls, ctx, args, output) if _ForwardMode.directions else None
        return _attach(cls, ctx, args, tensors, output, output_tangents)


def _applied_jvp(cls, ctx, args, output):
    """The Function's output tangents from its jvp, given its arguments' tangents (zeros for a
    tensor without one), or None when no argument has a tangent, when PyTorch calls no jvp."""
    leaves, directions, differentiable = _ForwardMode.directions[-1]
    tangents = [_tangent_of(a, leaves, directions, differentiable) if isinstance(a, torch.Tensor) else None for a in args]
    if all(t is None for t in tangents):
        return None
    if cls.jvp is Function.jvp:
        Function.jvp(ctx)
    # In jvp, saved_tensors are the tensors saved for forward.
    ctx._saved = tuple(getattr(ctx, "saved_for_forward", ()))
    given = [torch.zeros_like(a) if isinstance(a, torch.Tensor) and t is None else t for a, t in zip(args, tangents)]
    # The arguments require grad here, where PyTorch's duals do not: the tangents keep no
    # history unless they must stay differentiable.
    with torch.set_grad_enabled(differentiable):
        result = cls.jvp(ctx, *given)
    return _checked_tangents(result, output)


def _checked_tangents(tangents, output):
    """What jvp returned, one tangent (or None) per output of forward, as PyTorch checks it."""
    tangents = tangents if isinstance(tangents, tuple) else (tangents,)
    outputs = output if isinstance(output, tuple) else (output,)
    if len(tangents) != len(outputs):
        raise RuntimeError(f"Function's jvp returned an invalid number of forward gradients (expected {len(outputs)} but got {len(tangents)})")
    for i, (t, o) in enumerate(zip(tangents, outputs)):
        if t is not None and not isinstance(t, torch.Tensor):
            raise RuntimeError(f"expected Variable or None (got {type(t).__name__}) for grad output {i}.")
        if t is not None and isinstance(o, torch.Tensor) and t.shape != o.shape:
            raise RuntimeError("Trying to set a forward gradient that has a different size than that of the original Tensor, "
                               f"this is not supported. Tensor is of size {list(o.shape)} while the given forward gradient is of size {list(t.shape)}.")
    return tangents


def _attach(cls, ctx, args, tensors, output, output_tangents):
    """Gives the differentiable outputs of a custom function their node, one for all of them;
    every result is an output of the node (output_nr is its position), differentiable or not."""
    outputs = output if isinstance(output, tuple) else (output,)
    dirty = getattr(ctx, "dirty_tensors", ())
    constant = getattr(ctx, "non_differentiable", ())
    differentiable = [i for i, o in enumerate(outputs)
                      if isinstance(o, torch.Tensor) and not _contains(constant, o) and o.dtype.is_floating_point]
    if not differentiable:
        return output
    attached = list(outputs)
    for i in differentiable:
        out = outputs[i]
        if _contains(dirty, out):
            if out.is_leaf and out.requires_grad:
                raise RuntimeError("a leaf Variable that requires grad has been used in an in-place operation.")
            torch.autograd._increment_version((out,))
        elif _contains(tensors, out) or _contains(attached[:i], out):
            # An input (or an earlier output) returned as it is: the output is a new tensor
            # over the same data.
            attached[i] = out.detach()

    def saved(t):
        for i in differentiable:
            if t is outputs[i] or t is attached[i]:
                return _Output(i)
        return t

    ctx._saved = tuple(saved(t) for t in getattr(ctx, "to_save", ()))
    # The context must not keep the outputs either: they hold the node, which holds the context.
    ctx.to_save = ctx.dirty_tensors = ctx.non_differentiable = ctx.saved_for_forward = None
    materialize = getattr(ctx, "materialize_grads", True)
    name = cls._backward_name
    # What backward needs of the outputs and arguments, without holding them: the node holds
    # this function, and an output (or an input changed in place) holds the node.
    zeros_for = [(o.shape, o.dtype) if isinstance(o, torch.Tensor) else None for o in outputs]
    arg_shapes = [a.shape if isinstance(a, torch.Tensor) else None for a in args]
    tensor_layouts = [(t.shape, t.dtype) for t in tensors]

    def run_backward(grads, outs):
        if output_tangents is not None and _ForwardMode.transposing > 0:
            return _zeros_passing_tangents(name, tensor_layouts, grads, output_tangents)
        grad_outputs = []
        for g, z in zip(grads, zeros_for):
            if g is None and z is not None and materialize:
                g = torch.zeros(z[0], dtype=z[1])
            grad_outputs.append(g)
        ctx._outputs = outs
        try:
            grads = cls.backward(ctx, *grad_outputs)
        finally:
            ctx._outputs = None
        return _checked_gradients(name, arg_shapes, grads)

    # What backward frees: the saved tensors (the node keeps the outputs among them).
    saves = "outputs" if any(isinstance(t, _Output) for t in ctx._saved) else "tensors" if any(
        t is not None for t in ctx._saved) else "nothing"
    if len(outputs) == 1:
        torch.autograd._record_function(name, attached[0], tensors,
                                        lambda grad, out: run_backward([grad], [out]), "torch.autograd.function", saves, True)
    else:
        node_outputs = [attached[i] if i in differentiable else None for i in range(len(outputs))]
        torch.autograd._record_function(name, node_outputs, tensors, run_backward, "torch.autograd.function", saves, True)
    _pack_saved(ctx, attached)
    if not isinstance(output, tuple):
        return attached[0]
    return tuple(attached)


def _zeros_passing_tangents(name, tensor_layouts, grads, output_tangents):
    """Zeros for each tensor argument (its shape and dtype in tensor_layouts), recorded as a
    function of the output gradients `grads` that require grad, whose backward gives those
    outputs' tangents (see _ForwardMode)."""
    zeros = [torch.zeros(shape, dtype=dtype) for shape, dtype in tensor_layouts]
    seeded = [(k, g) for k, g in enumerate(grads) if isinstance(g, torch.Tensor) and g.requires_grad]
    if not seeded:
        return zeros

    def tangents(*_):
        return [torch.zeros_like(g) if output_tangents[k] is None else output_tangents[k] for k, g in seeded]

    torch.autograd._record_function(name, zeros[0] if len(zeros) == 1 else zeros, [g for _, g in seeded], tangents,
                                    None, "nothing")
    return zeros


def _pack_saved(ctx, outputs):
    """Hands the saved tensors, in the order they were saved, to the saved_tensors_hooks pack
    hook in effect (if any), once the node exists: an output is packed as the node's output."""
    saved = []
    for t in ctx._saved:
        packed = None
        if t is not None:
            packed = torch.autograd._pack_saved_tensor(outputs[t.index] if isinstance(t, _Output) else t)
        saved.append(t if packed is None else _Packed(packed, t))
    ctx._saved = tuple(saved)


def _checked_gradients(name, arg_shapes, grads):
    """The gradients of the tensor arguments (their shapes in arg_shapes, None for the other
    arguments), from what backward returned for all the arguments."""
    if not isinstance(grads, tuple):
        grads = (grads,)
    count = len(arg_shapes)
    if len(grads) > count and all(g is None for g in grads[count:]):
        grads = grads[:count]
    if len(grads) != count:
        raise RuntimeError(f"function {name} returned an incorrect number of gradients (expected {count}, got {len(grads)})")
    result = []
    for position, (shape, g) in enumerate(zip(arg_shapes, grads)):
        if shape is None:
            if g is not None:
                raise RuntimeError(f"function {name} returned a gradient different than None at position {position + 1}, but the corresponding forward input was not a Variable")
            continue
        if g is not None and g.shape != shape and not _is_expandable(shape, g.shape):
            raise RuntimeError(f"Function {name} returned an invalid gradient at index {len(result)} - got {list(g.shape)} but expected shape compatible with {list(shape)}")
        result.append(g)
    return result


def once_differentiable(fn):
    """Marks a backward that cannot itself be differentiated: it runs outside the graph, and
    differentiating its result again is an error."""

    @functools.wraps(fn)
    def wrapper(ctx, *args):
        with torch.no_grad():
            outputs = fn(ctx, *args)
        if not torch.is_grad_enabled():
            return outputs
        needing = [a for a in args if isinstance(a, torch.Tensor) and a.requires_grad]
        if not needing:
            return outputs

        def refuse(grad, output):
            raise RuntimeError("trying to differentiate twice a function that was marked with @once_differentiable")

        def delayed(g):
            if not isinstance(g, torch.Tensor):
                return g
            g = g.detach()
            torch.autograd._record_function("DelayedError", g, needing, refuse, None, "nothing")
            return g

        if isinstance(outputs, tuple):
            return tuple(delayed(g) for g in outputs)
        return delayed(outputs)

    return wrapper
"""#
}
