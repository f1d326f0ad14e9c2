# sys.getrecursionlimit and sys.setrecursionlimit: deeper recursion once raised, and CPython's errors.
import sys
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
try:
    depth(1200)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit(), depth(4900))
try:
    depth(5000)
except RecursionError as e:
    print("RecursionError", e)
for bad in [0, -5, 2**40, 1.5]:
    try:
        sys.setrecursionlimit(bad)
    except Exception as e:
        print(type(e).__name__, e)
def set_deep(n):
    if n == 0:
        sys.setrecursionlimit(10)
    else:
        set_deep(n - 1)
try:
    set_deep(20)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(1000)
