/// The namespaces of the code calling a built-in that reads them (`globals()`, `locals()`,
/// `vars()`, `eval`, `exec`): what CPython's built-ins find in the calling frame.
struct CallerScope {
    let globals: Globals
    /// The caller's local variables as a dict: a snapshot, not written back (CPython 3.11's
    /// `locals()` in a function); nil at module level, where the locals are the globals.
    let locals: (() throws -> PyDict)?

    /// The built-ins whose calls by name tell them the caller's scope (Compiler+CallerScope).
    static let readers: Set<String> = ["globals", "locals", "vars", "eval", "exec"]

    /// `locals()`: the locals' dict, or at module level the globals'.
    func localsDict(_ interpreter: Interpreter) throws -> PyDict {
        try locals?() ?? globals.dict(interpreter)
    }
}

extension Interpreter {
    /// The scope of the code that called the built-in running now, which must ask before it
    /// calls anything: the one its call site gave, else (the built-in called through another
    /// name, `f = globals; f()`) the module level of the program running.
    func takeCallerScope() throws -> CallerScope {
        if let scope = callerScope.take() { return scope }
        guard let globals = programGlobals else { throw PyError.runtime("no program is running to give its globals") }
        return CallerScope(globals: globals, locals: nil)
    }
}
