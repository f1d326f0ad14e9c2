/// The Python half of `weakref`: `WeakValueDictionary`, `WeakKeyDictionary`, `WeakSet` and
/// `finalize`, built on `ref` and its callbacks as CPython's are. Each container drops an entry
/// when the callback of its object's reference runs; until then (grad calls callbacks after the
/// statement that freed the object) lookups skip the dead entry. Not done: `finalize`'s `atexit`
/// call (a finalizer whose object lives to the end runs when the program's teardown frees it).
/// `proxy` and `WeakMethod` follow in WeakrefProxySource and WeakMethodSource.
enum WeakrefModuleSource {
    static let text = #"""
class WeakValueDictionary:
    """A mapping whose values are held weakly: an entry goes when its value is freed."""

    def __init__(self, other=(), /, **kwargs):
        self._data = {}
        self._selfref = ref(self)
        self.update(other, **kwargs)

    def _dropper(self, key):
        """The callback of the reference to the value stored under `key`."""
        selfref = self._selfref

        def drop(wr):
            d = selfref()
            if d is not None and d._data.get(key) is wr:
                del d._data[key]

        return drop

    def __getitem__(self, key):
        o = self._data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self._data[key] = ref(value, self._dropper(key))

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        try:
            o = self._data[key]()
        except KeyError:
            return False
        return o is not None

    def __len__(self):
        return sum(1 for wr in self._data.values() if wr() is not None)

    def __iter__(self):
        for key, wr in list(self._data.items()):
            if wr() is not None:
                yield key

    def __repr__(self):
        return '<%s at %#x>' % (type(self).__name__, id(self))

    def get(self, key, default=None):
        try:
            o = self._data[key]()
        except KeyError:
            return default
        return default if o is None else o

    def keys(self):
        return iter(self)

    def values(self):
        for wr in list(self._data.values()):
            o = wr()
            if o is not None:
                yield o

    def items(self):
        for key, wr in list(self._data.items()):
            o = wr()
            if o is not None:
                yield key, o

    def valuerefs(self):
        return list(self._data.values())

    def itervaluerefs(self):
        return iter(self.valuerefs())

    def pop(self, key, *default):
        try:
            o = self._data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if default:
                return default[0]
            raise KeyError(key)
        return o

    def popitem(self):
        while True:
            key, wr = self._data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=(), /, **kwargs):
        if hasattr(other, 'items'):
            other = other.items()
        for key, value in other:
            self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def clear(self):
        self._data.clear()

    def copy(self):
        return type(self)(self.items())

    __copy__ = copy

    def __or__(self, other):
        if not hasattr(other, 'items'):
            return NotImplemented
        merged = self.copy()
        merged.update(other)
        return merged

    def __ior__(self, other):
        self.update(other)
        return self


class WeakKeyDictionary:
    """A mapping whose keys are held weakly: an entry goes when its key is freed."""

    def __init__(self, dict=None):
        self._data = {}
        selfref = ref(self)

        def drop(wr, selfref=selfref):
            d = selfref()
            if d is not None:
                d._data.pop(wr, None)

        self._drop = drop
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self._data[ref(key)]

    def __setitem__(self, key, value):
        self._data[ref(key, self._drop)] = value

    def __delitem__(self, key):
        del self._data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self._data

    def __len__(self):
        return sum(1 for wr in self._data if wr() is not None)

    def __iter__(self):
        for wr in list(self._data):
            o = wr()
            if o is not None:
                yield o

    def __repr__(self):
        return '<%s at %#x>' % (type(self).__name__, id(self))

    def get(self, key, default=None):
        return self._data.get(ref(key), default)

    def keys(self):
        return iter(self)

    def values(self):
        for wr, value in list(self._data.items()):
            if wr() is not None:
                yield value

    def items(self):
        for wr, value in list(self._data.items()):
            o = wr()
            if o is not None:
                yield o, value

    def keyrefs(self):
        return list(self._data)

    def pop(self, key, *default):
        return self._data.pop(ref(key), *default)

    def popitem(self):
        while True:
            wr, value = self._data.popitem()
            o = wr()
            if o is not None:
                return o, value

    def setdefault(self, key, default=None):
        return self._data.setdefault(ref(key, self._drop), default)

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            if hasattr(dict, 'items'):
                dict = dict.items()
            for key, value in dict:
                self[key] = value
        if kwargs:
            self.update(kwargs)

    def clear(self):
        self._data.clear()

    def copy(self):
        return type(self)(self.items())

    __copy__ = copy


class WeakSet:
    """A set whose members are held weakly: a member goes when it is freed."""

    def __init__(self, data=None):
        self._data = set()
        selfref = ref(self)

        def drop(wr, selfref=selfref):
            s = selfref()
            if s is not None:
                s._data.discard(wr)

        self._drop = drop
        if data is not None:
            self.update(data)

    def __iter__(self):
        for wr in list(self._data):
            o = wr()
            if o is not None:
                yield o

    def __len__(self):
        return sum(1 for wr in self._data if wr() is not None)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self._data

    def __repr__(self):
        return repr(self._data)

    def add(self, item):
        self._data.add(ref(item, self._drop))

    def discard(self, item):
        self._data.discard(ref(item))

    def remove(self, item):
        self._data.remove(ref(item))

    def pop(self):
        while True:
            try:
                wr = self._data.pop()
            except KeyError:
                raise KeyError('pop from empty WeakSet') from None
            o = wr()
            if o is not None:
                return o

    def clear(self):
        self._data.clear()

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def update(self, other):
        for item in other:
            self.add(item)

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        result = self.copy()
        result.update(other)
        return result

    union = __or__

    def __and__(self, other):
        return type(self)(item for item in other if item in self)

    intersection = __and__

    def __sub__(self, other):
        result = self.copy()
        for item in other:
            result.discard(item)
        return result

    difference = __sub__

    def __eq__(self, other):
        if not isinstance(other, WeakSet):
            return NotImplemented
        return set(self) == set(other)

    __hash__ = None


class finalize:
    """finalize(obj, func, /, *args, **kwargs): calls func(*args, **kwargs) when obj is
    freed, or when the finalizer is called first; at most once."""

    _registry = {}
    __slots__ = ()

    def __init__(self, obj, func, /, *args, **kwargs):
        info = [ref(obj, self), func, args, kwargs or None, True]
        finalize._registry[self] = info

    def __call__(self, _=None):
        info = finalize._registry.pop(self, None)
        if info is not None:
            return info[1](*info[2], **(info[3] or {}))

    def detach(self):
        info = finalize._registry.get(self)
        obj = info and info[0]()
        if obj is not None and finalize._registry.pop(self, None):
            return (obj, info[1], info[2], info[3] or {})

    def peek(self):
        info = finalize._registry.get(self)
        obj = info and info[0]()
        if obj is not None:
            return (obj, info[1], info[2], info[3] or {})

    @property
    def alive(self):
        return self in finalize._registry

    @property
    def atexit(self):
        info = finalize._registry.get(self)
        return bool(info) and info[4]

    @atexit.setter
    def atexit(self, value):
        info = finalize._registry.get(self)
        if info:
            info[4] = bool(value)

    def __repr__(self):
        info = finalize._registry.get(self)
        obj = info and info[0]()
        if obj is None:
            return '<%s object at %#x; dead>' % (type(self).__name__, id(self))
        return '<%s object at %#x; for %r at %#x>' % (type(self).__name__, id(self), type(obj).__name__, id(obj))
"""#
}
