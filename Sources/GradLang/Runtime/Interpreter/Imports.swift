extension Interpreter {
    /// `import name`: only grad's built-in modules exist (torch, math, ...).
    public func importModule(_ name: String) throws -> PyModule {
        if let m = modules[name] { return m }
        throw PyError(PyExc.moduleNotFoundError, "No module named '\(name)'")
    }
}
