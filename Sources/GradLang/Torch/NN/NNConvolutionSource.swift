/// `nn.functional`'s convolutions and `nn.Conv1d`/`nn.Conv2d`, in Python over the Swift
/// kernel `_convolution` (TorchConvolutionBindings), which takes one list per spatial dimension.
enum NNConvolutionSource {
    static let functional = #"""


def _ntuple_of(value, n):
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value] * n


_warned_same_padding = False


def _convolution_padding(padding, weight, dilation, stride, dims):
    # One (before, after) pair per spatial dimension; 'same' pads the odd extra after.
    if isinstance(padding, str):
        if padding == "valid":
            return [0] * dims, [0] * dims
        if padding != "same":
            raise RuntimeError(f"Invalid padding string: '{padding}'")
        if any(s != 1 for s in stride):
            raise RuntimeError("padding='same' is not supported for strided convolutions")
        total = [dilation[d] * (weight.size(2 + d) - 1) for d in range(dims)]
        global _warned_same_padding
        if any(t % 2 for t in total) and not _warned_same_padding:
            _warned_same_padding = True  # PyTorch warns once per process
            warnings.warn("Using padding='same' with even kernel lengths and odd dilation may require a zero-padded copy "
                          "of the input be created (Triggered internally at "
                          "/__w/pytorch/pytorch/aten/src/ATen/native/Convolution.cpp:1135.)", stacklevel=4)
        return [t // 2 for t in total], [t - t // 2 for t in total]
    padding = _ntuple_of(padding, dims)
    return padding, padding


def _conv(name, dims, input, weight, bias, stride, padding, dilation, groups):
    if input.dim() not in (dims + 1, dims + 2):
        raise RuntimeError(f"Expected {dims + 1}D (unbatched) or {dims + 2}D (batched) input to {name}, "
                           f"but got input of size: {list(input.shape)}")
    batched = input.dim() == dims + 2
    kernel_dims = weight.dim() - 2
    expanded = {}
    for key, value in (("stride", stride), ("padding", padding), ("dilation", dilation)):
        if key == "padding" and isinstance(value, str):
            continue
        value = _ntuple_of(value, dims)
        if len(value) == 1 and kernel_dims > 1:
            value = value * kernel_dims
        if len(value) != kernel_dims:
            raise RuntimeError(f"expected {key} to be a single integer value or a list of {kernel_dims} values to "
                               f"match the convolution dimensions, but got {key}={value}")
        expanded[key] = value
    before, after = _convolution_padding(padding, weight, expanded["dilation"], expanded["stride"], kernel_dims)
    if not batched:
        input = input.unsqueeze(0)
    out = _convolution(input, weight, bias, expanded["stride"], before, after, expanded["dilation"], groups)
    return out if batched else out.squeeze(0)


def conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    """1-d cross-correlation of input (N, C, L) with weight (O, C / groups, K)."""
    return _conv("conv1d", 1, input, weight, bias, stride, padding, dilation, groups)


def conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    """2-d cross-correlation of input (N, C, H, W) with weight (O, C / groups, KH, KW)."""
    return _conv("conv2d", 2, input, weight, bias, stride, padding, dilation, groups)


def _pair(value):
    if isinstance(value, (list, tuple)):
        return list(value) * 2 if len(value) == 1 else list(value)
    return [value, value]


def max_pool2d_with_indices(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                            return_indices=False):
    """The largest element of each window, and its flat index in the input's H × W plane."""
    stride = kernel_size if stride is None or stride == [] or stride == () else stride
    return _max_pool2d(input, _pair(kernel_size), _pair(stride), _pair(padding), _pair(dilation), ceil_mode)


def max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    """The largest element of each kernel_size window (moving by stride, kernel_size by default)."""
    values, indices = max_pool2d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode)
    return (values, indices) if return_indices else values


def avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None):
    """The mean of each kernel_size window (moving by stride, kernel_size by default)."""
    stride = kernel_size if stride is None or stride == [] or stride == () else stride
    return _avg_pool2d(input, _pair(kernel_size), _pair(stride), _pair(padding), ceil_mode, count_include_pad,
                       divisor_override)


def _adaptive_size(input, output_size):
    # None keeps the input's size in that dimension.
    size = _pair(output_size)
    return [input.size(-2 + d) if s is None else s for d, s in enumerate(size)]


def adaptive_avg_pool2d(input, output_size):
    """The means of output_size (H', W') windows spread evenly over the input's last two dimensions."""
    if input.dim() not in (3, 4):
        raise RuntimeError(f"adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got {list(input.shape)}")
    return _adaptive_avg_pool2d(input, _adaptive_size(input, output_size))


