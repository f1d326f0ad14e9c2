# Text files: open() in each mode, read/readline/readlines/iteration, universal newlines, errors.
with open("names.txt", "w") as f:
    print(f.write("emma\nolivia\r\nava\rmia"), f)
    f.writelines(["\nx", "y\n"])
print(f.closed)
words = open("names.txt", "r").read().splitlines()
print(words, len(words))
with open("names.txt") as f:
    print(f.readline(), f.readline(2), f.readline(), f.read(3), repr(f.read()), repr(f.read()), repr(f.readline()))
with open("names.txt") as f:
    for i, line in enumerate(f):
        print(i, repr(line))
print(open("names.txt").readlines())
with open("names.txt", "a") as f:
    f.write("añadido ✓\n")
print(open("names.txt", encoding="utf-8").read()[-10:])
f = open("names.txt")
f.close()
f.close()
for action in [lambda: f.read(), lambda: open("missing.txt"), lambda: open("names.txt").write("x"),
               lambda: open("new.txt", "w").read(), lambda: open("names.txt", "w").write(5), lambda: open(".", "r"),
               lambda: open("names.txt", "x"), lambda: open("names.txt", "q"), lambda: open("names.txt", "rw"), lambda: open("names.txt", "bt"), lambda: open("names.txt", "b"), lambda: open("names.txt", "rr"), lambda: open(["x"])]:
    try:
        action()
    except Exception as e:
        print(type(e).__name__, e, getattr(e, "errno", "-"), getattr(e, "filename", "-"))
e = OSError(2, "No such file or directory", "x.txt")
print(e, e.args, e.errno, e.strerror, e.filename, e.filename2)
e = OSError(1, "Operation not permitted", "a", None, "b")
print(e, e.args, e.filename2)
e = OSError("plain")
print(e, e.args, e.errno, e.strerror, e.filename)
open("bad.txt", "w").close()
print(repr(open("bad.txt").read()))
with open("names.txt", "w") as f:
    print(f.readable(), f.writable(), f.name, f.mode)
import io
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
