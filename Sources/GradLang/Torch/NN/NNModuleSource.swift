/// `nn.Module`, the base class of every layer and model, written as PyTorch writes it: attribute assignment files parameters, sub-modules and buffers into their own
/// dicts, which the tree walks (`parameters()`, `state_dict()`, `repr`) read in order; forward and
/// backward hooks run around each call (the backward ones through `torch.utils.hooks.BackwardHook`,
/// `TorchPythonSources.backwardHook`).
enum NNModuleSource {
    static let text = #"""
import collections
import warnings
from collections import OrderedDict


__name__ = "torch.nn.modules.module"  # where PyTorch defines these: what type() and help() show


def _addindent(s_, numSpaces):
    s = s_.split("\n")
    if len(s) == 1:
        return s_
    first = s.pop(0)
    s = [(numSpaces * " ") + line if line.strip() else "" for line in s]
    return first + "\n" + "\n".join(s)


def _typename(obj):
    if isinstance(obj, torch.Tensor):
        return obj.type()
    module = getattr(type(obj), "__module__", None)
    if module is None:
        return type(obj).__name__
    return module + "." + type(obj).__qualname__


class _IncompatibleKeys(collections.namedtuple("IncompatibleKeys", ["missing_keys", "unexpected_keys"])):
    def __repr__(self):
        if not self.missing_keys and not self.unexpected_keys:
            return "<All keys matched successfully>"
        return super().__repr__()

    __str__ = __repr__


_MODULE_STATE = ("_parameters", "_buffers", "_modules", "_non_persistent_buffers_set",
                 "_forward_pre_hooks", "_forward_hooks", "_hooks_with_kwargs",
                 "_backward_hooks", "_backward_pre_hooks", "_is_full_backward_hook")


class RemovableHandle:
    """What registering a hook returns: remove() unregisters the hook (also on leaving a with block)."""

    next_id = 0

    def __init__(self, hooks):
        self.hooks_dict_ref = hooks
        self.id = RemovableHandle.next_id
        RemovableHandle.next_id += 1

    def remove(self):
        self.hooks_dict_ref.pop(self.id, None)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.remove()


def _register_hook(hooks, hook, prepend):
    handle = RemovableHandle(hooks)
    hooks[handle.id] = hook
    if prepend:
        rest = [(k, v) for k, v in hooks.items() if k != handle.id]
        hooks.clear()
        hooks[handle.id] = hook
        hooks.update(rest)
    return handle


def _with_module(hook, module):
    """A deprecated backward hook as a node hook: hook(module, grad_input, grad_output)."""

    def call(*args):
        return hook(module, *args)

    # The hook's name, which errors about what it returned show (functools.wraps, without
    # importing functools when torch.nn loads).
    call.__name__ = getattr(hook, "__name__", call.__name__)
    return call


class Module:
    """What every layer and model is built on: it keeps parameters, buffers and sub-modules.

    A model is a subclass that makes its layers in __init__, after super().__init__(), and
    says in forward how an input becomes an output:

        class Model(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Linear(4, 2)

            def forward(self, x):
                return torch.relu(self.fc(x))
    """

    def __init__(self, *args, **kwargs):
        if kwargs:
            raise TypeError(f"{type(self).__name__}.__init__() got an unexpected keyword argument '{next(iter(kwargs))}'")
        if args:
            raise TypeError(f"{type(self).__name__}.__init__() takes 1 positional argument but {len(args) + 1} were given")
        # The state lives in the instance's own attributes, set without Module.__setattr__.
        state = self.__dict__
        state["training"] = True
        state["_parameters"] = {}
        state["_buffers"] = {}
        state["_non_persistent_buffers_set"] = set()
        state["_modules"] = {}
        state["_forward_pre_hooks"] = {}
        state["_forward_hooks"] = {}
        state["_hooks_with_kwargs"] = set()
        state["_backward_hooks"] = {}
        state["_backward_pre_hooks"] = {}
        # None until a backward hook is registered; then whether it was a full one.
        state["_is_full_backward_hook"] = None

    def forward(self, *input):
        """How an input becomes an output; each subclass writes its own (calling the module runs it)."""
        raise NotImplementedError(f'Module [{type(self).__name__}] is missing the required "forward" function')

    def __call__(self, *args, **kwargs):
        if self._backward_hooks or self._backward_pre_hooks or self._forward_hooks or self._forward_pre_hooks:
            return self._call_with_hooks(args, kwargs)
        return self.forward(*args, **kwargs)

