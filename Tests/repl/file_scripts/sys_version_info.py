# sys.version_info and sys.version: CPython 3.11.7's, compared, indexed and unpacked as tutorials do.
import sys
print(sys.version_info)
print(sys.version_info >= (3, 8), sys.version_info < (3, 12), sys.version_info[:2] == (3, 11), sys.version_info > (3,))
print(sys.version_info.major, sys.version_info.minor, sys.version_info.micro, sys.version_info.releaselevel, sys.version_info.serial)
print(sys.version_info[0], sys.version_info[-1], len(sys.version_info), tuple(sys.version_info), list(sys.version_info[:3]))
print(type(sys.version_info).__name__, isinstance(sys.version_info, tuple))
major, minor, *rest = sys.version_info
print(major, minor, rest)
print(sys.version.split()[0], sys.version[:4], hex(sys.hexversion))
print(f"Python {sys.version_info.major}.{sys.version_info.minor}", "%d.%d.%d" % sys.version_info[:3])
if sys.version_info < (3, 7):
    raise SystemExit("too old")
print(".".join(map(str, sys.version_info[:3])))
