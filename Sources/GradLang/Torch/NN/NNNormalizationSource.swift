/// Normalisation: `F.layer_norm`, `F.batch_norm`, `F.instance_norm`, `F.group_norm`,
/// `F.local_response_norm` (`functional`) and the layers `nn.LayerNorm`, `nn.BatchNorm1d/2d`,
/// `nn.GroupNorm`, `nn.LocalResponseNorm`, `nn.InstanceNorm1d/2d` (`layers`). Each normalises
/// with a mean and an inverse standard deviation, then scales and shifts, and records one node
/// under PyTorch's name, whose backward is the textbook formula over the saved normalised input;
/// instance_norm is batch_norm over the batch and channel dimensions merged, and
/// local_response_norm an average pool over channels, as in PyTorch.
enum NNNormalizationSource {
    static let functional = #"""


def _normalize(name, input, stat_dims, affine_dims, statistics, weight, bias, from_batch, kernel=None,
               kernel_backward=None):
    """(input - mean) * invstd * weight + bias, one node `name`. statistics() gives mean and
    invstd, which broadcast against input; weight and bias (either may be None) span the
    dimensions not in affine_dims. from_batch says whether the statistics are input's over
    stat_dims, so that the input's gradient also flows through them. kernel(), if given, gives
    the output with the mean and invstd it used, as PyTorch's kernel computes them: the values
    returned and the ones the first backward uses (statistics() serves a recorded backward).
    kernel_backward(grad), if given, gives that first backward's gradients as PyTorch's kernel
    computes them."""
    affine_shape = [1 if d in affine_dims else input.shape[d] for d in range(input.dim())]

    def pieces():
        mean, invstd = statistics()
        scale = weight.reshape(affine_shape) if weight is not None else None
        return (input - mean) * invstd, invstd, scale

    with torch.no_grad():
        if kernel is not None:
            output, mean, invstd = kernel()
            normalized = (input - mean) * invstd
            scale = weight.reshape(affine_shape) if weight is not None else None
        else:
            normalized, invstd, scale = pieces()
            output = normalized * scale if scale is not None else normalized
            if bias is not None:
                output = output + bias.reshape(affine_shape)
    tensors = [t for t in (input, weight, bias) if t is not None]
    if not (torch.is_grad_enabled() and any(t.requires_grad for t in tensors)):
        return output

    def summed(t):
        # Over the dimensions weight and bias are broadcast along (sum([]) would sum them all).
        return t.sum(affine_dims) if affine_dims else t

    def backward(grad, out):
        if kernel_backward is not None and not torch.is_grad_enabled():
            return kernel_backward(grad)
        # When the engine records this backward (create_graph=True), the pieces are made again
        # from input and weight, so that the gradient's own graph reaches them.
        normalized_, invstd_, scale_ = pieces() if torch.is_grad_enabled() else (normalized, invstd, scale)
        g = grad * scale_ if scale_ is not None else grad
        if from_batch:
            g = g - g.mean(stat_dims, keepdim=True) - normalized_ * (g * normalized_).mean(stat_dims, keepdim=True)
        grads = [g * invstd_]
        if weight is not None:
            grads.append(summed(grad * normalized_).reshape(weight.shape))
        if bias is not None:
            grads.append(summed(grad).reshape(bias.shape))
        return grads

