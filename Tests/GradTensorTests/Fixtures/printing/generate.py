#!/usr/bin/env python3
"""Regenerates cases.json, the PyTorch repr fixtures for PrintingTests.swift.

Run with a Python that has torch (e.g. ~/torchenv/bin/python generate.py); the Swift tests only
read the JSON. Each case records the tensor's shape, dtype, flat row-major elements, autograd
flags and the exact repr(t) PyTorch printed. Elements are strings so nothing is lost in JSON:
floats as repr() (which round-trips exactly) or nan/-nan/inf/-inf, ints in decimal, bools as
True/False. Summarised tensors equal to arange(numel) store {"rule": "arange"} instead (element i
equals i), which keeps the file small and lets 10**8-element cases be tested.
"""
import json
import math
import os
import struct

import torch

F64 = torch.float64
NAN, INF = float("nan"), float("inf")

# (id, expression). Expressions are evaluated with `torch`, `nan`, `inf` in scope.
CASES = [
    # 0-d
    ("scalar_float_whole", "torch.tensor(2.0)"),
    ("scalar_float_fraction", "torch.tensor(3.14159)"),
    ("scalar_float_zero", "torch.tensor(0.0)"),
    ("scalar_float_neg_zero", "torch.tensor(-0.0)"),
    ("scalar_float_nan", "torch.tensor(nan)"),
    ("scalar_float_neg_inf", "torch.tensor(-inf)"),
    ("scalar_float_tiny", "torch.tensor(1e-5)"),
    ("scalar_float_huge", "torch.tensor(1e10)"),
    ("scalar_float64", "torch.tensor(2.5, dtype=torch.float64)"),
    ("scalar_int", "torch.tensor(5)"),
    ("scalar_int_negative", "torch.tensor(-42)"),
    ("scalar_bool", "torch.tensor(True)"),
    ("scalar_requires_grad", "torch.tensor(2.0, requires_grad=True)"),
    ("scalar_sum_grad_fn", "(torch.tensor([1., 2.], requires_grad=True) * 2).sum()"),
    ("scalar_mean_float64_grad_fn", "torch.tensor([1., 2.], dtype=torch.float64, requires_grad=True).mean()"),
    # 1-d: notation choice
    ("vec_int_mode", "torch.tensor([1., 2., 3.])"),
    ("vec_int_mode_negative", "torch.tensor([-1., 20., -300.])"),
    ("vec_fixed", "torch.tensor([1.5, 2.25, -3.125])"),
    ("vec_fixed_rounding", "torch.tensor([0.00015, 0.12345, 2.5e-4, 0.03125, 0.00125], dtype=torch.float64)"),
    ("vec_float32_values", "torch.tensor([0.1, 1/3, 12.34567])"),
    ("vec_float64_values", "torch.tensor([0.1, 1/3, 12.34567], dtype=torch.float64)"),
    ("vec_sci_ratio_just_over", "torch.tensor([0.1, 1/3, 123.4567])"),
    ("vec_float32_mixed_sci", "torch.tensor([0.1, 1/3, 1e-5, 123456.7])"),
    ("vec_float64_mixed_sci", "torch.tensor([0.1, 1/3, 1e-5, 123456.7], dtype=torch.float64)"),
    ("vec_float32_large_fixed", "torch.tensor([123456.7, 1000.5])"),
    ("vec_float64_large_fixed", "torch.tensor([123456.7, 1000.5], dtype=torch.float64)"),
    ("vec_sci_ratio_whole", "torch.tensor([1., 10000.])"),
    ("vec_sci_ratio_fraction", "torch.tensor([0.5, 1000.5])"),
    ("vec_ratio_exactly_1000", "torch.tensor([1., 1000.])"),
    ("vec_sci_max_whole", "torch.tensor([1e9, 2e9])"),
    ("vec_sci_max_fraction", "torch.tensor([1.5e8, 2.5e8])"),
    ("vec_max_exactly_1e8", "torch.tensor([1e8, 5e7])"),
    ("vec_sci_min", "torch.tensor([1e-5, 2e-5])"),
    ("vec_min_1e-4_float32", "torch.tensor([1e-4, 2e-4])"),
    ("vec_min_1e-4_float64", "torch.tensor([1e-4, 2e-4], dtype=torch.float64)"),
    ("vec_sci_extremes_float64", "torch.tensor([5e-324, 1.7976931348623157e308, -1e-300], dtype=torch.float64)"),
    ("vec_sci_negative", "torch.tensor([-1e-7, 3e9, -2.5])"),
    ("vec_linspace_float64_sci", "torch.linspace(-1e-5, 1e9, 7, dtype=torch.float64)"),
    # 1-d: nan, inf, zeros
    ("vec_nan_inf_fixed", "torch.tensor([nan, inf, -inf, 1.5])"),
    ("vec_nan_inf_whole", "torch.tensor([inf, 1., -2., nan])"),
    ("vec_nan_sci", "torch.tensor([nan, 1e-8, 1.0])"),
    ("vec_only_nan", "torch.tensor([nan, nan])"),
    ("vec_only_inf", "torch.tensor([inf, -inf, 0.])"),
    ("vec_negative_nan", "-torch.tensor([nan, 1.])"),
    ("vec_neg_zero_whole", "torch.tensor([-0.0, 0.0, 1.0])"),
    ("vec_neg_zero_fixed", "torch.tensor([-0.0, 0.5])"),
    ("vec_neg_zero_sci", "torch.tensor([-0.0, 1e-6])"),
    ("vec_all_zero", "torch.zeros(5)"),
    # zeros and nan are not measured, so these rows overrun 80 columns as in PyTorch
    ("wrap_all_zero", "torch.zeros(30)"),
    ("wrap_all_nan", "torch.full((25,), nan)"),
    ("vec_wide_zero_fixed", "torch.tensor([0., 12345.5])"),
    # 1-d: ints and bools
    ("vec_int", "torch.tensor([1, -20, 300])"),
    ("vec_int_extremes", "torch.tensor([2**62, -2**63, 0, 2**63 - 1])"),
    ("vec_bool", "torch.tensor([True, False, True])"),
    ("vec_bool_all_true", "torch.tensor([True, True])"),
    # 1-d: wrapping at 80 columns
    ("wrap_int_mode", "torch.arange(40.)"),
    ("wrap_fixed", "torch.linspace(-1, 1, 30)"),
    ("wrap_sci", "torch.logspace(-10, 10, 25)"),
    ("wrap_int64", "torch.arange(-50, 50)"),
    ("wrap_bool", "torch.arange(40) % 3 == 0"),
    ("wrap_nan_fixed", "torch.cat([torch.tensor([nan, -inf]), torch.linspace(0, 1, 20)])"),
    ("wrap_float64_requires_grad", "torch.linspace(0, 1, 17, dtype=torch.float64, requires_grad=True)"),
    # 1-d: summarised
    ("sum1_int64", "torch.arange(2000)"),
    ("sum1_int64_just_over", "torch.arange(1001)"),
    ("sum1_at_threshold", "torch.arange(1000.)"),
    ("sum1_fixed", "torch.arange(2000.) / 7"),
    ("sum1_linspace", "torch.linspace(0, 1, 1001)"),
    ("sum1_bool", "torch.arange(1500) % 2 == 0"),
    ("sum1_hidden_wide_values", "torch.cat([torch.arange(3.), torch.full((1000,), 123456.5), torch.arange(3.)])"),
    ("sum1_hidden_nan", "torch.cat([torch.arange(3.) + 0.5, torch.full((1000,), nan), torch.arange(3.)])"),
    ("sum1_requires_grad", "torch.linspace(-1, 1, 1200, requires_grad=True)"),
    ("sum1_int64_large_negative", "torch.arange(-10**12, 10**12, 10**9)"),
    # 2-d
    ("mat_int_mode", "torch.tensor([[1., 2.], [3., 4.]])"),
    ("mat_fixed", "torch.tensor([[1.5, 2.0], [3.25, -4.0]])"),
    ("mat_requires_grad", "torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)"),
    ("mat_int64", "torch.arange(12).reshape(3, 4) - 5"),
    ("mat_bool", "torch.eye(3).bool()"),
    ("mat_wrap_rows", "torch.arange(60.).reshape(2, 30) / 3"),
    ("mat_row_vector", "torch.arange(5.).reshape(1, 5)"),
    ("mat_column_vector", "torch.arange(3).reshape(3, 1)"),
    ("mat_mm_grad_fn", "torch.ones(2, 3, requires_grad=True) @ torch.full((3, 2), 0.5)"),
    ("sum2_tall", "torch.arange(4000.).reshape(2000, 2)"),
    ("sum2_wide", "torch.arange(4500).reshape(3, 1500)"),
    ("sum2_square", "torch.arange(2500.).reshape(50, 50) / 10"),
    ("sum2_sci", "torch.logspace(-20, 20, 1600, dtype=torch.float64).reshape(40, 40)"),
    ("sum2_bool", "torch.arange(2000).reshape(40, 50) % 3 == 0"),
    ("sum2_nan_corner", "torch.where(torch.arange(1600).reshape(40, 40) == 0, nan, torch.arange(1600.).reshape(40, 40) / 8)"),
    # 3-d and 4-d
    ("t3_int64", "torch.arange(24).reshape(2, 3, 4)"),
    ("t3_fixed", "torch.arange(24.).reshape(2, 3, 4) / 4"),
    ("t3_wrap", "torch.arange(100.).reshape(2, 2, 25) * 1.5"),
    ("t3_bool", "torch.arange(12).reshape(3, 2, 2) > 4"),
    ("t3_grad_fn_view", "(torch.arange(8., requires_grad=True) * 1).reshape(2, 2, 2)"),
    ("sum3_all_dims", "torch.arange(8000).reshape(20, 20, 20)"),
    ("sum3_short_dims", "torch.arange(1400.).reshape(2, 100, 7)"),
    ("sum3_short_last", "torch.arange(1200.).reshape(100, 4, 3) - 600"),
    ("t4_fixed", "torch.arange(16.).reshape(2, 2, 2, 2) - 7.5"),
    ("t4_ones", "torch.ones(1, 1, 1, 1)"),
    ("t4_wrap", "torch.arange(96.).reshape(1, 2, 2, 24) / 7"),
    ("sum4", "torch.arange(10000).reshape(10, 10, 10, 10)"),
    # indentation past the line width: one element per line
    ("deep_nesting_past_line_width", "torch.ones([1] * 74 + [3])"),
    ("deep_nesting_fixed", "torch.ones([1] * 63 + [3]) * 1.5"),
    # empty tensors
    ("empty_float", "torch.tensor([])"),
    ("empty_float_2d", "torch.zeros(0, 3)"),
    ("empty_float_3d", "torch.zeros(2, 0, 3)"),
    ("empty_float64", "torch.zeros(0, dtype=torch.float64)"),
    ("empty_float64_2d", "torch.zeros(3, 0, dtype=torch.float64)"),
    ("empty_int64", "torch.zeros(0, dtype=torch.int64)"),
    ("empty_int64_2d", "torch.zeros(0, 4, dtype=torch.int64)"),
    ("empty_bool", "torch.zeros(0, dtype=torch.bool)"),
    ("empty_requires_grad", "torch.zeros(0, requires_grad=True)"),
    ("empty_2d_grad_fn", "torch.zeros(3, 0, requires_grad=True) * 2"),
    ("empty_float64_grad_fn", "torch.zeros(0, 2, dtype=torch.float64, requires_grad=True) + 1"),
    # suffixes
    ("suffix_float64", "torch.tensor([1., 2.], dtype=torch.float64)"),
    ("suffix_float64_requires_grad", "torch.tensor([1.5, 2.], dtype=torch.float64, requires_grad=True)"),
    ("suffix_float64_grad_fn", "torch.tensor([1., 2.], dtype=torch.float64, requires_grad=True) * 2"),
    ("grad_fn_mul", "torch.tensor([1., 2.], requires_grad=True) * 2"),
    ("grad_fn_add", "torch.tensor([1., 2.], requires_grad=True) + 1"),
    ("grad_fn_exp", "torch.tensor([0., 1.], requires_grad=True).exp()"),
    ("grad_fn_pow", "torch.tensor([1., 3.], requires_grad=True) ** 2"),
    ("grad_fn_neg", "-torch.tensor([1., 3.], requires_grad=True)"),
    ("grad_fn_select", "torch.tensor([[1., 3.]], requires_grad=True)[0]"),
    ("suffix_after_wrapped_row", "torch.arange(11., requires_grad=True) * 1.5"),
    ("suffix_after_wrapped_row_fits", "torch.tensor([1.25] * 10, requires_grad=True)"),
    ("suffix_wrap_single_line", "torch.tensor([1.25] * 7, requires_grad=True)"),
    ("suffix_exact_fit", "torch.full((10,), 10., dtype=torch.float64)"),
    ("suffix_one_column_over", "torch.ones(13, dtype=torch.float64)"),
    ("suffix_wrap_dtype_fits_grad_fn_wraps", "torch.tensor([1.5] * 8, dtype=torch.float64, requires_grad=True) * 1"),
    ("suffix_wrap_both", "torch.linspace(0, 1, 22, dtype=torch.float64, requires_grad=True) * 1"),
    ("suffix_wrap_multiline", "torch.arange(20., dtype=torch.float64).reshape(2, 10).requires_grad_()"),
    ("suffix_wrap_summarised", "(torch.arange(3000., dtype=torch.float64, requires_grad=True) * 2).reshape(3, 1000)"),
    # too large to store: element i is i
    ("huge_int64_1d", "torch.arange(10**8)"),
    ("huge_float64_3d", "torch.arange(10**8, dtype=torch.float64).reshape(100, 1000, 1000)"),
]

