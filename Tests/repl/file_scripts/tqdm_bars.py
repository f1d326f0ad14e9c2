from tqdm import tqdm, trange
# Bars redrawn at every step (mininterval=0) with a layout free of times, on stderr.
layout = "{l_bar}{bar}| {n_fmt}/{total_fmt}{postfix}"
for x in tqdm([1, 2, 3], desc="epoch 1", bar_format=layout, mininterval=0, ascii=True):
    print("item", x)
for epoch in trange(2, desc="epochs", bar_format=layout, mininterval=0):
    for batch in tqdm(range(3), desc="batches", leave=False, bar_format=layout, mininterval=0):
        pass
bar = tqdm(total=7, desc="train", bar_format="{desc}: {percentage:3.0f}%|{bar:20}| {n}/{total}{postfix}", mininterval=0)
for k in range(3):
    bar.update(2)
    bar.set_postfix(loss=0.123456 / (k + 1), acc=k * 10, name="x")
bar.set_description("valid")
tqdm.write("a message above the bar")
bar.update(1)
bar.close()
with tqdm(total=4, bar_format=layout, mininterval=0, colour="green") as t:
    t.update(4)
import io
buffer = io.StringIO()
for x in tqdm(range(4), file=buffer, bar_format=layout, mininterval=0):
    pass
print(repr(buffer.getvalue()))
