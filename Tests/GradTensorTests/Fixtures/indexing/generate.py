#!/usr/bin/env python3
"""Regenerates cases.json, the PyTorch indexing fixtures for IndexingTests.swift.

Run with a Python that has torch (~/torchenv/bin/python generate.py); the Swift tests only read
the JSON. Sources are `arange(numel).reshape(shape)` (a fresh leaf); a subscript is stored as the
list of items the language layer would build (`tuple: false` when Python saw one bare item).

get: `out = x[index]` → shape, flat values, strides, storage offset, whether it is a view of x,
     grad_fn name, and x.grad after `(out * w).sum().backward()` with w = 1, 2, 3, ... (or the error).
set: `t[index] = value` in three settings → "plain" (a tensor not requiring grad: flat values and
     _version afterwards), "graph" (t = leaf * 1, a float value tensor requiring grad: t.grad_fn,
     leaf.grad and value.grad after `(t * w).sum().backward()`), "leaf" (t a leaf requiring grad: the
     error) — each either a result or {"error": {"type", "message"}}.
view_set: `v = t[view]; v[index] = value` with t = leaf * 1 → t.grad_fn, v.grad_fn, flat values,
     leaf.grad after `(t * w).sum().backward()`.
"""
import json
import math
import os
import warnings

import torch

warnings.simplefilter("ignore")

DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "bool": torch.bool}
NAMES = {v: k for k, v in DTYPES.items()}


class Subscript:
    def __getitem__(self, key):
        return key


S = Subscript()


def source(shape, dtype="float32"):
    n = 1
    for s in shape:
        n *= s
    return torch.arange(n).to(DTYPES[dtype]).reshape(shape).clone()


def tensor_spec(t):
    return {"dtype": NAMES[t.dtype], "shape": list(t.shape), "data": flat(t)}


def flat(t):
    """Row-major elements; non-finite floats as "nan" / "inf" / "-inf" (JSON has no literal for them)."""
    return [v if not isinstance(v, float) or math.isfinite(v) else repr(v) for v in t.detach().reshape(-1).tolist()]


def item(obj):
    if obj is None:
        return "none"
    if obj is Ellipsis:
        return "ellipsis"
    if isinstance(obj, bool):
        return {"bool": obj}
    if isinstance(obj, int):
        return {"int": obj}
    if isinstance(obj, slice):
        return {"slice": [obj.start, obj.stop, obj.step]}
    if isinstance(obj, list):
        return {"tensor": tensor_spec(torch.tensor(obj, dtype=torch.bool if obj and all(isinstance(v, bool) for v in obj) else torch.int64))}
    if isinstance(obj, torch.Tensor):
        return {"tensor": tensor_spec(obj)}
    raise TypeError(obj)


def python_treats_as_tuple(index):
    """PyTorch's `treatSequenceAsTuple` (NumPy's heuristic): a short list holding a sequence, slice,
    tensor, None or Ellipsis is a tuple of indices, not one index."""
    if isinstance(index, tuple):
        return True
    if not isinstance(index, list) or len(index) >= 32:
        return False
    return any(isinstance(v, (list, tuple, slice, torch.Tensor)) or v is None or v is Ellipsis for v in index)


def items(index):
    if python_treats_as_tuple(index):
        return {"tuple": True, "items": [item(i) for i in index]}
    return {"tuple": False, "items": [item(index)]}


def error(e):
    return {"error": {"type": type(e).__name__, "message": str(e)}}


def weights(t):
    return torch.arange(1, t.numel() + 1).to(t.dtype).reshape(t.shape)


def node_name(t):
    return type(t.grad_fn).__name__ if t.grad_fn is not None else None


