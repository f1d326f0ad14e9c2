extension PyFunction {
    /// The same function under another qualified name, which its call errors use too: what
    /// CPython's `dataclasses` does with `fn.__qualname__ = f"{cls.__qualname__}.{fn.__name__}"`.
    func renamed(qualifiedName: String) -> PyFunction {
        let copy = PyFunction(code: code.renamed(qualifiedName: qualifiedName), defaults: defaults, closure: closure, globals: globals)
        copy.name = name
        copy.docstring = docstring
        copy.attributes = attributes
        return copy
    }
}
