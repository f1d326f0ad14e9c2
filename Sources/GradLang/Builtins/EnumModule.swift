/// The `enum` module: `Enum`, `IntEnum`, `StrEnum`, `auto`, `unique` and `EnumType` (`EnumMeta`),
/// written in Python after CPython 3.11's `enum.py` on grad's metaclasses: members made when the
/// class is, looked up by value (`Color(1)`), by name (`Color['RED']`), iterated in definition
/// order, aliases for repeated values, members that cannot be reassigned, the functional form
/// `Enum('Color', 'RED GREEN')`. Left out: `Flag`/`IntFlag`, `_ignore_`, `__members__` being a
/// read-only mapping (it is a copy). Made inside one function, whose closure keeps what the
/// classes share (the globals of generated code are emptied when it has run).
enum EnumModule {
    static func make(_ interpreter: Interpreter) -> PyModule {
        let module = PyModule(name: "enum")
        guard let maker = try? interpreter.runGenerated(source, names: ["__name__": .str("enum")], result: "__enum_module__"),
              case .object(let made as PyDict)? = try? interpreter.call(maker, Arguments()) else { return module }
        for case (.str(let name), let value) in made.entries {
            if case .object(let c as PyClass) = value { c.qualifiedName = name.string }
            if case .object(let f as PyFunction) = value { f.qualifiedName = name.string }
            module.attributes[name.string] = value
        }
        return module
    }

    private static let source = #"""
    def __enum_module__():
        class _AutoNull:
            def __repr__(self):
                return '_auto_null'
        _auto_null = _AutoNull()

        class auto:
            """
            Instances are replaced with an appropriate value in Enum class suites.
            """
            def __init__(self, value=_auto_null):
                self.value = value

            def __repr__(self):
                return "auto(%r)" % self.value

        def _is_dunder(name):
            return (len(name) > 4 and name[:2] == name[-2:] == '__' and
                    name[2] != '_' and name[-3] != '_')

        def _is_sunder(name):
            return (len(name) > 2 and name[0] == name[-1] == '_' and
                    name[1:2] != '_' and name[-2:-1] != '_')

        def _is_private(cls_name, name):
            pattern = '_%s__' % (cls_name.lstrip('_'), )
            return len(name) > len(pattern) and name.startswith(pattern) and not name.endswith('__')

        def _is_descriptor(obj):
            return (type(obj).__name__ in ('function', 'staticmethod', 'classmethod', 'property',
                                            'builtin_function_or_method', 'cached_property')
                    or hasattr(type(obj), '__get__') or hasattr(type(obj), '__set__')
                    or hasattr(type(obj), '__delete__'))

        class EnumType(type):
            """
            Metaclass for Enum
            """
            def __new__(metacls, cls, bases, classdict, **kwds):
                member_names = [key for key in classdict
                                if not (_is_dunder(key) or _is_sunder(key) or _is_private(cls, key)
                                        or _is_descriptor(classdict[key]))]
                for base in bases:
                    if isinstance(base, EnumType) and base._member_names_:
                        raise TypeError("<enum %r> cannot extend %r" % (cls, base))
                body = {key: value for key, value in classdict.items() if key not in member_names}
                body['_member_names_'] = []
                body['_member_map_'] = {}
                body['_value2member_map_'] = {}
                enum_class = super().__new__(metacls, cls, bases, body, **kwds)
                member_type = object
                for t in (int, str, float):
                    if issubclass(enum_class, t):
                        member_type = t
                own_new = classdict.get('__new__')
                last_values = []
                for name in member_names:
                    value = classdict[name]
                    if isinstance(value, auto):
                        if value.value is _auto_null:
                            value.value = enum_class._generate_next_value_(
                                name, 1, len(enum_class._member_names_), last_values[:])
                        value = value.value
                    last_values.append(value)
                    args = value if isinstance(value, tuple) else (value, )
                    if own_new is not None:
                        member = own_new(enum_class, *args)
                    elif member_type is object:
                        member = object.__new__(enum_class)
                    else:
                        member = member_type.__new__(enum_class, *args)
                    if not hasattr(member, '_value_'):
                        member._value_ = value if member_type is object else member_type(*args)
                    value = member._value_
                    member._name_ = name
                    member.__init__(*args)
                    for other in enum_class._member_map_.values():
                        if other._value_ == value:
                            member = other
                            break
                    else:
                        enum_class._member_names_.append(name)
                    setattr(enum_class, name, member)
                    enum_class._member_map_[name] = member
                    try:
                        enum_class._value2member_map_.setdefault(value, member)
                    except TypeError:
                        pass
                return enum_class