    def _call_with_hooks(self, args, kwargs):
        backward_pre_hooks = list(self._backward_pre_hooks.values())
        full_backward_hooks = list(self._backward_hooks.values()) if self._is_full_backward_hook else []
        deprecated_backward_hooks = list(self._backward_hooks.values()) if self._is_full_backward_hook is False else []
        for key, hook in list(self._forward_pre_hooks.items()):
            if key in self._hooks_with_kwargs:
                result = hook(self, args, kwargs)
                if result is not None:
                    if not (isinstance(result, tuple) and len(result) == 2):
                        raise RuntimeError(f"forward pre-hook must return None or a tuple of (new_args, new_kwargs), but got {result}.")
                    args, kwargs = result
            else:
                result = hook(self, args)
                if result is not None:
                    args = result if isinstance(result, tuple) else (result,)
        backward_hook = None
        if full_backward_hooks or backward_pre_hooks:
            backward_hook = torch.utils.hooks.BackwardHook(self, full_backward_hooks, backward_pre_hooks)
            args = backward_hook.setup_input_hook(args)
        output = self.forward(*args, **kwargs)
        for key, hook in list(self._forward_hooks.items()):
            result = hook(self, args, kwargs, output) if key in self._hooks_with_kwargs else hook(self, args, output)
            if result is not None:
                output = result
        if backward_hook:
            if not isinstance(output, (torch.Tensor, tuple)):
                warnings.warn(f"For backward hooks to be called, module output should be a Tensor or a tuple of Tensors but received {type(output)}",
                              stacklevel=2)
            output = backward_hook.setup_output_hook(output)
        if deprecated_backward_hooks:
            self._attach_deprecated_backward_hooks(deprecated_backward_hooks, args, output)
        return output

    def _attach_deprecated_backward_hooks(self, hooks, args, output):
        # The deprecated hooks go on the node of the output's first tensor, whatever it computes.
        first = output
        while not isinstance(first, torch.Tensor):
            if isinstance(first, dict):
                first = next(v for v in first.values() if isinstance(v, torch.Tensor))
            else:
                first = first[0]
        node = first.grad_fn
        if node is None:
            return
        for hook in hooks:
            node.register_hook(_with_module(hook, self))
        self._warn_deprecated_backward_hook(args, output, node)

    def _warn_deprecated_backward_hook(self, inputs, output, node):
        # Which gradients that node's hook will miss, as PyTorch warns of them.
        later = " is deprecated and will be removed in future versions. This hook will be missing some"
        documented = " Please use register_full_backward_hook to get the documented behavior."
        outputs = (output,) if isinstance(output, torch.Tensor) else output
        if not (isinstance(outputs, tuple) and all(isinstance(r, torch.Tensor) for r in outputs)):
            warnings.warn("Using non-full backward hooks on a Module that does not return a single Tensor or a tuple of Tensors"
                          + later + " of the grad_output." + documented, FutureWarning, stacklevel=2)
            return
        inputs = (inputs,) if isinstance(inputs, torch.Tensor) else inputs
        if not (isinstance(inputs, tuple) and all(isinstance(i, torch.Tensor) for i in inputs)):
            warnings.warn("Using non-full backward hooks on a Module that does not take as input a single Tensor or a tuple of Tensors"
                          + later + " of the grad_input." + documented, FutureWarning, stacklevel=2)
            return
        output_nodes = {r.grad_fn for r in outputs if r.grad_fn is not None}
        if len(output_nodes) == 0 or (len(output_nodes) == 1 and node not in output_nodes):
            warnings.warn("Using a non-full backward hook when outputs are nested in python data structure"
                          + later + " grad_output.", FutureWarning, stacklevel=2)
        elif len(output_nodes) > 1:
            warnings.warn("Using a non-full backward hook when outputs are generated by different autograd Nodes"
                          + later + " grad_output." + documented, FutureWarning, stacklevel=2)
        elif {i.grad_fn for i in inputs if i.grad_fn is not None} != {n[0] for n in node.next_functions}:
            warnings.warn("Using a non-full backward hook when the forward contains multiple autograd Nodes"
                          + later + " grad_input." + documented, FutureWarning, stacklevel=2)

    def register_forward_pre_hook(self, hook, *, prepend=False, with_kwargs=False):
        """Run hook(module, args) before each forward; a value it returns replaces the arguments."""
        handle = _register_hook(self._forward_pre_hooks, hook, prepend)
        if with_kwargs:
            self._hooks_with_kwargs.add(handle.id)
        return handle