# (shape, dtype, subscript expression evaluated as S[...] with `x` the source's values in scope)
GET = [
    ([3, 4], "float32", "0"), ([3, 4], "float32", "-1"), ([3, 4], "float32", "2"),
    ([3, 4], "float32", ":, -1"), ([3, 4], "float32", "0, 1:3"), ([3, 4], "float32", "1:3"),
    ([3, 4], "float32", ":"), ([3, 4], "float32", "..."), ([3, 4], "float32", "None"),
    ([3, 4], "float32", ":, None"), ([3, 4], "float32", "0, None"), ([3, 4], "float32", "None, 0"),
    ([3, 4], "float32", "..., 0"), ([3, 4], "float32", "0, ..."), ([3, 4], "float32", "..., None"),
    ([3, 4], "float32", "1:2, 1:3"), ([3, 4], "float32", "::2"), ([3, 4], "float32", ":, ::3"),
    ([3, 4], "float32", ":, 1::2"), ([3, 4], "float32", "0, 0"), ([3, 4], "float32", "-1, -1"),
    ([3, 4], "float32", "10:"), ([3, 4], "float32", "-100:100"), ([3, 4], "float32", "2**62:"),
    ([3, 4], "float32", ":2**62"), ([3, 4], "float32", "-2**62:"), ([3, 4], "float32", ":-2**62"),
    ([3, 4], "float32", "::2**62"), ([3, 4], "float32", "1::2**62"), ([3, 4], "float32", "3:1"),
    ([3, 4], "float32", "-2:-1"), ([3, 4], "float32", "-1:-2"), ([3, 4], "float32", ":-1"),
    ([3, 4], "float32", "0:3"), ([3, 4], "float32", "0:3, 0:4"), ([3, 4], "float32", "0:100, :"),
    ([3, 4], "float32", "-3:, :"), ([3, 4], "float32", ":, :"), ([3, 4], "float32", "..., :"),
    ([3, 4], "float32", "..., ..."), ([3, 4], "float32", "None, ..."), ([3, 4], "float32", "..., None, :"),
    ([3, 4], "float32", "1:, None"), ([3, 4], "float32", "None, 1:"), ([3, 4], "float32", ":, None, 0"),
    ([3, 4], "float32", "0, 0, None"), ([3, 4], "float32", "None, None, 0, None"),
    ([3, 4], "float32", "0, ..., 0"), ([3, 4], "float32", "1, 2:1"), ([3, 4], "float32", "3:, 0"),
    ([3, 4], "float32", "..., 1, ..."), ([3, 4], "float32", "..., ..., 0:1"),
    ([3, 4], "float32", "()"), ([3, 4], "float32", "True"), ([3, 4], "float32", "False"),
    ([3, 4], "float32", "None, None"), ([2, 3, 4], "float32", "0, True, 1"), ([2, 3, 4], "float32", "0, False, 1"),
    ([2, 3, 4], "float32", "1, :, 2"), ([2, 3, 4], "float32", "..., 1:3, None"), ([2, 3, 4], "float64", ":, -1, ::2"),
    ([5], "float64", "1:4:2"), ([5], "int64", "-2"), ([5], "bool", "1:3"), ([], "float32", "..."),
    ([], "float32", "None"), ([], "float32", "()"), ([], "float32", "..., None"), ([], "float32", "True"),
    ([], "float32", "False"), ([0, 3], "float32", ":, 1"), ([0, 3], "float32", "1:"),
    # advanced
    ([3, 4], "float32", "[0, 2]"), ([3, 4], "float32", "[2, 0, 2]"), ([3, 4], "float32", "[0, 2], 1"),
    ([3, 4], "float32", "1, [0, 2]"), ([3, 4], "float32", "x > 5"), ([3, 4], "float32", "torch.tensor([0, 2])"),
    ([3, 4], "float32", "torch.tensor([True, False, True])"), ([3, 4], "float32", "torch.tensor(1)"),
    ([3, 4], "float32", "torch.tensor(-1)"), ([3, 4], "float32", "torch.tensor(True)"),
    ([3, 4], "float32", "torch.tensor([[0], [2]])"), ([3, 4], "float32", "[0, 2], [1, 3]"),
    ([3, 4], "float32", ":, [0, 2]"), ([3, 4], "float32", "torch.tensor([-1])"), ([3, 4], "float32", "[0, 2], [[1], [2]]"),
    ([3, 4], "float32", "[]"), ([3, 4], "float32", "[0, -3]"), ([3, 4], "float32", "x[:, 0] > 3"),
    ([3, 4], "float32", ":, x[0] > 1"), ([3, 4], "float32", "torch.tensor([[True, False, True, True]] * 3)"),
    ([3, 4], "float32", "[0, 0, 0]"), ([3, 4], "float32", "None, [1, 2]"), ([3, 4], "float32", "[1, 2], None"),
    ([2, 3, 4], "float32", "[0, 1], :, [1, 2]"), ([2, 3, 4], "float32", ":, [0, 1], [1, 2]"),
    ([2, 3, 4], "float32", "0, :, [1, 2]"), ([2, 3, 4], "float32", "[0, 1], 1:, 0"),
    ([2, 3, 4], "float32", ":, 0, [1, 2]"), ([2, 3, 4], "float32", "None, [0, 1], None, [1, 2]"),
    ([2, 3, 4], "float32", "..., [1, 2]"), ([2, 3, 4], "float32", "x > 5"), ([2, 3, 4], "float32", "x[:, :, 0] > 5"),
    ([2, 3, 4], "float32", ":, x[0, :, 0] > 5"), ([2, 3, 4], "float32", ":, x[0] > 5"),
    ([2, 3, 4], "float32", ":, [True, False, True], [1, 2]"), ([2, 3, 4], "float32", "0, [0, 2], 1:3"),
    ([2, 3, 4], "float32", "[0], [0, 2], 1:3"), ([2, 3, 4], "float64", "[[0, 1], [1, 0]], :, [[3], [2]]"),
    ([2, 3, 4], "float32", "[1, 0], ..., [0, 3]"), ([5], "int64", "[4, 0, 4]"), ([5], "bool", "[1, 2]"),
    ([5], "float32", "x > 10"), ([], "float32", "x > 1"), ([], "float32", "x < 1"), ([3], "float32", "[[0, 1], [2, 0]]"),
    ([3, 0], "float32", "[5]"), ([3, 0], "float32", "[1, 2]"),
    # errors
    ([3, 4], "float32", "5"), ([3, 4], "float32", "0, 9"), ([3, 4], "float32", "0, 0, 0"), ([3, 4], "float32", "-4"),
    ([3, 4], "float32", "::-1"), ([3, 4], "float32", "::0"), ([3, 4], "float32", "2**62"), ([3, 4], "float32", "-2**62"),
    ([3, 4], "float32", "..., ..., 0"), ([3, 4], "float32", "..., ..., None"), ([3, 4], "float32", "None, 5"),
    ([3, 4], "float32", ":, :, :"), ([3, 4], "float32", "None, :, :, :"), ([3, 4], "float32", "..., 0, 0, 0"),
    ([3, 4], "float32", ":, 5"), ([3, 4], "float32", "0:0, 7"), ([3, 4], "float32", "1, ::-2"),
    ([2, 3, 4], "float32", "None, ..., 5"), ([2, 3, 4], "float32", "0, None, 7"),
    ([], "float32", "0"), ([], "float32", "5"), ([], "float32", "-1"), ([], "float32", ":"), ([], "float32", "..., 0"),
    ([], "float32", "None, 0"), ([], "float32", "torch.tensor(0)"), ([], "float32", "torch.tensor([0])"),
    ([3, 4], "float32", "[0, 3]"), ([3, 4], "float32", "[0, -4]"), ([3, 4], "float32", ":, [0, 4]"),
    ([3, 4], "float32", "torch.tensor([2**62])"), ([3, 4], "float32", "torch.tensor([-2**62])"),
    ([3, 4], "float32", "[0, 2], [1, 2, 3]"), ([3, 4], "float32", "torch.ones(3, 5, dtype=torch.bool)"),
    ([3, 4], "float32", "torch.ones(2, 4, dtype=torch.bool)"), ([3, 4], "float32", ":, torch.ones(3, dtype=torch.bool)"),
    ([3, 4], "float32", "torch.ones(3, 4, 1, dtype=torch.bool)"), ([3, 4], "float32", "torch.tensor(1.)"),
    ([3, 4], "float32", "torch.tensor([1.5])"), ([3, 4], "float32", "torch.tensor([True, False])"),
    ([2, 3, 4], "float32", "[0, 1], [0, 2], [0, 5]"), ([2, 3, 4], "float32", ":, :, [0, 5]"),
    ([2, 3, 4], "float32", ":, [0, 3], [0, 1]"), ([2, 3, 4], "float32", ":, [0, 1], [0, 5]"),
    ([2, 3, 4], "float32", ":, x[0] > 5, 1"), ([2, 3, 4], "float32", ":, [True, False, True], [1, 2, 3]"),
    ([3], "float32", "[0], [0]"),
    # one-item tuples: no shortcut, so a full slice is skipped
    ([3, 4], "float32", "0:3,"), ([3, 4], "float32", "::1,"), ([3, 4], "float32", ":,"), ([3, 4], "float32", "1:,"),
    ([3, 4], "float32", "0,"), ([3, 4], "float32", "None,"), ([3, 4], "float32", "...,"), ([3, 4], "float32", "True,"),
    # absurd bounds and steps: no trap, and PyTorch's own overflow results
    ([3, 4], "float32", "2**63-1"), ([3, 4], "float32", "-2**63"), ([3, 4], "float32", "-2**63:2**63-1"),
    ([3, 4], "float32", "2**63-1:-2**63"), ([3, 4], "float32", ":-2**63"), ([3, 4], "float32", "::-2**63"),
    ([3, 4], "float32", "::2**63-1"), ([3, 4], "float32", "1::2**63-1"), ([3, 4], "float32", ":, ::2**63-1"),
    ([3, 4], "float32", "::2**61"), ([3, 4], "float32", "::2**62+1"), ([3, 4], "float32", "torch.tensor([-2**63, 0])"),
    ([3, 4], "float32", "torch.tensor([2**63-1])"), ([3, 4], "float32", "None, None, None, None, 0, None"),
]

