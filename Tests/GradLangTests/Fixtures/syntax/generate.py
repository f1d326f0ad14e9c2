#!/usr/bin/env python3
"""Records what CPython 3.11 says about each source text below, for SyntaxErrorFixtureTests.

    python3 generate.py > cases.json     (run with CPython 3.11; the tests never need Python)

Each case gets CPython's verdict from compile(source, "f.grad", "exec"): "ok" or the error's type,
message, line, column and end. CPython reports no end (-1 or 0) for some errors; those are
normalised to one character, which is how CPython draws them and how grad stores them.
A few cases list what grad says instead ("grad"), with the reason ("why"): features grad does not
support yet, and places where CPython 3.11's report is an artefact.
"""
import codeop
import json
import sys
import warnings

warnings.simplefilter("ignore")  # "invalid decimal literal" warnings for `1if`


# (source, optional override {"kind", "message", "line", "column", "endLine", "endColumn", "why"})
CASES = [
    # --- valid programs --------------------------------------------------------------------------
    ("x = 1\n", None),
    ("a = b = c = [1, 2]\n", None),
    ("a, *b = range(5)\n", None),
    ("[a, b], c = x\n", None),
    ("x.y[0] += 1\n", None),
    ("x: int = 5\n", None),
    ("x @= y\nx //= 2\nx **= 3\nx >>= 1\nx <<= 1\nx &= 1\nx |= 1\nx ^= 1\nx %= 3\n", None),
    ("if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n", None),
    ("while x:\n    break\nelse:\n    pass\n", None),
    ("for i, (a, b) in enumerate(pairs):\n    continue\nelse:\n    pass\n", None),
    ("def f(a, b=1, *args, c, d=2, **kwargs) -> int:\n    return a\n", None),
    ("def f(a, /, b, *, c):\n    pass\n", None),
    ("def f(x: int = 1, *rest: str, **kw: float):\n    pass\n", None),
    ("@decorator\n@other(1)\ndef f():\n    pass\n", None),
    ("lambda: 0\n", None),
    ("lambda x, *y, z=1, **w: x\n", None),
    ("with a as b, c as (d, e):\n    pass\n", None),
    ("with (a as b,\n      c):\n    pass\n", None),
    ("with (a, b) as c:\n    pass\n", None),
    ("with no_grad:\n    pass\n", None),
    ("import torch\nimport torch as t\nimport math, a.b.c as d\n", None),
    ("from torch import no_grad, tensor\nfrom x import (a, b as c,)\nfrom . import y\nfrom ..z import *\n", None),
    ("def f():\n    global g\n    nonlocal_thing = 1\n", None),
    ("def f():\n    x = 1\n    def g():\n        nonlocal x\n", None),
    ("del a, b[0], c.d, (e, f), [g]\n", None),
    ("assert x, 'message'\n", None),
    ("try:\n    pass\nexcept ValueError as e:\n    pass\nexcept (A, B):\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n", None),
    ("try:\n    pass\nfinally:\n    pass\n", None),
    ("raise\nraise X\nraise X from Y\n", None),
    ("x = a if b else c if d else e\n", None),
    ("x = not a and b or c\n", None),
    ("x = a < b <= c != d in e not in f is g is not h\n", None),
    ("x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m\n", None),
    ("x = -a ** -b\ny = ~a + +b\n", None),
    ("f(a)(b)[c].d[e:f, ::2, ..., None]\n", None),
    ("x = t[1:2, 3]\ny = t[::]\nz = t[*a]\n", None),
    ("x = (), (1,), [], {}, {1}, {1: 2}, {**a, 'b': 1}, [*a, 1], {*a}\n", None),
    ("x = [i for i in range(3) if i for j in k if j if i]\n", None),
    ("x = {k: v for k, v in d.items()}\ny = {a for a in b}\nz = (a for a in b)\n", None),
    ("sum(x*x for x in xs)\n", None),
    ("if (n := 10) > 5:\n    pass\n", None),
    ("x = 'a' \"b\" '''c''' \"\"\"d\"\"\" r'\\e' u'f'\n", None),
    ("x = f'{a!r:>{width}.{precision}f} {{literal}} {b=}'\n", None),
    ("x = f\"{d['key']}\" f'{\"nested\"}'\n", None),
    ("x = 1_000 + 0xff + 0o17 + 0b101 + 1.5e-3 + 1_0.0_1 + .5 + 5. + 2j + 00 + 0_0\n", None),
    ("x = 1if y else 2\n", None),
    ("x = (1 +\n     2)\ny = 1 + \\\n    2\n", None),
    ("if x:\n    a = 1\n\n    # comment\n        \n    b = 2\n", None),
    ("if x:\n\ta\n\tb\n", None),
    ("# 中文注释\n变量 = '中文字符串'\nprint(变量)  # 注释\n", None),
    ("x = 1; y = 2;\n", None),
    ("if x: a; b\n", None),
    ("x = (yield_ := 1)\n", None),
    ("class_ = 1\n", None),
    ("match = case = _ = 1\n", None),

    # --- lexical errors ---------------------------------------------------------------------------
    ("x = $\n", None),
    ("a ? b\n", None),
    ("x = `\n", None),
    ("x = !\n", None),
    ("x = €\n", None),
    ("x = 1 ？\n", None),
    ("x = 1 ，2\n", None),
    ("x = 1\u00a0+ 2\n", None),
    ("x\u200b = 1\n", None),
    ("1__0\n", None),
    ("0x\n", None),
    ("0xg\n", None),
    ("012\n", None),
    ("0_1\n", None),
    ("0b102\n", None),
    ("0b\n", None),
    ("0o8\n", None),
    ("0o\n", None),
    ("1_\n", None),
    ("1e\n", None),
    ("1e+\n", None),
    ("1.e5x\n", None),
    ("1a\n", None),
    ("1__2.0\n", None),
    ("0x1_\n", None),
    ("5jx\n", None),
    ("1.2.3\n", None),
    ('"abc\n', None),
    ("x = 'a\n", None),
    ('x = "a\\"\n', None),
    ("'''abc\n\n", None),
    ('x = """abc\ndef', None),
    ('"abc\\\ndef\n', None),
    ("x = (1,\n2\n", None),
    ("[1,2\n", None),
    ("x = (1 2\n", None),
    ("x = 1)\n", None),
    ("(1]\n", None),
    ("(1,\n2]\n", None),
    ("x = (\n1 2\n", None),
    ("x = 1\n(\nx 2\n", None),
    ("x 2\ny = (\n", None),
    ("x = 1 2\ny = \"abc\n", None),
    ("f() = 1\ny = \"abc\n", None),
    ("x 2\ny = 012\n", None),
    ("x = )\ny = \"\n", None),
    ("a = 1 \\ b\n", None),
    ("x = \\", None),
    ("x = 1 \\\n", None),
    ("x = (1, \\", None),
    ("x = 1\nx\0y\n", {"kind": "SyntaxError", "message": "source code cannot contain null bytes",
                       "line": 2, "column": 2, "endLine": 2, "endColumn": 3,
                       "why": "compile() raises ValueError; running a file gives this SyntaxError (python3 f.py)"}),

    # --- indentation ------------------------------------------------------------------------------
    ("  x = 1\n", None),
    ("if x:\npass\n", None),
    ("for i in x:\n\n\npass\n", None),
    ("for i in x:\n", None),
    ("for i in x:", None),
    ("for i in x:  # c\n", None),
    ("for i in x:\n\n\n", None),
    ("while x:\n", None),
    ("with a:\n", None),
    ("def f():\n", None),
    ("try:\n", None),
    ("try:\n    pass\nexcept:\n", None),
    ("try:\n    pass\nexcept E as e:\nx\n", None),
    ("try:\n    pass\nfinally:\n", None),
    ("if x:\n    pass\nelif y:\n", None),
    ("if x:\n    pass\nelse:", None),
    ("if x:\n    if y:\n    z\n", None),
    ("if x:\n  if y:\nz\n", {"kind": "IndentationError", "message": "expected an indented block after 'if' statement on line 2",
                              "line": 3, "column": 1, "endLine": 3, "endColumn": 2,
                              "why": "CPython reports column 0 (no caret) at a DEDENT to column 0; grad points at the line's first character"}),
    ("if x:\n        a\n    b\n", None),
    ("if x:\n    y\n  z\n", None),
    ("if x:\n\ta\n        b\n", None),
    ("if x:\n  y\n\t\tz\n", None),
    ("if x:\n        y\n\tz\n", None),
    ("if x:\n    y\n\tz\n", None),
    ("if x:\n  \ty\n\t  z\n", None),
    ("if x:\n\t y\n        z\n", None),
    ("if x:\n y\n  z\n", None),
    ("\tif x:\n\t\ty\n", None),
    ("if x:\n    y\nz = 1\n    w\n", None),
    ("def f(x,\n      y):\n    pass\n  z\n", None),
    ("".join(" " * i + "if x:\n" for i in range(100)) + " " * 100 + "pass\n", None),
    ("if x:\n    pass\n  else: pass\n", None),

    # --- parser errors ----------------------------------------------------------------------------
    ("f(a b)\n", None),
    ("f(x, y z)\n", None),
    ("(\n\n  x y\n)\n", None),
    ("[1 2]\n", None),
    ("{1 2}\n", None),
    ("x = [a b for a in c]\n", None),
    ("f(_ x)\n", None),
    ("f(b 'x')\n", None),
    ("a b\n", None),
    ("x = 1 2\n", None),
    ("x = 5 if\n", None),
    ("x = a if b\n", None),
    ("x = 1 +\n", None),
    ("x = 1 +  # c\n", None),
    ("x =\n\n", None),
    ("if x:\n  y = 1\n  z = 2 +", None),
    ("def f(:\n", None),
    ("x.\n", None),
    ("lambda\n", None),
    ("print \"x\"\n", None),
    ("print 'hello', x\n", None),
    ("x = print \"hi\"\n", None),
    ("if x\n  pass\n", None),
    ("while x\n  pass\n", None),
    ("for x in y\n  pass\n", None),
    ("with a\n  pass\n", None),
    ("if x y:\n  pass\n", None),
    ("def f()\n  pass\n", None),
    ("def f:\n  pass\n", None),
    ("try\n  pass\n", None),
    ("if x:\n  pass\nelse\n  pass\n", None),
    ("try:\n  pass\n", None),
    ("try:\n  pass\nx = 1\n", None),
    ("try:\n  pass\nexcept A, B:\n  pass\n", None),
    ("try:\n  pass\nexcept A\n  pass\n", None),
    ("except A, B: pass\n", None),
    ("else: pass\n", None),
    ("if x:\n  pass\n  else: pass\n", None),
    ("x = 1;;\n", None),
    ("f() = 1\n", None),
    ("1 = x\n", None),
    ("f() = 1, 2\n", None),
    ("x = f() = 1\n", None),
    ("a = f() = 1\n", None),
    ("(a < b) = 1\n", None),
    ("[a] + b = 1\n", None),
    ("not a = 1\n", None),
    ("a < b = 1\n", None),
    ("a + 1 = 2\n", None),
    ("-a = 1\n", None),
    ("a, f() = 1\n", None),
    ("(a, 1) = x\n", None),
    ("[a, f()] = x\n", None),
    ("True = 1\n", None),
    ("None = 1\n", None),
    ("... = 1\n", None),
    ("'s' = 1\n", None),
    ("f'{x}' = 1\n", None),
    ("x = 1 = 2\n", None),
    ("[x for x in y] = 1\n", None),
    ("{a: b} = 1\n", None),
    ("{a} = 1\n", None),
    ("(x for x in y) = 1\n", None),
    ("a if b else c = 1\n", None),
    ("lambda: 1 = 1\n", None),
    ("f() += 1\n", None),
    ("a, b += 1\n", None),
    ("[a] += 1\n", None),
    ("None += 1\n", None),
    ("a, b: int\n", None),
    ("(a, b): int\n", None),
    ("[a]: int\n", None),
    ("f(): int\n", None),
    ("del f()\n", None),
    ("del *a\n", None),
    ("del (a, 1)\n", None),
    ("del a + b\n", None),
    ("for f() in x: pass\n", None),
    ("for 1 in x: pass\n", None),
    ("for a, b.c, d[0], f() in x: pass\n", None),
    ("with a as f(): pass\n", None),
    ("with a as 1: pass\n", None),
    ("[x for 1 in y]\n", None),
    ("[x for f() in y]\n", None),
    ("if x = 1: pass\n", None),
    ("if x.y = 1: pass\n", None),
    ("while x = 1: pass\n", None),
    ("[x = 1]\n", None),
    ("f(a, x = 1 for x in y)\n", None),
    ("if (a := 1) = 2: pass\n", None),
    ("x[0] := 1\n", None),
    ("f(a=1, b)\n", None),
    ("f(**k, b)\n", None),
    ("f(**k, *a)\n", None),
    ("f(x for x in y, 1)\n", None),
    ("f(1, x for x in y)\n", None),
    ("f(True=1)\n", None),
    ("f(a.b=1)\n", None),
    ("f(a, b=)\n", None),
    ("from x import a,\n", None),
    ("from x import\n", None),
    ("import\n", None),
    ("import a.\n", None),
    ("x = [1, 2 for x in y]\n", None),
    ("x = [1, for x in y]\n", None),
    ("x = {1, 2 for x in y}\n", None),
    ("x = [*a for a in b]\n", None),
    ("x = {**a for b in c}\n", None),
    ("{1: 2, 3}\n", None),
    ("{1: *a}\n", None),
    ("{1:}\n", None),
    ("{1: 2, 3:}\n", None),
    ("(*a)\n", None),
    ("(**a)\n", None),
    ("def f(a=1, b): pass\n", None),
    ("def f(*): pass\n", None),
    ("def f(*, **k): pass\n", None),
    ("def f(**k, a): pass\n", None),
    ("def f(**k, *a): pass\n", None),
    ("def f(*a=1): pass\n", None),
    ("def f(**k=1): pass\n", None),
    ("def f(*a, *b): pass\n", None),
    ("def f(a, /, b, /): pass\n", None),
    ("def f(/): pass\n", None),
    ("def f(/, a): pass\n", None),
    ("def f(*a, /): pass\n", None),
    ("def f(a=): pass\n", None),
    ("def f((a, b)): pass\n", None),
    ("lambda a=1, b: 0\n", None),
    ("lambda (a, b): 0\n", None),
    ("x = (1 if 2)\n", None),
    ("x = 1 if 2 else\n", None),
    ("f(**)\n", None),
    ("x = [1, 2\ny = 3\n", None),
    ("foo(\n  a,\n  b\n\nz = 1\n", None),
    ("print(f'{x!z}')\n", None),

    ("x = [a\n     b]\n", None),
    ("x = 1\nprint(a b)\n", None),
    ("变量 = 1 ？\n", None),
    ("{x := 1: 2}\n", None),
    ("x = y := 1\n", None),
    ("with x := 1: pass\n", None),
    ("lambda: x := 1\n", None),
    ("x[a:b := 1]\n", None),
    ("{(x := 1): 2, y := 3}\n", None),
    ("0or 1\n", None),
    ("0x1for x in y\n", None),
    ("1jif x else y\n", None),
    ("x = 1if y else 2else 3\n", None),
    ("x = 1_000_\n", None),
    ("x = 1.5_\n", None),
    ("x = 1e5_0j\n", None),
    ("x = 0b1_\n", None),
    ("x = 09\n", None),
    ("x = 0_\n", None),
    ("x = 1.__class__\n", None),
    ("x = 1 .real\n", None),
    ("x = 1.real\n", None),
    ("f(**k, a=1, *b)\n", None),
    ("f(*a, b)\n", None),
    ("f(a)(b=1)(*c)\n", None),
    ("def f(a, *, b=1, c): pass\n", None),
    ("def f(a=1, *, b): pass\n", None),
    ("def f(a, b=1, /, c): pass\n", None),
    ("lambda *, **k: 0\n", None),
    ("lambda *: 0\n", None),
    ("with (a as b) as c: pass\n", None),
    ("with (a, b): pass\n", None),
    ("with (a for a in b): pass\n", None),
    ("for x in y: pass\nelse: pass\nelse: pass\n", None),
    ("if x: pass\nelif: pass\n", None),
    ("while x: pass\nelif y: pass\n", None),
    ("try: pass\nexcept: pass\nexcept E: pass\n", None),
    ("try: pass\nelse: pass\n", None),
    ("x = [i for i in range(3) for]\n", None),
    ("x = [i for i in]\n", None),
    ("x = [i for in y]\n", None),
    ("(a, b) += 1\n", None),
    ("x.y: int = 1\nx[0]: int\n", None),
    ("import a as b.c\n", None),
    ("from a import b.c\n", None),
    ("from a import (b, c\n", None),
    ("global x.y\n", None),
    ("del x,\n", None),
    ("del\n", None),
    ("assert\n", None),
    ("raise X from\n", None),
    ("return\n", None),
    ("pass pass\n", None),
    ("x = (1, 2\n    3)\n", None),
    ("x = [1, 2\n     3]\n", None),
    ("print(\"a\" \"b\" c)\n", None),
    ("print(1 if x else 2 3)\n", None),
    ("a = 1\n  b = 2\n", None),
    ("if x:\n    a = 1\n     b = 2\n", None),
    ("def f():\n    \"\"\"doc\"\"\"\n    return 1\n  x\n", None),
    ("x = {'a': 1 'b': 2}\n", None),
    ("t[1 2]\n", None),

    ('{"a": 1, "b" c}\n', None),
    ('{"a": 1, "b" c < 1}\n', None),
    ("{1: 2, f(x) y}\n", None),
    ('{"b" c}\n', None),
    ("class = 1\n", None),
    ("class+x = 1\n", None),
    ("async = 1\n", None),
    ("async x\n", None),
    ("await = 1\n", None),
    ("for x, y -in z: pass\n", None),
    ("for -x in y: pass\n", None),
    ("with a as b + c: pass\n", None),
    ("x = [1, for 2 in y]\n", None),
    ("def f(a, *, *b=1): pass\n", None),
    ("if x:\n    y\n    \\z\n", None),
    ("if x:\n  \\\n    y\n", None),
    ("print(f'{x for .4f}')\n", {"kind": "SyntaxError", "message": "invalid decimal literal",
                                   "line": 1, "column": 17, "endLine": 1, "endColumn": 18,
                                   "why": "CPython 3.11 counts columns in a made-up '(x for .4f)' line; grad in the real one"}),

    # --- f-strings and string escapes -------------------------------------------------------------
    ('f"{x"\n', None),
    ('f"{}"\n', None),
    ('f"{ }"\n', None),
    ('f"}"\n', None),
    ('f"{x!z}"\n', None),
    ('f"{x!}"\n', None),
    ('f"{x#}"\n', None),
    ('f"{\\n}"\n', None),
    ('f"{x:{y:{z}}}"\n', None),
    ('f"{(}"\n', None),
    ('f"{)}"\n', None),
    ('f"{[}"\n', None),
    ('f"{=}"\n', None),
    ('f"{!r}"\n', None),
    ('f"{x!r=}"\n', None),
    ('f"{x["a"]}"\n', None),
    ('f"a" "b" f"{1"\n', None),
    ("f'{x' + 1\n", None),
    ("f'{x\n", None),
    ('f"{a b}"\n', {"kind": "SyntaxError", "message": "f-string: invalid syntax. Perhaps you forgot a comma?",
                    "line": 1, "column": 4, "endLine": 1, "endColumn": 7,
                    "why": "CPython 3.11 reports columns within a made-up '(a b)' line; grad points into the real line, as 3.12 does"}),
    ('x = 1\nf"{a b}"\n', {"kind": "SyntaxError", "message": "f-string: invalid syntax. Perhaps you forgot a comma?",
                           "line": 2, "column": 4, "endLine": 2, "endColumn": 7,
                           "why": "CPython 3.11 reports columns within a made-up '(a b)' line; grad points into the real line"}),
    ('f"{lambda x:1}"\n', {"kind": "SyntaxError", "message": "f-string: invalid syntax",
                           "line": 1, "column": 12, "endLine": 1, "endColumn": 13,
                           "why": "CPython 3.11 reports columns within '(lambda x)'; grad points at the field's end in the real line"}),
    ('f"{1+}"\n', {"kind": "SyntaxError", "message": "f-string: invalid syntax",
                   "line": 1, "column": 6, "endLine": 1, "endColumn": 7,
                   "why": "CPython 3.11 reports columns within '(1+)'; grad points at the field's end in the real line"}),
    ('f"{x $}"\n', {"kind": "SyntaxError", "message": "f-string: invalid syntax",
                    "line": 1, "column": 6, "endLine": 1, "endColumn": 7,
                    "why": "CPython 3.11 reports columns within '(x $)'; grad points into the real line"}),
    ('"\\xZ"\n', None),
    ('"\\x4"\n', None),
    ('"\\u12"\n', None),
    ('"\\U0011ffff"\n', None),
    ('"\\N{foo}"\n', None),
    ('"\\N"\n', None),
    ('"\\N{}"\n', None),
    ('"中\\x4"\n', None),
    ('x = "ok" "\\xZ" + 1\n', None),
    ('f"a\\xZ{x}"\n', None),
    ('"a" b"c"\n', None),
    ('b"c"\n', None),
    ('b"c" "d"\n', None),
    ('x = b"\xe9"\n', None),
    ('x = b"a\\x4" + 1\n', None),
    ('x = rb"\\x4\\u12" b"\\777\\N{x}"\n', None),
    ('x = (1,\n  b"caf\u00e9")\n', None),

    # --- errors found after parsing ---------------------------------------------------------------
    ("return 1\n", None),
    ("break\n", None),
    ("continue\n", None),
    ("for x in y:\n  pass\nelse:\n  break\n", None),
    ("while x:\n  def f():\n    break\n", None),
    ("def f(x, x): pass\n", None),
    ("lambda x, x: 1\n", None),
    ("f(a=1, a=2)\n", None),
    ("nonlocal x\n", None),
    ("*a = 1\n", None),
    ("a, *b, *c = 1\n", None),
    ("x = *a\n", None),
    ("*a\n", None),
    ("return *a\n", None),
    ("return 1\nx = 1 2\n", None),
    ("for *a in b: pass\n", None),

    # --- generators -------------------------------------------------------------------------------
    ("def f():\n    yield 1\n", None),
    ("def f():\n    x = yield from g()\n    print((yield), (yield x))\n", None),
    ("yield 1\n", None),
    ("def f():\n    return [(yield x) for x in y]\n", None),
    ("def f():\n    return [x for x in (yield)]\n", None),
    ("def f():\n    return {k: (yield) for k in y}\n", None),
    ("def f():\n    x = 1 + yield 2\n", None),
    ("def f():\n    yield from\n", None),
    ("f = lambda: (yield)\n", None),
    ("def f():\n    (yield) = 1\n", None),
    ("def f():\n    x = yield = 1\n", None),
    ("def f():\n    yield x = 1\n", None),
    ("def f():\n    del (yield)\n", None),
    ("def f():\n    (yield) += 1\n", None),
    ("def f():\n    f\"{yield}\"\n", None),

    # --- unsupported features ---------------------------------------------------------------------
    ("class A:\n    pass\n", None),
    ("@dec\nclass A: pass\n", None),
    ("class A(B, metaclass=M, **kw):\n    x = 1\n    def f(self): return x\n", None),
    ("class A\n", None),
    ("class A(:\n    pass\n", None),
    ("class (A):\n    pass\n", None),
    ("class A(x for x in y): pass\n", None),
    ("class A:\n    return 1\n", None),
    ("def f():\n    class A:\n        nonlocal y\n    y = 1\n", None),
    ("class A:\npass\n", None),
    ("async def f(): pass\n", {"kind": "SyntaxError", "message": "'async' is not supported yet",
                               "line": 1, "column": 1, "endLine": 1, "endColumn": 6, "why": "grad has no coroutines"}),
    ("await x\n", {"kind": "SyntaxError", "message": "'await' is not supported yet",
                   "line": 1, "column": 1, "endLine": 1, "endColumn": 6, "why": "grad has no coroutines"}),

    # --- deep nesting -----------------------------------------------------------------------------
    ("(" * 199 + "1" + ")" * 199 + "\n", None),
    ("(" * 200 + "1" + ")" * 200 + "\n", None),
    ("[" * 201 + "]" * 201 + "\n", None),
    # (100,000 brackets, a 200,000-term sum, 100,000 unary minuses and a 100,000-link attribute
    # chain are in DeepNestingTests, to keep this file small: CPython reports "too many nested
    # parentheses" for the first, RecursionError or MemoryError for the others.)
    ("-" * 900 + "1\n", None),
    ("x = " + "+".join(["1"] * 900) + "\n", None),
]

