/// Turns errors into the text CPython prints: tracebacks with quoted lines and 3.11's marker
/// lines, and SyntaxErrors with their caret. The one place errors become text.
public struct ErrorRenderer {
    /// Source lines by filename (files whose lines a traceback may quote); a frame that carries
    /// its own lines (code typed at the REPL) is quoted from those.
    public var sources: [String: [String]]

    public init(sources: [String: [String]]) {
        self.sources = sources
    }

    public func render(_ error: ProgramError) -> String {
        switch error {
        case .syntax(let e, let filename): return render(e, filename: filename)
        case .runtime(let e): return render(e)
        }
    }

    public func render(_ e: SyntaxError, filename: String) -> String {
        let last = "\(e.kind.rawValue): \(e.message)\n"
        guard e.line > 0 else { return last }
        return "  File \"\(filename)\", line \(e.line)\n" + quote(e) + last
    }

    /// CPython's `print_error_text`: the line (up to a NUL, as a C string ends) without its
    /// indentation, then carets from the column, clipped to the line's end; none when the column
    /// is 0 or points into the indentation (an unexpected indent, a TabError, an error where a
    /// file ends).
    private func quote(_ e: SyntaxError) -> String {
        let line = e.lineText.unicodeScalars.prefix { $0 != "\0" }
        let text = line.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
        var out = "    " + String(String.UnicodeScalarView(text)) + "\n"
        let offset = min(e.column - 1 - (line.count - text.count), text.count)
        guard offset >= 0 else { return out }
        // IndentationError points at a position, not a span.
        let width = e.endLine == e.line && e.kind == .syntaxError ? Swift.max(e.endColumn - e.column, 1) : 1
        out += "    " + String(repeating: " ", count: offset) + String(repeating: "^", count: width) + "\n"
        return out
    }

    public func render(_ e: PyError) -> String {
        var groups = GroupPrinting()
        return render(e, &groups)
    }

    /// Where an exception group's boxes have got to: how deeply the exception being printed is
    /// nested, and whether the innermost box still needs its closing line (traceback.py's
    /// `_ExceptionPrintContext`).
    private struct GroupPrinting {
        var depth = 0
        var needsClose = false
        /// CPython's `max_group_width` and `max_group_depth`.
        static let widest = 15, deepest = 10

        var indent: String { String(repeating: " ", count: 2 * depth) }

        /// `text` with each line behind the margin of the current depth (none at the top).
        func emit(_ text: String, margin: Character = "|") -> String {
            guard depth > 0 else { return text }
            let prefix = indent + String(margin) + " "
            var out = String.UnicodeScalarView()
            var atLineStart = true
            for scalar in text.unicodeScalars {
                if atLineStart { out.append(contentsOf: prefix.unicodeScalars) }
                out.append(scalar)
                atLineStart = scalar == "\n"
            }
            return String(out)
        }
    }

    private func render(_ e: PyError, _ groups: inout GroupPrinting) -> String {
        if let cause = e.cause {
            return render(cause.error, &groups)
                + groups.emit("\nThe above exception was the direct cause of the following exception:\n\n") + renderOne(e, &groups)
        }
        if let context = e.context, !e.suppressesContext {
            return render(context.error, &groups)
                + groups.emit("\nDuring handling of the above exception, another exception occurred:\n\n") + renderOne(e, &groups)
        }
        return renderOne(e, &groups)
    }

    private func renderOne(_ e: PyError, _ groups: inout GroupPrinting) -> String {
        guard let group = e.exception as? PyExceptionGroupObject else {
            let header = e.traceback.isEmpty ? "" : "Traceback (most recent call last):\n" + stack(e)
            return groups.emit(header + exceptionOnly(e))
        }
        if groups.depth > GroupPrinting.deepest {
            return groups.emit("... (max_group_depth is \(GroupPrinting.deepest))\n")
        }
        let top = groups.depth == 0
        if top { groups.depth += 1 }
        var out = ""
        if !e.traceback.isEmpty {
            out += groups.emit("Exception Group Traceback (most recent call last):\n", margin: top ? "+" : "|")
            out += groups.emit(stack(e))
        }
        out += groups.emit(exceptionOnly(e))
        let members = group.exceptions
        let shown = Swift.min(members.count, GroupPrinting.widest + 1)
        groups.needsClose = false
        for i in 0..<shown {
            let last = i == shown - 1
            if last { groups.needsClose = true }
            let truncated = i >= GroupPrinting.widest
            out += groups.indent + (i == 0 ? "+-" : "  ") + "+---------------- \(truncated ? "..." : String(i + 1)) ----------------\n"
            groups.depth += 1
            if truncated {
                let remaining = members.count - GroupPrinting.widest
                out += groups.emit("and \(remaining) more exception\(remaining > 1 ? "s" : "")\n")
            } else {
                out += render(group.raisedMembers[i] ?? PyError(printing: members[i], traceback: members[i].tracebackObject), &groups)
            }
            if last && groups.needsClose {
                out += groups.indent + "+------------------------------------\n"
                groups.needsClose = false
            }
            groups.depth -= 1
        }
        // What follows a top-level group (an exception it was the context of) is not in its box.
        if top { groups.depth -= 1 }
        return out
    }

