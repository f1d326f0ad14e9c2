extension TorchPythonSources {
    /// `torch.optim.Optimizer`, the base class: parameter groups, per-parameter state, `zero_grad`, `state_dict`/`load_state_dict`, PyTorch's repr.
    static let optimizer = #"""
"""What every optimizer shares: parameter groups, per-parameter state, zero_grad."""

import functools
import warnings
import torch
from collections import defaultdict


class _RequiredParameter:
    """The default of an option that each parameter group has to give itself."""

    __module__ = "torch.optim.optimizer"

    def __repr__(self):
        return "<required parameter>"


required = _RequiredParameter()


def _scalar_dtype():
    # Step counters are 0-dim tensors: float64 when that is the default dtype, else float32.
    return torch.float64 if torch.get_default_dtype() == torch.float64 else torch.float32


def _type_name(value):
    # How PyTorch's messages name a value's type: a tensor's type string, else module.Class.
    if isinstance(value, torch.Tensor):
        return value.type()
    module = getattr(type(value), "__module__", "builtins")
    if module in ("", "builtins"):
        return type(value).__name__
    return f"{module}.{type(value).__name__}"


def _check_options(options):
    # Options that must be at least zero (a NaN is refused too), in the order PyTorch checks them.
    lr = options.get("lr")
    if isinstance(lr, torch.Tensor) and lr.numel() != 1:
        raise ValueError("Tensor lr must be 1-element")
    for name, value in options.items():
        if not 0.0 <= value:
            what = {"lr": "learning rate", "eps": "epsilon value"}.get(name, name + " value")
            raise ValueError(f"Invalid {what}: {value}")


def _reset_grad(param, set_to_none):
    # zero_grad's work for one parameter: drop the gradient, or zero it cut off from any graph.
    grad = param.grad
    if grad is None:
        return
    if set_to_none:
        param.grad = None
        return
    if grad.grad_fn is not None:
        grad.detach_()
    else:
        grad.requires_grad_(False)
    grad.zero_()


def _unshared(value):
    # Fresh dicts, lists and tuples around the same leaves: loading a state dict must not let the
    # optimizer share containers with the dict it was given.
    if isinstance(value, dict):
        return {key: _unshared(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_unshared(item) for item in value)
    return value


def _state_for(param, value, key=None):
    # A saved state entry made ready for its parameter: floating tensors take its dtype, except
    # the step counter; containers are rebuilt around their converted contents.
    if isinstance(value, torch.Tensor):
        if key != "step" and param.is_floating_point():
            return value.to(dtype=param.dtype)
        return value
    if isinstance(value, dict):
        return {k: _state_for(param, item, k) for k, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_state_for(param, item) for item in value)
    return value


class Optimizer:
    """What every optimizer shares: parameter groups, per-parameter state, zero_grad."""

    # The module PyTorch defines the class in, which its repr shows (each class here names its own).
    __module__ = "torch.optim.optimizer"

    def __init_subclass__(cls, **kwargs):
        # Each optimizer's step() notes that it ran, so that a schedule stepped before its
        # optimizer can say so.
        super().__init_subclass__(**kwargs)
        step = cls.__dict__.get("step")
        if step is not None:
            @functools.wraps(step)
            def step_noting_the_call(self, *args, **kwargs):
                self._opt_called = True
                return step(self, *args, **kwargs)
            cls.step = step_noting_the_call

    def __init__(self, params, defaults):
        self.defaults = defaults
        if isinstance(params, torch.Tensor):
            raise TypeError("params argument given to the optimizer should be an iterable of "
                            "Tensors or dicts, but got " + _type_name(params))
        self.state = defaultdict(dict)
        self.param_groups = []
        groups = list(params)
        if not groups:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(groups[0], dict):
            groups = [{"params": groups}]
        for group in groups:
            self.add_param_group(group)

    def __repr__(self):
        text = type(self).__name__ + " ("
        for index, group in enumerate(self.param_groups):
            options = "".join(f"    {key}: {group[key]}\n" for key in sorted(group) if key != "params")
            text += f"\nParameter Group {index}\n{options}"
        return text + ")"

    def _numbering(self):
        # Each parameter's number in a state dict: its position across the groups, in the first
        # group that has it (within that group its last position, as PyTorch numbers them).
        numbers = {}
        position = 0
        for group in self.param_groups:
            seen_before = set(numbers)
            for param in group["params"]:
                if id(param) not in seen_before:
                    numbers[id(param)] = position
                position += 1
        return numbers

    def state_dict(self):
        """The options and per-parameter state, with parameters numbered, for saving."""
        numbers = self._numbering()
        groups = []
        for group in self.param_groups:
            saved = {key: value for key, value in group.items() if key != "params"}
            saved["params"] = [numbers[id(param)] for param in group["params"]]
            groups.append(saved)
        state = {(numbers[id(key)] if isinstance(key, torch.Tensor) else key): value
                 for key, value in self.state.items()}
        return {"state": state, "param_groups": groups}

    def load_state_dict(self, state_dict):
        """Restore what state_dict() returned."""
        saved_groups = _unshared(state_dict["param_groups"])
        if len(saved_groups) != len(self.param_groups):
            raise ValueError("loaded state dict has a different number of parameter groups")
        pairs = list(zip(self.param_groups, saved_groups))
        if any(len(group["params"]) != len(saved["params"]) for group, saved in pairs):
            raise ValueError("loaded state dict contains a parameter group "
                             "that doesn't match the size of optimizer's group")
        param_numbered = {}
        for group, saved in pairs:
            param_numbered.update(zip(saved["params"], group["params"]))
        state = defaultdict(dict)
        for key, value in state_dict["state"].items():
            if key in param_numbered:
                param = param_numbered[key]
                state[param] = _state_for(param, value)
            else:
                state[key] = value
        for group, saved in pairs:
            saved["params"] = group["params"]
        self.state = state
        self.param_groups = saved_groups

    def zero_grad(self, set_to_none=True):
        """Set every parameter's gradient to None, or to zeros with set_to_none=False."""
        for group in self.param_groups:
            for param in group["params"]:
                _reset_grad(param, set_to_none)

    def step(self, closure=None):
        """Update the parameters once from their gradients."""
        raise NotImplementedError

    def _gradients(self, group):
        # Each parameter of the group that has a gradient, with it (negated under maximize).
        for param in group["params"]:
            if param.grad is not None:
                yield param, (-param.grad if group["maximize"] else param.grad)

    def _closure_loss(self, closure):
        # A step evaluates its closure with gradients on, and updates without them.
        if closure is None:
            return None
        with torch.enable_grad():
            return closure()

    def add_param_group(self, param_group):
        """Add another group of parameters, with options of its own."""
        if not isinstance(param_group, dict):
            raise TypeError(f"param_group must be a dict, but got {type(param_group)}")
        params = param_group["params"]
        if isinstance(params, set):
            raise TypeError("optimizer parameters need to be organized in ordered collections, but the "
                            "ordering of tensors in sets will change between runs. Please use a list instead.")
        params = [params] if isinstance(params, torch.Tensor) else list(params)

        # Parameters may come as (name, tensor) pairs, all of them or none.
        named = [entry for entry in params if isinstance(entry, tuple)]
        if named:
            if len(named) != len(params):
                raise ValueError("all optimizer params should be with/without names. Some param names are missing")
            param_group["param_names"] = [name for name, _ in named]
            params = [tensor for _, tensor in named]
        param_group["params"] = params

        for param in params:
            if not isinstance(param, torch.Tensor):
                raise TypeError("optimizer can only optimize Tensors, but one of the params is " + _type_name(param))
            if not self.defaults.get("differentiable", None) and not (param.is_leaf or param.retains_grad):
                raise ValueError("can't optimize a non-leaf Tensor")

        for name, default in self.defaults.items():
            if default is required and name not in param_group:
                raise ValueError(f"parameter group didn't specify a value of required optimization parameter {name}")
            param_group.setdefault(name, default)

        has_names = "param_names" in param_group
        for group in self.param_groups:
            if ("param_names" in group) != has_names:
                kind = "with names" if has_names else "without names"
                raise ValueError("all optimizer param groups should be with/without names. "
                                 f"cannot add param group {kind} to the optimizer")
        if len({id(param) for param in params}) != len(params):
            warnings.warn("optimizer contains a parameter group with duplicate parameters; in future, "
                          "this will cause an error; see github.com/pytorch/pytorch/issues/40967 for more information")
        taken = {id(param) for group in self.param_groups for param in group["params"]}
        if any(id(param) in taken for param in params):
            raise ValueError("some parameters appear in more than one parameter group")

        self.param_groups.append(param_group)
"""#
}
