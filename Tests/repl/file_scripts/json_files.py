# json.dump to a file and json.load back, with open() in text mode; bad files end in CPython's errors.
import json
config = {"model": "mlp", "layers": [784, 128, 10], "lr": 0.001, "dropout": None, "name": "réseau 😀"}
with open("config.json", "w") as f:
    json.dump(config, f, indent=2)
with open("config.json") as f:
    print(f.read())
with open("config.json") as f:
    loaded = json.load(f)
print(loaded == config, loaded)
with open("compact.json", "w") as f:
    json.dump([1, 2.5, {"k": True}], f, separators=(",", ":"), ensure_ascii=False)
with open("compact.json") as f:
    print(repr(f.read()))
with open("compact.json") as f:
    print(json.load(f, parse_float=str))
with open("broken.json", "w") as f:
    f.write('{"a": 1,\n "b": [1, 2,]\n}')
try:
    with open("broken.json") as f:
        json.load(f)
except json.JSONDecodeError as e:
    print("JSONDecodeError", e, e.lineno, e.colno)
try:
    with open("bad.json", "w") as f:
        json.dump({"ok": 1, "bad": object()}, f)
except TypeError as e:
    print("TypeError", e)
with open("bad.json") as f:
    print(repr(f.read()))
