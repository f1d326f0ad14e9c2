from tqdm import tqdm, trange
from tqdm.auto import tqdm as auto_tqdm, trange as auto_trange
import tqdm.std as std_module
# What a bar is as an object: its counts, length, truth and errors; disabled bars draw nothing.
print(auto_tqdm, issubclass(auto_tqdm, tqdm), std_module.tqdm is tqdm, auto_trange.__name__)
with tqdm(total=3, disable=True) as t:
    t.update(2)
    print(t.n, t.total, len(t), bool(t))
print(list(tqdm("abc", disable=True)), len(tqdm(range(10), disable=True)), list(trange(2, 5, disable=True)))
print(len(tqdm(total=5, disable=True)), len(tqdm([1, 2], total=9, disable=True)))
print(sorted(tqdm(range(4), disable=True).format_dict.items()))
print(type(auto_trange(3, disable=True)).__name__)
try:
    tqdm(range(3), foo=1)
except KeyError as e:
    print(type(e).__name__, e)
try:
    bool(tqdm(disable=True))
except TypeError as e:
    print(e)
