import GradLang

/// What the command line adds to the language, as CPython's `site` and `sys` do: `exit()` and
/// `quit()`, and a `sys` module with `argv`, `warnoptions`, `exit`, `stdin`, `stdout`, `stderr`, `platform`, `maxsize`, `exc_info`,
/// the recursion limit and the version (`SysVersion`).
enum HostBuiltins {
    static func install(in interpreter: Interpreter, argv: [String], warnOptions: [String]) {
        interpreter.setBuiltin("exit", .object(exitFunction("exit")))
        interpreter.setBuiltin("quit", .object(exitFunction("quit")))
        let streams = PyTextStream.standard(of: interpreter)
        let sys = PyModule(name: "sys", attributes: [
            "argv": .object(PyList(argv.map { .str($0) })),
            "warnoptions": .object(PyList(warnOptions.map { .str($0) })),
            "exit": .object(exitFunction("exit")),
            "stdin": .object(interpreter.standardInput),
            "stdout": .object(streams.stdout),
            "stderr": .object(streams.stderr),
            "platform": .str("linux"),
            "maxsize": .int(Int.max),
        ])
        for function in Interpreter.recursionLimitFunctions { sys.attributes[function.name] = .object(function) }
        sys.attributes["exc_info"] = .object(Interpreter.exceptionInfoFunction)
        SysVersion.install(in: sys, gradVersion: GradVersion.string, interpreter)
        interpreter.addModule(sys)
    }

    /// Raises SystemExit(code), which the command line turns into its exit status.
    private static func exitFunction(_ name: String) -> PyBuiltin {
        PyBuiltin("\(name)(code=None)") { args in
            let code = args["code"]
            if case .none = code { throw PyError(exception: PyExceptionObject(type: PyExc.systemExit, args: [])) }
            throw PyError(exception: PyExceptionObject(type: PyExc.systemExit, args: [code]))
        }
    }
}

/// grad's version, shown by `--version` and the banner.
public enum GradVersion {
    public static let string = "0.1.0"
}
