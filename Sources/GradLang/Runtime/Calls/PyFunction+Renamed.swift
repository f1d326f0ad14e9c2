extension PyFunction {
    /// The same function under another qualified name, which its call errors use too: what
    /// CPython's `dataclasses` does with `fn.__qualname__ = f"{cls.__qualname__}.{fn.__name__}"`.
    func renamed(qualifiedName: String) -> PyFunction {
        let copy = PyFunction(name: name, signature: Signature(name: qualifiedName, parameters: signature.parameters),
                              defaults: defaults, body: body, slotCount: slotCount, parameterStorage: parameterStorage,
                              cellCount: cellCount, closure: closure, origin: origin,
                              globals: globals)
        copy.docstring = docstring
        copy.qualifiedName = qualifiedName
        copy.attributes = attributes
        return copy
    }
}