    /// The traceback's entries, outermost first, with CPython's cut of a line repeated many times.
    private func stack(_ e: PyError) -> String {
        var out = ""
        var previous: TraceEntry?
        var repeats = 0
        for entry in e.traceback.outermostFirst {
            if let p = previous, p == entry {
                repeats += 1
                if repeats >= 3 { continue }
            } else {
                if repeats >= 3 { out += repeatedLine(repeats - 2) }
                repeats = 0
            }
            previous = entry
            out += frame(entry)
        }
        if repeats >= 3 { out += repeatedLine(repeats - 2) }
        return out
    }

    /// The last line (`ValueError: bad`, or a SyntaxError's quoted line and caret), then the
    /// exception's `__notes__`, each on lines of its own (`traceback.format_exception_only`; a
    /// group's members are not shown).
    public func render(exceptionOnly e: PyError) -> String {
        exceptionOnly(e)
    }

    private func exceptionOnly(_ e: PyError) -> String {
        var out: String
        if let (syntax, filename) = e.syntaxDetails {
            out = render(syntax, filename: filename)
        } else {
            var message = e.message
            if let suggestion = e.suggestion { message += ". " + suggestion }
            let name = e.type.tracebackName
            out = (message.isEmpty ? name : "\(name): \(message)") + "\n"
        }
        guard let notes = e.exception.attribute("__notes__") else { return out }
        switch notes {
        case .str, .object(is PyList), .object(is PyTuple):
            for note in (try? Iteration.collect(notes)) ?? [] {
                out += ((try? Repr.checkedStr(note)) ?? "<note str() failed>") + "\n"
            }
        case .none: break
        default: out += (try? Repr.checkedRepr(notes)) ?? "<__notes__ repr() failed>"
        }
        return out
    }

    private func repeatedLine(_ n: Int) -> String {
        "  [Previous line repeated \(n) more time\(n == 1 ? "" : "s")]\n"
    }

    /// A stack as Python's `traceback.format_stack` prints it, outermost first (PyTorch's
    /// anomaly mode quotes the stack that made a node this way): entries without a span have no
    /// marker line.
    public func render(stack: [TraceEntry]) -> String {
        stack.map(frame).joined()
    }

    private func frame(_ entry: TraceEntry) -> String {
        var out = "  File \"\(entry.file)\", line \(entry.line), in \(entry.function)\n"
        guard let lines = entry.sourceLines ?? sources[entry.file], entry.line >= 1, entry.line <= lines.count else { return out }
        let text = lines[entry.line - 1]
        let stripped = String(text.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" })
        let trimmed = String(stripped.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
        if trimmed.isEmpty { return out }
        out += "    \(trimmed)\n"
        if let span = entry.span, let marker = markers(span, line: entry.line, text: text, indent: text.count - stripped.count, shown: trimmed) {
            out += "    \(marker)\n"
        }
        return out
    }

    /// CPython 3.11's marker line, or nil when the expression is the whole line.
    private func markers(_ span: ErrorSpan, line: Int, text: String, indent: Int, shown: String) -> String? {
        guard span.range.start.line == line else { return nil }
        let chars = Array(text)
        let start = span.range.start.column - 1
        let end = span.range.end.line == line ? span.range.end.column - 1 : indent + shown.count
        guard start >= indent, end > start, end <= chars.count else { return nil }
        // A plain span covering the whole line says nothing; anchored ones (~~^~~) still show.
        if start == indent && end >= indent + shown.count && span.style == .whole { return nil }
        var marks = Array(repeating: Character("^"), count: end - start)
        if span.range.end.line == line {
            switch span.style {
            case .whole: break
            case .binary(let leftEnd, let rightStart):
                if leftEnd.line == line, rightStart.line == line {
                    marks = Array(repeating: "~", count: end - start)
                    // The operator is the first non-space, non-bracket text after the left operand.
                    var i = leftEnd.column - 1
                    while i < chars.count, chars[i] == " " || chars[i] == ")" { i += 1 }
                    var j = i
                    while j < rightStart.column - 1, j < chars.count, chars[j] != " ", chars[j] != "(" { j += 1 }
                    for k in i..<Swift.max(i, j) where k - start >= 0 && k - start < marks.count { marks[k - start] = "^" }
                }
            case .indexed(let valueEnd):
                if valueEnd.line == line {
                    for k in start..<Swift.min(valueEnd.column - 1, end) { marks[k - start] = "~" }
                }
            }
        }
        return String(repeating: " ", count: start - indent) + String(marks)
    }
}
