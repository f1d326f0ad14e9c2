/// Resampling in `nn.functional`: `interpolate` (nearest, nearest-exact, linear, bilinear,
/// bicubic, trilinear; 'area' is adaptive average pooling), `pixel_shuffle`/`pixel_unshuffle`,
/// and the layers `nn.Upsample`, `nn.UpsamplingNearest2d`/`UpsamplingBilinear2d`,
/// `nn.PixelShuffle`/`PixelUnshuffle`. An upsampling is, per spatial dimension, a list of taps
/// (source indices and weights, computed as PyTorch's kernels compute them); the output sums
/// the taps' gathered values times their weights, and one node (PyTorch's name) adds the
/// gradient back into the positions read, output by output as PyTorch's backward kernel does.
/// PyTorch's kernels are compiled with fused multiply-adds; `torch.addcmul` (one rounding)
/// stands for them where a comparison with PyTorch on random inputs showed where they are.
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


def _nearest_taps(in_size, out_size, scale, exact, dtype, same_size_copies):
    # One tap: floor(o * step), or for nearest-exact the rounded source position. Where a size
    # does not change, PyTorch's 2-d nearest kernel and every nearest backward copy
    # (same_size_copies), the 1-d and 3-d forward kernels still scale by 1 / scale_factor.
    if out_size == in_size and not exact and same_size_copies:
        return [(torch.arange(out_size), None)]
    step = _upsample_scale(in_size, out_size, scale, False, dtype)
    o = torch.arange(out_size, dtype=dtype)
    source = ((step * (o + 0.5) - 0.5).clamp(min=0) + 0.5 if exact else step * o).floor().long()
    return [(source.clamp(max=in_size - 1), None)]


def _linear_taps(in_size, out_size, scale, align_corners, dtype, fused):
    # Two taps: the source position's floor and the next (clamped), weighted by distance.
    # PyTorch's bilinear kernel rounds step × (o + 0.5) - 0.5 once (fused), the others twice.
    if out_size == in_size:
        # PyTorch copies along a dimension whose size does not change, whatever scale_factor says.
        same = torch.arange(out_size)
        return [(same, torch.ones(out_size, dtype=dtype)), (same, torch.zeros(out_size, dtype=dtype))]
    step = _upsample_scale(in_size, out_size, scale, align_corners, dtype)
    o = torch.arange(out_size, dtype=dtype)
    if align_corners:
        real = step * o
    elif fused:
        real = torch.addcmul(torch.full_like(o, -0.5), o + 0.5, step.expand_as(o)).clamp(min=0)
    else:
        real = (step * (o + 0.5) - 0.5).clamp(min=0)
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


def _upsample_taps(mode, in_size, out_size, scale, align_corners, dtype, same_size_copies=True):
    if mode in ("nearest", "nearest-exact"):
        return _nearest_taps(in_size, out_size, scale, mode == "nearest-exact", dtype, same_size_copies)
    if mode == "bicubic":
        return _cubic_taps(in_size, out_size, scale, align_corners, dtype)
    return _linear_taps(in_size, out_size, scale, align_corners, dtype, mode == "bilinear")


def _interpolate_along(input, taps, d):
    """PyTorch's generic kernel: over spatial dimension d's taps t0, t1, ... the sum of (input at
    the tap's indices, interpolated over the later dimensions) × the tap's weight, as
    t0·w0 + t1·w1 with the first product fused into the addition (one rounding fewer), further
    taps added by fused multiply-adds."""
    if d == len(taps):
        return input
    terms = [(_interpolate_along(input.index_select(2 + d, index), taps, d + 1),
              None if weight is None else weight.reshape([-1] + [1] * (len(taps) - 1 - d)))
             for index, weight in taps[d]]
    if terms[0][1] is None:
        return terms[0][0]
    (t0, w0), (t1, w1) = terms[0], terms[1]
    output = torch.addcmul(t1 * w1, t0, w0) if len(terms) == 2 else t0 * w0
    for t, w in terms[1 if len(terms) > 2 else 2:]:
        output = torch.addcmul(output, t, w)
    return output


