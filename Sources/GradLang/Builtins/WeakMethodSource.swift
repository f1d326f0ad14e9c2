/// The Python half of `weakref.WeakMethod`, run in the `weakref` module after
/// WeakrefModuleSource: a subclass of `ref` to a bound method's instance, which also holds the
/// function weakly (the bound method itself dies at once) and makes the method anew when called.
/// `_reference(wm)` is the `ref` it extends (its built-in contents, see NativeBases).
enum WeakMethodSource {
    static let text = #"""
class WeakMethod(ref):
    """WeakMethod(method, callback=None): calling it gives `method` bound anew while its
    instance and function live, else None; `callback(self)` is called when either dies."""

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None

        def died(_):
            wm = self_ref()
            if wm is not None and wm._alive:
                wm._alive = False
                if callback is not None:
                    callback(wm)

        self = ref.__new__(cls, obj, died)
        self._func_ref = ref(func, died)
        self._alive = True
        self_ref = ref(self)
        return self

    def __call__(self):
        obj = _reference(self)()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return _bound_method(func, obj)

    def __eq__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if not self._alive or not other._alive:
            return self is other
        return _reference(self) == _reference(other) and self._func_ref == other._func_ref

    def __ne__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if not self._alive or not other._alive:
            return self is not other
        return _reference(self) != _reference(other) or self._func_ref != other._func_ref

    def __hash__(self):
        return hash(_reference(self))

    def __repr__(self):
        o = _reference(self)()
        if o is None:
            return '<weakref at %#x; dead>' % id(self)
        return '<weakref at %#x; to %r at %#x>' % (id(self), type(o).__name__, id(o))
"""#
}
