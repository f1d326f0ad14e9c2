/// One-line descriptions of the torch functions, tensor methods and tensor properties, for
/// `help(obj)` (the signature comes from the builtin itself). A name shared by `torch.f` and
/// `Tensor.f` has one entry; `Tensor.f_` (in place) is described from `f`.
enum TorchDocs {
    /// The description of a qualified name (`torch.zeros`, `Tensor.backward`,
    /// `torch.nn.functional.relu`), or nil when there is none.
    static func description(of qualifiedName: String) -> String? {
        if let text = specific[qualifiedName] { return text }
        let name = String(qualifiedName.split(separator: ".").last ?? "")
        if let text = shared[name] { return text }
        if name.hasSuffix("_"), let base = shared[String(name.dropLast())] {
            return "In place: " + lowercasedFirst(base) + " Modifies this tensor and returns it."
        }
        return nil
    }

    private static func lowercasedFirst(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.lowercased() + s.dropFirst()
    }

    /// Functions that are both `torch.f` and `Tensor.f` (the tensor is the first argument).
    static let shared: [String: String] = [
        "abs": "Absolute value of each element.",
        "add": "Sum of input and other (other broadcast, and multiplied by alpha when given).",
        "all": "Whether every element (or every element along dim) is nonzero.",
        "any": "Whether some element (or some element along dim) is nonzero.",
        "argmax": "Index of the largest element (of the flattened tensor, or along dim).",
        "argmin": "Index of the smallest element (of the flattened tensor, or along dim).",
        "bmm": "Batched matrix product of two 3-D tensors: (b, n, m) @ (b, m, p) gives (b, n, p).",
        "clamp": "Each element limited to the range [min, max].",
        "clip": "Alias of clamp: each element limited to the range [min, max].",
        "clone": "A copy with its own storage; gradients flow back to the original.",
        "cos": "Cosine of each element.",
        "detach": "The same data, cut from the autograd graph (requires_grad=False); shares storage.",
        "div": "Input divided by other, element by element (rounding_mode 'trunc' or 'floor' for integer results).",
        "divide": "Alias of div: input divided by other, element by element.",
        "dot": "Dot product of two 1-D tensors.",
        "eq": "Element-wise input == other, as a bool tensor.",
        "exp": "Exponential (e to the power) of each element.",
        "flatten": "The tensor reshaped to 1-D (or dims start_dim..end_dim merged into one).",
        "ge": "Element-wise input >= other, as a bool tensor.",
        "gt": "Element-wise input > other, as a bool tensor.",
        "le": "Element-wise input <= other, as a bool tensor.",
        "log": "Natural logarithm of each element.",
        "log_softmax": "Logarithm of softmax along dim, computed stably.",
        "lt": "Element-wise input < other, as a bool tensor.",
        "matmul": "Matrix product with broadcasting over batch dimensions (the @ operator).",
        "max": "Largest element; with dim, the (values, indices) along dim; with a tensor, the element-wise maximum.",
        "mean": "Mean of all elements, or along dim (keepdim keeps that dimension with size 1).",
        "min": "Smallest element; with dim, the (values, indices) along dim; with a tensor, the element-wise minimum.",
        "mm": "Matrix product of two 2-D tensors: (n, m) @ (m, p) gives (n, p).",
        "mul": "Product of input and other, element by element (other broadcast).",
        "multiply": "Alias of mul: product of input and other, element by element.",
        "mv": "Matrix-vector product: (n, m) @ (m,) gives (n,).",
        "ne": "Element-wise input != other, as a bool tensor.",
        "neg": "Each element negated.",
        "negative": "Alias of neg: each element negated.",
        "norm": "Vector norm of all elements (p=2 by default), or along dim.",
        "numel": "Number of elements.",
        "permute": "A view with the dimensions reordered as given.",
        "pow": "Input to the power exponent, element by element.",
        "relu": "max(0, x) for each element.",
        "reshape": "The same elements in a new shape (a view when possible, else a copy); -1 infers one size.",
        "sigmoid": "Logistic sigmoid 1 / (1 + exp(-x)) of each element.",
        "sign": "-1, 0 or 1 by the sign of each element.",
        "sin": "Sine of each element.",
        "softmax": "exp(x) / sum(exp(x)) along dim: each slice becomes a probability distribution.",
        "sqrt": "Square root of each element.",
        "square": "Square of each element.",
        "squeeze": "A view without dimensions of size 1 (or without dim, when it has size 1).",
        "sub": "Input minus other (other broadcast, and multiplied by alpha when given).",
        "subtract": "Alias of sub: input minus other.",
        "sum": "Sum of all elements, or along dim (keepdim keeps that dimension with size 1).",
        "t": "Transpose of a tensor of at most 2 dimensions.",
        "tanh": "Hyperbolic tangent of each element.",
        "transpose": "A view with dimensions dim0 and dim1 swapped.",
        "true_divide": "Alias of div: true division, element by element.",
        "unbind": "The slices along dim, as a tuple of tensors (the dimension removed).",
        "unsqueeze": "A view with a new dimension of size 1 inserted at dim.",
        "where": "Elements of input where condition is true, else of other (with one argument: the indices where it is nonzero).",
    ]

