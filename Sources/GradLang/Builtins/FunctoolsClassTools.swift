/// `functools.total_ordering`, `cached_property` and `singledispatch`, written in Python as
/// CPython's `functools.py` writes them (without its thread lock, weak-reference cache and ABC
/// dispatch): they use only what any program could, so they run as its own code does. They are
/// made inside one function, whose closure keeps what they share: the globals of generated code
/// are emptied when it has run.
enum FunctoolsClassTools {
    static let names = ["total_ordering", "cached_property", "singledispatch"]

    /// The three, made by running `source` once per interpreter, named as functools' own.
    static func make(_ interpreter: Interpreter) -> [String: Value] {
        guard let maker = try? interpreter.runGenerated(
                source, names: ["__name__": .str("functools"), "update_wrapper": .object(FunctoolsModule.updateWrapperFunction)],
                result: "__functools_class_tools__"),
              case .object(let made as PyTuple)? = try? interpreter.call(maker, Arguments()) else { return [:] }
        for (name, value) in zip(names, made.items) {
            switch value {
            case .object(let f as PyFunction): f.qualifiedName = name
            case .object(let c as PyClass): c.qualifiedName = name
            default: break
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(names, made.items))
    }

    private static let source = #"""
    def __functools_class_tools__():
        def _gt_from_lt(self, other):
            'Return a > b.  Computed by @total_ordering from (not a < b) and (a != b).'
            op_result = type(self).__lt__(self, other)
            if op_result is NotImplemented:
                return op_result
            return not op_result and self != other

        def _le_from_lt(self, other):
            'Return a <= b.  Computed by @total_ordering from (a < b) or (a == b).'
            op_result = type(self).__lt__(self, other)
            if op_result is NotImplemented:
                return op_result
            return op_result or self == other

        def _ge_from_lt(self, other):
            'Return a >= b.  Computed by @total_ordering from (not a < b).'
            op_result = type(self).__lt__(self, other)
            if op_result is NotImplemented:
                return op_result
            return not op_result

        def _ge_from_le(self, other):
            'Return a >= b.  Computed by @total_ordering from (not a <= b) or (a == b).'
            op_result = type(self).__le__(self, other)
            if op_result is NotImplemented:
                return op_result
            return not op_result or self == other

        def _lt_from_le(self, other):
            'Return a < b.  Computed by @total_ordering from (a <= b) and (a != b).'
            op_result = type(self).__le__(self, other)
            if op_result is NotImplemented:
                return op_result
            return op_result and self != other

        def _gt_from_le(self, other):
            'Return a > b.  Computed by @total_ordering from (not a <= b).'
            op_result = type(self).__le__(self, other)
            if op_result is NotImplemented:
                return op_result
            return not op_result

        def _lt_from_gt(self, other):
            'Return a < b.  Computed by @total_ordering from (not a > b) and (a != b).'
            op_result = type(self).__gt__(self, other)
            if op_result is NotImplemented:
                return op_result
            return not op_result and self != other

        def _ge_from_gt(self, other):
            'Return a >= b.  Computed by @total_ordering from (a > b) or (a == b).'
            op_result = type(self).__gt__(self, other)
            if op_result is NotImplemented:
                return op_result
            return op_result or self == other

        def _le_from_gt(self, other):
            'Return a <= b.  Computed by @total_ordering from (not a > b).'
            op_result = type(self).__gt__(self, other)
            if op_result is NotImplemented:
                return op_result
            return not op_result

        def _le_from_ge(self, other):
            'Return a <= b.  Computed by @total_ordering from (not a >= b) or (a == b).'
            op_result = type(self).__ge__(self, other)
            if op_result is NotImplemented:
                return op_result
            return not op_result or self == other

        def _gt_from_ge(self, other):
            'Return a > b.  Computed by @total_ordering from (a >= b) and (a != b).'
            op_result = type(self).__ge__(self, other)
            if op_result is NotImplemented:
                return op_result
            return op_result and self != other

        def _lt_from_ge(self, other):
            'Return a < b.  Computed by @total_ordering from (not a >= b).'
            op_result = type(self).__ge__(self, other)
            if op_result is NotImplemented:
                return op_result
            return not op_result

        _convert = {
            '__lt__': [('__gt__', _gt_from_lt),
                       ('__le__', _le_from_lt),
                       ('__ge__', _ge_from_lt)],
            '__le__': [('__ge__', _ge_from_le),
                       ('__lt__', _lt_from_le),
                       ('__gt__', _gt_from_le)],
            '__gt__': [('__lt__', _lt_from_gt),
                       ('__ge__', _ge_from_gt),
                       ('__le__', _le_from_gt)],
            '__ge__': [('__le__', _le_from_ge),
                       ('__gt__', _gt_from_ge),
                       ('__lt__', _lt_from_ge)]
        }

        def total_ordering(cls):
            """Class decorator that fills in missing ordering methods"""
            # Find user-defined comparisons (not those inherited from object).
            roots = {op for op in _convert if getattr(cls, op, None) is not getattr(object, op, None)}
            if not roots:
                raise ValueError('must define at least one ordering operation: < > <= >=')
            root = max(roots)       # prefer __lt__ to __le__ to __gt__ to __ge__
            for opname, opfunc in _convert[root]:
                if opname not in roots:
                    opfunc.__name__ = opname
                    setattr(cls, opname, opfunc)
            return cls

        _NOT_FOUND = object()

        class cached_property:
            def __init__(self, func):
                self.func = func
                self.attrname = None
                self.__doc__ = func.__doc__

            def __set_name__(self, owner, name):
                if self.attrname is None:
                    self.attrname = name
                elif name != self.attrname:
                    raise TypeError(
                        "Cannot assign the same cached_property to two different names "
                        f"({self.attrname!r} and {name!r})."
                    )

            def __get__(self, instance, owner=None):
                if instance is None:
                    return self
                if self.attrname is None:
                    raise TypeError(
                        "Cannot use cached_property instance without calling __set_name__ on it.")
                try:
                    cache = instance.__dict__
                except AttributeError:  # not all objects have __dict__ (e.g. class defines slots)
                    msg = (
                        f"No '__dict__' attribute on {type(instance).__name__!r} "
                        f"instance to cache {self.attrname!r} property."
                    )
                    raise TypeError(msg) from None
                val = cache.get(self.attrname, _NOT_FOUND)
                if val is _NOT_FOUND:
                    val = self.func(instance)
                    cache[self.attrname] = val
                return val

        def singledispatch(func):
            """Single-dispatch generic function decorator.

            Transforms a function into a generic function, which can have different
            behaviours depending upon the type of its first argument. The decorated
            function acts as the default implementation, and additional
            implementations can be registered using the register() attribute of the
            generic function.
            """
            registry = {}

            def dispatch(cls):
                """generic_func.dispatch(cls) -> <function implementation>

                Runs the dispatch algorithm to return the best available implementation
                for the given *cls* registered on *generic_func*.

                """
                for t in cls.__mro__:
                    if t in registry:
                        return registry[t]
                return registry[object]

            def register(cls, func=None):
                """generic_func.register(cls, func) -> func

                Registers a new implementation for the given *cls* on a *generic_func*.

                """
                if isinstance(cls, type):
                    if func is None:
                        return lambda f: register(cls, f)
                else:
                    if func is not None:
                        raise TypeError(
                            f"Invalid first argument to `register()`. "
                            f"{cls!r} is not a class or union type."
                        )
                    ann = getattr(cls, '__annotations__', {})
                    if not ann:
                        raise TypeError(
                            f"Invalid first argument to `register()`: {cls!r}. "
                            f"Use either `@register(some_class)` or plain `@register` "
                            f"on an annotated function."
                        )
                    func = cls
                    argname, cls = next(iter(ann.items()))
                    if not isinstance(cls, type):
                        raise TypeError(
                            f"Invalid annotation for {argname!r}. "
                            f"{cls!r} is not a class."
                        )
                registry[cls] = func
                return func

            def wrapper(*args, **kw):
                if not args:
                    raise TypeError(f'{funcname} requires at least '
                                    '1 positional argument')

                return dispatch(type(args[0]))(*args, **kw)

            funcname = getattr(func, '__name__', 'singledispatch function')
            registry[object] = func
            wrapper.register = register
            wrapper.dispatch = dispatch
            wrapper.registry = registry
            update_wrapper(wrapper, func)
            return wrapper

        return (total_ordering, cached_property, singledispatch)
    """#
}
