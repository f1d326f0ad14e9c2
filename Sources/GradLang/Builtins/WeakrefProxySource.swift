/// The Python half of `weakref.proxy`, run in a part of the `weakref` module of its own (see
/// WeakrefModule.proxies).
///
/// A proxy is an instance of `ProxyType` (or `CallableProxyType` for a callable referent) that
/// keeps a reference made by `_proxy_reference`: one that `getweakrefs` lists as the proxy and
/// whose callback is given the proxy, as CPython's proxies are. Every attribute read, write and
/// deletion and every operator goes to the referent, a ReferenceError once it is gone. Where CPython's
/// are C types, these are classes (`isinstance` asks a proxy's `__class__`, as CPython's does).
enum WeakrefProxySource {
    static let filename = "weakref_proxy.py"

    /// What `weakref` takes from this part (given to it as `_proxies`).
    static let imports = """
        proxy = _proxies.proxy
        ProxyType = _proxies.ProxyType
        CallableProxyType = _proxies.CallableProxyType
        ProxyTypes = _proxies.ProxyTypes
        """

    static let text = #"""
def _referent(p):
    """The object the proxy `p` stands for, while it lives."""
    o = object.__getattribute__(p, '_ProxyType__ref')()
    if o is None:
        raise ReferenceError('weakly-referenced object no longer exists')
    return o


def _unwrap(x):
    # By type: isinstance would ask the proxy's __class__, which is its referent's.
    return _referent(x) if type(x) in ProxyTypes else x


def _forwarding(op):
    """A binary operator's method and its reflected twin, applied to the referents."""

    def method(self, other):
        return op(_referent(self), _unwrap(other))

    def reflected(self, other):
        return op(_unwrap(other), _referent(self))

    return method, reflected


def _in_place(op):
    def method(self, other):
        return op(_referent(self), _unwrap(other))

    return method


def _iadd(a, b): a += b; return a
def _isub(a, b): a -= b; return a
def _imul(a, b): a *= b; return a
def _imatmul(a, b): a @= b; return a
def _itruediv(a, b): a /= b; return a
def _ifloordiv(a, b): a //= b; return a
def _imod(a, b): a %= b; return a
def _ipow(a, b): a **= b; return a
def _ilshift(a, b): a <<= b; return a
def _irshift(a, b): a >>= b; return a
def _iand(a, b): a &= b; return a
def _ixor(a, b): a ^= b; return a
def _ior(a, b): a |= b; return a


class ProxyType:
    """The type of a proxy to an object that cannot be called."""

    # No __weakref__: a proxy cannot be weakly referenced, as in CPython.
    __slots__ = ('_ProxyType__ref',)

    def __new__(cls, *args, **kwargs):
        raise TypeError(f"cannot create 'weakref.{cls.__name__}' instances")

    def __getattribute__(self, name):
        return getattr(_referent(self), name)

    def __setattr__(self, name, value):
        setattr(_referent(self), name, value)

    def __delattr__(self, name):
        delattr(_referent(self), name)

    def __repr__(self):
        o = object.__getattribute__(self, '_ProxyType__ref')()
        return '<weakproxy at %#x to %s at %#x>' % (id(self), type(o).__name__, id(o))

    def __str__(self):
        return str(_referent(self))

    def __bytes__(self):
        return bytes(_referent(self))

    def __hash__(self):
        raise TypeError(f"unhashable type: 'weakref.{type(self).__name__}'")

    def __bool__(self):
        return bool(_referent(self))

    def __len__(self):
        return len(_referent(self))

    def __contains__(self, item):
        return item in _referent(self)

    def __getitem__(self, key):
        return _referent(self)[key]

    def __setitem__(self, key, value):
        _referent(self)[key] = value

    def __delitem__(self, key):
        del _referent(self)[key]

    def __iter__(self):
        return iter(_referent(self))

    def __next__(self):
        o = _referent(self)
        if not hasattr(type(o), '__next__'):
            raise TypeError(f"Weakref proxy referenced a non-iterator '{type(o).__name__}' object")
        return next(o)

    def __reversed__(self):
        return reversed(_referent(self))

    def __index__(self):
        return _referent(self).__index__()

    def __int__(self):
        return int(_referent(self))

    def __float__(self):
        return float(_referent(self))

    def __neg__(self):
        return -_referent(self)

    def __pos__(self):
        return +_referent(self)

    def __abs__(self):
        return abs(_referent(self))

    def __invert__(self):
        return ~_referent(self)

    def __eq__(self, other):
        return _referent(self) == _unwrap(other)

    def __ne__(self, other):
        return _referent(self) != _unwrap(other)

    def __lt__(self, other):
        return _referent(self) < _unwrap(other)

    def __le__(self, other):
        return _referent(self) <= _unwrap(other)

    def __gt__(self, other):
        return _referent(self) > _unwrap(other)

    def __ge__(self, other):
        return _referent(self) >= _unwrap(other)

    __add__, __radd__ = _forwarding(lambda a, b: a + b)
    __sub__, __rsub__ = _forwarding(lambda a, b: a - b)
    __mul__, __rmul__ = _forwarding(lambda a, b: a * b)
    __matmul__, __rmatmul__ = _forwarding(lambda a, b: a @ b)
    __truediv__, __rtruediv__ = _forwarding(lambda a, b: a / b)
    __floordiv__, __rfloordiv__ = _forwarding(lambda a, b: a // b)
    __mod__, __rmod__ = _forwarding(lambda a, b: a % b)
    __divmod__, __rdivmod__ = _forwarding(divmod)
    __pow__, __rpow__ = _forwarding(lambda a, b: a ** b)
    __lshift__, __rlshift__ = _forwarding(lambda a, b: a << b)
    __rshift__, __rrshift__ = _forwarding(lambda a, b: a >> b)
    __and__, __rand__ = _forwarding(lambda a, b: a & b)
    __xor__, __rxor__ = _forwarding(lambda a, b: a ^ b)
    __or__, __ror__ = _forwarding(lambda a, b: a | b)
    __iadd__ = _in_place(_iadd)
    __isub__ = _in_place(_isub)
    __imul__ = _in_place(_imul)
    __imatmul__ = _in_place(_imatmul)
    __itruediv__ = _in_place(_itruediv)
    __ifloordiv__ = _in_place(_ifloordiv)
    __imod__ = _in_place(_imod)
    __ipow__ = _in_place(_ipow)
    __ilshift__ = _in_place(_ilshift)
    __irshift__ = _in_place(_irshift)
    __iand__ = _in_place(_iand)
    __ixor__ = _in_place(_ixor)
    __ior__ = _in_place(_ior)


class CallableProxyType(ProxyType):
    """The type of a proxy to a callable object."""

    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return _referent(self)(*args, **kwargs)


ProxyTypes = (ProxyType, CallableProxyType)


def _is_plain(p):
    """Whether the proxy `p` was made without a callback (and so is shared)."""
    return object.__getattribute__(p, '_ProxyType__ref').__callback__ is None


def proxy(ob, callback=None, /):
    """A proxy to `ob` that holds it weakly; `callback(proxy)` is called when it dies."""
    cls = CallableProxyType if callable(ob) else ProxyType
    if callback is None:
        for existing in getweakrefs(ob):
            if type(existing) is cls and _is_plain(existing):
                return existing
    p = object.__new__(cls)
    object.__setattr__(p, '_ProxyType__ref', _proxy_reference(ob, p, callback))
    return p
"""#
}
