import GradLang

/// IPython's `%whos`: a table of the names defined at the prompt with their type and, in brief,
/// their value — a list, tuple or dict by its length, anything else by its `str`, cut in the
/// middle when 50 characters or longer (IPython's rule).
struct Whos {
    let session: Session

    func run() {
        let names = session.globals.definedNames.filter { !$0.hasPrefix("_") }
        guard !names.isEmpty else {
            session.writeOutput("Interactive namespace is empty.\n")
            return
        }
        let rows = names.map { name -> (name: String, type: String, info: String) in
            let value = session.globals[name] ?? .none
            return (name, value.typeName, Self.info(value))
        }
        let nameWidth = max(rows.map(\.name.count).max() ?? 0, "Variable".count) + 3
        let typeWidth = max(rows.map(\.type.count).max() ?? 0, "Type".count) + 3
        var text = Self.padded("Variable", nameWidth) + Self.padded("Type", typeWidth) + " Data/Info\n"
            + String(repeating: "-", count: nameWidth + typeWidth + "Data/Info".count + 1) + "\n"
        for row in rows {
            text += Self.padded(row.name, nameWidth) + Self.padded(row.type, typeWidth) + " " + row.info + "\n"
        }
        session.writeOutput(text)
    }

    private static func info(_ value: Value) -> String {
        switch value {
        case .object(let list as PyList): return "n=\(list.values.count)"
        case .object(let tuple as PyTuple): return "n=\(tuple.items.count)"
        case .object(let dict as PyDict): return "n=\(dict.count)"
        default: break
        }
        let text = Repr.str(value).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n")
        guard text.count >= 50 else { return text }
        return text.prefix(25) + "<...>" + text.suffix(25)
    }

    private static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
