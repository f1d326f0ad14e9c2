extension TorchPythonSources {
    /// `torch.distributions`: Normal, Uniform, Bernoulli, Categorical and Multinomial with their
    /// samples drawn from the seeded stream as PyTorch draws them, log_prob, entropy, moments,
    /// PyTorch's reprs and argument checks.
    static let distributions = #"""
import math
import torch


def _shape_of(*shapes):
    """The broadcast of several shapes."""
    rank = max([len(s) for s in shapes] + [0])
    out = []
    for k in range(rank):
        size = 1
        for s in shapes:
            i = len(s) - rank + k
            if i >= 0 and s[i] != 1:
                if size != 1 and s[i] != size:
                    raise RuntimeError(f"The size of tensor a ({size}) must match the size of tensor b ({s[i]}) at non-singleton dimension {k}")
                size = s[i]
        out.append(size)
    return torch.Size(out)


def _broadcast(*values):
    """Numbers and tensors broadcast to one shape, numbers in the first tensor's dtype."""
    dtype = torch.get_default_dtype()
    for v in values:
        if isinstance(v, torch.Tensor):
            dtype = v.dtype
            break
    tensors = [v if isinstance(v, torch.Tensor) else torch.tensor(float(v), dtype=dtype) for v in values]
    shape = _shape_of(*[t.shape for t in tensors])
    return [t if t.shape == shape else t.expand(shape) for t in tensors]


def _eps(dtype):
    """The machine epsilon of a float dtype (torch.finfo(dtype).eps)."""
    if dtype == torch.float64:
        return 2.220446049250313e-16
    if dtype == torch.float16:
        return 0.0009765625
    if dtype == torch.bfloat16:
        return 0.0078125
    return 1.1920928955078125e-07


def _lowest(dtype):
    """The most negative finite value of a float dtype (torch.finfo(dtype).min)."""
    if dtype == torch.float64:
        return -1.7976931348623157e+308
    if dtype == torch.float16:
        return -65504.0
    if dtype == torch.bfloat16:
        return -3.3895313892515355e+38
    return -3.4028234663852886e+38


def _clamped_probs(probs):
    eps = _eps(probs.dtype)
    return probs.clamp(min=eps, max=1 - eps)


def _bound(value):
    """A constraint's bound as its repr shows it: a one-number tensor as the number."""
    return value.item() if isinstance(value, torch.Tensor) and value.dim() == 0 else value


class _Constraint:
    """A set of allowed values: check(value) is a bool tensor."""

    def __repr__(self):
        return type(self).__name__[1:] + "()"


class _Real(_Constraint):
    def check(self, value):
        return value == value


class _GreaterThan(_Constraint):
    def __init__(self, lower_bound):
        self.lower_bound = lower_bound

    def check(self, value):
        return self.lower_bound < value

    def __repr__(self):
        return f"GreaterThan(lower_bound={_bound(self.lower_bound)})"


class _LessThan(_Constraint):
    def __init__(self, upper_bound):
        self.upper_bound = upper_bound

    def check(self, value):
        return value < self.upper_bound

    def __repr__(self):
        return f"LessThan(upper_bound={_bound(self.upper_bound)})"


class _Interval(_Constraint):
    def __init__(self, lower_bound, upper_bound):
        self.lower_bound = lower_bound
        self.upper_bound = upper_bound

    def check(self, value):
        return (self.lower_bound <= value) & (value <= self.upper_bound)

    def __repr__(self):
        return f"Interval(lower_bound={_bound(self.lower_bound)}, upper_bound={_bound(self.upper_bound)})"


class _Boolean(_Constraint):
    def check(self, value):
        return (value == 0) | (value == 1)


class _Simplex(_Constraint):
    def check(self, value):
        return torch.all(value >= 0, dim=-1) & ((value.sum(-1) - 1).abs() < 1e-6)


class _IntegerInterval(_Constraint):
    def __init__(self, lower_bound, upper_bound):
        self.lower_bound = lower_bound
        self.upper_bound = upper_bound

    def check(self, value):
        return (value % 1 == 0) & (self.lower_bound <= value) & (value <= self.upper_bound)

    def __repr__(self):
        return f"IntegerInterval(lower_bound={self.lower_bound}, upper_bound={self.upper_bound})"


class _Multinomial(_Constraint):
    """Nonnegative counts summing to at most upper_bound, checked per event."""

    def __init__(self, upper_bound):
        self.upper_bound = upper_bound

    def check(self, value):
        return (value >= 0).all(dim=-1) & (value.sum(dim=-1) <= self.upper_bound)


class _Dependent(_Constraint):
    def check(self, value):
        raise ValueError("Cannot determine validity of dependent constraint")


class constraints:
    """The constraints distributions check their arguments and values against."""

    Constraint = _Constraint
    real = _Real()
    positive = _GreaterThan(0.0)
    unit_interval = _Interval(0.0, 1.0)
    boolean = _Boolean()
    simplex = _Simplex()
    dependent = _Dependent()
    greater_than = _GreaterThan
    less_than = _LessThan
    interval = _Interval
    integer_interval = _IntegerInterval
    multinomial = _Multinomial


def _described(value):
    return value.item() if value.dim() == 0 else value


class Distribution:
    """The base class: shapes, argument checks, sampling through rsample, moments."""

    __module__ = "torch.distributions.distribution"

    has_rsample = False
    has_enumerate_support = False
    _validate_default = True
    arg_constraints = {}
    support = None

    @staticmethod
    def set_default_validate_args(value):
        """Whether new distributions check their arguments and values."""
        if value not in [True, False]:
            raise ValueError
        Distribution._validate_default = value

    def __init__(self, batch_shape=torch.Size(), event_shape=torch.Size(), validate_args=None):
        self._batch_shape = torch.Size(batch_shape)
        self._event_shape = torch.Size(event_shape)
        self._validate_args = Distribution._validate_default if validate_args is None else validate_args
        if self._validate_args:
            for name, constraint in self.arg_constraints.items():
                if isinstance(constraint, _Dependent) or name not in self.__dict__:
                    continue
                value = getattr(self, name)
                if not bool(constraint.check(value).all()):
                    raise ValueError(
                        f"Expected parameter {name} (Tensor of shape {tuple(value.shape)}) of distribution {self!r} "
                        f"to satisfy the constraint {constraint!r}, but found invalid values:\n{_described(value)}")

    @property
    def batch_shape(self):
        return self._batch_shape

    @property
    def event_shape(self):
        return self._event_shape

    @property
    def mean(self):
        raise NotImplementedError

    @property
    def variance(self):
        raise NotImplementedError

    @property
    def stddev(self):
        return self.variance.sqrt()

    def _extended_shape(self, sample_shape=torch.Size()):
        return torch.Size(tuple(sample_shape) + tuple(self._batch_shape) + tuple(self._event_shape))

    def sample(self, sample_shape=torch.Size()):
        """A sample (or a batch of them, `sample_shape` in front) cut off from the graph."""
        with torch.no_grad():
            return self.rsample(sample_shape)

    def rsample(self, sample_shape=torch.Size()):
        """A reparameterized sample, through which gradients flow."""
        raise NotImplementedError

    def sample_n(self, n):
        """`n` samples."""
        return self.sample(torch.Size((n,)))

    def log_prob(self, value):
        raise NotImplementedError

    def cdf(self, value):
        raise NotImplementedError

    def icdf(self, value):
        raise NotImplementedError

    def entropy(self):
        raise NotImplementedError

    def perplexity(self):
        """exp(entropy)."""
        return torch.exp(self.entropy())

    def _validate_sample(self, value):
        if not isinstance(value, torch.Tensor):
            raise ValueError("The value argument to log_prob must be a Tensor")
        event_dims = len(self._event_shape)
        if tuple(value.shape[len(value.shape) - event_dims:]) != tuple(self._event_shape):
            raise ValueError(f"The right-most size of value must match event_shape: {value.shape} vs {self._event_shape}.")
        valid = self.support.check(value)
        if not bool(valid.all()):
            raise ValueError(
                f"Expected value argument ({type(value).__name__} of shape {tuple(value.shape)}) to be within the support "
                f"({self.support!r}) of the distribution {self!r}, but found invalid values:\n{_described(value)}")

    def __repr__(self):
        shown = []
        for name in self.arg_constraints:
            if name in self.__dict__:
                value = self.__dict__[name]
                shown.append(f"{name}: {_described(value) if value.numel() == 1 else value.size()}")
        return type(self).__name__ + "(" + ", ".join(shown) + ")"


class _ProbsOrLogits(Distribution):
    """Distributions given by probs or by logits; the other is computed when first read."""

    def _set_parameter(self, probs, logits):
        if (probs is None) == (logits is None):
            raise ValueError("Either `probs` or `logits` must be specified, but not both.")

    def __getattr__(self, name):
        if name == "logits" and "probs" in self.__dict__:
            self.__dict__["logits"] = self._logits_of(self.__dict__["probs"])
            return self.__dict__["logits"]
        if name == "probs" and "logits" in self.__dict__:
            self.__dict__["probs"] = self._probs_of(self.__dict__["logits"])
            return self.__dict__["probs"]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")


class Normal(Distribution):
    """The normal distribution N(loc, scale²)."""

    __module__ = "torch.distributions.normal"

    arg_constraints = {"loc": constraints.real, "scale": constraints.positive}
    support = constraints.real
    has_rsample = True

    def __init__(self, loc, scale, validate_args=None):
        self.loc, self.scale = _broadcast(loc, scale)
        super().__init__(self.loc.size(), validate_args=validate_args)

    @property
    def mean(self):
        return self.loc

    @property
    def mode(self):
        return self.loc

    @property
    def stddev(self):
        return self.scale

    @property
    def variance(self):
        return self.stddev.pow(2)

    def sample(self, sample_shape=torch.Size()):
        shape = self._extended_shape(sample_shape)
        with torch.no_grad():
            return torch.normal(self.loc.expand(shape), self.scale.expand(shape))

    def rsample(self, sample_shape=torch.Size()):
        shape = self._extended_shape(sample_shape)
        noise = torch.empty(shape, dtype=self.loc.dtype).normal_()
        return self.loc + noise * self.scale

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        var = self.scale ** 2
        log_scale = self.scale.log()
        return -((value - self.loc) ** 2) / (2 * var) - log_scale - math.log(math.sqrt(2 * math.pi))

    def cdf(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return 0.5 * (1 + torch.erf((value - self.loc) * self.scale.reciprocal() / math.sqrt(2)))

    def icdf(self, value):
        return self.loc + self.scale * torch.erfinv(2 * value - 1) * math.sqrt(2)

    def entropy(self):
        return 0.5 + 0.5 * math.log(2 * math.pi) + torch.log(self.scale)


class Uniform(Distribution):
    """The uniform distribution on [low, high)."""

    __module__ = "torch.distributions.uniform"

    has_rsample = True

    @property
    def arg_constraints(self):
        return {"low": constraints.less_than(self.high), "high": constraints.greater_than(self.low)}

    @property
    def support(self):
        return _Interval(self.low, self.high)

    def __init__(self, low, high, validate_args=None):
        self.low, self.high = _broadcast(low, high)
        super().__init__(self.low.size(), validate_args=validate_args)

    @property
    def mean(self):
        return (self.high + self.low) / 2

    @property
    def stddev(self):
        return (self.high - self.low) / 12 ** 0.5

    @property
    def variance(self):
        return (self.high - self.low).pow(2) / 12

    def rsample(self, sample_shape=torch.Size()):
        shape = self._extended_shape(sample_shape)
        return self.low + torch.rand(shape, dtype=self.low.dtype) * (self.high - self.low)

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        inside = self.low.le(value).type_as(self.low) * self.high.gt(value).type_as(self.low)
        return torch.log(inside) - torch.log(self.high - self.low)

    def cdf(self, value):
        if self._validate_args:
            self._validate_sample(value)
        return ((value - self.low) / (self.high - self.low)).clamp(min=0, max=1)

    def entropy(self):
        return torch.log(self.high - self.low)


class Bernoulli(_ProbsOrLogits):
    """1 with probability probs, 0 otherwise."""

    __module__ = "torch.distributions.bernoulli"

    arg_constraints = {"probs": constraints.unit_interval, "logits": constraints.real}
    support = constraints.boolean
    has_enumerate_support = True

    def __init__(self, probs=None, logits=None, validate_args=None):
        self._set_parameter(probs, logits)
        if probs is not None:
            (self.probs,) = _broadcast(probs)
            shape = self.probs.size()
        else:
            (self.logits,) = _broadcast(logits)
            shape = self.logits.size()
        super().__init__(shape, validate_args=validate_args)

    @staticmethod
    def _logits_of(probs):
        clamped = _clamped_probs(probs)
        return torch.log(clamped) - torch.log1p(-clamped)

    @staticmethod
    def _probs_of(logits):
        return torch.sigmoid(logits)

    @property
    def mean(self):
        return self.probs

    @property
    def variance(self):
        return self.probs * (1 - self.probs)

    def sample(self, sample_shape=torch.Size()):
        shape = self._extended_shape(sample_shape)
        with torch.no_grad():
            return torch.bernoulli(self.probs.expand(shape))

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        logits, value = _broadcast(self.logits, value)
        return -torch.nn.functional.binary_cross_entropy_with_logits(logits, value, reduction="none")

    def entropy(self):
        return torch.nn.functional.binary_cross_entropy_with_logits(self.logits, self.probs, reduction="none")

    def enumerate_support(self, expand=True):
        """The values 0 and 1, in a new leading dimension."""
        values = torch.arange(2, dtype=self.probs.dtype).view((-1,) + (1,) * len(self._batch_shape))
        return values.expand((-1,) + tuple(self._batch_shape)) if expand else values


class Categorical(_ProbsOrLogits):
    """One of K categories (0 to K - 1), chosen with the probabilities in the last dimension."""

    __module__ = "torch.distributions.categorical"

    arg_constraints = {"probs": constraints.simplex, "logits": constraints.real}
    has_enumerate_support = True

    def __init__(self, probs=None, logits=None, validate_args=None):
        self._set_parameter(probs, logits)
        if probs is not None:
            if probs.dim() < 1:
                raise ValueError("`probs` parameter must be at least one-dimensional.")
            self.probs = probs / probs.sum(-1, keepdim=True)
            parameter = self.probs
        else:
            if logits.dim() < 1:
                raise ValueError("`logits` parameter must be at least one-dimensional.")
            self.logits = logits - logits.logsumexp(dim=-1, keepdim=True)
            parameter = self.logits
        self._num_events = parameter.size()[-1]
        batch_shape = parameter.size()[:-1] if parameter.dim() > 1 else torch.Size()
        super().__init__(batch_shape, validate_args=validate_args)

    @staticmethod
    def _logits_of(probs):
        return torch.log(_clamped_probs(probs))

    @staticmethod
    def _probs_of(logits):
        return torch.softmax(logits, dim=-1)

    @property
    def support(self):
        return _IntegerInterval(0, self._num_events - 1)

    @property
    def param_shape(self):
        return self.probs.size()

    @property
    def mean(self):
        return torch.full(self._extended_shape(), float("nan"), dtype=self.probs.dtype)

    @property
    def variance(self):
        return torch.full(self._extended_shape(), float("nan"), dtype=self.probs.dtype)

    def sample(self, sample_shape=torch.Size()):
        count = 1
        for size in sample_shape:
            count *= size
        rows = self.probs.reshape(-1, self._num_events)
        drawn = torch.multinomial(rows, count, True).T
        return drawn.reshape(self._extended_shape(sample_shape))

    def log_prob(self, value):
        if self._validate_args:
            self._validate_sample(value)
        value = value.long().unsqueeze(-1)
        shape = _shape_of(value.shape, self.logits.shape)
        value = value.expand(shape)[..., :1]
        return self.logits.expand(shape).gather(-1, value).squeeze(-1)

    def entropy(self):
        logits = torch.clamp(self.logits, min=_lowest(self.logits.dtype))
        return -(logits * self.probs).sum(-1)

    def enumerate_support(self, expand=True):
        """Every category, in a new leading dimension."""
        values = torch.arange(self._num_events, dtype=torch.long).view((-1,) + (1,) * len(self._batch_shape))
        return values.expand((-1,) + tuple(self._batch_shape)) if expand else values


class Multinomial(Distribution):
    """Counts of total_count draws from a Categorical, one count per category."""

    __module__ = "torch.distributions.multinomial"

    arg_constraints = {"probs": constraints.simplex, "logits": constraints.real}

    def __init__(self, total_count=1, probs=None, logits=None, validate_args=None):
        if not isinstance(total_count, int):
            raise NotImplementedError("inhomogeneous total_count is not supported")
        self.total_count = total_count
        self._categorical = Categorical(probs=probs, logits=logits)
        batch_shape = self._categorical.batch_shape
        event_shape = self._categorical.param_shape[-1:]
        super().__init__(batch_shape, event_shape, validate_args)

    @property
    def probs(self):
        return self._categorical.probs

    @property
    def logits(self):
        return self._categorical.logits

    @property
    def support(self):
        return constraints.multinomial(self.total_count)

    @property
    def mean(self):
        return self.probs * self.total_count

    @property
    def variance(self):
        return self.total_count * self.probs * (1 - self.probs)

    def sample(self, sample_shape=torch.Size()):
        sample_shape = torch.Size(sample_shape)
        drawn = self._categorical.sample(torch.Size((self.total_count,) + tuple(sample_shape)))
        # The draws' dimension last, then counted per category.
        order = list(range(drawn.dim()))
        order.append(order.pop(0))
        drawn = drawn.permute(*order)
        counts = torch.zeros(self._extended_shape(sample_shape), dtype=drawn.dtype)
        counts.scatter_add_(-1, drawn, torch.ones_like(drawn))
        return counts.type_as(self.probs)

    def log_prob(self, value):
        """log(n! / (x₁!…xₖ!)) + Σ xᵢ·logitᵢ, a logit of -inf counting nothing where xᵢ is 0."""
        if self._validate_args:
            self._validate_sample(value)
        logits, value = _broadcast(self.logits, value)
        logits = logits.clone()
        log_factorial_n = torch.lgamma(value.sum(-1) + 1)
        log_factorial_xs = torch.lgamma(value + 1).sum(-1)
        logits[(value == 0) & (logits == -math.inf)] = 0
        log_powers = (logits * value).sum(-1)
        return log_factorial_n - log_factorial_xs + log_powers

"""#
}