    /// Descriptions that belong to one qualified name only.
    static let specific: [String: String] = [
        // torch: creating tensors
        "torch.tensor": "A new tensor holding a copy of data (a number or nested lists); dtype is inferred unless given.",
        "torch.zeros": "A tensor filled with 0, of the shape given by sizes.",
        "torch.ones": "A tensor filled with 1, of the shape given by sizes.",
        "torch.full": "A tensor of the given size filled with fill_value.",
        "torch.empty": "A tensor of the given shape whose values are unspecified (grad fills them with 0).",
        "torch.eye": "A 2-D tensor with ones on the diagonal and zeros elsewhere.",
        "torch.arange": "A 1-D tensor of the values from start up to (not including) end, step apart.",
        "torch.linspace": "A 1-D tensor of steps values evenly spaced from start to end, both included.",
        "torch.rand": "A tensor of the given shape with values drawn uniformly from [0, 1).",
        "torch.randn": "A tensor of the given shape with values drawn from the standard normal distribution.",
        "torch.randint": "A tensor of the given size with integers drawn uniformly from [low, high).",
        "torch.zeros_like": "A tensor of zeros with the shape (and dtype) of input.",
        "torch.ones_like": "A tensor of ones with the shape (and dtype) of input.",
        "torch.full_like": "A tensor with the shape (and dtype) of input, filled with fill_value.",
        "torch.empty_like": "A tensor with the shape (and dtype) of input and unspecified values.",
        "torch.rand_like": "A tensor with the shape of input, values uniform in [0, 1).",
        "torch.randn_like": "A tensor with the shape of input, values from the standard normal distribution.",
        "torch.manual_seed": "Seeds the random number generator, so rand, randn and randint repeat.",
        // torch: joining, utilities, grad mode
        "torch.cat": "The tensors joined along an existing dimension dim.",
        "torch.concat": "Alias of cat: the tensors joined along an existing dimension dim.",
        "torch.stack": "The tensors (all of one shape) stacked along a new dimension dim.",
        "torch.is_tensor": "Whether obj is a tensor.",
        "torch.is_grad_enabled": "Whether operations are being recorded for autograd now (False inside no_grad).",
        "torch.no_grad": "Context manager (or decorator) in which operations are not recorded for autograd.",
        "torch.enable_grad": "Context manager (or decorator) that turns gradient recording back on inside no_grad.",
        "torch.set_grad_enabled": "Turns gradient recording on or off (also usable as a context manager).",
        "torch.cuda.is_available": "Whether a CUDA GPU can be used: always False in grad, which computes on the CPU.",
        "torch.cuda.device_count": "The number of CUDA GPUs: always 0 in grad.",
        // torch.autograd and torch.nn.functional
        "torch.autograd.backward": "Computes the gradients of tensors with respect to the graph's leaves, accumulating them into .grad.",
        "torch.autograd.grad": "The gradients of outputs with respect to inputs, returned rather than accumulated into .grad.",
        "torch.nn.functional.mse_loss": "Mean squared error between input and target (reduction 'mean', 'sum' or 'none').",
        // Tensor methods
        "Tensor.backward": "Computes the gradient of this tensor with respect to the graph's leaves and adds it to their .grad.",
        "Tensor.item": "The value of a one-element tensor as a Python number.",
        "Tensor.tolist": "The tensor's values as (nested) Python lists of numbers.",
        "Tensor.size": "The shape as a torch.Size, or the size of dimension dim.",
        "Tensor.dim": "Number of dimensions.",
        "Tensor.ndimension": "Alias of dim: number of dimensions.",
        "Tensor.nelement": "Alias of numel: number of elements.",
        "Tensor.view": "A view of the same storage with a new shape (-1 infers one size); the tensor must be contiguous enough.",
        "Tensor.expand": "A view with size-1 dimensions repeated to the given sizes, without copying.",
        "Tensor.contiguous": "The tensor itself if its elements are laid out in order, else a contiguous copy.",
        "Tensor.is_contiguous": "Whether the elements are laid out in row-major order in storage.",
        "Tensor.requires_grad_": "Sets requires_grad (True by default) on this leaf tensor in place and returns it.",
        "Tensor.retain_grad": "Keeps .grad for this non-leaf tensor when backward runs.",
        "Tensor.detach_": "Cuts this tensor from the autograd graph in place and returns it.",
        "Tensor.zero_": "Fills this tensor with zeros in place and returns it (as in w.grad.zero_()).",
        "Tensor.fill_": "Fills this tensor with value in place and returns it.",
        "Tensor.copy_": "Copies src's values (broadcast) into this tensor in place and returns it.",
        "Tensor.to": "The tensor converted to another dtype (or device 'cpu'); itself when nothing changes.",
        "Tensor.type": "The type name ('torch.FloatTensor'), or with dtype, the tensor converted to it.",
        "Tensor.float": "The tensor as float32.",
        "Tensor.double": "The tensor as float64.",
        "Tensor.half": "The tensor as float16.",
        "Tensor.int": "The tensor as int32.",
        "Tensor.long": "The tensor as int64.",
        "Tensor.bool": "The tensor as bool (nonzero is True).",
        "Tensor.cpu": "The tensor on the CPU: the tensor itself in grad.",
        // Tensor properties
        "Tensor.grad": "The gradient accumulated by backward (None until then); zero it with x.grad.zero_().",
        "Tensor.requires_grad": "Whether operations on this tensor are recorded for autograd (settable on leaves).",
        "Tensor.grad_fn": "The graph node that produced this tensor (None for leaves).",
        "Tensor.is_leaf": "Whether this tensor was created by the user rather than computed by a recorded operation.",
        "Tensor.retains_grad": "Whether this non-leaf tensor keeps .grad (see retain_grad()).",
        "Tensor.data": "The same tensor detached from the graph; assigning to it changes the values without recording.",
        "Tensor.shape": "The shape, as a torch.Size.",
        "Tensor.dtype": "The element type (torch.float32, torch.int64, ...).",
        "Tensor.device": "Where the tensor lives: always cpu in grad.",
        "Tensor.ndim": "Number of dimensions.",
        "Tensor.T": "The tensor with its dimensions reversed (the transpose of a matrix).",
        "Tensor.is_cuda": "Whether the tensor is on a GPU: always False in grad.",
        // types
        "torch.Tensor": "The tensor type: an n-dimensional array of numbers that records operations for autograd.",
        "torch.Size": "A tensor's shape: a tuple of sizes.",
        "torch.dtype": "The type of a tensor's elements (torch.float32, torch.int64, ...).",
        "torch.device": "Where a tensor lives: 'cpu' is the only device in grad.",
    ]
}
