/// The `traceback` module: printing and formatting exceptions and stacks exactly as grad prints an
/// uncaught error, through the one renderer (ErrorRenderer). The functions' arguments and
/// `FrameSummary`/`StackSummary` are Python (`TracebackModuleSource`), over the primitives here.
enum TracebackModule {
    static func make(_ interpreter: Interpreter) -> PyModule {
        // Its frames are not the program's: a stack it prints, or an error it raises, leaves them out.
        interpreter.filesHiddenFromTracebacks.insert(TracebackModuleSource.filename)
        let module = PyModule(name: "traceback", attributes: [
            "_handled": .object(PyBuiltin("_handled()") { args in
                args.interpreter.exceptionBeingHandled.map { .object($0) } ?? .none
            }),
            "_format_exception": .object(PyBuiltin("_format_exception(value, tb, limit, chain, /)") { args in
                .object(PyList(try formatException(args["value"], args["tb"], args["limit"], args["chain"], args.interpreter)
                    .map { .str($0) }))
            }),
            "_format_exception_only": .object(PyBuiltin("_format_exception_only(value, /)") { args in
                guard let exception = try printable(args["value"]) else { return .object(PyList([.str("NoneType: None\n")])) }
                let text = ErrorRenderer(sources: args.interpreter.sourceLines).render(exceptionOnly: PyError(exception: exception))
                return .object(PyList(pieces(text).map { .str($0) }))
            }),
            "_frames": .object(PyBuiltin("_frames(tb, /)") { args in
                guard let tb = try traceback(args["tb"]) else { return .object(PyList([])) }
                return .object(PyList(tb.entries.reversed().map(frameHandle)))
            }),
            "_stack_frames": .object(PyBuiltin("_stack_frames()") { args in
                .object(PyList(args.interpreter.stackOfFrames().map(frameHandle)))
            }),
            "_frame_info": .object(PyBuiltin("_frame_info(frame, /)") { args in
                let entry = try frameEntry(args["frame"])
                let lines = entry.sourceLines ?? args.interpreter.sourceLines[entry.file]
                let line = lines.flatMap { entry.line >= 1 && entry.line <= $0.count ? $0[entry.line - 1] : nil } ?? ""
                return .object(PyTuple([.str(entry.file), .int(entry.line), .str(entry.function),
                                        .str(line.trimmingWhitespace)]))
            }),
            "_format_frame": .object(PyBuiltin("_format_frame(frame, /)") { args in
                .str(ErrorRenderer(sources: args.interpreter.sourceLines).render(stack: [try frameEntry(args["frame"])]))
            }),
            "_stderr": .object(PyBuiltin("_stderr()") { args in
                // sys.stderr as the program may have replaced it; the interpreter's own without a `sys`.
                args.interpreter.modules["sys"]?.attributes["stderr"] ?? .object(PyTextStream.standard(of: args.interpreter).stderr)
            }),
        ])
        interpreter.addSource(TracebackModuleSource.text, filename: TracebackModuleSource.filename, to: module)
        return module
    }

    /// One frame of a traceback or stack, kept for FrameSummary: a traceback object of that one
    /// entry (it keeps the span the marker line is drawn from).
    private static func frameHandle(_ entry: TraceEntry) -> Value { .object(PyTraceback([entry])) }

    private static func frameEntry(_ handle: Value) throws -> TraceEntry {
        guard case .object(let tb as PyTraceback) = handle, let entry = tb.entries.last else {
            throw PyError.type("expected a frame of a traceback")
        }
        return entry
    }

    private static func traceback(_ value: Value) throws -> PyTraceback? {
        switch value {
        case .none: return nil
        case .object(let tb as PyTraceback): return tb
        default: throw PyError.attribute("'\(value.typeName)' object has no attribute 'tb_frame'")
        }
    }

    /// What `format_exception` lists for `value` with the traceback `tb`: the text grad prints for
    /// it uncaught, in the pieces traceback.py yields (a frame with its quoted lines is one piece).
    private static func formatException(_ value: Value, _ tb: Value, _ limit: Value, _ chain: Value,
                                        _ interpreter: Interpreter) throws -> [String] {
        guard let exception = try printable(value) else { return ["NoneType: None\n"] }
        let cut: Int? = limit.isNone ? nil : try Arg.size(limit)
        let error = PyError(printing: exception, traceback: try traceback(tb), limit: cut, chain: try Operators.truthy(chain))
        return pieces(ErrorRenderer(sources: interpreter.sourceLines).render(error))
    }

    /// The exception a traceback is printed for; nil for None, which prints `NoneType: None`.
    private static func printable(_ value: Value) throws -> PyExceptionObject? {
        if case .object(let exception as PyExceptionObject) = value { return exception }
        if value.isNone { return nil }
        throw PyError.attribute("'\(value.typeName)' object has no attribute '__suppress_context__'")
    }

    /// `text`'s lines, a frame's quoted source and marker lines joined to its `File` line and
    /// the blank-line-framed "During handling ..." announcements kept whole.
    private static func pieces(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        if lines.last == "\n" { lines.removeLast() }
        var result: [String] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line == "\n", i + 2 < lines.count, lines[i + 2] == "\n", lines[i + 1].hasSuffix("exception occurred:\n")
                || lines[i + 1].hasSuffix("cause of the following exception:\n") {
                result.append(lines[i...(i + 2)].joined())
                i += 3
                continue
            }
            if line.hasPrefix("    "), let previous = result.last, previous.hasPrefix("  File ") {
                result[result.count - 1] += line
            } else {
                result.append(line)
            }
            i += 1
        }
        return result
    }
}

private extension String {
    /// Python's `str.strip()` of a source line.
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{0C}" || $0 == "\u{0B}" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
