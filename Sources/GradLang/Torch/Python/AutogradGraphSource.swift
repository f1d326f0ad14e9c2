extension TorchPythonSources {
    /// `torch.autograd.graph`: `saved_tensors_hooks` and `disable_saved_tensors_hooks` over
    /// the switches of `TorchSavedTensorHooksBindings`, and `save_on_cpu`, a context that changes
    /// nothing in grad, whose tensors all live in CPU memory already.
    static let autogradGraph = #"""
"""torch.autograd.graph: the parts of PyTorch's graph utilities grad has."""

import torch


class saved_tensors_hooks:
    """Inside the block, each tensor an op saves for backward goes through pack_hook, and the
    graph keeps what it returns; backward gets the tensor back from unpack_hook. Blocks nest:
    the innermost pair is used."""

    __module__ = "torch.autograd.graph"

    def __init__(self, pack_hook, unpack_hook):
        self.pack_hook = pack_hook
        self.unpack_hook = unpack_hook

    def __enter__(self):
        torch.autograd._push_saved_tensors_default_hooks(self.pack_hook, self.unpack_hook)

    def __exit__(self, *args):
        torch.autograd._pop_saved_tensors_default_hooks()


class disable_saved_tensors_hooks:
    """Inside the block, using saved tensors hooks raises RuntimeError(error_message)."""

    __module__ = "torch.autograd.graph"

    def __init__(self, error_message):
        self.error_message = error_message

    def __enter__(self):
        self.maybe_prev_message = torch.autograd._saved_tensors_hooks_get_disabled_error_message()
        torch.autograd._saved_tensors_hooks_disable(self.error_message)

    def __exit__(self, *args):
        if self.maybe_prev_message is None:
            torch.autograd._saved_tensors_hooks_enable()
        else:
            torch.autograd._saved_tensors_hooks_disable(self.maybe_prev_message)


def increment_version(tensor):
    """Notes that tensor (or each tensor of an iterable) was changed in place where autograd
    could not see it, so that backward's check for saved tensors modified in place sees it."""
    if isinstance(tensor, torch.Tensor):
        tensor = (tensor,)
    torch.autograd._increment_version(tensor)


class save_on_cpu:
    """Keeps the tensors saved for backward in CPU memory (pinned with pin_memory): where grad
    keeps every tensor, so inside the block nothing changes."""

    __module__ = "torch.autograd.graph"

    def __init__(self, pin_memory=False, device_type="cuda"):
        self.pin_memory = pin_memory
        self.device_type = device_type

    def __enter__(self):
        return None

    def __exit__(self, *exc_info):
        return False
"""#
}