    def register_forward_hook(self, hook, *, prepend=False, with_kwargs=False, always_call=False):
        """Run hook(module, args, output) after each forward; a value it returns replaces the output."""
        handle = _register_hook(self._forward_hooks, hook, prepend)
        if with_kwargs:
            self._hooks_with_kwargs.add(handle.id)
        return handle

    def register_full_backward_hook(self, hook, prepend=False):
        """Run hook(module, grad_input, grad_output) each time the gradients of the module's inputs
        have been computed; a tuple it returns replaces grad_input. Inputs that are not tensors
        or need no gradient give None. If no input needs a gradient, the hook runs with the
        gradients of the outputs (and a warning)."""
        if self._is_full_backward_hook is False:
            raise RuntimeError("Cannot use both regular backward hooks and full backward hooks on a single Module. Please use only one of them.")
        self._is_full_backward_hook = True
        return _register_hook(self._backward_hooks, hook, prepend)

    def register_full_backward_pre_hook(self, hook, prepend=False):
        """Run hook(module, grad_output) when the gradients of the module's outputs arrive; a
        tuple it returns replaces grad_output."""
        return _register_hook(self._backward_pre_hooks, hook, prepend)

    def register_backward_hook(self, hook):
        """Deprecated: use register_full_backward_hook. The hook goes on the node of the output's
        first tensor, and sees that node's gradients, which may not be the module's."""
        if self._is_full_backward_hook is True:
            raise RuntimeError("Cannot use both regular backward hooks and full backward hooks on a single Module. Please use only one of them.")
        self._is_full_backward_hook = False
        return _register_hook(self._backward_hooks, hook, False)

    def register_buffer(self, name, tensor, persistent=True):
        """Add a buffer: state that is not a parameter (saved in state_dict when persistent)."""
        if "_buffers" not in self.__dict__:
            raise AttributeError("cannot assign buffer before Module.__init__() call")
        elif not isinstance(name, str):
            raise TypeError(f"buffer name should be a string. Got {_typename(name)}")
        elif "." in name:
            raise KeyError('buffer name can\'t contain "."')
        elif name == "":
            raise KeyError('buffer name can\'t be empty string ""')
        elif hasattr(self, name) and name not in self._buffers:
            raise KeyError(f"attribute '{name}' already exists")
        elif tensor is not None and not isinstance(tensor, torch.Tensor):
            raise TypeError(f"cannot assign '{_typename(tensor)}' object to buffer '{name}' (torch Tensor or None required)")
        else:
            self._buffers[name] = tensor
            if persistent:
                self._non_persistent_buffers_set.discard(name)
            else:
                self._non_persistent_buffers_set.add(name)

    def register_parameter(self, name, param):
        """Add a parameter to the module, reachable as an attribute of that name."""
        if "_parameters" not in self.__dict__:
            raise AttributeError("cannot assign parameter before Module.__init__() call")
        elif not isinstance(name, str):
            raise TypeError(f"parameter name should be a string. Got {_typename(name)}")
        elif "." in name:
            raise KeyError('parameter name can\'t contain "."')
        elif name == "":
            raise KeyError('parameter name can\'t be empty string ""')
        elif hasattr(self, name) and name not in self._parameters:
            raise KeyError(f"attribute '{name}' already exists")
        if param is None:
            self._parameters[name] = None
        elif not isinstance(param, Parameter):
            raise TypeError(f"cannot assign '{_typename(param)}' object to parameter '{name}' (torch.nn.Parameter or None required)")
        elif param.grad_fn:
            raise ValueError(f"Cannot assign non-leaf Tensor to parameter '{name}'. Model parameters must be created explicitly. "
                             f"To express '{name}' as a function of another Tensor, compute the value in the forward() method.")
        else:
            self._parameters[name] = param

    def add_module(self, name, module):
        """Add a child module, reachable as an attribute of that name."""
        if not isinstance(module, Module) and module is not None:
            raise TypeError(f"{_typename(module)} is not a Module subclass")
        elif not isinstance(name, str):
            raise TypeError(f"module name should be a string. Got {_typename(name)}")
        elif hasattr(self, name) and name not in self._modules:
            raise KeyError(f"attribute '{name}' already exists")
        elif "." in name:
            raise KeyError(f'module name can\'t contain ".", got: {name}')
        elif name == "":
            raise KeyError('module name can\'t be empty string ""')
        self._modules[name] = module

    def register_module(self, name, module):
        """The same as add_module."""
        self.add_module(name, module)

