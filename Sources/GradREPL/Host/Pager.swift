#if canImport(Glibc)
import Glibc
#endif

/// Shows long text through a pager, as IPython and pydoc do: `$PAGER`, else `less -R`. Text
/// that fits the screen, `PAGER=cat` (or empty), or output that is not a terminal is written
/// plainly, as is everything when the pager cannot be started.
enum Pager {
    static func show(_ text: String, write: (String) -> Void) {
        let command = (environment("PAGER") ?? "less -R").trimmingWhitespace()
        let lines = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        guard Terminal.isTerminal(1), !command.isEmpty, command != "cat", lines >= Terminal.rows() - 1 else {
            write(text)
            return
        }
        StandardStreams.output.flush()
        guard let pipe = popen(command, "w") else {
            write(text)
            return
        }
        // The pager may quit before reading everything (q in less): the write then fails, which
        // is no error here (SIGPIPE is ignored by the command line).
        _ = Files.writeAll(fileno(pipe), Array(text.utf8))
        pclose(pipe)
        // A Ctrl-C pressed in the pager was the pager's.
        Interrupts.clear()
    }
}
