#if canImport(Glibc)
import Glibc
#endif
import GradLang
import Synchronization

/// Ctrl-C. The handler only sets flags: running code sees `Interpreter.interruptRequested` at its next
/// loop back-edge or call and raises KeyboardInterrupt; a read blocked at the prompt returns EINTR
/// (the handler is installed without SA_RESTART) and the REPL drops the half-typed input. The flags
/// are atomics: a signal handler must not touch a plain Swift variable that code may be reading.
public enum Interrupts {
    private static let received = Atomic<Bool>(false)

    /// Installs the handler, unless SIGINT is ignored already (a background job of a non-interactive
    /// shell, `nohup`): CPython leaves an ignored SIGINT ignored, and so does grad.
    public static func install() {
        var current = sigaction()
        sigaction(SIGINT, nil, &current)
        if let handler = current.__sigaction_handler.sa_handler,
           unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
            return
        }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            Interrupts.received.store(true, ordering: .relaxed)
            Interpreter.interruptRequested = true
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    /// Forgets a Ctrl-C that no code was running to receive.
    public static func clear() {
        received.store(false, ordering: .relaxed)
        Interpreter.interruptRequested = false
    }

    /// Whether Ctrl-C was pressed since the last `clear()`.
    public static var wasReceived: Bool { received.load(ordering: .relaxed) }

    /// Ends the process the way an uncaught KeyboardInterrupt ends CPython: killed by SIGINT, so the
    /// shell that started it sees an interrupted command (status 130).
    public static func dieOfInterrupt() -> Never {
        StandardStreams.output.flush()
        signal(SIGINT, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(SIGINT)
        exit(130)
    }
}
