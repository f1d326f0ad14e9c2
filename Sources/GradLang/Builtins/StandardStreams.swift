/// `sys.stdout` and `sys.stderr`: text streams whose `write` goes where `print` and warnings go
/// (the interpreter's output and its stderr), so `sys.stdout.write(...)` and
/// `print(..., file=sys.stderr)` work in scripts and at the prompt.
public final class PyTextStream: PyObject, PyAttributeProviding, PyCustomRepr {
    private let name: String
    /// 1 for stdout, 2 for stderr: `fileno()`, and the stream `Interpreter.terminalColumns` is asked about.
    let descriptor: Int32
    private let write: (String) throws -> Void
    private let flush: () throws -> Void

    init(name: String, descriptor: Int32, write: @escaping (String) throws -> Void, flush: @escaping () throws -> Void) {
        self.name = name
        self.descriptor = descriptor
        self.write = write
        self.flush = flush
    }

    /// The interpreter's two streams.
    public static func standard(of interpreter: Interpreter) -> (stdout: PyTextStream, stderr: PyTextStream) {
        // Unowned: the interpreter holds its `sys` module, which holds the streams.
        (PyTextStream(name: "<stdout>", descriptor: 1, write: { [unowned interpreter] in try interpreter.writeOutput($0) },
                      flush: { [unowned interpreter] in try interpreter.flushOutput() }),
         PyTextStream(name: "<stderr>", descriptor: 2, write: { [unowned interpreter] in interpreter.writeWarning($0) }, flush: {}))
    }

    override public var typeName: String { "TextIOWrapper" }
    public var reprText: String { "<_io.TextIOWrapper name='\(name)' mode='w' encoding='utf-8'>" }

    public func attribute(_ attribute: String) throws -> Value? {
        switch attribute {
        case "write":
            return .object(PyBuiltin("write(text, /)") { [self] args in
                guard case .str(let text) = args["text"] else {
                    throw PyError.type("write() argument must be str, not \(args["text"].typeName)")
                }
                try write(text.string)
                return .int(text.count)
            })
        case "flush": return .object(PyBuiltin("flush()") { [self] _ in try flush(); return .none })
        // A terminal when the host says so (`Interpreter.terminalColumns`).
        case "isatty": return .object(PyBuiltin("isatty()") { [self] args in .bool(args.interpreter.terminalColumns(descriptor) != nil) })
        case "fileno": return .object(PyBuiltin("fileno()") { [self] _ in .int(Int(descriptor)) })
        case "name": return .str(name)
        case "mode": return .str("w")
        case "encoding": return .str("utf-8")
        case "closed": return .bool(false)
        default: return nil
        }
    }
}