def adaptive_max_pool2d_with_indices(input, output_size, return_indices=False):
    """The largest elements of output_size windows spread evenly over the last two dimensions, and their indices."""
    if input.dim() not in (3, 4):
        raise RuntimeError(f"adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: {list(input.shape)}")
    return _adaptive_max_pool2d(input, _adaptive_size(input, output_size))


def adaptive_max_pool2d(input, output_size, return_indices=False):
    """The largest elements of output_size windows spread evenly over the input's last two dimensions."""
    values, indices = adaptive_max_pool2d_with_indices(input, output_size)
    return (values, indices) if return_indices else values


def _single(value):
    return value[0] if isinstance(value, (list, tuple)) else value


def _as_rows(name, pool, input, *args):
    # A 1-d pooling is the 2-d one over rows of height 1, as PyTorch runs it (then SqueezeBackward1).
    if input.dim() not in (2, 3):
        raise RuntimeError(f"{name}: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, "
                           f"but got:{list(input.shape)}")
    out = pool(input.unsqueeze(-2), *args)
    return tuple(t.squeeze(-2) for t in out) if isinstance(out, tuple) else out.squeeze(-2)


def max_pool1d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    """The largest element of each kernel_size window along the last dimension."""
    stride = kernel_size if stride is None or stride == [] or stride == () else stride
    out = _as_rows("max_pool1d", _max_pool2d, input, [1, _single(kernel_size)], [1, _single(stride)],
                   [0, _single(padding)], [1, _single(dilation)], ceil_mode)
    return out if return_indices else out[0]


def avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
    """The mean of each kernel_size window along the last dimension."""
    if input.dim() not in (2, 3):
        raise RuntimeError(f"Expected 2 to 3 dimensions, but got {input.dim()}-dimensional tensor for argument #1 "
                           "'self' (while checking arguments for avg_pool1d)")
    stride = kernel_size if stride is None or stride == [] or stride == () else stride
    return _as_rows("avg_pool1d", _avg_pool2d, input, [1, _single(kernel_size)], [1, _single(stride)],
                    [0, _single(padding)], ceil_mode, count_include_pad, None)


def adaptive_avg_pool1d(input, output_size):
    """The means of output_size windows spread evenly along the last dimension."""
    return _as_rows("adaptive_avg_pool1d", adaptive_avg_pool2d, input, [1, _single(output_size)])


def adaptive_max_pool1d(input, output_size, return_indices=False):
    """The largest elements of output_size windows spread evenly along the last dimension."""
    out = _as_rows("adaptive_max_pool1d", _adaptive_max_pool2d, input, [1, _single(output_size)])
    return out if return_indices else out[0]
"""#

    static let layers = #"""


__name__ = "torch.nn.modules.conv"


