/// The Python half of `weakref.WeakMethod`, run in the `weakref` module after
/// WeakrefModuleSource: a weak reference to a bound method, which holds its instance and its
/// function weakly (the bound method itself dies at once) and makes the method anew when called.
/// CPython's is a subclass of `ref`; grad cannot subclass its built-in types yet, so this one
/// keeps two references and is no `weakref.ref` to `isinstance`.
enum WeakMethodSource {
    static let text = #"""
class WeakMethod:
    """WeakMethod(method, callback=None): calling it gives `method` bound anew while its
    instance and function live, else None; `callback(self)` is called when either dies."""

    def __init__(self, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None
        self_ref = ref(self)

        def died(_):
            wm = self_ref()
            if wm is not None and wm._alive:
                wm._alive = False
                if wm._callback is not None:
                    wm._callback(wm)

        self._callback = callback
        self._alive = True
        self._obj_ref = ref(obj, died)
        self._func_ref = ref(func, died)

    def __call__(self):
        obj = self._obj_ref()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return _bound_method(func, obj)

    def __eq__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if not self._alive or not other._alive:
            return self is other
        return self._obj_ref == other._obj_ref and self._func_ref == other._func_ref

    def __ne__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if not self._alive or not other._alive:
            return self is not other
        return self._obj_ref != other._obj_ref or self._func_ref != other._func_ref

    def __hash__(self):
        return hash(self._obj_ref)

    def __repr__(self):
        o = self._obj_ref()
        if o is None:
            return '<weakref at %#x; dead>' % id(self)
        return '<weakref at %#x; to %r at %#x>' % (id(self), type(o).__name__, id(o))
"""#
}
