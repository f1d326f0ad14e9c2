extension TorchPythonSources {
    /// `torch.optim.Optimizer`, the base class: parameter groups, per-parameter state, `zero_grad`, `state_dict`/`load_state_dict`, PyTorch's repr.
    static let optimizer = #"""
"""What every optimizer shares: parameter groups, per-parameter state, zero_grad."""

import torch
from collections import defaultdict


class _RequiredParameter:
    """Singleton class representing a required parameter for an Optimizer."""

    __module__ = "torch.optim.optimizer"

    def __repr__(self):
        return "<required parameter>"


required = _RequiredParameter()


def _scalar_dtype():
    # The dtype of the step counters, as PyTorch's _get_scalar_dtype.
    return torch.float64 if torch.get_default_dtype() == torch.float64 else torch.float32


def _typename(obj):
    # torch.typename: a tensor's type string, else the qualified name of the object's type.
    if isinstance(obj, torch.Tensor):
        return obj.type()
    module = getattr(type(obj), "__module__", "builtins")
    if module in ("", "builtins"):
        return type(obj).__name__
    return f"{module}.{type(obj).__name__}"


def _copy_nested(value):
    # A copy of nested dicts, lists and tuples whose leaves are shared (deepcopy's part that
    # load_state_dict needs: the saved groups must not be changed).
    if isinstance(value, dict):
        return {k: _copy_nested(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy_nested(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_copy_nested(v) for v in value)
    return value


class Optimizer:
    """What every optimizer shares: parameter groups, per-parameter state, zero_grad."""

    # The module PyTorch defines the class in, which its repr shows (each class here names its own).
    __module__ = "torch.optim.optimizer"

    def __init__(self, params, defaults):
        self.defaults = defaults
        if isinstance(params, torch.Tensor):
            raise TypeError(
                "params argument given to the optimizer should be "
                "an iterable of Tensors or dicts, but got " + _typename(params)
            )
        self.state = defaultdict(dict)
        self.param_groups = []

        param_groups = list(params)
        if len(param_groups) == 0:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(param_groups[0], dict):
            param_groups = [{"params": param_groups}]

        for param_group in param_groups:
            self.add_param_group(param_group)

    def __getstate__(self):
        return {
            "defaults": self.defaults,
            "state": self.state,
            "param_groups": self.param_groups,
        }

    def __setstate__(self, state):
        self.__dict__.update(state)

    def __repr__(self):
        format_string = self.__class__.__name__ + " ("
        for i, group in enumerate(self.param_groups):
            format_string += "\n"
            format_string += f"Parameter Group {i}\n"
            for key in sorted(group.keys()):
                if key != "params":
                    format_string += f"    {key}: {group[key]}\n"
        format_string += ")"
        return format_string

    def state_dict(self):
        """The options and per-parameter state, with parameters numbered, for saving."""
        param_mappings = {}
        start_index = 0

        def pack_group(group):
            nonlocal start_index
            packed = {k: v for k, v in group.items() if k != "params"}
            param_mappings.update(
                {
                    id(p): i
                    for i, p in enumerate(group["params"], start_index)
                    if id(p) not in param_mappings
                }
            )
            packed["params"] = [param_mappings[id(p)] for p in group["params"]]
            start_index += len(packed["params"])
            return packed

        param_groups = [pack_group(g) for g in self.param_groups]
        # Remap state to use order indices as keys
        packed_state = {
            (param_mappings[id(k)] if isinstance(k, torch.Tensor) else k): v
            for k, v in self.state.items()
        }
        return {
            "state": packed_state,
            "param_groups": param_groups,
        }

    @staticmethod
    def _process_value_according_to_param_policy(param, value, key):
        # Floating-point state follows the parameter's dtype; the step counter stays as saved.
        if key == "step":
            return value
        if param.is_floating_point():
            return value.to(dtype=param.dtype)
        return value

    def load_state_dict(self, state_dict):
        """Restore what state_dict() returned."""
        state_dict = state_dict.copy()
        groups = self.param_groups
        # Deepcopy, to be consistent with module API
        saved_groups = _copy_nested(state_dict["param_groups"])

        if len(groups) != len(saved_groups):
            raise ValueError(
                "loaded state dict has a different number of parameter groups"
            )
        param_lens = (len(g["params"]) for g in groups)
        saved_lens = (len(g["params"]) for g in saved_groups)
        if any(p_len != s_len for p_len, s_len in zip(param_lens, saved_lens)):
            raise ValueError(
                "loaded state dict contains a parameter group "
                "that doesn't match the size of optimizer's group"
            )

        # Update the state
        id_map = {}
        for saved_group, group in zip(saved_groups, groups):
            for saved_id, param in zip(saved_group["params"], group["params"]):
                id_map[saved_id] = param

        def _cast(param, value, key=None):
            # Make a deep copy of value, casting all tensors to the parameter's dtype.
            if isinstance(value, torch.Tensor):
                return Optimizer._process_value_according_to_param_policy(param, value, key)
            elif isinstance(value, dict):
                return {k: _cast(param, v, key=k) for k, v in value.items()}
            elif isinstance(value, (list, tuple)):
                return type(value)(_cast(param, v) for v in value)
            else:
                return value

        # Copy state assigned to params (and cast tensors to appropriate types).
        # State that is not assigned to params is copied as is (needed for
        # backward compatibility).
        state = defaultdict(dict)
        for k, v in state_dict["state"].items():
            if k in id_map:
                param = id_map[k]
                state[param] = _cast(param, v)
            else:
                state[k] = v

        # Update parameter groups, setting their 'params' value
        def update_group(group, new_group):
            new_group["params"] = group["params"]
            return new_group

        param_groups = [update_group(g, ng) for g, ng in zip(groups, saved_groups)]
        self.__setstate__({"state": state, "param_groups": param_groups})

    def zero_grad(self, set_to_none=True):
        """Set every parameter's gradient to None, or to zeros with set_to_none=False."""
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is not None:
                    if set_to_none:
                        p.grad = None
                    else:
                        if p.grad.grad_fn is not None:
                            p.grad.detach_()
                        else:
                            p.grad.requires_grad_(False)
                        p.grad.zero_()

    def step(self, closure=None):
        """Update the parameters once from their gradients."""
        raise NotImplementedError

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
        if isinstance(params, torch.Tensor):
            param_group["params"] = [params]
        elif isinstance(params, set):
            raise TypeError(
                "optimizer parameters need to be organized in ordered collections, but "
                "the ordering of tensors in sets will change between runs. Please use a list instead."
            )
        else:
            param_group["params"] = list(params)

        extracted_param_tensors = []
        extracted_param_names = []
        for param in param_group["params"]:
            if isinstance(param, tuple):
                extracted_param_names.append(param[0])
                extracted_param_tensors.append(param[1])
            else:
                extracted_param_tensors.append(param)

        param_group["params"] = extracted_param_tensors
        if len(extracted_param_names) != 0:
            if len(extracted_param_names) == len(extracted_param_tensors):
                param_group["param_names"] = extracted_param_names
            else:
                raise ValueError(
                    "all optimizer params should be with/without names. Some param names are missing"
                )

        for param in param_group["params"]:
            if not isinstance(param, torch.Tensor):
                raise TypeError(
                    "optimizer can only optimize Tensors, "
                    "but one of the params is " + _typename(param)
                )
            if not self.defaults.get("differentiable", None) and not (
                param.is_leaf or param.retains_grad
            ):
                raise ValueError("can't optimize a non-leaf Tensor")

        for name, default in self.defaults.items():
            if default is required and name not in param_group:
                raise ValueError(
                    f"parameter group didn't specify a value of required optimization parameter {name}"
                )
            else:
                param_group.setdefault(name, default)

        for group in self.param_groups:
            if ("param_names" in param_group) != ("param_names" in group):
                current_group_txt = (
                    "with names" if "param_names" in param_group else "without names"
                )
                raise ValueError(
                    "all optimizer param groups should be with/without names. "
                    f"cannot add param group {current_group_txt} to the optimizer"
                )
            for p in group["params"]:
                for q in param_group["params"]:
                    if p is q:
                        raise ValueError("some parameters appear in more than one parameter group")

        self.param_groups.append(param_group)
"""#
}
