/// `F.affine_grid` (2-d affine maps, the sampling grid as PyTorch builds it: a base grid of
/// normalised pixel positions times theta by `bmm`) and `F.grid_sample` (4-d input; 'bilinear'
/// and 'nearest'; padding 'zeros', 'border', 'reflection'; `align_corners`), whose values follow
/// PyTorch's vectorised CPU kernel's rounding. grid_sample is one node `GridSampler2DBackward0`
/// whose backward differentiates the same computation again, for input and grid.
enum NNGridSamplingSource {
    static let functional = #"""


_GRID_WARNING = ("Default grid_sample and affine_grid behavior has changed to align_corners=False since 1.3.0. Please "
                 "specify align_corners=True if the old behavior is desired. See the documentation of grid_sample for "
                 "details.")


def _linspace_from_neg_one(steps, align_corners, dtype):
    # The grid's coordinates along one dimension: -1 to 1, pulled in to pixel centres unless align_corners.
    if steps <= 1:
        return torch.zeros(steps, dtype=dtype)
    points = torch.linspace(-1, 1, steps, dtype=dtype)
    return points if align_corners else points * (steps - 1) / steps


def affine_grid(theta, size, align_corners=None):
    """The sampling grid (N, H, W, 2) of the 2-d affine maps theta (N, 2, 3) for an output of size
    (N, C, H, W): each output pixel's normalised (x, y) moved by theta, for grid_sample."""
    if align_corners is None:
        warnings.warn(_GRID_WARNING, stacklevel=2)
        align_corners = False
    if not theta.is_floating_point():
        raise ValueError(f"Expected theta to have floating point type, but got {theta.dtype}")
    if len(size) == 4:
        if theta.dim() != 3 or theta.shape[-2] != 2 or theta.shape[-1] != 3:
            raise ValueError(f"Expected a batch of 2D affine matrices of shape Nx2x3 for size {size}. Got {theta.shape}.")
    elif len(size) == 5:
        raise NotImplementedError("grad's affine_grid supports 4D sizes (2D affine transforms) only")
    else:
        raise NotImplementedError("affine_grid only supports 4D and 5D sizes, for 2D and 3D affine transforms, "
                                  f"respectively. Got size {size}.")
    spatial = size[-2:]
    if align_corners and min(spatial) == 1:
        warnings.warn("Since version 1.3.0, affine_grid behavior has changed for unit-size grids when align_corners=True. "
                      "This is not an intended use case of affine_grid. See the documentation of affine_grid for details.",
                      stacklevel=2)
    elif min(size) <= 0:
        raise ValueError(f"Expected non-zero, positive output size. Got {size}")
    n, h, w = size[0], size[2], size[3]
    with torch.no_grad():
        # Each output pixel's (x, y, 1), times theta's transpose.
        base = torch.empty(1, h, w, 3, dtype=theta.dtype)
        base[..., 0] = _linspace_from_neg_one(w, align_corners, theta.dtype)
        base[..., 1] = _linspace_from_neg_one(h, align_corners, theta.dtype).reshape(-1, 1)
        base[..., 2] = 1
        base = base.reshape(1, h * w, 3).expand(n, h * w, 3)
        grid = base.bmm(theta.transpose(1, 2)).reshape(n, h, w, 2)
    if torch.is_grad_enabled() and theta.requires_grad:
        torch.autograd._record_function(
            "AffineGridGeneratorBackward0", grid, [theta],
            lambda grad, out: [grad.reshape(n, h * w, 2).transpose(1, 2).bmm(base)], None, "nothing")
    return grid


def _source_coordinates(coord, size, padding_mode, align_corners):
    """Normalised [-1, 1] grid coordinates to pixel positions, then the padding mode's clipping
    or reflection, rounded as PyTorch's vectorised CPU kernel rounds (its (c + 1) · s - 0.5 fused)."""
    if align_corners:
        position = (coord + 1) * ((size - 1) / 2)
    else:
        position = torch.addcmul(torch.full_like(coord, -0.5), coord + 1, torch.full_like(coord, size / 2))
    if padding_mode == "reflection":
        # Reflect about the edges (pixel centres with align_corners, else the outer borders).
        low, span = (0.0, size - 1.0) if align_corners else (-0.5, float(size))
        if span <= 0:
            position = torch.zeros_like(position)
        else:
            distance = (position - low).abs()
            extra = distance.fmod(span)
            flips = (distance / span).floor()
            position = torch.where(flips.fmod(2) == 0, extra + low, span - extra + low)
    if padding_mode != "zeros":
        position = position.clamp(0, size - 1)
    return position


def _grid_sample_2d(input, grid, mode, padding_mode, align_corners):
    n, c, h, w = input.shape
    out_h, out_w = grid.shape[1], grid.shape[2]
    x = _source_coordinates(grid[..., 0], w, padding_mode, align_corners)
    y = _source_coordinates(grid[..., 1], h, padding_mode, align_corners)
    flat = input.reshape(n, c, h * w)

