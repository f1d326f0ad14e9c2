# sys.stdout and sys.stderr as text streams.
import sys
sys.stdout.write("progress 1\n")
n = sys.stdout.write("héllo\n")
print(n, sys.platform, sys.maxsize, sys.stdout.name, sys.stderr.name)
print("to stderr", file=sys.stderr)
sys.stderr.write("err2\n")
sys.stdout.flush()
print(sys.stdout.isatty(), sys.stderr.isatty(), sys.stdout.fileno(), sys.stderr.fileno())
print(repr(sys.stdout) == "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>")
try:
    sys.stdout.write(5)
except TypeError as e:
    print(e)