SIZES = [[], [0], [1], [2, 3], [2, 3, 4, 5], [0, 3], [10**8]]

MAX_STORED = 5000


def element_text(x):
    if isinstance(x, bool):
        return "True" if x else "False"
    if isinstance(x, int):
        return str(x)
    if math.isnan(x):
        sign = struct.unpack(">Q", struct.pack(">d", x))[0] >> 63
        return "-nan" if sign else "nan"
    return repr(x)  # also covers inf, -inf and -0.0


def record(case_id, expression):
    t = eval(expression, {"torch": torch, "nan": NAN, "inf": INF})
    case = {
        "id": case_id,
        "expression": expression,
        "shape": list(t.shape),
        "dtype": str(t.dtype),
        "requires_grad_leaf": t.is_leaf and t.requires_grad,
        "grad_fn": type(t.grad_fn).__name__ if t.grad_fn is not None else None,
        "repr": repr(t),
    }
    flat = t.detach().reshape(-1)
    is_numeric = t.dtype != torch.bool
    if is_numeric and flat.numel() > 1000 and torch.equal(flat, torch.arange(flat.numel(), dtype=t.dtype)):
        case["rule"] = "arange"
    elif flat.numel() <= MAX_STORED:
        case["elements"] = [element_text(x) for x in flat.tolist()]
    else:
        raise ValueError(f"{case_id}: cases over {MAX_STORED} elements must be arange")
    return case


def main():
    ids = [case_id for case_id, _ in CASES]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate case ids")
    fixture = {
        "torch_version": torch.__version__,
        "cases": [record(case_id, expression) for case_id, expression in CASES],
        "sizes": [{"shape": s, "repr": repr(torch.Size(s))} for s in SIZES],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.json")
    # One case per line keeps the file small and its diffs readable.
    with open(path, "w") as out:
        out.write('{"torch_version": %s,\n "cases": [\n' % json.dumps(fixture["torch_version"]))
        out.write(",\n".join("  " + json.dumps(c) for c in fixture["cases"]))
        out.write('\n ],\n "sizes": [\n')
        out.write(",\n".join("  " + json.dumps(s) for s in fixture["sizes"]))
        out.write("\n ]\n}\n")
    print(f"wrote {len(CASES)} cases and {len(SIZES)} sizes to {path}")


if __name__ == "__main__":
    main()
