extension TorchPythonSources {
    /// `torch.optim.lr_scheduler`: `LRScheduler` and `StepLR`, `MultiStepLR`, `ExponentialLR`, `LambdaLR`, `CosineAnnealingLR`, with PyTorch's closed and chainable forms.
    static let lrScheduler = #"""
"""Learning-rate schedules: each step() sets every parameter group's lr from the schedule."""

import math
import warnings
import torch
from torch.optim import Optimizer


_STEPPED_BEFORE_OPTIMIZER = (
    "Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, you "
    "should call them in the opposite order: `optimizer.step()` before `lr_scheduler.step()`.  Failure to do "
    "this will result in PyTorch skipping the first value of the learning rate schedule. See more details at "
    "https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate")
_EPOCH_ARGUMENT_DEPRECATED = (
    "The epoch parameter in `scheduler.step()` was not necessary and is being deprecated where possible. "
    "Please use `scheduler.step()` to step the scheduler. During the deprecation, if epoch is different "
    "from None, the closed form is used instead of the new chainable form, where available. Please open an "
    "issue if you are unable to replicate your use case: https://github.com/pytorch/pytorch/issues/new/choose.")


class LRScheduler:
    """Base of the learning-rate schedules: each step() sets every group's lr.

    A schedule's get_lr() gives the next rates from the current ones (the chainable form, which
    composes with other schedules); step(epoch) with an explicit epoch uses the closed form
    _get_closed_form_lr() where a schedule has one."""

    _is_initial = False

    def __init__(self, optimizer, last_epoch=-1):
        if not isinstance(optimizer, Optimizer):
            raise TypeError(f"{type(optimizer).__name__} is not an Optimizer")
        self.optimizer = optimizer
        groups = optimizer.param_groups
        if last_epoch == -1:
            for group in groups:
                group.setdefault("initial_lr", group["lr"])
        else:
            # Resuming needs the rates the schedule started from.
            missing = [i for i, group in enumerate(groups) if "initial_lr" not in group]
            if missing:
                raise KeyError(
                    f"param 'initial_lr' is not specified in param_groups[{missing[0]}] when resuming scheduler with last_epoch >= 0.\n"
                    "This typically happens when:\n"
                    "1. You're trying to resume training from a checkpoint but haven't properly loaded the optimizer state\n"
                    "2. You're using last_epoch >= 0 for a fresh training run (not recommended)")
        self.base_lrs = [group["initial_lr"] for group in groups]
        self.last_epoch = last_epoch
        # Making a schedule takes its first step, which get_lr() can tell by _is_initial.
        self._step_count = 0
        self._is_initial = True
        try:
            self.step()
        finally:
            self._is_initial = False

    def state_dict(self):
        """The scheduler's attributes except the optimizer, for saving."""
        return {key: value for key, value in self.__dict__.items() if key != "optimizer"}

    def load_state_dict(self, state_dict):
        """Restore what state_dict() returned."""
        self.__dict__.update(state_dict)

    def get_last_lr(self):
        """The rates the last step() set, one per group."""
        return self._last_lr

    def get_lr(self):
        """The learning rates for the current epoch, one per group."""
        raise NotImplementedError

    def _current_lrs(self):
        return [group["lr"] for group in self.optimizer.param_groups]

    def step(self, epoch=None):
        """Move to the next epoch (or to the given one) and set every group's lr."""
        if self._step_count == 1 and not getattr(self.optimizer, "_opt_called", False):
            warnings.warn(_STEPPED_BEFORE_OPTIMIZER, UserWarning)
        self._step_count += 1
        self._get_lr_called_within_step = True
        try:
            if epoch is None:
                self.last_epoch += 1
                rates = self.get_lr()
            else:
                warnings.warn(_EPOCH_ARGUMENT_DEPRECATED, UserWarning)
                self.last_epoch = epoch
                closed_form = getattr(self, "_get_closed_form_lr", None)
                rates = closed_form() if closed_form is not None else self.get_lr()
        finally:
            self._get_lr_called_within_step = False
        for group, rate in zip(self.optimizer.param_groups, rates):
            group["lr"] = rate
        self._last_lr = self._current_lrs()


class _LRScheduler(LRScheduler):
    """The base class's older name."""


class LambdaLR(LRScheduler):
    """Each group's lr is its initial lr times lr_lambda(epoch)."""