# (shape, dtype, subscript, value expression)
SET = [
    ([3], "float32", "0", "1"), ([3], "float32", "[0]", "1"), ([3], "float32", "...", "1"),
    ([3], "float32", "x > 0", "1"), ([3], "float32", ":", "1"), ([3], "float32", "None", "1"),
    ([3], "float32", "1:", "5"), ([3], "float32", "...", "torch.tensor(5.)"), ([3], "float32", ":", "torch.tensor(5.)"),
    ([3], "float32", "0", "torch.tensor(5.)"), ([3], "float32", "()", "5"), ([3], "float32", "0:3", "5"),
    ([3], "float32", "0:3", "torch.tensor([1., 2., 3.])"), ([3], "float32", "...", "torch.tensor([1., 2., 3.])"),
    ([3], "float32", "x > 0", "torch.tensor(5.)"), ([3], "float32", "[0]", "torch.tensor(5.)"),
    ([3], "float32", "[0, 2]", "5"), ([3], "float32", "x == 0", "5"), ([3], "float32", "True", "5"),
    ([3], "float32", "False", "5"), ([3], "float32", "torch.tensor([True, False, True])", "torch.tensor([1., 2.])"),
    ([3], "float32", "[1, 1]", "torch.tensor(7.)"), ([3], "float32", "[1, 1]", "torch.tensor([7., 8.])"),
    ([3], "float32", "1:", "torch.tensor([4., 5.])"), ([3], "float32", "[0, 1]", "True"),
    ([3], "float32", "torch.tensor([[0, 1]])", "5"), ([3], "float32", "torch.tensor([[0, 1]])", "torch.tensor([1., 2.])"),
    ([2, 3], "float32", "[0, 1], [0, 1]", "5"), ([2, 3], "float32", ":, [0, 1]", "5"),
    ([2, 3], "float32", "0, [0, 1]", "5"), ([2, 3], "float32", "x[:, 0] > 0", "5"),
    ([2, 3], "float32", ":, x[0] > 0", "5"), ([2, 3], "float32", "0, x[0] > 0", "5"),
    ([2, 3], "float32", "0, x[0] > 0", "torch.tensor(5.)"), ([2, 3], "float32", "0", "torch.tensor([[1., 2., 3.]])"),
    ([2, 3], "float32", "0", "torch.tensor([[[1., 2., 3.]]])"), ([2, 3], "float32", "[0, 1]", "torch.tensor([[1., 2., 3.]])"),
    ([2, 3], "float32", "[0, 1]", "torch.tensor([[[1., 2., 3.]]])"), ([2, 3], "float32", "[0, 1]", "torch.tensor([[1.], [2.]])"),
    ([2, 3], "float32", "[0, 0]", "torch.tensor([[1., 2., 3.], [4., 5., 6.]])"),
    ([2, 3], "float32", "...", "torch.tensor([[1.], [2.]])"), ([2, 3], "float32", "...", "torch.tensor([[[1.], [2.]]])"),
    ([2, 3], "float32", ":, 1", "torch.tensor([7., 8.])"), ([2, 3], "float32", "1, ::2", "torch.tensor([7., 8.])"),
    ([2, 3], "float32", ":, 0", "torch.tensor(5., dtype=torch.float64)"), ([2, 3], "float64", "1", "torch.tensor([1., 2., 3.])"),
    ([2, 3], "float32", "x == 0", "torch.tensor(2.0, dtype=torch.float64)"),
    ([2, 3], "float32", "x > 2", "torch.tensor([2.0], dtype=torch.float64)"),
    ([2, 3, 4], "float32", ":, [0, 2], 1:3", "torch.tensor([[1., 2.], [3., 4.]])"),
    ([2, 3, 4], "float32", "[1, 0], ..., [0, 3]", "torch.tensor([9., 8.])"),
    ([3], "int64", "0", "2.7"), ([3], "int64", "0", "torch.tensor(2.7)"), ([3], "int64", "0:2", "torch.tensor([2.7, -1.5])"),
    ([3], "int64", "x == 0", "2.7"), ([3], "int64", "[0, 1]", "2.7"), ([2, 3], "int64", "[0, 1], [0, 1]", "2.7"),
    ([3], "bool", "0", "2.7"), ([3], "float32", "0", "True"), ([3], "float32", "0", "torch.tensor(3, dtype=torch.float64)"),
    ([3], "int64", "1:", "torch.tensor([True, True])"), ([], "float32", "...", "1"), ([], "float32", "None", "1"),
    ([], "float32", "...", "torch.tensor(3.)"), ([3], "float32", "1:1", "torch.tensor([])"),
    ([3], "float32", "1:1", "torch.tensor([1.])"), ([3], "float32", "[]", "1"),
    ([3], "float32", "0", "float('inf')"), ([3], "float32", "0", "float('nan')"), ([3], "int64", "0", "2**62"),
    # errors
    ([2, 3], "float32", "0", "torch.tensor([1., 2.])"), ([2, 3], "float32", "0", "torch.tensor([[1., 2., 3.], [4., 5., 6.]])"),
    ([2, 3], "float32", ":, 0", "torch.tensor([[1.], [2.]])"), ([2, 3], "float32", ":, 0", "torch.tensor([1., 2., 3.])"),
    ([2, 3], "float32", "[0, 1]", "torch.tensor([1., 2.])"), ([2, 3], "float32", "x == 0", "torch.tensor([1., 2.])"),
    ([3], "int64", "[0, 1]", "torch.tensor([2.7, -1.5])"), ([3], "float32", "[0, 1]", "torch.tensor([2, 1])"),
    ([3], "float32", "[0, 1]", "torch.tensor(2)"), ([3], "float32", "[0, 1]", "torch.tensor([2., 1.], dtype=torch.float64)"),
    ([3], "float32", "[0, 1]", "torch.tensor([[2.], [3.]])"), ([3], "float32", "[0, 1]", "torch.zeros(2, 1, 2)"),
    ([3], "float32", "0:2", "torch.zeros(2, 2)"), ([3], "float32", "0:2", "torch.zeros(3)"),
    ([2, 3], "float32", "0:2", "torch.zeros(3, 1, 3)"), ([3], "float32", "[0, 1]", "torch.tensor([])"),
    ([3], "float32", "1:1", "torch.tensor([1., 2.])"), ([3], "float32", "5", "1"), ([3], "float32", "::-1", "1"),
    ([3], "float32", "0, 0", "1"), ([], "float32", "0", "1"), ([3], "float32", "[0, 5]", "1"),
    ([2, 3], "float32", ":, [0, 9]", "5"), ([2, 3], "float32", ":, [0, -4]", "5"), ([2, 3], "float32", "[0, -3]", "5"),
    ([2, 3], "float32", "[0, 1], [0, 9]", "5"), ([2, 3], "float32", "[0, 1], [0, 9]", "torch.tensor(5.)"),
    ([2, 3], "float32", ":, [0, 9]", "torch.tensor(5.)"), ([3], "int64", "0", "1e30"), ([3], "int64", ":", "float('nan')"),
    ([3], "int64", "[0]", "1e30"), ([3], "float32", "0", "1e300"), ([3], "float32", "[0]", "1e300"),
    ([3], "float32", "x > 0", "1e300"),
]

