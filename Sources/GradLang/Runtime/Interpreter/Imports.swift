extension Interpreter {
    /// `import name`: only grad's built-in modules exist (torch, math, ...).
    public func importModule(_ name: String) throws -> PyModule {
        if let m = modules[name] { return m }
        if let make = moduleMakers[name] {
            let module = make(self)
            moduleTable[name] = module
            return module
        }
        throw PyError(PyExc.moduleNotFoundError, "No module named '\(name)'")
    }
}
