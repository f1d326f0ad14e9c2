# Binary files: open() with 'b' reads and writes bytes; its errors and closed-file messages.
with open("data.bin", "wb") as f:
    print(f, f.mode, f.write(b"ab\ncd\r\n\xff"), f.write(bytearray(b"!")), f.closed)
    f.writelines([b"\x00", b"\n"])
print(f.closed)
f = open("data.bin", "rb")
print(f, f.read(2), f.readline(), f.read(), f.read(), f.readable(), f.writable())
f.close()
print(list(open("data.bin", "rb")), open("data.bin", "rb").readlines())
with open("data.bin", "ab") as f:
    f.write("añadido".encode())
data = open("data.bin", "rb").read()
print(data, len(data), data[-8:].decode())
with open("text.txt", "w") as f:
    f.write("línea\r\n")
print(open("text.txt", "rb").read(), open("text.txt").read())
for action in [lambda: open("data.bin", "wb").write("x"), lambda: open("data.bin", "rb").write(b"x"),
               lambda: open("new.bin", "wb").read(), lambda: open("data.bin", "rb", encoding="utf-8"),
               lambda: open("data.bin", "wb", newline=""), lambda: open("data.bin", "rb", errors="strict"),
               lambda: open("missing.bin", "rb")]:
    try:
        print(action())
    except Exception as e:
        print(type(e).__name__, e)
closed_reader, closed_writer = open("data.bin", "rb"), open("other.bin", "wb")
closed_reader.close()
closed_writer.close()
for action in [closed_reader.read, closed_reader.readline, closed_reader.readable, closed_reader.readlines,
               lambda: list(closed_reader), lambda: closed_writer.write(b"x"), lambda: closed_writer.writelines([b"x"]),
               closed_writer.flush]:
    try:
        action()
    except ValueError as e:
        print(type(e).__name__, e)
