/// `collections.namedtuple`: CPython 3.11's checks of the names, then the class written as Python
/// and run (see `Interpreter.runGenerated`), so that its methods are ordinary functions with
/// CPython's signatures and messages (`Point.__new__() missing 1 required positional argument`).
enum NamedTuple {
    static var function: PyBuiltin {
        PyBuiltin("namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)") { args in
            let rename = try Operators.truthy(args["rename"])
            let fields = try fieldNames(args["field_names"], rename: rename)
            let typename = try Repr.checkedStr(args["typename"])
            for name in [typename] + fields { try checkIdentifier(name) }
            var seen: Set<String> = []
            for name in fields {
                if name.hasPrefix("_") && !rename {
                    throw PyError.value("Field names cannot start with an underscore: \(Repr.repr(.str(name)))")
                }
                if !seen.insert(name).inserted {
                    throw PyError.value("Encountered duplicate field name: \(Repr.repr(.str(name)))")
                }
            }
            let defaults = args["defaults"].isNone ? [] : try Iteration.collect(args["defaults"])
            if defaults.count > fields.count { throw PyError.type("Got more default values than field names") }
            return try make(typename, fields, defaults: defaults, module: args["module"].isNone ? .str("__main__") : args["module"], args.interpreter)
        }
    }

    /// The class, from checked names.
    static func make(_ typename: String, _ fields: [String], defaults: [Value], module: Value, _ interpreter: Interpreter) throws -> Value {
        let fieldDefaults = PyDict()
        for (name, value) in zip(fields.suffix(defaults.count), defaults) { try fieldDefaults.set(.str(name), value) }
        return try interpreter.runGenerated(
            source(typename, fields, defaultCount: defaults.count),
            names: ["_defaults": .object(PyTuple(defaults)), "_field_defaults": .object(fieldDefaults), "_module": module,
                    "_tuplegetter": .object(tupleGetter)],
            result: typename)
    }

    /// `_tuplegetter(index, doc)`: a field of a named tuple, read-only with CPython's messages.
    private static var tupleGetter: PyBuiltin {
        PyBuiltin("_tuplegetter(index, doc, /)") { args in
            let index = try Conversions.int(args["index"], what: "index")
            let getter = PyBuiltin("_tuplegetter(self, /)") { args in
                guard case .object(let t as PyTuple) = NativeBases.contents(args["self"]), index < t.items.count else {
                    throw PyError.type("descriptor for index '\(index)' for tuple subclasses doesn't apply to '\(args["self"].typeName)' object")
                }
                return t.items[index]
            }
            let setter = PyBuiltin("_tuplegetter(self, value, /)") { _ in throw PyError.attribute("can't set attribute") }
            let deleter = PyBuiltin("_tuplegetter(self, /)") { _ in throw PyError.attribute("can't delete attribute") }
            return .object(PyProperty(getter: .object(getter), setter: .object(setter), deleter: .object(deleter), doc: args["doc"]))
        }
    }

    /// The field names from a string (split at commas and spaces) or an iterable of values
    /// (each made a string), with `rename=True`'s replacements (`_1` for a bad third name).
    private static func fieldNames(_ value: Value, rename: Bool) throws -> [String] {
        var names: [String]
        if case .str(let s) = value {
            names = s.string.replacingOccurrences(of: ",", with: " ").split(whereSeparator: \.isWhitespace).map(String.init)
        } else {
            names = try Iteration.collect(value).map(Repr.checkedStr)
        }
        guard rename else { return names }
        var seen: Set<String> = []
        for (i, name) in names.enumerated() {
            if !isIdentifier(name) || Keyword(rawValue: name) != nil || name.hasPrefix("_") || seen.contains(name) {
                names[i] = "_\(i)"
            }
            seen.insert(name)
        }
        return names
    }

    private static func checkIdentifier(_ name: String) throws {
        if !isIdentifier(name) {
            throw PyError.value("Type names and field names must be valid identifiers: \(Repr.repr(.str(name)))")
        }
        if Keyword(rawValue: name) != nil {
            throw PyError.value("Type names and field names cannot be a keyword: \(Repr.repr(.str(name)))")
        }
    }

    /// `str.isidentifier()`: a letter or underscore, then letters, digits and underscores.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first == "_" || first.isLetter else { return false }
        return name.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
    }

    /// The class as CPython 3.11 makes it. Field names are checked identifiers, none starting
    /// with `_`, so only `tuple` can shadow a built-in the methods use: `__new__` then reaches
    /// tuple's constructor as `type(())`.
    private static func source(_ typename: String, _ fields: [String], defaultCount: Int) -> String {
        let arguments = fields.joined(separator: ", ")
        let firstDefault = fields.count - defaultCount
        let parameters = fields.enumerated().map { i, f in i < firstDefault ? f : "\(f)=_defaults[\(i - firstDefault)]" }
        let tupleOfFields = fields.count == 1 ? "(\(fields[0]),)" : "(\(arguments))"
        let quoted = "(" + fields.map { "'\($0)'" }.joined(separator: ", ") + (fields.count == 1 ? ",)" : ")")
        let tupleNew = fields.contains("tuple") ? "type(()).__new__" : "tuple.__new__"
        let reprFields = fields.enumerated().map { i, f in "\(f)={self[\(i)]!r}" }.joined(separator: ", ")
        var lines = [
            "class \(typename)(tuple):",
            "    '\(typename)(\(arguments))'",
            "    __slots__ = ()",
            "    _fields = \(quoted)",
            "    _field_defaults = _field_defaults",
            "    __match_args__ = \(quoted)",
            "    __module__ = _module",
            "    def __new__(\((["_cls"] + parameters).joined(separator: ", "))):",
            "        'Create new instance of \(typename)(\(arguments))'",
            "        return \(tupleNew)(_cls, \(tupleOfFields))",
            "    @classmethod",
            "    def _make(cls, iterable):",
            "        'Make a new \(typename) object from a sequence or iterable'",
            "        result = tuple.__new__(cls, iterable)",
            "        if len(result) != \(fields.count):",
            "            raise TypeError(f'Expected \(fields.count) arguments, got {len(result)}')",
            "        return result",
            "    def _replace(self, /, **kwds):",
            "        'Return a new \(typename) object replacing specified fields with new values'",
            "        result = self._make(map(kwds.pop, \(quoted), self))",
            "        if kwds:",
            "            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')",
            "        return result",
            "    def __repr__(self):",
            "        'Return a nicely formatted representation string'",
            "        return self.__class__.__name__ + f'(\(reprFields))'",
            "    def _asdict(self):",
            "        'Return a new dict which maps field names to their values.'",
            "        return dict(zip(self._fields, self))",
            "    def __getnewargs__(self):",
            "        'Return self as a plain tuple.  Used by copy and pickle.'",
            "        return tuple(self)",
        ]
        for (i, f) in fields.enumerated() {
            lines.append("    \(f) = _tuplegetter(\(i), 'Alias for field number \(i)')")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
