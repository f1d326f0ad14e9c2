#if canImport(Glibc)
import Glibc
#endif
import GradLang

/// IPython's `%pwd` and `%cd [DIR | -]`: the process's working directory, which `open()`,
/// `%run` and `%load` read relative paths from.
struct DirectoryMagics {
    let session: Session

    /// `%pwd`: the directory's repr, as IPython shows its value.
    func pwd() {
        session.writeOutput(Repr.repr(.str(Self.current())) + "\n")
    }

    /// `%cd DIR`: changes to DIR (`~` for home, `-` for the directory before; none: home) and
    /// prints where it is now; a failure is printed with the directory it stayed in.
    func cd(_ argument: String, previous: inout String?) {
        let home = environment("HOME") ?? "/"
        var target = argument.isEmpty ? home : argument
        if target == "-" {
            guard let before = previous else {
                session.writeError("UsageError: %cd -: no previous directory\n")
                return
            }
            target = before
        } else if target == "~" || target.hasPrefix("~/") {
            target = home + target.dropFirst()
        }
        let before = Self.current()
        if chdir(target) == 0 {
            previous = before
        } else {
            session.writeError("\(Files.OpenError(code: errno)): '\(target)'\n")
        }
        session.writeOutput(Self.current() + "\n")
    }

    static func current() -> String {
        guard let path = getcwd(nil, 0) else { return "." }
        defer { free(path) }
        return String(cString: path)
    }
}
