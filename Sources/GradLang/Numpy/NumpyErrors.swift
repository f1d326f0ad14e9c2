/// numpy's own exception classes, named as its tracebacks name them.
enum NumpyErrors {
    /// `numpy.exceptions.AxisError` (numpy's also derives from IndexError; grad's classes for
    /// built-in code take one base).
    static let axisError = PyClass(builtin: "AxisError", module: "numpy.exceptions", base: PyExc.valueError)

    /// What `a += 1.5` raises for an int array: `type(e).__name__` is `UFuncTypeError`, the
    /// traceback shows the private class it is.
    static let outputCastingError: PyClass = {
        let c = PyClass(builtin: "UFuncTypeError", module: "numpy._core._exceptions", base: PyExc.typeError)
        c.qualifiedName = "_UFuncOutputCastingError"
        return c
    }()
}
