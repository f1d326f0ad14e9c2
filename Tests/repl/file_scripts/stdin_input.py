# input() and sys.stdin reading piped input (stdin_input.stdin), as tutorials' exercises do.
import sys
name = input("Your name: ")
print("Hello,", name)
count = int(input())
numbers = [float(input(f"number {i + 1}? ")) for i in range(count)]
print("mean:", sum(numbers) / count)
print(repr(sys.stdin.readline()))
print(repr(sys.stdin.read(5)), repr(sys.stdin.readline(3)), repr(sys.stdin.readline()))
rows = [line.split() for line in sys.stdin if line.strip()]
print(rows)
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), sys.stdin.readlines())
try:
    input("more? ")
except EOFError as e:
    print("EOFError:", e)
print(sys.stdin.name, sys.stdin.mode, sys.stdin.fileno(), sys.stdin.isatty(), sys.stdin.readable())
