"""Running out of memory: under `ulimit -v`, a Python value too big for what is left is a
MemoryError and a tensor PyTorch's allocator RuntimeError — in a script (caught, or uncaught:
traceback and status 1) and at the REPL, which goes on with its variables — never an abort."""
import os
import shutil
import subprocess
import tempfile
import unittest

from harness import GRAD, Session

# PyTorch's message, as PyTorch 2.x prints it on this machine (alloc_cpu.cpp line and all).
TENSOR_ERROR = ("RuntimeError: [enforce fail at alloc_cpu.cpp:127] err == 0. DefaultCPUAllocator: can't allocate "
                "memory: you tried to allocate {} bytes. Error code 12 (Cannot allocate memory)")


def address_space_kb():
    """grad's address space at its prompt (its 1 GiB program stack is most of it), in KiB."""
    class Probe(unittest.TestCase):
        def runTest(self):
            pass
    probe = Probe()
    repl = Session(probe)
    repl.expect_prompt()
    with open(f"/proc/{repl.child.pid}/status") as f:
        size = next(int(line.split()[1]) for line in f if line.startswith("VmSize:"))
    repl.terminate()
    probe.doCleanups()
    return size


# Room for about 300 MB more than grad needs to start: a 240 MB tensor and lists of 10**6 fit;
# a second such tensor, 4 GB ones and 10**8-element lists do not.
LIMIT_KB = address_space_kb() + 300_000

PYTHON_VALUES = """\
kept = 'still here'
for name, attempt in [("repeat list", lambda: [0] * 10 ** 8), ("repeat str", lambda: "ab" * 10 ** 9),
                      ("repeat tuple", lambda: (None,) * 10 ** 8), ("list of range", lambda: list(range(10 ** 8))),
                      ("comprehension", lambda: [i for i in range(10 ** 8)])]:
    try:
        attempt()
    except MemoryError:
        print(name, "MemoryError")
grown = []
try:
    for i in range(10 ** 9):
        grown.append(i)
except MemoryError:
    print("append MemoryError", len(grown) > 10 ** 6)
grown = None
doubled = [0]
try:
    while True:
        doubled = doubled + doubled
except MemoryError:
    print("concatenate MemoryError", len(doubled) >= 2 ** 20)
doubled = None
print(kept, len([0] * 10 ** 6))
too_big = [0] * 10 ** 8
"""

# Where Swift would allocate unchecked: dicts, sets and strs growing, slices (probed first), and
# many allocations each too small to probe (the spare memory reserve, then MemoryError at the
# loop's next check); and CPython's exact error for a str repeat whose length overflows.
UNPROBED_SITES = """\
kept = 'still here'
def grow_dict():
    d = {}
    for i in range(10 ** 8): d[i] = i
def grow_set():
    s = set()
    for i in range(10 ** 8): s.add(i)
def concatenate_str():
    s = "ab"
    while True: s = s + s
def append_str():
    s = ""
    for i in range(10 ** 9): s += "abcdefgh" * 1000
def slice_list():
    x = [0] * (5 * 10 ** 6)
    copies = []
    while True: copies.append(x[1:])
def nested_lists():
    return [[0] * 10 ** 4 for _ in range(10 ** 5)]
for name, attempt in [("dict", grow_dict), ("set", grow_set), ("str +", concatenate_str), ("str +=", append_str),
                      ("slice", slice_list), ("nested lists", nested_lists), ("nested lists again", nested_lists)]:
    try:
        attempt()
    except MemoryError:
        print(name, "MemoryError")
try:
    "ab" * 2 ** 62
except OverflowError as e:
    print(e)
print(kept, len([[0] * 10 ** 4 for _ in range(100)]))
nested_lists()
"""

TENSORS = """\
import torch
try:
    torch.zeros(10 ** 5, 10 ** 4)
except RuntimeError as e:
    print(e)
big = torch.zeros(10 ** 4, 6000)
for attempt in [lambda: big + 1, lambda: big.exp(), lambda: big.abs(), lambda: big.double()]:
    try:
        attempt()
    except RuntimeError as e:
        print(e)
print(big.shape)
too_big = torch.ones(10 ** 5, 10 ** 4)
"""


