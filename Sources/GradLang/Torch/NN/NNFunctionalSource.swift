/// The parts of `torch.nn.functional` written in Python: the argument checks of the losses and
/// activations around their Swift kernels, and the losses composed from tensor ops.
enum NNFunctionalSource {
    static let text = #"""
import math
import warnings


def _reduce(loss, reduction):
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    if reduction == "none":
        return loss
    raise ValueError(f"{reduction} is not a valid value for reduction")


def _check_reduction(reduction):
    if reduction not in ("mean", "sum", "none"):
        raise ValueError(f"{reduction} is not a valid value for reduction")


def _warn_size(input, target):
    if target.size() != input.size():
        warnings.warn(f"Using a target size ({target.size()}) that is different to the input size ({input.size()}). "
                      "This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.")


def _broadcast(input, target):
    if input.shape == target.shape:
        return input, target
    # The shape (and the error for shapes that do not broadcast) of an elementwise op.
    shape = (input.detach() - target.detach()).shape
    return input.expand(shape), target.expand(shape)


def leaky_relu(input, negative_slope=0.01, inplace=False):
    """x where x > 0, else negative_slope * x."""
    return _leaky_relu(input, negative_slope, inplace)


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    """x clamped to [min_val, max_val]; no gradient at the bounds."""
    if not input.is_floating_point():
        # Integer tensors are clamped with the bounds made integers, as PyTorch's clamp kernel does.
        bounds = (int(min_val), int(max_val))
        return input.clamp_(*bounds) if inplace else input.clamp(*bounds)
    return _hardtanh(input, min_val, max_val, inplace)


def relu6(input, inplace=False):
    """min(max(0, x), 6)."""
    return hardtanh(input, 0.0, 6.0, inplace)


def elu(input, alpha=1.0, inplace=False):
    """x where x > 0, else alpha * (exp(x) - 1)."""
    return _elu(input, alpha, 1.0, 1.0, inplace)


def selu(input, inplace=False):
    """scale * elu(x, alpha) with the self-normalizing constants alpha ≈ 1.6733, scale ≈ 1.0507."""
    return _elu(input, 1.6732632423543772848170429916717, 1.0507009873554804934193349852946, 1.0, inplace)


def celu(input, alpha=1.0, inplace=False):
    """x where x > 0, else alpha * (exp(x / alpha) - 1)."""
    return _celu(input, alpha, inplace)


def gelu(input, approximate="none"):
    """x * Φ(x) with Φ the standard normal CDF, or its tanh approximation (approximate='tanh')."""
    if approximate not in ("none", "tanh"):
        raise RuntimeError(f"approximate argument must be either none or tanh.")
    return _gelu(input, approximate == "tanh")


def silu(input, inplace=False):
    """x * sigmoid(x)."""
    return _silu(input, inplace)


def mish(input, inplace=False):
    """x * tanh(softplus(x))."""
    return _mish(input, inplace)


def softplus(input, beta=1.0, threshold=20.0):
    """log(1 + exp(beta * x)) / beta, and x itself where beta * x > threshold."""
    return _softplus(input, beta, threshold)


def hardswish(input, inplace=False):
    """x * min(max(x + 3, 0), 6) / 6."""
    return _hardswish(input, inplace)


def hardsigmoid(input, inplace=False):
    """min(max(x + 3, 0), 6) / 6."""
    return _hardsigmoid(input, inplace)


def logsigmoid(input):
    """log(sigmoid(x)), computed stably."""
    return _logsigmoid(input)


def softsign(input):
    """x / (1 + |x|), composed as PyTorch's functional.py composes it."""
    return input / (input.abs() + 1)


def tanhshrink(input):
    """x - tanh(x), composed as PyTorch's functional.py composes it."""
    return input - input.tanh()


def l1_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    """Mean absolute error."""
    _warn_size(input, target)
    _check_reduction(reduction)
    return _reduce((input - target).abs(), reduction)


def smooth_l1_loss(input, target, size_average=None, reduce=None, reduction="mean", beta=1.0):
    """0.5 * z² / beta where z = |input - target| < beta, else z - 0.5 * beta."""
    _warn_size(input, target)
    _check_reduction(reduction)
    if beta == 0.0:
        return l1_loss(input, target, reduction=reduction)
    input, target = _broadcast(input, target)
    return _smooth_l1_loss(input, target, reduction, beta)


def huber_loss(input, target, reduction="mean", delta=1.0, weight=None):
    """0.5 * z² where z = |input - target| < delta, else delta * (z - 0.5 * delta)."""
    _warn_size(input, target)
    _check_reduction(reduction)
    input, target = _broadcast(input, target)
    return _huber_loss(input, target, reduction, delta)


def binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None, reduction="mean"):
    """-(target * log(input) + (1 - target) * log(1 - input)), logs clamped at -100."""
    _check_reduction(reduction)
    if target.size() != input.size():
        raise ValueError(f"Using a target size ({target.size()}) that is different to the input size ({input.size()}) is deprecated. "
                         "Please ensure they have the same size.")
    if ((input < 0) | (input > 1)).any():
        raise RuntimeError("all elements of input should be between 0 and 1")
    if ((target < 0) | (target > 1)).any():
        raise RuntimeError("all elements of target should be between 0 and 1")
    return _binary_cross_entropy(input, target, weight, reduction)


def binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None, reduction="mean", pos_weight=None):
    """Binary cross entropy of sigmoid(input), computed from the logits with log-sigmoid."""
    _check_reduction(reduction)
    if not (target.size() == input.size()):
        raise ValueError(f"Target size ({target.size()}) must be the same as input size ({input.size()})")
    return _binary_cross_entropy_with_logits(input, target, weight, pos_weight, reduction)


def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean"):
    """-input[n, target[n]] (times weight[target[n]]), averaged over the weights of the targets kept."""
    _check_reduction(reduction)
    if input.dim() <= 2:
        return _nll_loss(input, target, weight, reduction, ignore_index)
    if input.size(0) != target.size(0):
        raise ValueError(f"Expected input batch_size ({input.size(0)}) to match target batch_size ({target.size(0)}).")
    if input.dim() == 4:
        return _nll_loss(input, target, weight, reduction, ignore_index)
    # Other ranks go through the 4-D kernel with their positions flattened into one map row.
    out_size = [input.size(0)] + list(input.shape[2:])
    if list(target.shape) != out_size:
        raise RuntimeError(f"Expected target size {out_size}, got {list(target.shape)}")
    n, c = input.size(0), input.size(1)
    loss = _nll_loss(input.contiguous().view(n, c, 1, -1), target.contiguous().view(n, 1, -1), weight, reduction, ignore_index)
    return loss.view(out_size) if reduction == "none" else loss


def cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean", label_smoothing=0.0):
    """log_softmax over the classes (dim 1, or 0 for one sample) then nll_loss; a target of
    the input's shape holds class probabilities instead of class indices."""
    _check_reduction(reduction)
    class_dim = 0 if input.dim() == 1 else 1
    n_classes = input.size(class_dim)
    logp = log_softmax(input, class_dim)
    if target.shape == input.shape:
        if not target.is_floating_point():
            raise RuntimeError(f"Expected floating point type for target with class probabilities, got {target.type()[6:-6]}")
        if label_smoothing > 0:
            target = target * (1 - label_smoothing) + (label_smoothing / n_classes)
        terms = logp * target
        if weight is not None:
            shape = [1] * input.dim()
            shape[class_dim] = n_classes
            terms = terms * weight.view(shape)
        if reduction == "mean":
            return _div_scalar(-terms.sum(), input.numel() // n_classes)
        if reduction == "sum":
            return -terms.sum()
        return -terms.sum(class_dim)
    nll = nll_loss(logp, target, weight, ignore_index=ignore_index, reduction=reduction)
    if label_smoothing <= 0:
        return nll
    ignore_mask = target == ignore_index
    if weight is not None:
        shape = [1] * input.dim()
        shape[class_dim] = n_classes
        smooth_loss = -(logp * weight.view(shape)).sum(class_dim)
    else:
        smooth_loss = -logp.sum(class_dim)
    smooth_loss = smooth_loss.masked_fill(ignore_mask, 0.0)
    if reduction == "mean":
        if weight is not None:
            ret = smooth_loss.sum() / weight.gather(0, target.masked_select(~ignore_mask).flatten()).sum()
        else:
            ret = smooth_loss.sum() / (~ignore_mask).sum()
    elif reduction == "sum":
        ret = smooth_loss.sum()
    else:
        ret = smooth_loss
    return (1 - label_smoothing) * nll + ret * (label_smoothing / n_classes)


def embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False, sparse=False):
    """The rows of weight at the indices in input (the padding row gets no gradient); with
    max_norm, the rows looked up are first scaled in place to norms of at most max_norm."""
    if padding_idx is not None and padding_idx < 0:
        padding_idx = weight.size(0) + padding_idx
    if max_norm is not None:
        _embedding_renorm(weight, input, max_norm, norm_type)
    return _embedding(input, weight, padding_idx)


def _embedding_renorm(weight, input, max_norm, norm_type):
    """Scale in place each looked-up row of weight whose norm exceeds max_norm down to it."""
    with torch.no_grad():
        for index in input.reshape(-1).unique().tolist():
            norm = weight[index].norm(norm_type).item()
            if norm > max_norm:
                weight[index] *= max_norm / (norm + 1e-7)


def bilinear(input1, input2, weight, bias=None):
    """y = x1ᵀ A x2 + b for each output feature."""
    out = torch.einsum("...i,oij,...j->...o", input1, weight, input2)
    return out if bias is None else out + bias


def one_hot(tensor, num_classes=-1):
    """Each index as a row of zeros with a one at that index (int64)."""
    if num_classes == -1:
        num_classes = int(tensor.max().item()) + 1
    return (tensor.unsqueeze(-1) == torch.arange(num_classes)).long()

"""#
}
