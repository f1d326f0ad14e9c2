#if canImport(Glibc)
import Glibc
#endif

/// IPython's `%history [-n] [RANGES]` and `%save [-f] FILE RANGES`, over the session's inputs.
struct HistoryMagics {
    let session: Session
    let history: InputHistory
    let ask: (String) -> String?

    /// `%history`: the inputs named, one after another; with `-n` each after its number (an input
    /// of several lines starts on the line after it), as IPython prints them.
    func history(_ argument: String) {
        var words = argument.split(whereSeparator: { $0 == " " || $0 == "\t" })
        let numbered = words.contains("-n")
        words.removeAll { $0 == "-n" }
        guard let selected = select(words, magic: "%history") else { return }
        var text = ""
        for (number, input) in selected {
            if numbered {
                let label = String(number)
                text += String(repeating: " ", count: max(0, 4 - label.count)) + label + ":"
                text += input.contains("\n") ? "\n" : " "
            }
            text += input + "\n"
        }
        session.writeOutput(text)
    }

    /// `%save FILE RANGES`: writes the inputs named to FILE (`.py` added when it has no extension
    /// grad reads), after asking whether to replace a file that exists (`-f` does not ask).
    func save(_ argument: String) {
        var words = argument.split(whereSeparator: { $0 == " " || $0 == "\t" })
        let force = words.contains("-f")
        words.removeAll { $0 == "-f" }
        guard let name = words.first, words.count > 1 else {
            session.writeError("UsageError: %save needs a file name and the inputs to save: %save FILE 1-4\n")
            return
        }
        var path = String(name)
        if !path.hasSuffix(".py") && !path.hasSuffix(".grad") { path += ".py" }
        guard let selected = select(Array(words.dropFirst()), magic: "%save") else { return }
        if !force && access(path, F_OK) == 0 {
            let answer = ask("File `\(path)` exists. Overwrite (y/[N])? ")
            guard let answer, answer.trimmingWhitespace().lowercased().hasPrefix("y") else {
                session.writeOutput("Operation cancelled.\n")
                return
            }
        }
        let code = selected.map(\.input).joined(separator: "\n")
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            session.writeError("%save: can't open file '\(path)': \(Files.OpenError(code: errno))\n")
            return
        }
        defer { close(descriptor) }
        guard Files.writeAll(descriptor, Array(("# coding: utf-8\n" + code + "\n").utf8)) else {
            session.writeError("%save: can't write file '\(path)': \(Files.OpenError(code: errno))\n")
            return
        }
        session.writeOutput("The following commands were written to file `\(path)`:\n\(code)\n")
    }

    private func select(_ ranges: [Substring], magic: String) -> [(number: Int, input: String)]? {
        switch history.select(ranges) {
        case .success(let selected): return selected
        case .failure(let error):
            session.writeError("UsageError: \(magic): '\(error.word)' is not an input number or range (4, 1-3, 1:3)\n")
            return nil
        }
    }
}
