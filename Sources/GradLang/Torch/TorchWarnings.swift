import GradTensor

/// Python warnings raised by grad's own code (torch bindings, `random`): they go through the
/// `warnings` module's filters, which show, record, raise or ignore them, as CPython's warnings.
extension Interpreter {
    func warn(_ message: String, category: String = "UserWarning") throws {
        guard let type = builtinTable[category] else {
            writeWarning("\(category): \(message)\n")
            return
        }
        try warn(message, category: type)
    }

    /// A warning of the class `category`.
    func warn(_ message: String, category: Value) throws {
        guard let route = try importModule("warnings").attributes["_warn_from_grad"] else {
            writeWarning(message + "\n")
            return
        }
        _ = try call(route, Arguments([.str(message), category]))
    }

    /// A warning PyTorch's C++ side gives once per process (TORCH_WARN_ONCE); grad gives it once
    /// per interpreter.
    func warnOnce(_ message: String) throws {
        guard givenOnceWarnings.insert(message).inserted else { return }
        try warn(message)
    }
}

/// The texts of the warnings PyTorch gives for autograd mistakes.
enum TorchWarningText {
    static let nonLeafGrad = "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be populated during autograd.backward(). If you indeed want the .grad field to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more information. (Triggered internally at /__w/pytorch/pytorch/build/aten/src/ATen/core/TensorBody.h:488.)"

    static let meshgridIndexing = "torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument. (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/TensorShape.cpp:4207.)"

    /// An `out=` tensor with elements but another shape than the result.
    static func outputResized(from old: [Int], to new: [Int]) -> String {
        "An output with one or more elements was resized since it had shape \(Shape.sizeList(old)), which does not match the required output shape \(Shape.sizeList(new)). This behavior is deprecated, and in a future PyTorch release outputs will not be resized unless they have zero elements. You can explicitly reuse an out tensor t by resizing it, inplace, to zero elements with t.resize_(0). (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/Resize.cpp:30.)"
    }
}