    def get_submodule(self, target):
        """Return the sub-module named by a dotted path ("net.0")."""
        if target == "":
            return self
        mod = self
        for item in target.split("."):
            if not hasattr(mod, item):
                raise AttributeError(mod._get_name() + " has no attribute `" + item + "`")
            mod = getattr(mod, item)
            if not isinstance(mod, Module):
                raise AttributeError("`" + item + "` is not an nn.Module")
        return mod

    def __getattr__(self, name):
        # Called only when normal lookup fails: parameters, buffers and sub-modules live in
        # their dicts, not in the instance's attributes.
        if name not in _MODULE_STATE:
            try:
                parameters, buffers, modules = self._parameters, self._buffers, self._modules
            except AttributeError:  # Module.__init__ has not run
                parameters = buffers = modules = {}
            if name in parameters:
                return parameters[name]
            if name in buffers:
                return buffers[name]
            if name in modules:
                return modules[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __setattr__(self, name, value):
        def remove_from(*dicts_or_sets):
            for d in dicts_or_sets:
                if name in d:
                    if isinstance(d, dict):
                        del d[name]
                    else:
                        d.discard(name)

        own = self.__dict__
        params = own.get("_parameters")
        if isinstance(value, Parameter):
            if params is None:
                raise AttributeError("cannot assign parameters before Module.__init__() call")
            remove_from(own, self._buffers, self._modules, self._non_persistent_buffers_set)
            self.register_parameter(name, value)
        elif params is not None and name in params:
            if value is not None:
                raise TypeError(f"cannot assign '{_typename(value)}' as parameter '{name}' (torch.nn.Parameter or None expected)")
            self.register_parameter(name, value)
        else:
            modules = own.get("_modules")
            if isinstance(value, Module):
                if modules is None:
                    raise AttributeError("cannot assign module before Module.__init__() call")
                remove_from(own, self._parameters, self._buffers, self._non_persistent_buffers_set)
                modules[name] = value
            elif modules is not None and name in modules:
                if value is not None:
                    raise TypeError(f"cannot assign '{_typename(value)}' as child module '{name}' (torch.nn.Module or None expected)")
                modules[name] = value
            else:
                buffers = own.get("_buffers")
                if buffers is not None and name in buffers:
                    if value is not None and not isinstance(value, torch.Tensor):
                        raise TypeError(f"cannot assign '{_typename(value)}' as buffer '{name}' (torch.nn.Buffer, torch.Tensor or None expected)")
                    self.register_buffer(name, value, name not in self._non_persistent_buffers_set)
                else:
                    own[name] = value

    def __delattr__(self, name):
        if name in self._parameters:
            del self._parameters[name]
        elif name in self._buffers:
            del self._buffers[name]
            self._non_persistent_buffers_set.discard(name)
        elif name in self._modules:
            del self._modules[name]
        else:
            own = self.__dict__
            if name not in own:
                raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")
            del own[name]

    def _named_members(self, get_members_fn, prefix="", recurse=True, remove_duplicate=True):
        memo = set()
        modules = self.named_modules(prefix=prefix, remove_duplicate=remove_duplicate) if recurse else [(prefix, self)]
        for module_prefix, module in modules:
            members = get_members_fn(module)
            for k, v in members:
                if v is None or v in memo:
                    continue
                if remove_duplicate:
                    memo.add(v)
                name = module_prefix + ("." if module_prefix else "") + k
                yield name, v

    def parameters(self, recurse=True):
        """Every parameter of this module and its sub-modules, each once: what an optimizer is given."""
        for name, param in self.named_parameters(recurse=recurse):
            yield param

    def named_parameters(self, prefix="", recurse=True, remove_duplicate=True):
        """Each parameter with its dotted name ("0.weight"), each once."""
        yield from self._named_members(lambda module: module._parameters.items(), prefix=prefix,
                                       recurse=recurse, remove_duplicate=remove_duplicate)

    def buffers(self, recurse=True):
        """Every buffer of this module and its sub-modules."""
        for _, buf in self.named_buffers(recurse=recurse):
            yield buf

    def named_buffers(self, prefix="", recurse=True, remove_duplicate=True):
        """Each buffer with its dotted name."""
        yield from self._named_members(lambda module: module._buffers.items(), prefix=prefix,
                                       recurse=recurse, remove_duplicate=remove_duplicate)

    def children(self):
        """The sub-modules assigned directly to this one."""
        for name, module in self.named_children():
            yield module

    def named_children(self):
        """The direct sub-modules with the names they were assigned under."""
        memo = set()
        for name, module in self._modules.items():
            if module is not None and module not in memo:
                memo.add(module)
                yield name, module

    def modules(self, remove_duplicate=True):
        """This module and every module inside it, outermost first."""
        for _, module in self.named_modules(remove_duplicate=remove_duplicate):
            yield module

    def named_modules(self, memo=None, prefix="", remove_duplicate=True):
        """This module (named "") and every module inside it, with dotted names."""
        if memo is None:
            memo = set()
        if self not in memo:
            if remove_duplicate:
                memo.add(self)
            yield prefix, self
            for name, module in self._modules.items():
                if module is None:
                    continue
                submodule_prefix = prefix + ("." if prefix else "") + name
                yield from module.named_modules(memo, submodule_prefix, remove_duplicate)

    def train(self, mode=True):
        """Switch this module and all inside it to training (or, with mode=False, evaluation) behaviour."""
        if not isinstance(mode, bool):
            raise ValueError("training mode is expected to be boolean")
        self.training = mode
        for module in self.children():
            module.train(mode)
        return self

    def eval(self):
        """Switch to evaluation behaviour (dropout off): train(False)."""
        return self.train(False)

    def requires_grad_(self, requires_grad=True):
        """Turn gradient tracking of every parameter on or off."""
        for p in self.parameters():
            p.requires_grad_(requires_grad)
        return self

    def zero_grad(self, set_to_none=True):
        """Reset the gradients of all parameters: to None, or to zeros with set_to_none=False."""
        for p in self.parameters():
            if p.grad is not None:
                if set_to_none:
                    p.grad = None
                else:
                    if p.grad.grad_fn is not None:
                        p.grad.detach_()
                    else:
                        p.grad.requires_grad_(False)
                    p.grad.zero_()

    def apply(self, fn):
        """Call fn on each sub-module, innermost first, then on this one (e.g. to set initial weights)."""
        for module in self.children():
            module.apply(fn)
        fn(self)
        return self

    def _apply(self, fn):
        for module in self.children():
            module._apply(fn)
        for key, param in self._parameters.items():
            if param is None:
                continue
            with torch.no_grad():
                param.data = fn(param)
            if param.grad is not None:
                with torch.no_grad():
                    param.grad = fn(param.grad)
        for key, buf in self._buffers.items():
            if buf is not None:
                self._buffers[key] = fn(buf)
        return self

    def to(self, *args, **kwargs):
        """Move and/or cast the parameters and buffers: module.to(torch.float64), module.to("cpu")."""
        dtype = kwargs.get("dtype")
        for arg in args:
            if isinstance(arg, torch.dtype):
                dtype = arg
            elif isinstance(arg, torch.Tensor):
                dtype = arg.dtype
        if dtype is not None and not dtype.is_floating_point:
            raise TypeError(f"nn.Module.to only accepts floating point or complex dtypes, but got desired dtype={dtype}")
        return self._apply(lambda t: t.to(dtype) if dtype is not None and t.is_floating_point() else t)

    def cpu(self):
        """grad keeps every tensor on the CPU already: returns the module unchanged."""
        return self

    def type(self, dst_type):
        """Convert every parameter and buffer to dst_type."""
        return self._apply(lambda t: t.type(dst_type))

    def float(self):
        """Floating parameters and buffers become float32."""
        return self._apply(lambda t: t.float() if t.is_floating_point() else t)

    def double(self):
        """Floating parameters and buffers become float64."""
        return self._apply(lambda t: t.double() if t.is_floating_point() else t)

    def half(self):
        """Floating parameters and buffers become float16."""
        return self._apply(lambda t: t.half() if t.is_floating_point() else t)

    def _save_to_state_dict(self, destination, prefix, keep_vars):
        for name, param in self._parameters.items():
            if param is not None:
                destination[prefix + name] = param if keep_vars else param.detach()
        for name, buf in self._buffers.items():
            if buf is not None and name not in self._non_persistent_buffers_set:
                destination[prefix + name] = buf if keep_vars else buf.detach()

    def state_dict(self, *, destination=None, prefix="", keep_vars=False):
        """Return an OrderedDict of the module's whole state: parameters and persistent buffers, by name."""
        if destination is None:
            destination = OrderedDict()
        self._save_to_state_dict(destination, prefix, keep_vars)
        for name, module in self._modules.items():
            if module is not None:
                module.state_dict(destination=destination, prefix=prefix + name + ".", keep_vars=keep_vars)
        return destination

    def _load_from_state_dict(self, state_dict, prefix, strict, missing_keys, unexpected_keys, error_msgs):
        persistent_buffers = {k: v for k, v in self._buffers.items() if k not in self._non_persistent_buffers_set}
        local_state = {k: v for k, v in list(self._parameters.items()) + list(persistent_buffers.items()) if v is not None}
        for name, param in local_state.items():
            key = prefix + name
            if key in state_dict:
                input_param = state_dict[key]
                if not isinstance(input_param, torch.Tensor):
                    error_msgs.append(f'While copying the parameter named "{key}", expected torch.Tensor or Tensor-like object from checkpoint but received {type(input_param)}')
                    continue
                if len(param.shape) == 0 and len(input_param.shape) == 1 and input_param.shape[0] == 1:
                    input_param = input_param[0]
                if input_param.shape != param.shape:
                    error_msgs.append(f"size mismatch for {key}: copying a param with shape {input_param.shape} from checkpoint, "
                                      f"the shape in current model is {param.shape}.")
                    continue
                try:
                    with torch.no_grad():
                        param.copy_(input_param)
                except Exception as ex:
                    error_msgs.append(f'While copying the parameter named "{key}", whose dimensions in the model are {param.size()} and '
                                      f"whose dimensions in the checkpoint are {input_param.size()}, an exception occurred : {ex.args}.")
            elif strict:
                missing_keys.append(key)
        if strict:
            for key in state_dict:
                if key.startswith(prefix):
                    input_name = key[len(prefix):].split(".", 1)
                    if len(input_name) > 1:
                        if input_name[0] not in self._modules:
                            unexpected_keys.append(key)
                    elif input_name[0] not in local_state:
                        unexpected_keys.append(key)

    def load_state_dict(self, state_dict, strict=True, assign=False):
        """Copy parameters and buffers from state_dict into this module and its descendants.

        With strict=True the keys must match those of state_dict() exactly. Returns the missing
        and unexpected keys."""
        if not isinstance(state_dict, dict):
            raise TypeError(f"Expected state_dict to be dict-like, got {type(state_dict)}.")
        missing_keys = []
        unexpected_keys = []
        error_msgs = []
        state_dict = OrderedDict(state_dict)

        def load(module, local_state_dict, prefix=""):
            module._load_from_state_dict(local_state_dict, prefix, True, missing_keys, unexpected_keys, error_msgs)
            for name, child in module._modules.items():
                if child is not None:
                    child_prefix = prefix + name + "."
                    child_state_dict = {k: v for k, v in local_state_dict.items() if k.startswith(child_prefix)}
                    load(child, child_state_dict, child_prefix)

        load(self, state_dict)
        if strict:
            if len(unexpected_keys) > 0:
                error_msgs.insert(0, "Unexpected key(s) in state_dict: {}. ".format(", ".join(f'"{k}"' for k in unexpected_keys)))
            if len(missing_keys) > 0:
                error_msgs.insert(0, "Missing key(s) in state_dict: {}. ".format(", ".join(f'"{k}"' for k in missing_keys)))
        if len(error_msgs) > 0:
            raise RuntimeError("Error(s) in loading state_dict for {}:\n\t{}".format(self.__class__.__name__, "\n\t".join(error_msgs)))
        return _IncompatibleKeys(missing_keys, unexpected_keys)

    def _get_name(self):
        return self.__class__.__name__

    def extra_repr(self):
        """The module's own settings shown in its repr; layers override it."""
        return ""

    def __repr__(self):
        extra_lines = []
        extra_repr = self.extra_repr()
        if extra_repr:
            extra_lines = extra_repr.split("\n")
        child_lines = []
        for key, module in self._modules.items():
            mod_str = repr(module)
            mod_str = _addindent(mod_str, 2)
            child_lines.append("(" + key + "): " + mod_str)
        lines = extra_lines + child_lines
        main_str = self._get_name() + "("
        if lines:
            if len(extra_lines) == 1 and not child_lines:
                main_str += extra_lines[0]
            else:
                main_str += "\n  " + "\n  ".join(lines) + "\n"
        main_str += ")"
        return main_str

    def __dir__(self):
        module_attrs = dir(self.__class__)
        attrs = list(self.__dict__.keys())
        parameters = list(self._parameters.keys())
        modules = list(self._modules.keys())
        buffers = list(self._buffers.keys())
        keys = module_attrs + attrs + parameters + modules + buffers
        keys = [key for key in keys if not key[0].isdigit()]
        return sorted(keys)

"""#
}