    torch.autograd._record_function(name, output, tensors, backward, None, "tensors")
    return output


def _check_floating(kernel, input):
    if not input.is_floating_point():
        # "torch.LongTensor" → "Long": PyTorch's name of the dtype in its kernels' errors.
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{input.type()[6:-6]}'")


def _check_same_dtype(input, *parameters):
    # PyTorch's CPU rule: parameters of the input's dtype, or float32 ones for a float16 or
    # bfloat16 input.
    given = [p for p in parameters if p is not None]
    if not given or given[0].dtype == input.dtype:
        return
    if any(p.dtype != torch.float32 for p in given):
        raise RuntimeError("mixed dtype (CPU): expect parameter to have scalar type of Float")
    if input.dtype not in (torch.float16, torch.bfloat16):
        raise RuntimeError("mixed dtype (CPU): all inputs must share same datatype.")


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-5):
    """Normalise over the last len(normalized_shape) dimensions to mean 0 and variance 1 (the
    biased variance, plus eps), then multiply by weight and add bias (both of normalized_shape)."""
    normalized_shape = [normalized_shape] if isinstance(normalized_shape, int) else list(normalized_shape)
    count = len(normalized_shape)
    if count == 0:
        raise RuntimeError("Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, "
                           "but got normalized_shape = []")
    for label, t in (("weight", weight), ("bias", bias)):
        if t is not None and list(t.shape) != normalized_shape:
            raise RuntimeError(f"Expected {label} to be of same shape as normalized_shape, but got {label} of shape "
                               f"{list(t.shape)} and normalized_shape = {normalized_shape}")
    leading = input.dim() - count
    if leading < 0 or list(input.shape[leading:]) != normalized_shape:
        expected = ", ".join(str(s) for s in normalized_shape)
        raise RuntimeError(f"Given normalized_shape={normalized_shape}, expected input with shape [*, {expected}], "
                           f"but got input of size{list(input.shape)}")
    _check_same_dtype(input, weight, bias)
    _check_floating("LayerNormKernelImpl", input)
    stat_dims = list(range(leading, input.dim()))
    kernel = None
    if input.dtype in (torch.float32, torch.float64):
        row_length = 1
        for s in normalized_shape:
            row_length *= s
        statistics_shape = list(input.shape[:leading]) + [1] * count
        kernel = lambda: _layer_norm_forward(input, row_length, weight, bias, eps, statistics_shape)
    return _normalize("NativeLayerNormBackward0", input, stat_dims, list(range(leading)),
                      lambda: _mean_and_invstd(input, stat_dims, eps), weight, bias, True, kernel)


def _mean_and_invstd(input, dims, eps):
    """The mean of input over dims and the inverse of its standard deviation (biased variance + eps)."""
    return input.mean(dims, keepdim=True), (input.var(dims, unbiased=False, keepdim=True) + eps).rsqrt()


def _verify_batch_size(size):
    values = size[0]
    for s in size[2:]:
        values *= s
    if values == 1:
        raise ValueError(f"Expected more than 1 value per channel when training, got input size {size}")


def batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    """Normalise each channel (dimension 1) over the batch and any further dimensions: with the
    batch's mean and biased variance when training (and then running_mean and running_var, if
    given, move toward the batch's mean and unbiased variance by momentum), else with
    running_mean and running_var; then multiply by weight and add bias (per channel)."""
    if training:
        _verify_batch_size(input.size())
    if training and eps <= 0.0:
        raise ValueError(f"batch_norm eps must be positive during training, but got {eps}")
    elif eps < 0.0:
        raise ValueError(f"batch_norm eps must be non-negative, but got {eps}")
    if training and (running_mean is None) != (running_var is None):
        raise ValueError("running_mean and running_var must either both be None or neither be None")
    channels = input.shape[1] if input.dim() > 1 else 0
    if input.numel() == 0:
        # PyTorch's shortcut for an empty batch: no statistics, the affine map of the first channel.
        output = input.clone()
        if weight is not None:
            output = output * weight[0]
        return output + bias[0] if bias is not None else output
    if not training and (running_mean is None or running_var is None):
        raise RuntimeError(f"{'running_mean' if running_mean is None else 'running_var'} must be defined in evaluation mode")
    for label, t in (("running_mean", running_mean), ("running_var", running_var), ("weight", weight), ("bias", bias)):
        if t is not None and t.numel() != channels:
            raise RuntimeError(f"{label} should contain {channels} elements not {t.numel()}")
    _check_floating("batch_norm", input)
    _check_same_dtype(input, weight, bias, running_mean, running_var)
    stat_dims = [d for d in range(input.dim()) if d != 1]
    per_channel = [1, channels] + [1] * (input.dim() - 2)
    kernel = kernel_backward = None
    # PyTorch's kernels where its sums do not depend on its thread count: for inputs with more
    # than one element per sample and channel, and the forward in evaluation. The forward also
    # moves the running statistics.
    planes = input.numel() > input.shape[0] * channels
    if input.dtype == torch.float32 and (planes or not training):
        saved = []

        def kernel():
            output, mean, invstd, moved_mean, moved_var = _batch_norm_forward(
                input, weight, bias, running_mean, running_var, training, momentum, eps)
            if training and running_mean is not None:
                running_mean.copy_(moved_mean)
                running_var.copy_(moved_var)
            # The statistics the backward reads, as they are now (evaluation: the running variance).
            saved.extend([mean, invstd, None if training else running_var.clone()])
            return output, mean.reshape(per_channel), invstd.reshape(per_channel)

        def exact_backward(grad):
            mean, invstd, variance = saved
            d_input, d_weight, d_bias = _batch_norm_backward(grad, input, weight, mean, invstd, variance, training, eps)
            return [d_input] + ([d_weight] if weight is not None else []) + ([d_bias] if bias is not None else [])

        kernel_backward = exact_backward if planes else None
    if training:
        statistics = lambda: _mean_and_invstd(input, stat_dims, eps)
        if running_mean is not None and kernel is None:
            with torch.no_grad():
                mean = input.mean(stat_dims).reshape(running_mean.shape)
                unbiased = input.var(stat_dims).reshape(running_var.shape)
                running_mean.copy_(momentum * mean + (1 - momentum) * running_mean)
                running_var.copy_(momentum * unbiased + (1 - momentum) * running_var)
    else:
        # The running statistics as they are now: later training steps change them in place.
        fixed = (running_mean.reshape(per_channel).clone(), (running_var.reshape(per_channel) + eps).rsqrt())
        statistics = lambda: fixed
    return _normalize("NativeBatchNormBackward0", input, stat_dims, stat_dims, statistics, weight, bias, training, kernel,
                      kernel_backward)


def _verify_spatial_size(size):
    values = 1
    for s in size[2:]:
        values *= s
    if values == 1:
        raise ValueError(f"Expected more than 1 spatial element when training, got input size {size}")


def instance_norm(input, running_mean=None, running_var=None, weight=None, bias=None, use_input_stats=True,
                  momentum=0.1, eps=1e-5):
    """Normalises each channel of each sample over its spatial dimensions (batch_norm with the
    batch and channel dimensions merged into one), then multiplies by weight and adds bias
    (per channel); running_mean and running_var, if given, move by the mean over the batch."""
    if use_input_stats:
        _verify_spatial_size(input.size())
    batch, channels = input.shape[0], input.shape[1]
    # PyTorch's own route: one batch of batch × channels channels, then a view of the input's shape.
    repeated = [t.repeat(batch) if t is not None else None for t in (running_mean, running_var, weight, bias)]
    merged = input.contiguous().view([1, batch * channels] + list(input.shape[2:]))
    output = batch_norm(merged, repeated[0], repeated[1], repeated[2], repeated[3], use_input_stats, momentum, eps)
    with torch.no_grad():
        for running, updated in ((running_mean, repeated[0]), (running_var, repeated[1])):
            if running is not None:
                running.copy_(updated.view(batch, channels).mean(0))
    return output.view_as(input)


