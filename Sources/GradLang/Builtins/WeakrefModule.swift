/// The `weakref` module: `ref` (PyWeakRef), `getweakrefcount`, `getweakrefs`, and the
/// containers and `finalize` written in Python on top of them (WeakrefModuleSource).
enum WeakrefModule {
    static func make(_ interpreter: Interpreter) -> PyModule {
        WeakReferences.observeTensors()
        var attributes: [String: Value] = ["ref": .object(referenceType), "ReferenceType": .object(referenceType)]
        for f in functions { attributes[f.name] = .object(f) }
        let module = PyModule(name: "weakref", attributes: attributes)
        interpreter.addSource(WeakrefModuleSource.text, filename: "weakref.py", to: module)
        return module
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
                return .object(PyList(WeakReferences.references(to: id).map { .object($0) }))
            },
        ]
    }
}
