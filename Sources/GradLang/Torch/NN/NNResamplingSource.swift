/// Resampling in `nn.functional`: `interpolate` (nearest, nearest-exact, linear, bilinear,
/// bicubic, trilinear; 'area' is adaptive average pooling), `pixel_shuffle`/`pixel_unshuffle`,
/// and the layers `nn.Upsample`, `nn.UpsamplingNearest2d`/`UpsamplingBilinear2d`,
/// `nn.PixelShuffle`/`PixelUnshuffle`. An upsampling is, per spatial dimension, a list of taps
/// (source indices and weights, computed as PyTorch's kernels compute them); the output sums
/// the taps' gathered values times their weights, and one node (PyTorch's name) adds the
/// gradient back into the positions read, output by output as PyTorch's backward kernel does.
enum NNResamplingSource {
    static let functional = #"""


_UPSAMPLE_NODE = {"nearest": "UpsampleNearest{}DBackward0", "nearest-exact": "UpsampleNearestExact{}DBackward0",
                  "linear": "UpsampleLinear1DBackward0", "bilinear": "UpsampleBilinear2DBackward0",
                  "trilinear": "UpsampleTrilinear3DBackward0", "bicubic": "UpsampleBicubic2DBackward0"}
_UPSAMPLE_DIMS = {"linear": 1, "bilinear": 2, "trilinear": 3, "bicubic": 2}


def _upsample_kernel_name(mode, dims):
    # The PyTorch kernel that rejects an integer input, as its error names it.
    if mode in ("nearest", "nearest-exact", "bilinear") and dims == 2:
        return f"upsample_{'bilinear' if mode == 'bilinear' else 'nearest'}2d_channels_last"
    return "compute_indices_weights_" + {"bicubic": "cubic", "linear": "linear", "trilinear": "linear"}.get(mode, "nearest")


def _upsample_scale(in_size, out_size, scale, align_corners, dtype):
    """PyTorch's source-per-output step (area_pixel_compute_scale), in the kernel's arithmetic
    type: (in - 1) / (out - 1) with align_corners, else 1 / scale_factor when one was given, else
    in / out."""
    if align_corners:
        return torch.tensor(in_size - 1 if out_size > 1 else 0, dtype=dtype) / max(out_size - 1, 1)
    if scale is not None and scale > 0:
        return torch.tensor(1.0 / scale, dtype=torch.float64).to(dtype)
    return torch.tensor(in_size, dtype=dtype) / out_size


def _nearest_taps(in_size, out_size, scale, exact):
    # One tap: floor((o + 0.5 if exact else o) * step), computed in float32 whatever the dtype.
    if out_size == in_size:
        return [(torch.arange(out_size), None)]
    if out_size == 2 * in_size and not exact:
        return [(torch.arange(out_size) // 2, None)]
    step = _upsample_scale(in_size, out_size, scale, False, torch.float32)
    o = torch.arange(out_size, dtype=torch.float32)
    source = ((o + 0.5) * step if exact else o * step).floor().long()
    return [(source.clamp(max=in_size - 1), None)]


def _linear_taps(in_size, out_size, scale, align_corners, dtype):
    # Two taps: the source position's floor and the next (clamped), weighted by distance.
    step = _upsample_scale(in_size, out_size, scale, align_corners, dtype)
    o = torch.arange(out_size, dtype=dtype)
    real = step * o if align_corners else (step * (o + 0.5) - 0.5).clamp(min=0)
    first = real.long()
    second = torch.where(first < in_size - 1, first + 1, first)
    fraction = real - first.to(dtype)
    return [(first, 1 - fraction), (second, fraction)]


def _cubic_coefficients(t):
    # Keys' cubic convolution with A = -0.75, for the taps at distances 1 + t, t, 1 - t, 2 - t.
    a = -0.75

    def near(x):
        return ((a + 2) * x - (a + 3)) * x * x + 1

    def far(x):
        return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a

    return [far(t + 1.0), near(t), near(1.0 - t), far((1.0 - t) + 1.0)]


def _cubic_taps(in_size, out_size, scale, align_corners, dtype):
    # Four taps around the (unclamped) source position, indices clamped to the input.
    step = _upsample_scale(in_size, out_size, scale, align_corners, dtype)
    o = torch.arange(out_size, dtype=dtype)
    real = step * o if align_corners else step * (o + 0.5) - 0.5
    below = real.floor()
    coefficients = _cubic_coefficients(real - below)
    below = below.long()
    return [((below - 1 + k).clamp(0, in_size - 1), coefficients[k]) for k in range(4)]


def _upsample_taps(mode, in_size, out_size, scale, align_corners, dtype):
    if mode in ("nearest", "nearest-exact"):
        return _nearest_taps(in_size, out_size, scale, mode == "nearest-exact")
    if mode == "bicubic":
        return _cubic_taps(in_size, out_size, scale, align_corners, dtype)
    return _linear_taps(in_size, out_size, scale, align_corners, dtype)


def _interpolate_along(input, taps, d):
    """The sum over spatial dimension d's taps of (input at the tap's indices, interpolated over
    the later dimensions) × the tap's weight."""
    if d == len(taps):
        return input
    output = None
    for index, weight in taps[d]:
        term = _interpolate_along(input.index_select(2 + d, index), taps, d + 1)
        if weight is not None:
            term = term * weight.reshape([-1] + [1] * (len(taps) - 1 - d))
        output = term if output is None else output + term
    return output


def _upsample_backward(grad, in_shape, taps, cubic):
    """Adds each output's gradient × its weights into the input positions it read, output by
    output and tap by tap, in the order PyTorch's backward kernel adds them."""
    planes = in_shape[0] * in_shape[1]
    index = None
    weight = None
    for d, dim_taps in enumerate(taps):
        positions = torch.stack([i for i, _ in dim_taps], 1)
        weights = torch.stack([w for _, w in dim_taps], 1) if dim_taps[0][1] is not None else None
        if index is None:
            index, weight = positions, weights
            continue
        index = index[:, None, :, None] * in_shape[2 + d] + positions[None, :, None, :]
        index = index.reshape(index.shape[0] * index.shape[1], -1)
        if weights is not None:
            if cubic:
                # PyTorch's bicubic backward walks the width taps outside the height taps.
                weight = weight[:, None, None, :] * weights[None, :, :, None]
                index = index.reshape(weight.shape[0], weight.shape[1], 4, 4).transpose(2, 3)
            else:
                weight = weight[:, None, :, None] * weights[None, :, None, :]
            weight = weight.reshape(weight.shape[0] * weight.shape[1], -1)
            index = index.reshape(weight.shape)
    if weight is None:
        values = grad.reshape(planes, -1, 1).expand(-1, -1, index.shape[1])
    elif cubic:
        # (gradient × height coefficient) × width coefficient
        height = torch.stack([w for _, w in taps[0]], 1)
        width = torch.stack([w for _, w in taps[1]], 1)
        out_h, out_w = height.shape[0], width.shape[0]
        values = grad.reshape(planes, out_h, out_w, 1, 1) * height.reshape(1, out_h, 1, 1, 4)
        values = values * width.reshape(1, 1, out_w, 4, 1)
    else:
        values = weight.to(grad.dtype) * grad.reshape(planes, -1, 1)
    plane = 1
    for size in in_shape[2:]:
        plane *= size
    flat = index.reshape(1, -1) + (torch.arange(planes) * plane).reshape(-1, 1)
    total = torch.zeros(planes * plane, dtype=grad.dtype)
    return total.index_add(0, flat.reshape(-1), values.reshape(-1)).reshape(in_shape)


def _upsample(input, mode, output_size, scale_factors, align_corners):
    dims = input.dim() - 2
    in_sizes = list(input.shape[2:])
    if scale_factors is not None:
        output_size = [int(in_sizes[d] * scale_factors[d]) for d in range(dims)]
    output_size = list(output_size)
    if any(s <= 0 for s in in_sizes + output_size):
        labels = ["D", "H", "W"][3 - dims:]
        given = lambda sizes: ", ".join(f"{l}: {s}" for l, s in zip(labels, sizes))
        joiner = " and output" if dims == 1 else " output"
        raise RuntimeError(f"Input and output sizes should be greater than 0, but got input ({given(in_sizes)}){joiner} "
                           f"({given(output_size)})")
    if not (input.is_floating_point() or (input.dtype == torch.uint8 and mode in ("nearest", "nearest-exact"))):
        _check_floating(_upsample_kernel_name(mode, dims), input)
    dtype = torch.float64 if input.dtype == torch.float64 else torch.float32
    if output_size == in_sizes:
        # PyTorch copies when no size changes, whatever the scale factors say.
        scale_factors = None
    taps = [[(torch.arange(in_sizes[d]), None)] if output_size == in_sizes else _upsample_taps(mode, in_sizes[d], output_size[d], scale_factors[d] if scale_factors is not None else None,
                           align_corners, dtype) for d in range(dims)]
    with torch.no_grad():
        output = _interpolate_along(input, taps, 0)
    if not (torch.is_grad_enabled() and input.requires_grad):
        return output
    shape = list(input.shape)

    def backward(grad, out):
        return [_upsample_backward(grad, shape, taps, mode == "bicubic")]

    torch.autograd._record_function(_UPSAMPLE_NODE[mode].format(dims), output, [input], backward, None, "tensors")
    return output


def interpolate(input, size=None, scale_factor=None, mode="nearest", align_corners=None, recompute_scale_factor=None,
                antialias=False):
    """Resizes the spatial dimensions of input (N, C, d1, ..., dK; K = 1, 2 or 3) to size, or by
    scale_factor, sampling by mode: 'nearest', 'nearest-exact', 'linear' (K = 1), 'bilinear'
    (K = 2), 'bicubic' (K = 2), 'trilinear' (K = 3) or 'area' (adaptive average pooling)."""
    if mode in ("nearest", "area", "nearest-exact"):
        if align_corners is not None:
            raise ValueError("align_corners option can only be set with the interpolating modes: "
                             "linear | bilinear | bicubic | trilinear")
    elif align_corners is None:
        align_corners = False
    dim = input.dim() - 2
    if size is not None and scale_factor is not None:
        raise ValueError("only one of size or scale_factor should be defined")
    elif size is not None:
        scale_factors = None
        if isinstance(size, (list, tuple)):
            if len(size) != dim:
                raise ValueError("Input and output must have the same number of spatial dimensions, but got "
                                 f"input with spatial dimensions of {list(input.shape[2:])} and output size of {size}. "
                                 "Please provide input tensor in (N, C, d1, d2, ...,dK) format and "
                                 "output size in (o1, o2, ...,oK) format.")
            if not all(isinstance(x, int) for x in size):
                raise TypeError("expected size to be one of int or Tuple[int] or Tuple[int, int] or "
                                f"Tuple[int, int, int], but got size with types {[type(x) for x in size]}")
            output_size = size
        else:
            output_size = [size for _ in range(dim)]
    elif scale_factor is not None:
        output_size = None
        if isinstance(scale_factor, (list, tuple)):
            if len(scale_factor) != dim:
                raise ValueError("Input and scale_factor must have the same number of spatial dimensions, but "
                                 f"got input with spatial dimensions of {list(input.shape[2:])} and "
                                 f"scale_factor of shape {scale_factor}. "
                                 "Please provide input tensor in (N, C, d1, d2, ...,dK) format and "
                                 "scale_factor in (s1, s2, ...,sK) format.")
            scale_factors = list(scale_factor)
        else:
            scale_factors = [scale_factor for _ in range(dim)]
    else:
        raise ValueError("either size or scale_factor should be defined")
    if recompute_scale_factor and size is not None:
        raise ValueError("recompute_scale_factor is not meaningful with an explicit size.")
    if mode == "area" and output_size is None:
        recompute_scale_factor = True
    if recompute_scale_factor:
        output_size = [int(input.size(i + 2) * scale_factors[i]) for i in range(dim)]
        scale_factors = None
    if antialias:
        raise ValueError("grad does not implement antialias=True")
    if mode == "area" and dim == 2:
        return adaptive_avg_pool2d(input, output_size)
    if mode in ("nearest", "nearest-exact") and 1 <= dim <= 3:
        return _upsample(input, mode, output_size, scale_factors, None)
    if _UPSAMPLE_DIMS.get(mode) == dim:
        return _upsample(input, mode, output_size, scale_factors, align_corners)
    needs = {"linear": 3, "bilinear": 4, "trilinear": 5}
    if 3 <= input.dim() <= 5 and mode in needs:
        raise NotImplementedError(f"Got {input.dim()}D input, but {mode} mode needs {needs[mode]}D input")
    raise NotImplementedError("Input Error: Only 3D, 4D and 5D input Tensors supported"
                              f" (got {input.dim()}D) for the modes: nearest | linear | bilinear | bicubic | trilinear | "
                              f"lanczos | area | nearest-exact (got {mode})")


def upsample(input, size=None, scale_factor=None, mode="nearest", align_corners=None):
    """interpolate(input, size, scale_factor, mode, align_corners) (deprecated in PyTorch)."""
    return interpolate(input, size, scale_factor, mode, align_corners)


def pixel_shuffle(input, upscale_factor):
    """(*, C × r², H, W) → (*, C, H × r, W × r): each group of r² channels becomes an r × r block."""
    if input.dim() < 3:
        raise RuntimeError(f"pixel_shuffle expects input to have at least 3 dimensions, but got input with "
                           f"{input.dim()} dimension(s)")
    if upscale_factor <= 0:
        raise RuntimeError(f"pixel_shuffle expects a positive upscale_factor, but got {upscale_factor}")
    r = upscale_factor
    c, h, w = input.shape[-3], input.shape[-2], input.shape[-1]
    if c % (r * r) != 0:
        raise RuntimeError(f"pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of "
                           f"upscale_factor, but input.size(-3)={c} is not divisible by {r * r}")
    lead = list(input.shape[:-3])
    n = len(lead)
    with torch.no_grad():
        blocks = input.reshape(lead + [c // (r * r), r, r, h, w])
        order = list(range(n)) + [n, n + 3, n + 1, n + 4, n + 2]
        output = blocks.permute(order).reshape(lead + [c // (r * r), h * r, w * r])
    return _rearranged("PixelShuffleBackward0", input, output, lambda grad: pixel_unshuffle(grad, r))


def _rearranged(name, input, output, backward):
    # One node for a pure rearrangement, whose gradient is the inverse rearrangement.
    if torch.is_grad_enabled() and input.requires_grad:
        torch.autograd._record_function(name, output, [input], lambda grad, out: [backward(grad)], None, "nothing")
    return output


def pixel_unshuffle(input, downscale_factor):
    """(*, C, H × r, W × r) → (*, C × r², H, W): the inverse of pixel_shuffle."""
    if input.dim() < 3:
        raise RuntimeError(f"pixel_unshuffle expects input to have at least 3 dimensions, but got input with "
                           f"{input.dim()} dimension(s)")
    if downscale_factor <= 0:
        raise RuntimeError(f"pixel_unshuffle expects a positive downscale_factor, but got {downscale_factor}")
    r = downscale_factor
    c, h, w = input.shape[-3], input.shape[-2], input.shape[-1]
    if h % r != 0:
        raise RuntimeError(f"pixel_unshuffle expects height to be divisible by downscale_factor, but input.size(-2)={h} "
                           f"is not divisible by {r}")
    if w % r != 0:
        raise RuntimeError(f"pixel_unshuffle expects width to be divisible by downscale_factor, but input.size(-1)={w} "
                           f"is not divisible by {r}")
    lead = list(input.shape[:-3])
    n = len(lead)
    with torch.no_grad():
        blocks = input.reshape(lead + [c, h // r, r, w // r, r])
        order = list(range(n)) + [n, n + 2, n + 4, n + 1, n + 3]
        output = blocks.permute(order).reshape(lead + [c * r * r, h // r, w // r])
    return _rearranged("PixelUnshuffleBackward0", input, output, lambda grad: pixel_shuffle(grad, r))

"""#

    static let layers = #"""


__name__ = "torch.nn.modules.upsampling"


class Upsample(Module):
    """Resizes its input's spatial dimensions with F.interpolate: to size, or by scale_factor,
    sampling by mode ('nearest', 'linear', 'bilinear', 'bicubic', 'trilinear', ...)."""

    def __init__(self, size=None, scale_factor=None, mode="nearest", align_corners=None, recompute_scale_factor=None):
        super().__init__()
        self.name = type(self).__name__
        self.size = size
        if isinstance(scale_factor, tuple):
            self.scale_factor = tuple(float(factor) for factor in scale_factor)
        else:
            self.scale_factor = float(scale_factor) if scale_factor else None
        self.mode = mode
        self.align_corners = align_corners
        self.recompute_scale_factor = recompute_scale_factor

    def forward(self, input):
        return F.interpolate(input, self.size, self.scale_factor, self.mode, self.align_corners,
                             recompute_scale_factor=self.recompute_scale_factor)

    def extra_repr(self):
        info = "scale_factor=" + repr(self.scale_factor) if self.scale_factor is not None else "size=" + repr(self.size)
        return info + ", mode=" + repr(self.mode)


class UpsamplingNearest2d(Upsample):
    """Upsample with mode='nearest' (for 4-d inputs)."""

    def __init__(self, size=None, scale_factor=None):
        super().__init__(size, scale_factor, mode="nearest")


class UpsamplingBilinear2d(Upsample):
    """Upsample with mode='bilinear' and align_corners=True (for 4-d inputs)."""

    def __init__(self, size=None, scale_factor=None):
        super().__init__(size, scale_factor, mode="bilinear", align_corners=True)


__name__ = "torch.nn.modules.pixelshuffle"


class PixelShuffle(Module):
    """F.pixel_shuffle: (*, C × r², H, W) → (*, C, H × r, W × r) with r = upscale_factor."""

    def __init__(self, upscale_factor):
        super().__init__()
        self.upscale_factor = upscale_factor

    def forward(self, input):
        return F.pixel_shuffle(input, self.upscale_factor)

    def extra_repr(self):
        return f"upscale_factor={self.upscale_factor}"


class PixelUnshuffle(Module):
    """F.pixel_unshuffle: (*, C, H × r, W × r) → (*, C × r², H, W) with r = downscale_factor."""

    def __init__(self, downscale_factor):
        super().__init__()
        self.downscale_factor = downscale_factor

    def forward(self, input):
        return F.pixel_unshuffle(input, self.downscale_factor)

    def extra_repr(self):
        return f"downscale_factor={self.downscale_factor}"

"""#
}
