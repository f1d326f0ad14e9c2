# sys.exc_info(): the exception being handled, in the handler's frame, in the functions it calls,
# and in a generator (its own handler's while suspended in it, else its caller's).
import sys
print(sys.exc_info())
def info():
    t, v, tb = sys.exc_info()
    return t, v, tb is not None and tb.tb_lineno
try:
    raise KeyError("k")
except KeyError as e:
    print(sys.exc_info()[0], repr(sys.exc_info()[1]), sys.exc_info()[2] is e.__traceback__)
    print(info())
    try:
        1 / 0
    except ZeroDivisionError:
        print(info()[0])
    print(info()[0])
print(sys.exc_info())
def gen():
    print(sys.exc_info()[0])
    try:
        raise ValueError
    except ValueError:
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]
g = gen()
print(next(g))
try:
    raise TypeError
except TypeError:
    print(next(g))
    print(next(g))
print(sys.exc_info())