# (shape, view subscript, write subscript, value)
VIEW_SET = [
    ([3], "1:", "0", "7"), ([3], "1:", "...", "5"), ([2, 3], "0", "1", "7"), ([2, 3], "1", "[0, 2]", "7"),
    ([2, 3], "0", ":", "torch.tensor([4., 5., 6.])"), ([2, 3], ":, 1", "x > 1", "9"),
    ([2, 3, 4], "1, :, 1:3", "0, 1", "7"),
]


def make_value(expr):
    return eval(expr, {"torch": torch})


def index_of(expr, x):
    return eval(f"S[{expr}]", {"S": S, "torch": torch, "x": x})


def run_get(shape, dtype, expr):
    data = source(shape, dtype)
    idx = index_of(expr, data)
    case = {"python": f"x[{expr}]", "shape": shape, "dtype": dtype, **items(idx)}
    x = source(shape, dtype)
    if x.dtype.is_floating_point:
        x.requires_grad_()
    try:
        out = x[idx]
    except Exception as e:
        case.update(error(e))
        return case
    case["result"] = {
        "shape": list(out.shape), "dtype": NAMES[out.dtype], "values": flat(out), "strides": list(out.stride()),
        "offset": out.storage_offset(), "shares": out._base is x,
        "grad_fn": node_name(out),
    }
    if out.requires_grad:
        (out * weights(out)).sum().backward()
        case["result"]["grad"] = flat(x.grad)
    return case


