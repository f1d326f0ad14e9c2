import GradTensor

/// `Tensor.pin_memory()` and `Tensor.is_pinned()`: page-locked memory serves copies to a GPU.
/// grad runs on the CPU alone, like PyTorch on a machine without an NVIDIA driver, so nothing is
/// pinned and pinning fails with the error that PyTorch gives there.
enum TorchPinnedMemoryBindings {
    static let noDriver = "Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver from http://www.nvidia.com/Download/index.aspx"

    static var methods: [PyBuiltin] {
        [
            tensorMethod("pin_memory(self, device=None)") { _, _ in throw PyError.runtime(noDriver) },
            tensorMethod("is_pinned(self, device=None)") { _, _ in .bool(false) },
        ]
    }
}