def group_norm(input, num_groups, weight=None, bias=None, eps=1e-5):
    """Normalises each sample's channels in num_groups groups: every group over its channels and
    spatial positions to mean 0 and variance 1 (biased, plus eps); then multiplies by weight and
    adds bias (per channel)."""
    if input.dim() < 2:
        raise RuntimeError(f"Expected at least 2 dimensions for input tensor but received {input.dim()}")
    batch, channels = input.shape[0], input.shape[1]
    if channels % num_groups != 0:
        raise RuntimeError("Expected number of channels in input to be divisible by num_groups, but got input of shape "
                           f"{list(input.shape)} and num_groups={num_groups}")
    for label, t in (("weight", weight), ("bias", bias)):
        if t is not None and (t.dim() != 1 or t.numel() != channels):
            raise RuntimeError(f"Expected {label} to be a vector of size equal to the number of channels in input, but got "
                               f"{label} of shape {list(t.shape)} and input of shape {list(input.shape)}")
    spatial = 1
    for s in input.shape[2:]:
        spatial *= s
    if spatial <= 0:
        raise RuntimeError(f"Expected HxW to be greater than 0, got {spatial}")
    _check_floating("GroupNormKernelImpl", input)
    per_channel = [1, channels] + [1] * (input.dim() - 2)
    grouped = [batch, num_groups, channels // num_groups * spatial]

    def pieces():
        # x̂ = (x - mean) · rstd per group, shaped like the input, and rstd per group.
        groups = input.reshape(grouped)
        mean = groups.mean(-1, keepdim=True)
        rstd = (groups.var(-1, unbiased=False, keepdim=True) + eps).rsqrt()
        return ((groups - mean) * rstd).reshape(input.shape), rstd

    with torch.no_grad():
        if input.dtype in (torch.float32, torch.float64) and input.numel() > 0:
            # PyTorch's kernel's values, and its mean and rstd for the first backward.
            output, mean, rstd = _group_norm_forward(input, num_groups, weight, bias, eps)
            mean, rstd = mean.unsqueeze(-1), rstd.unsqueeze(-1)
            normalized = ((input.reshape(grouped) - mean) * rstd).reshape(input.shape)
        else:
            normalized, rstd = pieces()
            output = normalized * weight.reshape(per_channel) if weight is not None else normalized
            if bias is not None:
                output = output + bias.reshape(per_channel)
    tensors = [t for t in (input, weight, bias) if t is not None]
    if not (torch.is_grad_enabled() and any(t.requires_grad for t in tensors)):
        return output
    summed_dims = [0] + list(range(2, input.dim()))

    def backward(grad, out):
        normalized_, rstd_ = pieces() if torch.is_grad_enabled() else (normalized, rstd)
        g = grad * weight.reshape(per_channel) if weight is not None else grad
        g, x = g.reshape(grouped), normalized_.reshape(grouped)
        g = (g - g.mean(-1, keepdim=True) - x * (g * x).mean(-1, keepdim=True)) * rstd_
        grads = [g.reshape(input.shape)]
        if weight is not None:
            grads.append((grad * normalized_).sum(summed_dims))
        if bias is not None:
            grads.append(grad.sum(summed_dims))
        return grads

    torch.autograd._record_function("NativeGroupNormBackward0", output, tensors, backward, None, "tensors")
    return output


def local_response_norm(input, size, alpha=1e-4, beta=0.75, k=1.0):
    """Divides each element by (k + alpha × the mean of the squares of the size neighbouring
    channels) ** beta: lateral inhibition across channels (dimension 1)."""
    dim = input.dim()
    if dim < 3:
        raise ValueError(f"Expected 3D or higher dimensionality                          input (got {dim} dimensions)")
    if input.numel() == 0:
        return input
    div = input.mul(input)
    # PyTorch averages over the channels with avg_pool2d (3-d input) or avg_pool3d; a window that
    # spans channels alone sums in the same order when the later dimensions are flattened into one.
    sizes = input.size()
    div = div.reshape(sizes[0], 1, sizes[1], -1)
    div = pad(div, (0, 0, size // 2, (size - 1) // 2))
    div = avg_pool2d(div, (size, 1), stride=1).squeeze(1)
    div = div.view(sizes) if dim > 3 else div
    div = div.mul(alpha).add(k).pow(beta)
    return input / div

"""#

    static let layers = #"""


__name__ = "torch.nn.modules.normalization"


def _affine_parameters(module, affine, bias, shape, dtype):
    # weight (ones) and bias (zeros) of the given shape, or None in their place.
    module.register_parameter("weight", Parameter(torch.ones(shape, dtype=dtype)) if affine else None)
    module.register_parameter("bias", Parameter(torch.zeros(shape, dtype=dtype)) if affine and bias else None)


def _reset_affine(module):
    # weight back to 1 and bias to 0, where they exist.
    if module.weight is not None:
        init.ones_(module.weight)
    if module.bias is not None:
        init.zeros_(module.bias)


class LayerNorm(Module):
    """Normalises each sample over its last dimensions (normalized_shape) to mean 0 and variance 1,
    then applies a learned elementwise scale (weight, starting at 1) and shift (bias, at 0)."""

    def __init__(self, normalized_shape, eps=1e-5, elementwise_affine=True, bias=True, device=None, dtype=None):
        super().__init__()
        if isinstance(normalized_shape, int):
            normalized_shape = (normalized_shape,)
        self.normalized_shape = tuple(normalized_shape)
        self.eps = eps
        self.elementwise_affine = elementwise_affine
        _affine_parameters(self, elementwise_affine, bias, self.normalized_shape, dtype)

    def reset_parameters(self):
        """weight back to 1, bias to 0."""
        _reset_affine(self)

    def forward(self, input):
        return F.layer_norm(input, self.normalized_shape, self.weight, self.bias, self.eps)

    def extra_repr(self):
        return f"{self.normalized_shape}, eps={self.eps}, elementwise_affine={self.elementwise_affine}, bias={self.bias is not None}"


__name__ = "torch.nn.modules.batchnorm"


class _BatchNorm(Module):
    """What the batch norm layers share: per-channel weight and bias, and the running mean and
    variance (buffers) that training updates and evaluation uses."""

    def __init__(self, num_features, eps=1e-5, momentum=0.1, affine=True, track_running_stats=True,
                 device=None, dtype=None, *, bias=True):
        super().__init__()
        self.num_features = num_features
        self.eps = eps
        self.momentum = momentum
        self.affine = affine
        self.track_running_stats = track_running_stats
        _affine_parameters(self, affine, bias, num_features, dtype)
        if track_running_stats:
            self.register_buffer("running_mean", torch.zeros(num_features, dtype=dtype))
            self.register_buffer("running_var", torch.ones(num_features, dtype=dtype))
            self.register_buffer("num_batches_tracked", torch.tensor(0, dtype=torch.long))
        else:
            self.register_buffer("running_mean", None)
            self.register_buffer("running_var", None)
            self.register_buffer("num_batches_tracked", None)

    def reset_running_stats(self):
        """Running mean back to 0, running variance to 1, no batches counted."""
        if self.track_running_stats:
            self.running_mean.zero_()
            self.running_var.fill_(1)
            self.num_batches_tracked.zero_()

    def reset_parameters(self):
        """reset_running_stats(), and weight back to 1, bias to 0."""
        self.reset_running_stats()
        _reset_affine(self)

    def forward(self, input):
        self._check_input_dim(input)
        factor = 0.0 if self.momentum is None else self.momentum
        if self.training and self.track_running_stats and self.num_batches_tracked is not None:
            self.num_batches_tracked.add_(1)
            # Without momentum the running statistics are the mean over all batches so far.
            factor = 1.0 / float(self.num_batches_tracked) if self.momentum is None else self.momentum
        from_batch = self.training or (self.running_mean is None and self.running_var is None)
        use_buffers = not self.training or self.track_running_stats
        return F.batch_norm(input, self.running_mean if use_buffers else None, self.running_var if use_buffers else None,
                            self.weight, self.bias, from_batch, factor, self.eps)

    def extra_repr(self):
        return (f"{self.num_features}, eps={self.eps}, momentum={self.momentum}, affine={self.affine}, "
                f"bias={self.bias is not None}, track_running_stats={self.track_running_stats}")


class BatchNorm1d(_BatchNorm):
    """Batch normalisation of (N, C) or (N, C, L) input, per channel C: each channel is
    normalised with the batch's mean and variance while training (and updates running_mean and
    running_var by momentum), with the running ones in eval(); then weight * x + bias."""

    def _check_input_dim(self, input):
        if input.dim() != 2 and input.dim() != 3:
            raise ValueError(f"expected 2D or 3D input (got {input.dim()}D input)")


class BatchNorm2d(_BatchNorm):
    """Batch normalisation of (N, C, H, W) input, per channel C, over the batch and both spatial
    dimensions; as BatchNorm1d otherwise."""

    def _check_input_dim(self, input):
        if input.dim() != 4:
            raise ValueError(f"expected 4D input (got {input.dim()}D input)")


__name__ = "torch.nn.modules.normalization"


class GroupNorm(Module):
    """Normalises each sample's channels in num_groups groups (F.group_norm), then applies a
    learned per-channel scale (weight, starting at 1) and shift (bias, at 0)."""

    def __init__(self, num_groups, num_channels, eps=1e-5, affine=True, device=None, dtype=None, *, bias=True):
        super().__init__()
        if num_channels % num_groups != 0:
            raise ValueError(f"num_channels ({num_channels}) must be divisible by num_groups ({num_groups})")
        self.num_groups = num_groups
        self.num_channels = num_channels
        self.eps = eps
        self.affine = affine
        _affine_parameters(self, affine, bias, num_channels, dtype)

    def reset_parameters(self):
        """weight back to 1, bias to 0."""
        _reset_affine(self)

    def forward(self, input):
        return F.group_norm(input, self.num_groups, self.weight, self.bias, self.eps)

    def extra_repr(self):
        return (f"{self.num_groups}, {self.num_channels}, eps={self.eps}, affine={self.affine}, "
                f"bias={self.bias is not None}")


class LocalResponseNorm(Module):
    """F.local_response_norm: each element divided by (k + alpha × mean of the squares over size
    neighbouring channels) ** beta."""

    def __init__(self, size, alpha=1e-4, beta=0.75, k=1.0):
        super().__init__()
        self.size = size
        self.alpha = alpha
        self.beta = beta
        self.k = k

    def forward(self, input):
        return F.local_response_norm(input, self.size, self.alpha, self.beta, self.k)

    def extra_repr(self):
        return "{size}, alpha={alpha}, beta={beta}, k={k}".format(**self.__dict__)


__name__ = "torch.nn.modules.instancenorm"


class _InstanceNorm(_BatchNorm):
    """What the instance norm layers share: batch norm's parameters and buffers, but without
    affine parameters or running statistics unless asked, and statistics per sample."""

    def __init__(self, num_features, eps=1e-5, momentum=0.1, affine=False, track_running_stats=False,
                 device=None, dtype=None, *, bias=True):
        super().__init__(num_features, eps, momentum, affine, track_running_stats, device, dtype, bias=bias)

    def _apply_instance_norm(self, input):
        return F.instance_norm(input, self.running_mean, self.running_var, self.weight, self.bias,
                               self.training or not self.track_running_stats,
                               self.momentum if self.momentum is not None else 0.0, self.eps)

    def forward(self, input):
        self._check_input_dim(input)
        feature_dim = input.dim() - self._get_no_batch_dim()
        if input.size(feature_dim) != self.num_features:
            if self.affine:
                raise ValueError(f"expected input's size at dim={feature_dim} to match num_features"
                                 f" ({self.num_features}), but got: {input.size(feature_dim)}.")
            warnings.warn(f"input's size at dim={feature_dim} does not match num_features. You can silence this warning "
                          "by not passing in num_features, which is not used because affine=False", stacklevel=2)
        if input.dim() == self._get_no_batch_dim():
            return self._apply_instance_norm(input.unsqueeze(0)).squeeze(0)
        return self._apply_instance_norm(input)


class InstanceNorm1d(_InstanceNorm):
    """Instance normalisation of (N, C, L) or unbatched (C, L) input."""

    def _get_no_batch_dim(self):
        return 2

    def _check_input_dim(self, input):
        if input.dim() not in (2, 3):
            raise ValueError(f"expected 2D or 3D input (got {input.dim()}D input)")


class InstanceNorm2d(_InstanceNorm):
    """Instance normalisation of (N, C, H, W) or unbatched (C, H, W) input."""

    def _get_no_batch_dim(self):
        return 3

    def _check_input_dim(self, input):
        if input.dim() not in (3, 4):
            raise ValueError(f"expected 3D or 4D input (got {input.dim()}D input)")

"""#
}