def _bilinear_corners(input, taps):
    """PyTorch's bilinear kernel: h0·w0·x00 + h0·w1·x01 + h1·w0·x10 + h1·w1·x11, the weight
    products rounded first, the sum by fused multiply-adds from the left."""
    (h0, a0), (h1, a1) = taps[0]
    (w0, b0), (w1, b1) = taps[1]
    a0, a1 = a0.reshape(-1, 1), a1.reshape(-1, 1)
    rows0, rows1 = input.index_select(2, h0), input.index_select(2, h1)
    output = torch.addcmul(a0 * b1 * rows0.index_select(3, w1), a0 * b0, rows0.index_select(3, w0))
    output = torch.addcmul(output, a1 * b0, rows1.index_select(3, w0))
    return torch.addcmul(output, a1 * b1, rows1.index_select(3, w1))


def _scatter_plan(taps, in_shape, cubic):
    """For every output position (in order) and each combination of its taps (in the order
    PyTorch's backward kernel visits them), the flat input position it read and the product of
    the taps' weights (None for nearest)."""
    index = None
    weight = None
    for d, dim_taps in enumerate(taps):
        positions = torch.stack([i for i, _ in dim_taps], 1)
        weights = torch.stack([w for _, w in dim_taps], 1) if dim_taps[0][1] is not None else None
        if index is None:
            index, weight = positions, weights
            continue
        index = index[:, None, :, None] * in_shape[2 + d] + positions[None, :, None, :]
        if weights is not None:
            weight = weight[:, None, :, None] * weights[None, :, None, :]
        if cubic:
            # The bicubic backward walks the width taps outside the height taps.
            index = index.transpose(2, 3)
            weight = weight.transpose(2, 3) if weight is not None else None
        index = index.reshape(index.shape[0] * index.shape[1], -1)
        weight = weight.reshape(index.shape) if weight is not None else None
    return index, weight


def _upsample_backward(grad, in_shape, taps, cubic):
    """Adds each output's gradient × its weights into the input positions it read, output by
    output and tap by tap, each addition fused with its product, as PyTorch's backward kernel
    does. The additions go in rounds: round r makes every position's r-th addition."""
    planes = in_shape[0] * in_shape[1]
    index, weight = _scatter_plan(taps, in_shape, cubic)
    plane = 1
    for size in in_shape[2:]:
        plane *= size
    taps_per_output = index.shape[1]
    flat = (index.reshape(1, -1) + (torch.arange(planes) * plane).reshape(-1, 1)).reshape(-1)
    g = grad.reshape(planes, -1, 1).expand(-1, -1, taps_per_output).reshape(-1)
    w = None if weight is None else weight.to(grad.dtype).reshape(1, -1).expand(planes, -1).reshape(-1)
    order = torch.sort(flat, stable=True)
    position = torch.arange(flat.numel())
    sorted_flat = order.values
    starts = torch.ones_like(sorted_flat, dtype=torch.bool)
    starts[1:] = sorted_flat[1:] != sorted_flat[:-1]
    first = torch.cummax(torch.where(starts, position, torch.zeros_like(position)), 0).values
    rank = torch.empty_like(position)
    rank[order.indices] = position - first
    total = torch.zeros(planes * plane, dtype=grad.dtype)
    for r in range(int(rank.max()) + 1 if rank.numel() else 0):
        chosen = (rank == r).nonzero().reshape(-1)
        at = flat[chosen]
        update = total[at] + g[chosen] if w is None else torch.addcmul(total[at], w[chosen], g[chosen])
        total = total.index_put((at,), update)
    return total.reshape(in_shape)


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
    taps = [_upsample_taps(mode, in_sizes[d], output_size[d], scale_factors[d] if scale_factors is not None else None,
                           align_corners, dtype) for d in range(dims)]
    forward_taps = taps if dims == 2 else [
        _upsample_taps(mode, in_sizes[d], output_size[d], scale_factors[d] if scale_factors is not None else None,
                       align_corners, dtype, False) for d in range(dims)]
    with torch.no_grad():
        output = _bilinear_corners(input, taps) if mode == "bilinear" else _interpolate_along(input, forward_taps, 0)
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