class _ConvNd(Module):
    """The parameters, initialisation and repr that Conv1d and Conv2d share."""

    def __init__(self, dims, in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias,
                 padding_mode, dtype):
        super().__init__()
        if groups <= 0:
            raise ValueError("groups must be a positive integer")
        if in_channels % groups != 0:
            raise ValueError("in_channels must be divisible by groups")
        if out_channels % groups != 0:
            raise ValueError("out_channels must be divisible by groups")
        if isinstance(padding, str):
            if padding not in ("same", "valid"):
                raise ValueError(f"Invalid padding string {padding!r}, should be one of {{'valid', 'same'}}")
            if padding == "same" and any(s != 1 for s in F._ntuple_of(stride, dims)):
                raise ValueError("padding='same' is not supported for strided convolutions")
        if padding_mode not in ("zeros", "reflect", "replicate", "circular"):
            raise ValueError(f"padding_mode must be one of {{'reflect', 'zeros', 'circular', 'replicate'}}, "
                             f"but got padding_mode='{padding_mode}'")
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.kernel_size = tuple(F._ntuple_of(kernel_size, dims))
        self.stride = tuple(F._ntuple_of(stride, dims))
        self.padding = padding if isinstance(padding, str) else tuple(F._ntuple_of(padding, dims))
        self.dilation = tuple(F._ntuple_of(dilation, dims))
        self.transposed = False
        self.output_padding = (0,) * dims
        self.groups = groups
        self.padding_mode = padding_mode
        self.weight = Parameter(torch.empty((out_channels, in_channels // groups) + self.kernel_size, dtype=dtype))
        if bias:
            self.bias = Parameter(torch.empty(out_channels, dtype=dtype))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        # kaiming_uniform_ with a=sqrt(5) is uniform in ±1/sqrt(fan_in), fan_in = C / groups · kernel.
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            fan_in, _ = init._calculate_fan_in_and_fan_out(self.weight)
            if fan_in != 0:
                bound = 1 / math.sqrt(fan_in)
                init.uniform_(self.bias, -bound, bound)

    def forward(self, input):
        if self.padding_mode != "zeros":
            raise NotImplementedError(f"padding_mode='{self.padding_mode}' is not supported yet")
        conv = F.conv1d if len(self.kernel_size) == 1 else F.conv2d
        return conv(input, self.weight, self.bias, self.stride, self.padding, self.dilation, self.groups)

    def extra_repr(self):
        s = f"{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, stride={self.stride}"
        if self.padding != (0,) * len(self.padding):
            s += f", padding={self.padding}"
        if self.dilation != (1,) * len(self.dilation):
            s += f", dilation={self.dilation}"
        if self.groups != 1:
            s += f", groups={self.groups}"
        if self.bias is None:
            s += ", bias=False"
        if self.padding_mode != "zeros":
            s += f", padding_mode={self.padding_mode}"
        return s


class Conv1d(_ConvNd):
    """1-d convolution over (N, C, L) input; weight (out_channels, in_channels / groups, kernel_size)."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True,
                 padding_mode="zeros", device=None, dtype=None):
        super().__init__(1, in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias,
                         padding_mode, dtype)


class Conv2d(_ConvNd):
    """2-d convolution over (N, C, H, W) input; weight (out_channels, in_channels / groups, KH, KW)."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True,
                 padding_mode="zeros", device=None, dtype=None):
        super().__init__(2, in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias,
                         padding_mode, dtype)


__name__ = "torch.nn.modules.pooling"


class _MaxPoolNd(Module):
    """The options and repr that MaxPool1d and MaxPool2d share."""

    def __init__(self, kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False):
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = stride if stride is not None else kernel_size
        self.padding = padding
        self.dilation = dilation
        self.return_indices = return_indices
        self.ceil_mode = ceil_mode

    def extra_repr(self):
        return (f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}, "
                f"dilation={self.dilation}, ceil_mode={self.ceil_mode}")


class MaxPool1d(_MaxPoolNd):
    """The largest element of each kernel_size window along the last dimension, moving by stride."""

    def forward(self, input):
        return F.max_pool1d(input, self.kernel_size, self.stride, self.padding, self.dilation, ceil_mode=self.ceil_mode,
                            return_indices=self.return_indices)


class MaxPool2d(_MaxPoolNd):
    """The largest element of each kernel_size window, moving by stride (kernel_size by default)."""

    def forward(self, input):
        return F.max_pool2d(input, self.kernel_size, self.stride, self.padding, self.dilation, ceil_mode=self.ceil_mode,
                            return_indices=self.return_indices)


class AvgPool1d(Module):
    """The mean of each kernel_size window along the last dimension, moving by stride."""

    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
        super().__init__()
        self.kernel_size = (F._single(kernel_size),)
        self.stride = (F._single(stride if stride is not None else kernel_size),)
        self.padding = (F._single(padding),)
        self.ceil_mode = ceil_mode
        self.count_include_pad = count_include_pad

    def forward(self, input):
        return F.avg_pool1d(input, self.kernel_size, self.stride, self.padding, self.ceil_mode, self.count_include_pad)

    def extra_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


class AvgPool2d(Module):
    """The mean of each kernel_size window, moving by stride (kernel_size by default)."""

    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
                 divisor_override=None):
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = stride if stride is not None else kernel_size
        self.padding = padding
        self.ceil_mode = ceil_mode
        self.count_include_pad = count_include_pad
        self.divisor_override = divisor_override

    def forward(self, input):
        return F.avg_pool2d(input, self.kernel_size, self.stride, self.padding, self.ceil_mode, self.count_include_pad,
                            self.divisor_override)

    def extra_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


class _AdaptivePoolNd(Module):
    """The output size (and return_indices) and repr that the adaptive pools share."""

    def __init__(self, output_size, return_indices=False):
        super().__init__()
        self.output_size = output_size
        self.return_indices = return_indices

    def extra_repr(self):
        return f"output_size={self.output_size}"


class AdaptiveAvgPool1d(_AdaptivePoolNd):
    """The means of output_size windows spread evenly along the last dimension."""

    def __init__(self, output_size):
        super().__init__(output_size)

    def forward(self, input):
        return F.adaptive_avg_pool1d(input, self.output_size)


class AdaptiveAvgPool2d(_AdaptivePoolNd):
    """The means of output_size (H', W') windows spread evenly over the input; None keeps a size."""

    def __init__(self, output_size):
        super().__init__(output_size)

    def forward(self, input):
        return F.adaptive_avg_pool2d(input, self.output_size)


class AdaptiveMaxPool1d(_AdaptivePoolNd):
    """The largest elements of output_size windows spread evenly along the last dimension."""

    def forward(self, input):
        return F.adaptive_max_pool1d(input, self.output_size, self.return_indices)


class AdaptiveMaxPool2d(_AdaptivePoolNd):
    """The largest elements of output_size (H', W') windows spread evenly over the input."""

    def forward(self, input):
        return F.adaptive_max_pool2d(input, self.output_size, self.return_indices)
"""#
}
