extension TorchPythonSources {
    /// `torch.utils.hooks.BackwardHook`, what a module's full backward hooks and backward
    /// pre-hooks run on: around each forward, the tensors going in and coming out pass through
    /// an identity autograd function, `BackwardHookFunction`, whose nodes see the gradients of
    /// the module's outputs and then of its inputs; the hooks run there. Its own module, run the
    /// first time a module with backward hooks is called, so that loading torch.nn does not pay for it.
    static let backwardHook = #"""
"""Hooks on a module's gradients, as nn.Module's backward hooks use them."""

import torch
import warnings


class BackwardHookFunction(torch.autograd.Function):
    """Returns its tensors unchanged; its node is where a module's backward hooks run."""

    @staticmethod
    def forward(ctx, *args):
        ctx.mark_non_differentiable(*[arg for arg in args if not arg.requires_grad])
        return args

    @staticmethod
    def backward(ctx, *args):
        return args


class BackwardHook:
    """One forward's backward hooks: the pre-hooks run when the gradients of the module's outputs
    arrive, the full hooks when those of its inputs have been computed. Each side counts every
    positional argument (output), tensor or not; the non-tensors' places hold None."""

    def __init__(self, module, user_hooks, user_pre_hooks):
        self.module = module
        self.user_hooks = user_hooks
        self.user_pre_hooks = user_pre_hooks
        self.grad_outputs = None
        self.n_inputs = -1
        self.input_tensors_index = None
        self.n_outputs = -1
        self.output_tensors_index = None

    @staticmethod
    def _spread(indices, values, size):
        spread = [None] * size
        for i, value in zip(indices, values):
            spread[i] = value
        return tuple(spread)

    def _through_identity(self, args, on_node):
        # The tensors among args go through one BackwardHookFunction, whose node on_node is
        # given; returns args with those tensors replaced and where the tensors were (None
        # when no gradient will flow, so no node is made).
        indices = [i for i, a in enumerate(args) if isinstance(a, torch.Tensor)]
        tensors = [args[i] for i in indices]
        if not (any(t.requires_grad for t in tensors) and torch.is_grad_enabled()):
            return args, None
        passed = BackwardHookFunction.apply(*tensors)
        if len(passed) == 0:
            raise RuntimeError("Cannot set Module backward hook for a Module with no input Tensors.")
        nodes = [t.grad_fn for t in passed if t.grad_fn is not None and t.grad_fn.name() == "BackwardHookFunctionBackward"]
        if not nodes:
            raise RuntimeError("Error while setting up backward hooks. Please open an issue with a code sample to reproduce this.")
        on_node(nodes[0])
        replaced = list(args)
        for i, t in zip(indices, passed):
            replaced[i] = t
        return (tuple(replaced) if type(args) is tuple else type(args)(*replaced)), indices

    def setup_input_hook(self, args):
        def on_node(node):
            def hook(grad_input, _):
                if self.grad_outputs is None:
                    # The gradient reached the inputs without passing the outputs (double backward).
                    return None
                grads = self._spread(self.input_tensors_index, grad_input, self.n_inputs)
                for user_hook in self.user_hooks:
                    replaced = user_hook(self.module, grads, self.grad_outputs)
                    if replaced is None:
                        continue
                    if len(replaced) != len(grads):
                        raise RuntimeError(f"Backward hook returned an invalid number of grad_input, got {len(replaced)}, but expected {len(grads)}")
                    grads = replaced
                self.grad_outputs = None
                return tuple(grads[i] for i in self.input_tensors_index)

            node.register_hook(hook)

        result, self.input_tensors_index = self._through_identity(args, on_node)
        self.n_inputs = len(args)
        return result

    def setup_output_hook(self, output):
        def on_node(node):
            def hook(_, grad_output):
                self.grad_outputs = self._spread(self.output_tensors_index, grad_output, self.n_outputs)
                expected = len(self.grad_outputs)
                for user_pre_hook in self.user_pre_hooks:
                    replaced = user_pre_hook(self.module, self.grad_outputs)
                    if replaced is None:
                        continue
                    if len(replaced) != expected:
                        raise RuntimeError(f"Backward pre hook returned an invalid number of grad_output, got {len(replaced)}, but expected {expected}")
                    self.grad_outputs = replaced
                grad_outputs = self.grad_outputs
                if self.input_tensors_index is None:
                    # No input needs a gradient: the full hooks run now, with None for every input.
                    if self.user_hooks:
                        warnings.warn("Full backward hook is firing when gradients are computed with respect to module outputs "
                                      "since no inputs require gradients. See https://docs.pytorch.org/docs/main/generated/"
                                      "torch.nn.Module.html#torch.nn.Module.register_full_backward_hook for more details.",
                                      stacklevel=5)
                        no_grads = (None,) * self.n_inputs
                        for user_hook in self.user_hooks:
                            result = user_hook(self.module, no_grads, self.grad_outputs)
                            if result is not None and not (isinstance(result, tuple) and all(g is None for g in result)):
                                raise RuntimeError("Backward hook for Modules where no input requires gradient should always return None or None for all gradients.")
                    self.grad_outputs = None
                return tuple(grad_outputs[i] for i in self.output_tensors_index)

            node.register_hook(hook)

        outputs = output if isinstance(output, tuple) else (output,)
        result, self.output_tensors_index = self._through_identity(outputs, on_node)
        self.n_outputs = len(outputs)
        return result if isinstance(output, tuple) else result[0]

"""#
}
