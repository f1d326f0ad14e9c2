import GradLang

/// IPython's `obj?` and `obj??` for a name or a dotted chain of attributes: `help(obj)` (signature
/// and description) and the object's type; `??` adds the source of a function or class defined
/// in this session — typed at the prompt, or in a file run here — found by its `def` or `class`
/// line, the latest definition first.
struct Inspect {
    let session: Session
    let history: InputHistory

    /// `request` is the text before the question marks; `source`: there were two.
    func run(_ request: String, source: Bool) {
        guard let value = session.lookUp(chain: request) else {
            session.writeOutput("Object `\(request)` not found.\n")
            return
        }
        _ = session.runScript(source: "help(\(request))", filename: "<inspect>")
        var text = ""
        if source, let code = definition(of: value) { text += "Source:\n\(code)\n" }
        text += "Type:      \(value.typeName)\n"
        session.writeOutput(text)
    }

    /// The `def` or `class` block that made `value`, with its decorators.
    private func definition(of value: Value) -> String? {
        guard ["function", "type"].contains(value.typeName),
              case .str(let name)? = try? session.interpreter.getAttribute(value, "__name__") else { return nil }
        let texts = history.inputs.reversed() + session.interpreter.sourceLines.values.map { $0.joined(separator: "\n") }
        for text in texts {
            if let block = Self.block(defining: name.string, in: text) { return block }
        }
        return nil
    }

    /// The last block in `text` whose first line is `def NAME(` or `class NAME` (`:` or `(`).
    static func block(defining name: String, in text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indentation: (Substring) -> Int = { $0.prefix { $0 == " " || $0 == "\t" }.count }
        for start in lines.indices.reversed() {
            let code = lines[start].drop { $0 == " " || $0 == "\t" }
            let defines = ["def ", "async def ", "class "].contains { keyword in
                code.hasPrefix(keyword) && code.dropFirst(keyword.count).hasPrefix(name)
                    && [":", "("].contains(code.dropFirst(keyword.count + name.count).first.map(String.init) ?? "")
            }
            guard defines else { continue }
            let level = indentation(lines[start])
            var first = start
            while first > 0, lines[first - 1].drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("@") { first -= 1 }
            var end = start + 1
            while end < lines.count, lines[end].allSatisfy({ $0 == " " || $0 == "\t" }) || indentation(lines[end]) > level {
                end += 1
            }
            while end > start + 1, lines[end - 1].allSatisfy({ $0 == " " || $0 == "\t" }) { end -= 1 }
            return lines[first..<end].joined(separator: "\n")
        }
        return nil
    }
}