def set_plain(shape, dtype, idx, vexpr):
    t = source(shape, dtype)
    value = make_value(vexpr)
    try:
        t[idx] = value
    except Exception as e:
        return error(e)
    return {"values": flat(t), "version": t._version}


def set_graph(shape, dtype, idx, vexpr):
    leaf = source(shape, dtype).requires_grad_()
    t = leaf * 1
    value = make_value(vexpr)
    if isinstance(value, torch.Tensor) and value.dtype.is_floating_point:
        value.requires_grad_()
    try:
        t[idx] = value
    except Exception as e:
        return error(e)
    out = {"grad_fn": node_name(t)}
    (t * weights(t)).sum().backward()
    out["grad"] = flat(leaf.grad)
    if isinstance(value, torch.Tensor) and value.requires_grad:
        out["value_grad"] = flat(value.grad) if value.grad is not None else None
    return out


def set_leaf(shape, dtype, idx, vexpr):
    leaf = source(shape, dtype).requires_grad_()
    try:
        leaf[idx] = make_value(vexpr)
    except Exception as e:
        return error(e)
    return {"values": flat(leaf)}


def run_set(shape, dtype, expr, vexpr):
    idx = index_of(expr, source(shape, dtype))
    value = make_value(vexpr)
    case = {"python": f"t[{expr}] = {vexpr}", "shape": shape, "dtype": dtype, **items(idx)}
    if isinstance(value, torch.Tensor):
        case["value"] = {"tensor": tensor_spec(value)}
    elif isinstance(value, bool):
        case["value"] = {"bool": value}
    elif isinstance(value, int):
        case["value"] = {"int": value}
    else:
        case["value"] = {"float": repr(value)}
    case["plain"] = set_plain(shape, dtype, idx, vexpr)
    if dtype.startswith("float"):
        case["graph"] = set_graph(shape, dtype, idx, vexpr)
        case["leaf"] = set_leaf(shape, dtype, idx, vexpr)
    return case


