"""Shared by the fixture generators of ops/ and autograd/: runs each case's Python under real
PyTorch, capturing what it prints (an uncaught exception becomes its `Type: message` line), and
writes cases.json. RecordedScripts.swift runs the same source through grad the same way."""
import contextlib, io, json, warnings
import torch

warnings.simplefilter("ignore")


def run(code):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            exec(code, {"torch": torch})
        except Exception as e:
            print(f"{type(e).__name__}: {e}")
    return out.getvalue()


def record(cases, path="cases.json"):
    with open(path, "w") as f:
        json.dump({k: {"source": v.strip(), "expected": run(v)} for k, v in cases.items()}, f, indent=1, ensure_ascii=False)
