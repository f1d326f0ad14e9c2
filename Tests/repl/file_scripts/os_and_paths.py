# The os module and os.path: paths as strings, directories and files made, listed and removed.
import os
import os.path
from os.path import join, exists
print(os.path.join("a", "b", "c.txt"), join("/x/", "y"), join("a", "/abs", "z"), join("", "q"), join("a", ""))
for p in ["a/b/c.txt", "/", "//", "a/", "c.txt", "/usr/lib/", "a//b", ""]:
    print(repr(p), os.path.split(p), os.path.basename(p), os.path.dirname(p))
for p in ["a.txt", "a.tar.gz", ".bashrc", "a/.b", "a.b/c", "..x", "x.", "a/..b.c"]:
    print(repr(p), os.path.splitext(p))
for p in ["a/./b/../c", "/../x", "../../a", "//a//b/", "///a", ".", "a/..", "", "./"]:
    print(repr(p), os.path.normpath(p))
os.makedirs("d1/d2/d3", exist_ok=True)
os.makedirs("d1/d2/d3", exist_ok=True)
print(os.path.isdir("d1/d2"), os.path.isfile("d1"), os.path.exists("d1/zz"), sorted(os.listdir("d1")))
with open("d1/f.txt", "w") as f:
    f.write("hello")
print(os.path.getsize("d1/f.txt"), os.path.isfile("d1/f.txt"), os.path.abspath("d1/f.txt") == os.getcwd() + "/d1/f.txt")
os.rename("d1/f.txt", "d1/g.txt")
print(sorted(os.listdir("d1")))
for action in [lambda: os.makedirs("d1/d2"), lambda: os.mkdir("d1"), lambda: os.remove("d1/none"), lambda: os.rmdir("d1"),
               lambda: os.path.getsize("nope"), lambda: os.listdir("nope"), lambda: os.rename("nope", "n2"), lambda: os.path.join("a", 5)]:
    try:
        action()
    except Exception as e:
        print(type(e).__name__, e)
os.remove("d1/g.txt")
os.rmdir("d1/d2/d3"); os.rmdir("d1/d2"); os.rmdir("d1")
print(os.path.exists("d1"), os.sep, os.name, os.getenv("NO_SUCH_VAR_X", "dflt"), os.getenv("HOME") == os.environ["HOME"])
print(os.path.expanduser("~/x") == os.environ["HOME"] + "/x", os.path.expanduser("~user/x"), os.path.isabs("/a"), os.path.isabs("a"))
print(type(os.cpu_count()).__name__)
