#!/usr/bin/env python3
"""Regenerates cases.json, the PyTorch fixtures for MatmulTests.swift.

Run with a Python that has torch (~/torchenv/bin/python generate.py); the Swift tests only read
the JSON. Each case builds its operands from flat values, applies a few layout changes, calls one
product (matmul / mm / bmm / mv / dot) and records what PyTorch gave: the result's repr, its
version, the graph behind it (node names down to the leaves), and after backward(gradient=G) the
repr of every leaf's .grad; or the exception type and message. Values are multiples of 1/4, so
every product and sum is exact in float32 and the reprs cannot depend on summation order.

An operand is {"shape": base shape, "dtype", "values": flat row-major, "requires_grad",
"views": [["mT"] | ["expand", sizes] | ["unsqueeze", dim]], "detach": bool}. With "detach" the
views are applied first and the result becomes the leaf (a leaf with unusual strides);
otherwise the base is the leaf and the views are recorded in the graph. JSON has no inf or nan,
so such values are written as the strings "inf", "-inf", "nan".
"""
import json
import os

import torch

DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "bool": torch.bool}


def values(n, dtype, seed):
    if dtype == "bool":
        return [(i * 7 + seed) % 3 == 0 for i in range(n)]
    if dtype == "int64":
        return [(i * 7 + seed) % 11 - 5 for i in range(n)]
    return [((i * 7 + seed) % 11 - 5) / 4 for i in range(n)]


def operand(shape, dtype="float32", grad=True, views=(), detach=False, seed=0):
    n = 1
    for s in shape:
        n *= s
    return {"shape": list(shape), "dtype": dtype, "values": values(n, dtype, seed),
            "requires_grad": grad and dtype in ("float32", "float64"), "views": [list(v) for v in views],
            "detach": detach}


def build(spec):
    base = torch.tensor(spec["values"], dtype=DTYPES[spec["dtype"]]).reshape(spec["shape"])

    def apply(t):
        for v in spec["views"]:
            if v[0] == "mT":
                t = t.mT
            elif v[0] == "expand":
                t = t.expand(*v[1])
            elif v[0] == "unsqueeze":
                t = t.unsqueeze(v[1])
        return t

    if spec["detach"]:
        x = apply(base).detach()
        if spec["requires_grad"]:
            x.requires_grad_()
        return x, x
    if spec["requires_grad"]:
        base.requires_grad_()
    return apply(base), base


def graph(fn):
    if fn is None:
        return "None"
    name = fn.name().replace("torch::autograd::", "")
    if name == "AccumulateGrad":
        return "Leaf" + str(list(fn.variable.shape))
    return name + "(" + ", ".join(graph(n) for n, _ in fn.next_functions) + ")"


OPS = {
    "matmul": lambda a, b: a @ b,
    "mm": torch.mm,
    "bmm": torch.bmm,
    "mv": torch.mv,
    "dot": torch.dot,
}


def run(name, op, a, b):
    (x, xl), (y, yl) = build(a), build(b)
    case = {"name": name, "op": op, "inputs": [a, b]}
    try:
        out = OPS[op](x, y)
    except Exception as e:  # noqa: BLE001 - the exception is the expectation
        case["error"] = {"type": type(e).__name__, "message": str(e)}
        return case
    case["shape"] = list(out.shape)
    case["repr"] = repr(out)
    case["version"] = out._version
    case["graph"] = graph(out.grad_fn)
    if out.requires_grad:
        g = torch.tensor(values(out.numel(), "float32", 3), dtype=out.dtype).reshape(out.shape)
        case["gradient"] = [float(v) for v in g.flatten()]
        out.backward(g)
        case["grads"] = [repr(l.grad) if l.requires_grad else None for l in (xl, yl)]
    return case


def with_grads(name, op, sa, sb, **kw):
    """The case for each requires_grad combination of the two operands."""
    out = []
    for ga, gb, tag in ((True, True, "gg"), (True, False, "g_"), (False, True, "_g")):
        out.append(run(f"{name}_{tag}", op, operand(sa, grad=ga, seed=1, **kw), operand(sb, grad=gb, seed=2, **kw)))
    return out


