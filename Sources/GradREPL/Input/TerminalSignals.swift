#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Ctrl-Z (SIGTSTP), `fg` (SIGCONT) and window resizes (SIGWINCH) while a line is edited. The
/// handlers, installed only for the time of a read, just set flags; the read they interrupt (no
/// SA_RESTART) returns EINTR, and the reader then acts on them (`EditLineReader+TerminalSignals`).
/// Outside reads the signals keep their default actions: Ctrl-Z stops running code at once.
enum TerminalSignals {
    enum Kind: CaseIterable {
        case stop, continued, resized

        var signal: Int32 {
            switch self {
            case .stop: return SIGTSTP
            case .continued: return SIGCONT
            case .resized: return SIGWINCH
            }
        }
    }

    private static let stopped = Atomic<Bool>(false)
    private static let continued = Atomic<Bool>(false)
    private static let resized = Atomic<Bool>(false)

    static func install() {
        for kind in Kind.allCases { install(kind) }
    }

    static func uninstall() {
        for kind in Kind.allCases { signal(kind.signal, SIG_DFL) }
    }

    /// Whether the signal came since the last call, forgetting it.
    static func take(_ kind: Kind) -> Bool {
        switch kind {
        case .stop: return stopped.exchange(false, ordering: .relaxed)
        case .continued: return continued.exchange(false, ordering: .relaxed)
        case .resized: return resized.exchange(false, ordering: .relaxed)
        }
    }

    /// Stops the process as Ctrl-Z's default action would; returns once it is continued.
    static func stopNow() {
        signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        install(.stop)
    }

    private static func install(_ kind: Kind) {
        var action = sigaction()
        switch kind {
        case .stop: action.__sigaction_handler.sa_handler = { _ in TerminalSignals.stopped.store(true, ordering: .relaxed) }
        case .continued: action.__sigaction_handler.sa_handler = { _ in TerminalSignals.continued.store(true, ordering: .relaxed) }
        case .resized: action.__sigaction_handler.sa_handler = { _ in TerminalSignals.resized.store(true, ordering: .relaxed) }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(kind.signal, &action, nil)
    }
}
