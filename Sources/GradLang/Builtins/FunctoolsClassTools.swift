/// `functools.total_ordering`, `cached_property`, `singledispatch` and `singledispatchmethod`
/// (of plain functions), written in Python as CPython's `functools.py` writes them (without its
/// thread lock, weak-reference cache and ABC dispatch): they use only what any program could, so they run as its own code does. They are
/// made inside one function, whose closure keeps what they share: the globals of generated code
/// are emptied when it has run.
enum FunctoolsClassTools {
    static let names = ["total_ordering", "cached_property", "singledispatch", "singledispatchmethod"]

    /// The four, made by running `source` once per interpreter, named as functools' own.
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
        def _ordering(name, root, doc, derive):
            # CPython writes out the twelve: each asks the root comparison, then derives.
            def method(self, other):
                op_result = getattr(type(self), root)(self, other)
                if op_result is NotImplemented:
                    return op_result
                return derive(self, other, op_result)
            method.__name__ = method.__qualname__ = name
            method.__doc__ = doc
            return method

        def _from(root, rules):
            return [(opname, _ordering('_%s_from_%s' % (opname[2:4], root[2:4]), root,
                                       'Return a %s b.  Computed by @total_ordering from %s.' % (opsymbol, how), derive))
                    for opname, opsymbol, how, derive in rules]

        _convert = {
            '__lt__': _from('__lt__', [
                ('__gt__', '>', '(not a < b) and (a != b)', lambda a, b, r: not r and a != b),
                ('__le__', '<=', '(a < b) or (a == b)', lambda a, b, r: r or a == b),
                ('__ge__', '>=', '(not a < b)', lambda a, b, r: not r)]),
            '__le__': _from('__le__', [
                ('__ge__', '>=', '(not a <= b) or (a == b)', lambda a, b, r: not r or a == b),
                ('__lt__', '<', '(a <= b) and (a != b)', lambda a, b, r: r and a != b),
                ('__gt__', '>', '(not a <= b)', lambda a, b, r: not r)]),
            '__gt__': _from('__gt__', [
                ('__lt__', '<', '(not a > b) and (a != b)', lambda a, b, r: not r and a != b),
                ('__ge__', '>=', '(a > b) or (a == b)', lambda a, b, r: r or a == b),
                ('__le__', '<=', '(not a > b)', lambda a, b, r: not r)]),
            '__ge__': _from('__ge__', [
                ('__le__', '<=', '(not a >= b) or (a == b)', lambda a, b, r: not r or a == b),
                ('__gt__', '>', '(a >= b) and (a != b)', lambda a, b, r: r and a != b),
                ('__lt__', '<', '(not a >= b)', lambda a, b, r: not r)]),
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

        class singledispatchmethod:
            """Single-dispatch generic method descriptor.

            Supports wrapping existing descriptors and handles non-descriptor
            callables as instance methods.
            """

            def __init__(self, func):
                if not callable(func) and not hasattr(func, "__get__"):
                    raise TypeError(f"{func!r} is not callable or a descriptor")

                self.dispatcher = singledispatch(func)
                self.func = func

            def register(self, cls, method=None):
                """generic_method.register(cls, func) -> func

                Registers a new implementation for the given *cls* on a *generic_method*.
                """
                return self.dispatcher.register(cls, func=method)

            def __get__(self, obj, cls=None):
                def _method(*args, **kwargs):
                    method = self.dispatcher.dispatch(type(args[0]))
                    return method(obj, *args, **kwargs)

                _method.register = self.register
                update_wrapper(_method, self.func)
                return _method

        return (total_ordering, cached_property, singledispatch, singledispatchmethod)
    """#
}