CASES = []
# Every matmul form, with each operand requiring grad or not (the path PyTorch takes depends on it).
for name, sa, sb in [
    ("dot", [3], [3]), ("mv", [2, 3], [3]), ("vec_mat", [3], [3, 4]), ("mm", [2, 3], [3, 4]),
    ("bmm_3_3", [2, 2, 3], [2, 3, 4]), ("fold_3_2", [2, 2, 3], [3, 4]), ("fold_2_3", [2, 3], [2, 3, 4]),
    ("fold_3_1", [2, 2, 3], [3]), ("fold_1_3", [3], [2, 3, 4]), ("bmm_4_4", [2, 2, 2, 3], [2, 2, 3, 4]),
    ("broadcast_4_3", [2, 1, 2, 3], [3, 3, 4]), ("fold_4_2", [2, 2, 2, 3], [3, 4]), ("fold_4_1", [2, 2, 2, 3], [3]),
    ("fold_1_4", [3], [2, 2, 3, 4]), ("squeeze_lhs_batch", [1, 2, 3], [3, 3, 4]),
    ("squeeze_rhs_batch", [3, 2, 3], [1, 3, 4]), ("batch_ones", [1, 2, 3], [1, 3, 4]),
    ("batch1_2_3", [2, 3], [1, 3, 4]), ("broadcast_both", [2, 1, 2, 3], [1, 3, 3, 4]),
    ("column_rhs_batch", [2, 3, 2, 3], [3, 3, 1]), ("row_by_column", [1, 3], [3, 1]),
    ("column_by_row", [3, 1], [1, 3]), ("one_by_one", [1, 1], [1, 4]), ("k_one", [2, 1], [1, 1]),
]:
    CASES += with_grads(name, "matmul", sa, sb)

# Layouts: leaves with transposed strides (mm's column-major gradient branch), non-contiguous
# views in the graph (no folding), broadcast views.
CASES += [
    run("mm_column_major_lhs", "matmul", operand([3, 2], views=[["mT"]], detach=True, seed=1), operand([3, 4], seed=2)),
    run("mm_column_major_rhs", "matmul", operand([2, 3], seed=1), operand([4, 3], views=[["mT"]], detach=True, seed=2)),
    run("mm_both_transposed_views", "matmul", operand([3, 2], views=[["mT"]], seed=1), operand([4, 3], views=[["mT"]], seed=2)),
    run("bmm_transposed_lhs_view", "matmul", operand([2, 3, 2], views=[["mT"]], seed=1), operand([3, 4], grad=False, seed=2)),
    run("bmm_transposed_lhs_leaf", "matmul", operand([2, 3, 2], views=[["mT"]], detach=True, seed=1), operand([3, 4], grad=False, seed=2)),
    run("vec_transposed_batch", "matmul", operand([3], grad=False, seed=1), operand([2, 4, 3], views=[["mT"]], seed=2)),
    run("mv_transposed_batch_no_grad", "matmul", operand([2, 3, 2], views=[["mT"]], seed=1), operand([3], grad=False, seed=2)),
    run("expanded_batch_lhs", "matmul", operand([2, 3], views=[["expand", [2, 2, 3]]], seed=1), operand([3, 4], grad=False, seed=2)),
    run("expanded_rows", "matmul", operand([2, 1, 3], views=[["expand", [2, 2, 3]]], seed=1), operand([3, 4], grad=False, seed=2)),
    run("mm_expanded_operands", "mm", operand([1, 3], views=[["expand", [2, 3]]], seed=1), operand([3, 1], views=[["expand", [3, 4]]], seed=2)),
    run("bmm_transposed_both", "bmm", operand([2, 3, 2], views=[["mT"]], seed=1), operand([2, 4, 3], views=[["mT"]], seed=2)),
    run("mv_column_major", "mv", operand([3, 2], views=[["mT"]], detach=True, seed=1), operand([3], seed=2)),
    run("mv_expanded_vector", "mv", operand([2, 3], seed=1), operand([1], views=[["expand", [3]]], seed=2)),
    run("dot_expanded", "dot", operand([1], views=[["expand", [4]]], seed=1), operand([4], seed=2)),
]