            def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1):
                if names is None:
                    return cls._lookup_(value)
                return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start)

            def __contains__(cls, member):
                return isinstance(member, cls) and member._name_ in cls._member_map_

            def __getitem__(cls, name):
                return cls._member_map_[name]

            def __iter__(cls):
                return (cls._member_map_[name] for name in cls._member_names_)

            def __reversed__(cls):
                return (cls._member_map_[name] for name in reversed(cls._member_names_))

            def __len__(cls):
                return len(cls._member_names_)

            def __bool__(cls):
                return True

            def __setattr__(cls, name, value):
                member_map = cls.__dict__.get('_member_map_', {})
                if name in member_map:
                    raise AttributeError('cannot reassign member %r' % (name, ))
                super().__setattr__(name, value)

            def __delattr__(cls, attr):
                if attr in cls._member_map_:
                    raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
                super().__delattr__(attr)

            def __repr__(cls):
                return "<enum %r>" % cls.__name__

            @property
            def __members__(cls):
                return dict(cls._member_map_)

            def _lookup_(cls, value):
                if type(value) is cls:
                    return value
                try:
                    return cls._value2member_map_[value]
                except KeyError:
                    pass
                except TypeError:
                    for member in cls._member_map_.values():
                        if member._value_ == value:
                            return member
                result = cls._missing_(value)
                if isinstance(result, cls):
                    return result
                if result is None:
                    raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
                raise TypeError(
                    'error in %s._missing_: returned %r instead of None or a valid member'
                    % (cls.__name__, result))

            def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
                metacls = cls.__class__
                bases = (cls, ) if type is None else (type, cls)
                if isinstance(names, str):
                    names = names.replace(',', ' ').split()
                if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
                    original_names, names = names, []
                    last_values = []
                    for count, name in enumerate(original_names):
                        value = cls._generate_next_value_(name, start, count, last_values[:])
                        last_values.append(value)
                        names.append((name, value))
                classdict = {'__module__': module or '__main__', '__qualname__': qualname or class_name}
                for item in names:
                    if isinstance(item, str):
                        member_name, member_value = item, names[item]
                    else:
                        member_name, member_value = item
                    classdict[member_name] = member_value
                return metacls.__new__(metacls, class_name, bases, classdict)

        class Enum(metaclass=EnumType):
            """
            Create a collection of name/value pairs.
            """
            def _generate_next_value_(name, start, count, last_values):
                if not last_values:
                    return start
                for v in sorted(last_values, reverse=True):
                    try:
                        return v + 1
                    except TypeError:
                        pass
                return start

            def __init__(self, *args, **kwds):
                pass

            @classmethod
            def _missing_(cls, value):
                return None

            def __repr__(self):
                return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

            def __str__(self):
                return "%s.%s" % (self.__class__.__name__, self._name_)

            def __format__(self, format_spec):
                return format(str(self), format_spec)

            def __hash__(self):
                return hash(self._name_)

            @property
            def name(self):
                """The name of the Enum member."""
                return self._name_

            @property
            def value(self):
                """The value of the Enum member."""
                return self._value_

        class ReprEnum(Enum):
            """
            Only changes the repr(), leaving str() and format() to the mixed-in type.
            """

        class IntEnum(int, ReprEnum):
            """
            Enum where members are also (and must be) ints
            """
            def __str__(self):
                return str(self._value_)

            def __format__(self, format_spec):
                return format(self._value_, format_spec)

            def __hash__(self):
                return hash(self._value_)

        class StrEnum(str, ReprEnum):
            """
            Enum where members are also (and must be) strings
            """
            def __new__(cls, *values):
                if len(values) > 3:
                    raise TypeError('too many arguments for str(): %r' % (values, ))
                if len(values) == 1 and not isinstance(values[0], str):
                    raise TypeError('%r is not a string' % (values[0], ))
                member = str.__new__(cls, *values)
                member._value_ = str(*values)
                return member

            def _generate_next_value_(name, start, count, last_values):
                return name.lower()

            def __str__(self):
                return self._value_

            def __format__(self, format_spec):
                return format(self._value_, format_spec)

            def __hash__(self):
                return hash(self._value_)

        def unique(enumeration):
            """
            Class decorator for enumerations ensuring unique member values.
            """
            duplicates = []
            for name, member in enumeration.__members__.items():
                if name != member.name:
                    duplicates.append((name, member.name))
            if duplicates:
                alias_details = ', '.join(
                        ["%s -> %s" % (alias, name) for (alias, name) in duplicates])
                raise ValueError('duplicate values found in %r: %s' %
                        (enumeration, alias_details))
            return enumeration

        return {'Enum': Enum, 'IntEnum': IntEnum, 'StrEnum': StrEnum, 'ReprEnum': ReprEnum, 'auto': auto,
                'unique': unique, 'EnumType': EnumType, 'EnumMeta': EnumType}
    """#
}
