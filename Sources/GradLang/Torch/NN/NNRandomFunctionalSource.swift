/// Random functions of `nn.functional` written over the seeded generator: `gumbel_softmax`,
/// `alpha_dropout` and `feature_alpha_dropout`, and the layer `nn.AlphaDropout`. Each draws as
/// PyTorch does (the same calls in the same order), so seeded results equal PyTorch's.
enum NNRandomFunctionalSource {
    static let functional = #"""


def gumbel_softmax(logits, tau=1, hard=False, eps=1e-10, dim=-1):
    """softmax((logits + g) / tau) over dim, g drawn from the Gumbel distribution (-log of an
    exponential draw); with hard=True the one-hot of its largest entry, whose gradient is the
    soft sample's."""
    if eps != 1e-10:
        warnings.warn("`eps` parameter is deprecated and has no effect.", stacklevel=2)
    gumbels = -torch.empty_like(logits).exponential_().log()
    y_soft = ((logits + gumbels) / tau).softmax(dim)
    if not hard:
        return y_soft
    index = y_soft.max(dim, keepdim=True)[1]
    y_hard = torch.zeros_like(logits).scatter_(dim, index, 1.0)
    return y_hard - y_soft.detach() + y_soft


def _alpha_dropout(input, p, training, inplace, noise_shape):
    # PyTorch's _dropout_impl with alpha: keep with probability 1 - p, dropped elements go to
    # SELU's negative saturation, then an affine map restores mean 0 and variance 1.
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if p == 0 or not training or input.numel() == 0:
        return input
    if p == 1:
        return input.mul_(torch.zeros((), dtype=input.dtype)) if inplace else input.mul(torch.zeros((), dtype=input.dtype))
    noise = torch.empty(noise_shape, dtype=input.dtype).bernoulli_(1 - p)
    alpha = 1.7580993408473766
    a = 1.0 / math.sqrt((alpha * alpha * p + 1) * (1 - p))
    shift = noise.add(-1).mul_(alpha * a).add_(alpha * a * p)
    noise.mul_(a)
    return input.mul_(noise).add_(shift) if inplace else input.mul(noise).add_(shift)


def alpha_dropout(input, p=0.5, training=False, inplace=False):
    """Dropout for SELU networks: each element dropped with probability p (while training) to
    the value that keeps the mean and variance of a standard normal input."""
    return _alpha_dropout(input, p, training, inplace, input.shape)


def feature_alpha_dropout(input, p=0.5, training=False, inplace=False):
    """alpha_dropout of whole channels: one draw per (sample, channel)."""
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if training and p != 0 and input.dim() < 2:
        raise RuntimeError("Feature dropout requires at least 2 dimensions in the input")
    shape = list(input.shape[:2]) + [1] * (input.dim() - 2)
    return _alpha_dropout(input, p, training, inplace, shape)

"""#

    static let layers = #"""


__name__ = "torch.nn.modules.dropout"


class AlphaDropout(Dropout):
    """F.alpha_dropout while training (dropped elements to SELU's saturation value, then mean 0
    and variance 1 restored); in eval mode it returns its input."""

    def forward(self, input):
        return F.alpha_dropout(input, self.p, self.training)

"""#
}
