/// Methods of `dict`, and the merge behind `dict(...)` and `dict.update(...)`.
enum DictMethods {
    /// `dict.keys()`, `values()` or `items()`.
    private static func view(_ kind: PyDictView.Kind) -> PyBuiltin {
        PyBuiltin("dict.\(kind.rawValue)(self, /)", one: { receiver, _ in
            .object(PyDictView(kind, try Receiver.cast(receiver, "dict", method: kind.rawValue)))
        })
    }

    static var all: [PyBuiltin] {
        [
            PyBuiltin("get(self, key, default=None, /)") { args in
                try args.selfDict.get(args["key"]) ?? args["default"]
            },
            view(.keys),
            view(.values),
            view(.items),
            PyBuiltin("pop(self, key, default=<unset>, /)") { args in
                if let v = try args.selfDict.remove(args["key"]) { return v }
                guard let fallback = args.given("default") else { throw PyError.key(args["key"]) }
                return fallback
            },
            PyBuiltin("dict.popitem(self, /)") { args in
                guard let last = try args.selfDict.removeLast() else {
                    throw PyError(exception: PyExceptionObject(type: PyExc.keyError, args: [.str("popitem(): dictionary is empty")]))
                }
                return .object(PyTuple([last.key, last.value]))
            },
            PyBuiltin("setdefault(self, key, default=None, /)") { args in
                try args.selfDict.setDefault(args["key"], args["default"])
            },
            PyBuiltin("update(self, other=<unset>, /, **kwargs)") { args in
                try DictUpdate.merge(into: args.selfDict, args.given("other"), keywords: args.varkw("kwargs"), args.interpreter)
                return .none
            },
            PyBuiltin("dict.copy(self, /)") { args in
                let copy = PyDict()
                for entry in try args.selfDict.hashedEntries { try copy.set(entry.key, entry.value, hash: entry.hash) }
                return .object(copy)
            },
            PyBuiltin("dict.clear(self, /)") { args in
                try args.selfDict.removeAll()
                return .none
            },
        ]
    }

    /// `dict.fromkeys(iterable, value=None)`: reached through the type object.
    static var fromkeys: PyBuiltin { PyBuiltin("fromkeys(iterable, value=None, /)") { args in
        let d = PyDict()
        try args.interpreter.forEach(in: args["iterable"]) { try d.set($0, args["value"]) }
        return .object(d)
    } }
}

/// `dict(other, **kw)` and `d.update(other, **kw)`: `other` is a dict or an iterable of pairs.
enum DictUpdate {
    static func merge(into d: PyDict, _ other: Value?, keywords: PyDict?, _ interpreter: Interpreter) throws {
        switch other.map(NativeBases.contents) {
        case nil: break
        case .object(let source as PyDict)?:
            for (k, v) in source.entries { try d.set(k, v) }
        case let iterable?:
            var index = 0
            try interpreter.forEach(in: iterable) { element in
                guard let pair = try? Iteration.collect(element) else {
                    throw PyError.type("cannot convert dictionary update sequence element #\(index) to a sequence")
                }
                guard pair.count == 2 else {
                    throw PyError.value("dictionary update sequence element #\(index) has length \(pair.count); 2 is required")
                }
                try d.set(pair[0], pair[1])
                index += 1
            }
        }
        for (k, v) in keywords?.entries ?? [] { try d.set(k, v) }
    }
}