# Empty dimensions.
for name, sa, sb in [("empty_rows", [0, 3], [3, 4]), ("empty_inner", [2, 0], [0, 4]), ("empty_dot", [0], [0]),
                     ("empty_batch", [0, 2, 3], [3, 4]), ("empty_batch_bmm", [0, 2, 3], [0, 3, 4]),
                     ("empty_last_fold", [3, 5, 0], [0, 0]), ("empty_broadcast", [0, 1, 2, 3], [5, 3, 4]),
                     ("empty_mv", [2, 0], [0])]:
    CASES.append(run(name, "matmul", operand(sa, seed=1), operand(sb, seed=2)))

# Other dtypes: float64 keeps its dtype; int64 works (wrapping on overflow); bool does not.
for name, sa, sb in [("dot", [3], [3]), ("mv", [2, 3], [3]), ("vec_mat", [3], [3, 4]), ("mm", [2, 3], [3, 4]),
                     ("bmm", [2, 2, 3], [2, 3, 4]), ("fold_3_2", [2, 2, 3], [3, 4]), ("fold_2_3", [2, 3], [2, 3, 4]),
                     ("broadcast", [2, 1, 2, 3], [3, 3, 4])]:
    for dt in ("float64", "int64", "bool"):
        CASES.append(run(f"{dt}_{name}", "matmul", operand(sa, dt, seed=1), operand(sb, dt, seed=2)))
CASES.append(run("int64_overflow_wraps", "mm",
                 {"shape": [1, 2], "dtype": "int64", "values": [2**62, 2**62], "requires_grad": False, "views": [], "detach": False},
                 {"shape": [2, 1], "dtype": "int64", "values": [2, 2], "requires_grad": False, "views": [], "detach": False}))
CASES.append(run("inf_times_zero_is_nan", "mm",
                 {"shape": [1, 2], "dtype": "float32", "values": [float("inf"), 0.0], "requires_grad": False, "views": [], "detach": False},
                 {"shape": [2, 1], "dtype": "float32", "values": [0.0, 1.0], "requires_grad": False, "views": [], "detach": False}))

# Errors: ranks, sizes, dtypes, in the order PyTorch checks them, for matmul and each primitive.
def err(name, op, sa, sb, da="float32", db="float32", ga=False, gb=False):
    CASES.append(run(name, op, operand(sa, da, grad=ga, seed=1), operand(sb, db, grad=gb, seed=2)))