    def pick(xi, yi):
        # Input values at integer positions (N, H', W'), zero outside the input.
        inside = (xi >= 0) & (xi < w) & (yi >= 0) & (yi < h)
        index = (yi.clamp(0, h - 1) * w + xi.clamp(0, w - 1)).reshape(n, 1, -1).expand(n, c, out_h * out_w)
        values = flat.gather(2, index).reshape(n, c, out_h, out_w)
        return torch.where(inside.unsqueeze(1), values, torch.zeros((), dtype=input.dtype))

    if mode == "nearest":
        return pick(x.round().long(), y.round().long())
    x0, y0 = x.floor(), y.floor()
    wx, wy = x - x0, y - y0
    x0, y0 = x0.long(), y0.long()
    corners = [((1 - wy) * (1 - wx), x0, y0), ((1 - wy) * wx, x0 + 1, y0), (wy * (1 - wx), x0, y0 + 1),
               (wy * wx, x0 + 1, y0 + 1)]
    # North-west × its weight, then the other corners by fused multiply-adds, as PyTorch's kernel.
    output = None
    for weight, xi, yi in corners:
        value, weight = pick(xi, yi), weight.unsqueeze(1)
        output = value * weight if output is None else torch.addcmul(output, value, weight)
    return output


def grid_sample(input, grid, mode="bilinear", padding_mode="zeros", align_corners=None):
    """Samples input (N, C, H, W) at the normalised positions grid (N, H', W', 2) ((-1, -1) the
    top-left corner, (1, 1) the bottom-right), by 'bilinear' or 'nearest' interpolation, outside
    positions by padding_mode: 'zeros', 'border' (the nearest edge) or 'reflection'."""
    if mode != "bilinear" and mode != "nearest" and mode != "bicubic":
        raise ValueError(f"nn.functional.grid_sample(): expected mode to be 'bilinear', 'nearest' or 'bicubic', but got: '{mode}'")
    if padding_mode != "zeros" and padding_mode != "border" and padding_mode != "reflection":
        raise ValueError("nn.functional.grid_sample(): expected padding_mode to be 'zeros', 'border', or 'reflection', "
                         f"but got: '{padding_mode}'")
    if align_corners is None:
        warnings.warn(_GRID_WARNING, stacklevel=2)
        align_corners = False
    if mode == "bicubic":
        raise NotImplementedError("grad's grid_sample does not implement mode='bicubic'")
    if input.dim() != 4 or grid.dim() != 4:
        raise NotImplementedError("grad's grid_sample supports 4-D input and grid only")
    if grid.shape[0] != input.shape[0]:
        raise RuntimeError("grid_sampler(): expected grid and input to have same batch size, but got input with sizes "
                           f"{list(input.shape)} and grid with sizes {list(grid.shape)}")
    if grid.shape[-1] != 2:
        raise RuntimeError("grid_sampler(): expected grid to have size 2 in last dimension, but got grid with sizes "
                           f"{list(grid.shape)}")
    with torch.no_grad():
        output = _grid_sample_2d(input, grid, mode, padding_mode, align_corners)
    tensors = [input, grid]
    if not (torch.is_grad_enabled() and (input.requires_grad or grid.requires_grad)):
        return output

    def backward(grad, out):
        with torch.enable_grad():
            input_, grid_ = input.detach().requires_grad_(), grid.detach().requires_grad_()
            again = _grid_sample_2d(input_, grid_, mode, padding_mode, align_corners)
            grads = torch.autograd.grad(again, [input_, grid_], grad, allow_unused=True)
        # Nearest sampling does not depend on the grid's values: PyTorch's gradient there is 0.
        return [g if g is not None else torch.zeros_like(t) for g, t in zip(grads, (input_, grid_))]

    torch.autograd._record_function("GridSampler2DBackward0", output, tensors, backward, None, "tensors")
    return output

"""#
}
