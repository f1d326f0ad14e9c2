#!/usr/bin/env python3
"""Compares PyTorch's float32/float64 elementwise functions with MKL's vector math, bit for bit.

Run with the Python that has torch (~/torchenv/bin/python); the argument is a libmkl_rt.so.N
(default: where scripts/setup-mkl installs it). For each function grad sends to MKL
(Sources/GradTensor/Kernels/VectorMathLibrary.swift) it calls vms<Name>/vmd<Name> in PyTorch's mode
and counts the results that differ from torch's over 1.59 million values per dtype: random bit
patterns (every binade, subnormals, NaNs, infinities), uniform values in [-4, 4], magnitudes from
1e-8 to 1e3, multiples of pi/2 and their neighbours, and edge values. How the pinned MKL version
was checked (README, Set-up).
"""
import ctypes
import os
import sys

import numpy as np
import torch

MODE = 0x2 | 0x140000 | 0x100  # VML_HA | VML_FTZDAZ_OFF | VML_ERRMODE_IGNORE, as PyTorch's vml.h
FUNCTIONS = {"exp": "Exp", "log": "Ln", "log2": "Log2", "log10": "Log10", "sin": "Sin", "cos": "Cos",
             "tan": "Tan", "asin": "Asin", "acos": "Acos", "atan": "Atan", "tanh": "Tanh", "erf": "Erf",
             "erfc": "Erfc", "erfinv": "ErfInv", "sqrt": "Sqrt"}


def inputs(dtype, rng, n=1 << 21):
    integer = np.uint32 if dtype == np.float32 else np.uint64
    patterns = rng.integers(0, np.iinfo(integer).max, size=n // 4, dtype=integer, endpoint=True).view(dtype)
    uniform = rng.uniform(-4, 4, n // 4).astype(dtype)
    magnitudes = (rng.uniform(-1, 1, n // 4) * 10.0 ** rng.uniform(-8, 3, n // 4)).astype(dtype)
    turns = (np.arange(-2000, 2000) * np.pi / 2).astype(dtype)
    near_turns = np.concatenate([np.nextafter(turns, dtype(np.inf)), turns, np.nextafter(turns, dtype(-np.inf))])
    info = np.finfo(dtype)
    with np.errstate(over="ignore"):
        edges = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, info.tiny, -info.tiny, info.smallest_subnormal,
                          -info.smallest_subnormal, info.max, -info.max, 1, -1, 0.5, -0.5, 2, 1e-30, 88.7, 89,
                          -87, -104, 709, 710, -745, 1e300], dtype=dtype)
    return np.ascontiguousarray(np.concatenate([patterns, uniform, magnitudes, near_turns, edges]))


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.expanduser("~/.local/lib/grad-mkl/libmkl_rt.so.2")
    library = ctypes.CDLL(path)
    library.MKL_Set_Threading_Layer(1)  # sequential
    torch.set_num_threads(1)
    rng = np.random.default_rng(1)
    for dtype, prefix, bits in ((np.float32, "s", np.int32), (np.float64, "d", np.int64)):
        x = inputs(dtype, rng)
        for name, mkl_name in FUNCTIONS.items():
            out = np.empty_like(x)
            getattr(library, f"vm{prefix}{mkl_name}")(ctypes.c_int(len(x)), x.ctypes.data_as(ctypes.c_void_p),
                                                      out.ctypes.data_as(ctypes.c_void_p), ctypes.c_longlong(MODE))
            expected = getattr(torch, name)(torch.from_numpy(x)).numpy()
            differ = (out.view(bits) != expected.view(bits)).sum()
            print(f"{np.dtype(dtype).name} {name:7s} {differ} of {len(x)} differ")


if __name__ == "__main__":
    main()