# Interactive chunks: what codeop.compile_command (CPython's REPL logic) makes of them.
INTERACTIVE = [
    "x = 1", "x = 1\n", "", "# c", "\n\n", "x =", "x = 1 +", "x.", "lambda", "a = 1 if",
    "x = (", "x = [1,\n2,", "f(a,", "def f(\n", "x = (\n\n",
    "for i in x:", "for i in x:\n", "for i in x:\n\n", "for i in x:\n    pass", "for i in x:\n    pass\n",
    "for i in x:\n    pass\n   ", "for i in x:\n    pass\n\n",
    "if x:\n  a\nelse:", "if x:\n  a\n", "if x:\n  a\n# c", "if x:\n  a\n# c\n", "if x:\n  a\n  ",
    "if x:\n  a\n  \n", "if x:\n  pass\n\nelse:\n pass", "if x:\n  pass\nelse", "if x:\n  pass\nelif",
    "if x:\n  # c\n", "if x:\n    a\n  b", "if x:\n    a\n  b\n",
    "def f():\n  return 1", "def f():\n  return 1\n", "@dec", "@dec\n",
    "try:\n  pass", "try:\n  pass\n", "try:\n  pass\n\n", "with a:", "with (a,",
    "x = \"\"\"abc", "x = \"\"\"\n\n", "x = \\", "x = 1 \\\n", "x = 1 \\\n\n",
    "\"abc", "f'{x", "f'''{x", "f'{x'", "x = )", "print(1))", "x = 1 2",
    "for x in y:\n  return 1",
]