err("matmul_0d_1d", "matmul", [], [3])
err("matmul_1d_0d", "matmul", [3], [])
err("matmul_0d_0d", "matmul", [], [], "int64", "float64")
err("matmul_dot_size", "matmul", [3], [4])
err("matmul_mm_size", "matmul", [2, 3], [2, 3])
err("matmul_mv_size", "matmul", [2, 3], [4])
err("matmul_vec_mat_size", "matmul", [3], [4, 5])
err("matmul_bmm_size", "matmul", [5, 2, 3], [5, 4, 4])
err("matmul_batch_mismatch", "matmul", [5, 2, 3], [4, 3, 4])
err("matmul_batch_mismatch_4d", "matmul", [2, 5, 2, 3], [3, 5, 4, 4])
err("matmul_fold_3_2_size", "matmul", [5, 2, 3], [4, 4])
err("matmul_fold_2_3_size_grad", "matmul", [2, 3], [5, 4, 4], ga=True)
err("matmul_2_3_size_no_grad", "matmul", [2, 3], [5, 4, 4])
err("matmul_fold_3_1_size", "matmul", [5, 2, 3], [4])
err("matmul_1_3_size", "matmul", [3], [5, 4, 4])
err("matmul_fold_1_3_size_grad", "matmul", [3], [5, 4, 4], ga=True)
err("matmul_dtype_mm", "matmul", [2, 3], [3, 4], "float32", "float64")
err("matmul_dtype_mm_reversed", "matmul", [2, 3], [3, 4], "float64", "float32")
err("matmul_dtype_int_float", "matmul", [2, 3], [3, 4], "int64", "float32")
err("matmul_dtype_bool_float", "matmul", [2, 3], [3, 4], "bool", "float32")
err("matmul_dtype_dot", "matmul", [3], [3], "float32", "float64")
err("matmul_dtype_mv", "matmul", [2, 3], [3], "float32", "float64")
err("matmul_dtype_mv_reversed", "matmul", [2, 3], [3], "float64", "float32")
err("matmul_dtype_vec_mat", "matmul", [3], [3, 4], "float64", "float32")
err("matmul_dtype_bmm", "matmul", [5, 2, 3], [5, 3, 4], "float32", "float64")
err("matmul_dtype_bmm_int", "matmul", [2, 2, 3], [2, 3, 4], "int64", "float32")
err("matmul_dtype_fold", "matmul", [5, 2, 3], [3, 4], "float32", "float64")
err("matmul_dtype_2_3", "matmul", [2, 3], [2, 3, 4], "float64", "float32")
err("matmul_dtype_2_3_grad", "matmul", [2, 3], [2, 3, 4], "float64", "float32", ga=True)
err("matmul_dtype_size_mm", "matmul", [2, 3], [2, 3], "float32", "float64")
err("mm_self_3d", "mm", [2, 3, 4], [4, 5])
err("mm_self_1d", "mm", [3], [3, 5])
err("mm_self_0d", "mm", [], [3, 4])
err("mm_mat2_1d", "mm", [2, 3], [3])
err("mm_mat2_3d_float64", "mm", [2, 3], [2, 3, 3], "float32", "float64")
err("mm_size", "mm", [2, 3], [2, 3])
err("mm_bool", "mm", [2, 3], [3, 4], "bool", "bool")
err("mm_bool_size", "mm", [2, 3], [2, 3], "bool", "bool")
err("mm_dtype_long_double", "mm", [2, 3], [3, 3], "int64", "float64")
err("mm_dtype_double_bool", "mm", [2, 3], [3, 3], "float64", "bool")
err("dot_2d", "dot", [2, 3], [2, 3])
err("dot_0d", "dot", [], [])
err("dot_rank_before_dtype", "dot", [2, 3], [3], "float32", "float64")
err("dot_dtype_before_size", "dot", [3], [4], "float32", "float64")
err("dot_bool", "dot", [3], [3], "bool", "bool")
err("dot_bool_size", "dot", [3], [4], "bool", "bool")
err("dot_bool_float", "dot", [3], [3], "bool", "float32")
err("mv_1d", "mv", [3], [3])
err("mv_2d_2d", "mv", [2, 3], [3, 1])
err("mv_3d", "mv", [2, 2, 3], [3])
err("mv_0d", "mv", [2, 3], [])
err("mv_size_before_dtype", "mv", [2, 3], [4], "float32", "float64")
err("mv_dtype", "mv", [2, 3], [3], "float64", "float32")
err("mv_dtype_long", "mv", [2, 3], [3], "float32", "int64")
err("mv_bool", "mv", [2, 3], [3], "bool", "bool")
err("mv_bool_float", "mv", [2, 3], [3], "bool", "float32")
err("bmm_2d", "bmm", [2, 3], [3, 4])
err("bmm_mat2_2d", "bmm", [2, 2, 3], [3, 4])
err("bmm_4d", "bmm", [2, 2, 3, 1], [2, 4, 4])
err("bmm_batch", "bmm", [2, 2, 3], [3, 3, 4])
err("bmm_inner", "bmm", [2, 2, 3], [2, 4, 4])
err("bmm_size_before_dtype", "bmm", [2, 2, 3], [2, 4, 4], "float32", "float64")
err("bmm_dtype", "bmm", [2, 2, 3], [2, 3, 4], "float64", "float32")
err("bmm_dtype_bool_second", "bmm", [2, 2, 3], [2, 3, 4], "float32", "bool")
err("bmm_bool_before_dtype", "bmm", [2, 2, 3], [2, 3, 4], "bool", "float32")
err("bmm_bool", "bmm", [2, 2, 3], [2, 3, 4], "bool", "bool")


def exact(x):
    """JSON has no inf or nan: those values are written as strings."""
    if isinstance(x, float) and x != x:
        return "nan"
    if isinstance(x, float) and x in (float("inf"), float("-inf")):
        return "inf" if x > 0 else "-inf"
    if isinstance(x, dict):
        return {k: exact(v) for k, v in x.items()}
    if isinstance(x, list):
        return [exact(v) for v in x]
    return x


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "cases.json"), "w") as f:
        f.write('{"torch_version": %s,\n "cases": [\n' % json.dumps(torch.__version__))
        f.write(",\n".join("  " + json.dumps(exact(c), allow_nan=False) for c in CASES))
        f.write("\n ]}\n")
    print(f"wrote {len(CASES)} cases")


if __name__ == "__main__":
    main()
