/// The `copy` module: `copy` and `deepcopy`, written in Python as CPython's `copy.py` is, for
/// grad's values: containers, instances (their `__dict__`, and the items of a list, dict or set
/// they extend), `__copy__`/`__deepcopy__` hooks, shared and cyclic references kept shared through
/// the memo, and tensors as PyTorch copies them (a shallow copy shares the data; a deep copy
/// clones a leaf with its `.grad`, keeps a Parameter a Parameter, and refuses a non-leaf).
enum CopyModule {
    static func make(_ interpreter: Interpreter) -> PyModule {
        let module = PyModule(name: "copy")
        interpreter.addSource(source, filename: "copy.py", to: module)
        return module
    }

    private static let source = #"""
import torch as _torch


class Error(Exception):
    pass


_ATOMIC_TYPES = (type(None), int, float, complex, bool, str, bytes, type, range, slice, property, type(...),
                 type(NotImplemented))
_ATOMIC_TYPE_NAMES = ('function', 'builtin_function_or_method', 'dtype', 'device', 'layout')


def _is_atomic(x):
    """Immutable values and functions, which a copy shares."""
    cls = type(x)
    if cls.__name__ in ('module', 'generator'):
        raise TypeError(f"cannot pickle '{cls.__name__}' object")
    return cls in _ATOMIC_TYPES or cls.__name__ in _ATOMIC_TYPE_NAMES


def copy(x):
    """A shallow copy: a new container holding the same items, an instance with the same attributes."""
    cls = type(x)
    if cls in (list, dict, set, bytearray):
        return cls(x)
    if cls in (tuple, frozenset) or _is_atomic(x):
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if isinstance(x, _torch.Tensor):
        return _copy_tensor(x, None)
    return _reconstruct(x, None)


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy: containers and instances copied all the way down; what is reached twice
    (or through a cycle) is copied once and shared in the copy as in the original."""
    if memo is None:
        memo = {}
    key = id(x)
    found = memo.get(key, _nil)
    if found is not _nil:
        return found
    cls = type(x)
    if _is_atomic(x):
        return x
    if cls is list:
        y = []
        memo[key] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is dict:
        y = {}
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        if key in memo:
            return memo[key]
        y = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls in (set, frozenset):
        y = cls(deepcopy(item, memo) for item in x)
    elif cls is bytearray:
        y = bytearray(x)
    elif hasattr(cls, '__deepcopy__'):
        y = x.__deepcopy__(memo)
    elif isinstance(x, _torch.Tensor):
        y = _copy_tensor(x, memo)
    else:
        y = _reconstruct(x, memo)
    if y is not x:
        memo[key] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    """The originals stay alive while the memo does, so their ids are not reused (CPython's rule)."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


_LEAF_ONLY = ("Only Tensors created explicitly by the user (graph leaves) support the deepcopy protocol "
              "at the moment.  If you were attempting to deepcopy a module, this may be because of a "
              "torch.nn.utils.weight_norm usage, see https://github.com/pytorch/pytorch/pull/103001")


def _copy_tensor(t, memo):
    if memo is None:
        y = t.detach()
        y.requires_grad_(t.requires_grad)
        return y
    if not t.is_leaf:
        raise RuntimeError(_LEAF_ONLY)
    y = t.detach().clone()
    if isinstance(t, _torch.nn.Parameter):
        y = _torch.nn.Parameter(y, t.requires_grad)
    else:
        y.requires_grad_(t.requires_grad)
    memo[id(t)] = y
    if t.grad is not None:
        y.grad = deepcopy(t.grad, memo)
    return y


def _reconstruct(x, memo):
    """An instance made without __init__, given the attributes (and the items of the list, dict
    or set it extends) of x, copied deeply when memo is given."""
    cls = type(x)
    deep = memo is not None
    y = cls.__new__(cls)
    if deep:
        memo[id(x)] = y
    state = getattr(x, '__dict__', None)
    if state:
        for name, value in state.items():
            setattr(y, name, deepcopy(value, memo) if deep else value)
    if isinstance(x, dict):
        for k, v in x.items():
            y[deepcopy(k, memo) if deep else k] = deepcopy(v, memo) if deep else v
    elif isinstance(x, list):
        for item in x:
            y.append(deepcopy(item, memo) if deep else item)
    elif isinstance(x, set):
        for item in x:
            y.add(deepcopy(item, memo) if deep else item)
    return y
"""#
}
