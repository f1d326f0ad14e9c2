/// The `weakref` module: `ref` (PyWeakRef), `getweakrefcount`, `getweakrefs`, and the
/// containers, `finalize` and `WeakMethod` written in Python on top of them
/// (WeakrefModuleSource, WeakMethodSource); `proxy` and its types come from a part of their own.
enum WeakrefModule {
    static func make(_ interpreter: Interpreter) -> PyModule {
        WeakReferences.observeTensors()
        var attributes: [String: Value] = ["ref": .object(referenceType), "ReferenceType": .object(referenceType)]
        for f in functions { attributes[f.name] = .object(f) }
        attributes["_proxies"] = .object(proxies(attributes, interpreter))
        let module = PyModule(name: "weakref", attributes: attributes)
        // A multi-line literal ends without its last newline.
        interpreter.addSource([WeakrefModuleSource.text, WeakMethodSource.text].joined(separator: "\n") + "\n" + WeakrefProxySource.imports,
                              filename: "weakref.py", to: module)
        return module
    }

    /// The proxies' part, also named `weakref` (its classes' `__module__`), in a file of its own
    /// whose frames tracebacks leave out: CPython's proxies are C, so an error passing through
    /// one shows no line of it.
    private static func proxies(_ attributes: [String: Value], _ interpreter: Interpreter) -> PyModule {
        let part = PyModule(name: "weakref", attributes: attributes)
        interpreter.addSource(WeakrefProxySource.text, filename: WeakrefProxySource.filename, to: part)
        interpreter.filesHiddenFromTracebacks.insert(WeakrefProxySource.filename)
        return part
    }

    nonisolated(unsafe) static let referenceType = PyTypeObject(
        name: "ReferenceType", qualifiedName: "weakref.ReferenceType",
        constructor: PyBuiltin("__new__(ob, callback=None, /)", style: .checkPositional) { args in
            .object(try PyWeakRef.make(to: args["ob"], callback: args["callback"], args.interpreter))
        }) { value in
        if case .object(let o) = value { return o is PyWeakRef }
        return false
    }

    private static var functions: [PyBuiltin] {
        [
            PyBuiltin("weakref.getweakrefcount(object, /)") { args in
                guard let id = PyWeakRef.identity(ofReferenceable: args["object"]) else { return .int(0) }
                return .int(WeakReferences.references(to: id).count)
            },
            PyBuiltin("weakref.getweakrefs(object, /)") { args in
                guard let id = PyWeakRef.identity(ofReferenceable: args["object"]) else { return .object(PyList([])) }
                return .object(PyList(WeakReferences.references(to: id).map { .object($0.proxy ?? $0) }))
            },
            // The `ref` an instance of a subclass of it (WeakMethod) extends.
            PyBuiltin("weakref._reference(subclass_ref, /)") { args in
                guard case .object(let i as PyInstance) = args["subclass_ref"], let reference = i.native as? PyWeakRef else {
                    throw PyError.type("_reference() argument must be an instance of a subclass of weakref.ref")
                }
                return .object(reference)
            },
            // `func` bound to `obj` anew (CPython's `types.MethodType(func, obj)`), for WeakMethod.
            PyBuiltin("weakref._bound_method(func, obj, /)") { args in
                .object(PyMethod(function: args["func"], receiver: args["obj"]))
            },
            // The reference a proxy keeps (WeakrefProxySource's `proxy`).
            PyBuiltin("weakref._proxy_reference(ob, proxy, callback, /)") { args in
                guard case .object(let proxy) = args["proxy"] else { throw PyError.type("a proxy must be an object") }
                return .object(try PyWeakRef.make(to: args["ob"], for: proxy, callback: args["callback"], args.interpreter))
            },
        ]
    }
}