def run_view_set(shape, vexpr_view, expr, vexpr):
    data = source(shape)
    view_idx = index_of(vexpr_view, data)
    idx = index_of(expr, data[view_idx])
    value = make_value(vexpr)
    leaf = source(shape).requires_grad_()
    t = leaf * 1
    v = t[view_idx]
    v[idx] = value
    case = {"python": f"v = t[{vexpr_view}]; v[{expr}] = {vexpr}", "shape": shape, "view": items(view_idx),
            "write": items(idx), "value": {"tensor": tensor_spec(value)} if isinstance(value, torch.Tensor) else {"int": value},
            "t_grad_fn": node_name(t), "v_grad_fn": node_name(v), "values": flat(t), "view_values": flat(v)}
    (t * weights(t)).sum().backward()
    case["grad"] = flat(leaf.grad)
    return case


def main():
    fixture = {
        "torch_version": torch.__version__,
        "get": [run_get(*c) for c in GET],
        "set": [run_set(*c) for c in SET],
        "view_set": [run_view_set(*c) for c in VIEW_SET],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.json")
    with open(path, "w") as f:
        f.write('{"torch_version": ' + json.dumps(fixture["torch_version"]) + ",\n")
        for i, key in enumerate(["get", "set", "view_set"]):
            f.write(f' "{key}": [\n')
            f.write(",\n".join("  " + json.dumps(c) for c in fixture[key]))
            f.write("\n ]" + (",\n" if i < 2 else "\n"))
        f.write("}\n")
    print(f"wrote {path}: {sum(len(fixture[k]) for k in ['get', 'set', 'view_set'])} cases")


if __name__ == "__main__":
    main()