# Typos in real code: each seed snippet with one character deleted, inserted or replaced, chosen by
# a fixed pseudo-random sequence (so the list is the same on every run). Only errors are kept.
MUTATION_SEED = 2026
MUTATION_COUNT = 200
MUTATION_INSERTS = list("():,=[]{}'\" .+-*#\\") + ["\n", "\t", "  ", "    ", "if ", "for ", "in ", "else"]
# Mutations on which grad deliberately differs (by index in the generated list), and why.
MUTATION_DIFFERENCES = {}


def mutations():
    """(edit, source) pairs; an edit is the snippet's file name, a position, how many characters
    are removed there and what is inserted, so the fixture stays small and the test rebuilds it."""
    import glob
    import os
    import random
    here = os.path.dirname(os.path.abspath(__file__))
    snippets = sorted(glob.glob(os.path.join(here, "../../../../../shared/seed/snippets/*.py")))
    programs = [(os.path.basename(path), open(path, encoding="utf-8").read()) for path in snippets]
    rng = random.Random(MUTATION_SEED)
    found = []
    while len(found) < MUTATION_COUNT:
        name, program = rng.choice(programs)
        k = rng.randrange(len(program))
        action = rng.random()
        removed, inserted = (1, "") if action < 0.4 else (0, rng.choice(MUTATION_INSERTS)) if action < 0.8 \
            else (1, rng.choice(MUTATION_INSERTS))
        source = program[:k] + inserted + program[k + removed:]
        if verdict(source)["kind"] != "ok":
            found.append(({"snippet": name, "at": k, "remove": removed, "insert": inserted}, source))
    return found