    def __init__(self, optimizer, lr_lambda, last_epoch=-1):
        self.optimizer = optimizer
        count = len(optimizer.param_groups)
        if isinstance(lr_lambda, (list, tuple)):
            if len(lr_lambda) != count:
                raise ValueError(f"Expected {count} lr_lambdas, but got {len(lr_lambda)}")
            self.lr_lambdas = list(lr_lambda)
        else:
            self.lr_lambdas = [lr_lambda] * count
        super().__init__(optimizer, last_epoch)

    def state_dict(self):
        """The scheduler's attributes for saving; the functions themselves are not saved."""
        saved = {key: value for key, value in self.__dict__.items() if key not in ("optimizer", "lr_lambdas")}
        saved["lr_lambdas"] = [None] * len(self.lr_lambdas)
        return saved

    def load_state_dict(self, state_dict):
        """Restore what state_dict() returned, keeping this scheduler's functions."""
        self.__dict__.update({key: value for key, value in state_dict.items() if key != "lr_lambdas"})

    def get_lr(self):
        """The learning rates for the current epoch, one per group."""
        return [base * factor(self.last_epoch) for factor, base in zip(self.lr_lambdas, self.base_lrs)]


class StepLR(LRScheduler):
    """Multiplies every group's lr by gamma once per step_size steps."""

    def __init__(self, optimizer, step_size, gamma=0.1, last_epoch=-1):
        self.step_size = step_size
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        """The learning rates for the current epoch, one per group."""
        decays = self.last_epoch != 0 and self.last_epoch % self.step_size == 0
        return [rate * self.gamma if decays else rate for rate in self._current_lrs()]

    def _get_closed_form_lr(self):
        factor = self.gamma ** (self.last_epoch // self.step_size)
        return [base * factor for base in self.base_lrs]


class MultiStepLR(LRScheduler):
    """Multiplies every group's lr by gamma at each milestone step."""

    def __init__(self, optimizer, milestones, gamma=0.1, last_epoch=-1):
        # A milestone given twice decays twice.
        self.milestones = {}
        for milestone in milestones:
            self.milestones[milestone] = self.milestones.get(milestone, 0) + 1
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        """The learning rates for the current epoch, one per group."""
        times = self.milestones.get(self.last_epoch, 0)
        if times == 0:
            return self._current_lrs()
        return [rate * self.gamma ** times for rate in self._current_lrs()]

    def _get_closed_form_lr(self):
        passed = sum(times for milestone, times in self.milestones.items() if milestone <= self.last_epoch)
        return [base * self.gamma ** passed for base in self.base_lrs]


class ExponentialLR(LRScheduler):
    """Multiplies every group's lr by gamma at each step."""

    def __init__(self, optimizer, gamma, last_epoch=-1):
        self.gamma = gamma
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        """The learning rates for the current epoch, one per group."""
        if self._is_initial:
            return self._current_lrs()
        return [rate * self.gamma for rate in self._current_lrs()]

    def _get_closed_form_lr(self):
        return [base * self.gamma ** self.last_epoch for base in self.base_lrs]


class CosineAnnealingLR(LRScheduler):
    """The lr follows half a cosine from its start down to eta_min over T_max steps."""

    def __init__(self, optimizer, T_max, eta_min=0.0, last_epoch=-1):
        self.T_max = T_max
        self.eta_min = eta_min
        super().__init__(optimizer, last_epoch)

    def _on_curve(self, base, epoch):
        # The closed form: where the cosine from base to eta_min is at this epoch.
        return self.eta_min + (base - self.eta_min) * (1 + math.cos(epoch * math.pi / self.T_max)) / 2

    def get_lr(self):
        """The learning rates for the current epoch, one per group."""
        epoch, low, period = self.last_epoch, self.eta_min, self.T_max
        rates = self._current_lrs()
        if self._is_initial:
            return rates
        if self._step_count == 1 and epoch > 0:
            # The first step of a resumed schedule: straight onto the curve.
            return [self._on_curve(base, epoch) for base in self.base_lrs]
        if (epoch - 1 - period) % (2 * period) == 0:
            # Past the bottom the cosine turns up again: add the first step's drop back.
            return [rate + (base - low) * (1 - math.cos(math.pi / period)) / 2
                    for base, rate in zip(self.base_lrs, rates)]
        # Otherwise scale the distance above eta_min by the ratio of consecutive cosine points.
        ratio = (1 + math.cos(math.pi * epoch / period)) / (1 + math.cos(math.pi * (epoch - 1) / period))
        return [ratio * (rate - low) + low for rate in rates]

    def _get_closed_form_lr(self):
        return [self._on_curve(base, self.last_epoch) for base in self.base_lrs]
"""#
}
