/// Python that grad writes and runs itself, as CPython's `collections` and `dataclasses` `exec`
/// the methods they generate: the functions come out as if the program had defined them (their
/// names, signatures and error messages are a `def`'s).
extension Interpreter {
    /// Runs `source` in a fresh global namespace holding `names`, and returns what `result` is
    /// bound to afterwards. The namespace goes when this returns: the generated functions may
    /// read its names while it runs (in defaults, class bodies, decorators), and only built-ins
    /// and their own arguments when called later.
    func runGenerated(_ source: String, names: [String: Value], result: String) throws -> Value {
        let globals = Globals()
        globals["__name__"] = .str("__main__")
        for (name, value) in names { globals[name] = value }
        let module: Module
        do {
            module = try parseModule(source: source)
        } catch {
            throw PyError(PyExc.systemError, "grad generated code that does not parse: \(error.message)")
        }
        do {
            try execute(module, filename: "<string>", in: globals, echo: false, namesInScope: false)
        } catch {
            switch error {
            case .runtime(let e): throw e
            case .syntax(let e, _): throw PyError(PyExc.systemError, "grad generated code that does not compile: \(e.message)")
            }
        }
        return globals[result] ?? .none
    }
}