# Every op's result and scratch go through one checked allocation (Storage.make, Scratch): each
# fails with the allocator error for the bytes PyTorch's result needs, and the program goes on.
TENSOR_OPS = """\
import torch
big = torch.zeros(10 ** 4, 6000)
index = torch.arange(10 ** 4)
for name, attempt in [("compare", lambda: big == big), ("compare scalar", lambda: big > 0), ("where", lambda: torch.where(big > 0, big, big)),
                      ("index", lambda: big[index]), ("mask", lambda: big[big == 0]), ("matmul", lambda: big @ big.T),
                      ("bmm", lambda: torch.zeros(2, 10 ** 4, 10) @ torch.zeros(2, 10, 6000)), ("cat", lambda: torch.cat([big, big])),
                      ("stack", lambda: torch.stack([big, big])), ("clone", lambda: big.clone()), ("softmax", lambda: big.softmax(1)),
                      ("transpose", lambda: big.T.contiguous()), ("exp then sum", lambda: big.exp().sum(0)),
                      ("long zeros", lambda: torch.zeros(10 ** 4, 6000, dtype=torch.long))]:
    try:
        attempt()
    except RuntimeError as e:
        print(name, str(e).split("you tried to allocate ")[-1].split(" bytes")[0])
print(big.mean(1).shape)
"""

# Small tensors filling memory: the allocation that spends the spare reserve is PyTorch's
# allocator error (or a MemoryError, when a Python value's allocation found it first), and the
# reserve is taken back once the memory is freed, so a second fill fails as cleanly.
SMALL_TENSORS = """\
import torch
for attempt in range(2):
    kept = []
    try:
        while True:
            kept.append(torch.zeros(1000) + attempt)
    except RuntimeError as e:
        print(attempt, "DefaultCPUAllocator" in str(e), len(kept) > 10 ** 4)
    except MemoryError:
        print(attempt, "MemoryError", len(kept) > 10 ** 4)
    kept = None
print(torch.ones(2) * 2)
"""


class ScriptTests(unittest.TestCase):
    def run_limited(self, source):
        directory = tempfile.mkdtemp(prefix="grad-memory-test-")
        self.addCleanup(shutil.rmtree, directory, True)
        path = os.path.join(directory, "script.grad")
        with open(path, "w") as f:
            f.write(source)
        return subprocess.run(["bash", "-c", f'ulimit -v {LIMIT_KB}; exec "$0" "$@"', GRAD, path], capture_output=True,
                              text=True, timeout=300, env=dict(os.environ, NO_COLOR="1"))

    def test_python_values_raise_memory_error(self):
        result = self.run_limited(PYTHON_VALUES)
        self.assertEqual(result.stdout, "repeat list MemoryError\nrepeat str MemoryError\nrepeat tuple MemoryError\n"
                                        "list of range MemoryError\ncomprehension MemoryError\n"
                                        "append MemoryError True\nconcatenate MemoryError True\nstill here 1000000\n")
        self.assertEqual(result.returncode, 1)
        self.assertTrue(result.stderr.endswith("    too_big = [0] * 10 ** 8\n              ~~~~^~~~~~~~~\nMemoryError\n"),
                        result.stderr)

    def test_unprobed_sites_raise_memory_error(self):
        result = self.run_limited(UNPROBED_SITES)
        self.assertEqual(result.stdout, "dict MemoryError\nset MemoryError\nstr + MemoryError\nstr += MemoryError\n"
                                        "slice MemoryError\nnested lists MemoryError\nnested lists again MemoryError\n"
                                        "repeated string is too long\nstill here 100\n")
        self.assertEqual(result.returncode, 1)
        self.assertTrue(result.stderr.endswith("in <listcomp>\n"
                                               "    return [[0] * 10 ** 4 for _ in range(10 ** 5)]\nMemoryError\n"),
                        result.stderr)

    def test_tensors_raise_the_allocator_error(self):
        result = self.run_limited(TENSORS)
        self.assertEqual(result.stdout, TENSOR_ERROR.format(4_000_000_000).removeprefix("RuntimeError: ") + "\n"
                         + (TENSOR_ERROR.format(240_000_000).removeprefix("RuntimeError: ") + "\n") * 3
                         + TENSOR_ERROR.format(480_000_000).removeprefix("RuntimeError: ") + "\n"
                         + "torch.Size([10000, 6000])\n")
        self.assertEqual(result.returncode, 1)
        self.assertTrue(result.stderr.endswith(TENSOR_ERROR.format(4_000_000_000) + "\n"), result.stderr)

    def test_every_tensor_result_is_checked(self):
        result = self.run_limited(TENSOR_OPS)
        self.assertEqual(result.stdout, "compare 60000000\ncompare scalar 60000000\nwhere 60000000\nindex 240000000\n"
                                        "mask 60000000\nmatmul 400000000\nbmm 480000000\ncat 480000000\nstack 480000000\n"
                                        "clone 240000000\nsoftmax 240000000\ntranspose 240000000\nexp then sum 240000000\n"
                                        "long zeros 480000000\ntorch.Size([10000])\n", result.stderr)
        self.assertEqual(result.returncode, 0)

    def test_small_tensors_filling_memory(self):
        result = self.run_limited(SMALL_TENSORS)
        lines = result.stdout.splitlines()
        self.assertEqual(len(lines), 3, result.stdout + result.stderr)
        for attempt, line in enumerate(lines[:2]):
            self.assertIn(line, [f"{attempt} True True", f"{attempt} MemoryError True"])
        self.assertEqual(lines[2], "tensor([2., 2.])")
        self.assertEqual(result.returncode, 0)