def verdict(source):
    try:
        compile(source, "f.grad", "exec")
        return {"kind": "ok"}
    except SyntaxError as e:
        line, column = e.lineno, e.offset
        if line is None:
            return {"kind": type(e).__name__, "message": e.msg}
        end_line, end_column = e.end_lineno, e.end_offset
        if (end_line is None or end_column is None or end_column <= 0 or end_line < line
                or (end_line == line and end_column <= column)):
            end_line, end_column = line, column + 1
        return {"kind": type(e).__name__, "message": e.msg, "line": line, "column": column,
                "endLine": end_line, "endColumn": end_column}
    except (ValueError, RecursionError, MemoryError) as e:
        return {"kind": type(e).__name__, "message": str(e)}


def interactive_verdict(source):
    try:
        code = codeop.compile_command(source, "<input>", "single")
        return {"kind": "incomplete" if code is None else "complete"}
    except SyntaxError as e:
        return {"kind": type(e).__name__, "message": e.msg, "line": e.lineno, "column": e.offset}


def main():
    assert sys.version_info[:2] == (3, 11), "record with CPython 3.11"
    cases = []
    for source, override in CASES:
        case = {"source": source, "cpython": verdict(source)}
        if override:
            case["grad"] = override
        cases.append(case)
    typos = []
    for index, (edit, source) in enumerate(mutations()):
        case = {"edit": edit, "cpython": verdict(source)}
        if index in MUTATION_DIFFERENCES:
            case["grad"] = MUTATION_DIFFERENCES[index]
        typos.append(case)
    interactive = [{"source": s, "cpython": interactive_verdict(s)} for s in INTERACTIVE]
    json.dump({"python": sys.version.split()[0], "cases": cases, "typos": typos, "interactive": interactive},
              sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
