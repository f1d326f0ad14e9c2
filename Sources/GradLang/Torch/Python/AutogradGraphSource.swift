extension TorchPythonSources {
    /// `torch.autograd.graph`: `save_on_cpu`, a context that changes nothing in grad, whose
    /// tensors all live in CPU memory already.
    static let autogradGraph = #"""
"""torch.autograd.graph: the parts of PyTorch's graph utilities grad has."""


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
