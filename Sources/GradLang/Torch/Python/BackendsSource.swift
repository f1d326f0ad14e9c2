extension TorchPythonSources {
    /// `torch.backends.*` and `torch.accelerator` as a CPU-only PyTorch build has them: the
    /// device checks tutorials start with (`torch.backends.mps.is_available()`,
    /// `torch.accelerator.is_available()`) answer no, and the switches scripts set for
    /// reproducibility (`torch.backends.cudnn.deterministic = True`) are kept and change nothing.
    /// Keyed by the submodule's name after `torch.`.
    static let backends: [(name: String, source: String)] = [
        ("backends.cudnn", #"""
enabled = True
deterministic = False
benchmark = False
allow_tf32 = True


def is_available():
    return False


def version():
    return None
"""#),
        ("backends.cuda", #"""
class _MatmulSettings:
    """`torch.backends.cuda.matmul`: settings for CUDA matrix products (there is no CUDA here)."""
    allow_tf32 = False
    allow_fp16_reduced_precision_reduction = True
    allow_bf16_reduced_precision_reduction = True


matmul = _MatmulSettings()


def is_built():
    return False
"""#),
        ("backends.mps", #"""
def is_available():
    return False


def is_built():
    return False
"""#),
        ("backends.mkldnn", #"""
enabled = True


def is_available():
    return True
"""#),
        ("backends.mkl", #"""
def is_available():
    return True
"""#),
        ("backends.openmp", #"""
def is_available():
    return True
"""#),
        ("backends.cpu", #"""
def get_cpu_capability():
    # grad follows PyTorch's AVX2 kernels on every machine (see the README).
    return "AVX2"
"""#),
        ("accelerator", #"""
def is_available():
    return False


def current_accelerator(check_available=False):
    return None


def device_count():
    return 0
"""#),
    ]
}