class REPLTests(unittest.TestCase):
    def test_the_repl_survives_and_keeps_its_variables(self):
        repl = Session(self, memory_limit_kb=LIMIT_KB)
        repl.expect_prompt()
        repl.enter("keep = 42")
        self.assertTrue(repl.enter("[0] * 10 ** 8").endswith("\nMemoryError\n"))
        repl.enter("grown = []")
        repl.enter("for i in range(10 ** 9): grown.append(i)", prompt="...   ")
        repl.child.timeout = 300  # appending until memory runs out takes a while in a debug build
        out = repl.enter("")
        repl.child.timeout = 20
        self.assertTrue(out.endswith("\nMemoryError\n"), out)
        self.assertEqual(repl.enter("len(grown) > 10 ** 6"), "True\n")
        repl.enter("grown = None")
        repl.enter("import torch")
        self.assertTrue(repl.enter("t = torch.zeros(10 ** 5, 10 ** 4)").endswith(TENSOR_ERROR.format(4_000_000_000) + "\n"))
        repl.enter("t = torch.zeros(10 ** 4, 6000)")
        self.assertTrue(repl.enter("u = t * 2").endswith(TENSOR_ERROR.format(240_000_000) + "\n"))
        self.assertTrue(repl.enter("u = t.exp()").endswith(TENSOR_ERROR.format(240_000_000) + "\n"))
        self.assertEqual(repl.enter("t.shape"), "torch.Size([10000, 6000])\n")
        # The lists and the dict below get the whole room back: how much of it a 240 MB tensor
        # leaves depends on the malloc arenas the tensor kernels' threads reserved.
        repl.enter("t = None")
        repl.child.timeout = 300
        self.assertTrue(repl.enter("nested = [[0] * 10 ** 4 for _ in range(10 ** 5)]").endswith("\nMemoryError\n"))
        repl.enter("table = {}")
        repl.enter("for i in range(10 ** 8): table[i] = i", prompt="...   ")
        self.assertTrue(repl.enter("").endswith("\nMemoryError\n"))
        repl.child.timeout = 20
        self.assertEqual(repl.enter("len(table) > 10 ** 5"), "True\n")
        repl.enter("table = None")
        self.assertEqual(repl.enter("len([[0] * 10 ** 4 for _ in range(100)])"), "100\n")
        self.assertEqual(repl.enter("keep"), "42\n")
        self.assertEqual(repl.exit_status(), 0)


if __name__ == "__main__":
    unittest.main()
