#if canImport(Glibc)
import Glibc
#endif
import GradLang

/// Runs the whole command line (file, `-c` code or the REPL) on one large-stack thread (see
/// `LargeStack`). Ctrl-C, and Ctrl-Z, `fg` and resizes (`TerminalSignals`), are delivered to that
/// thread only, so they interrupt the read the REPL is blocked in rather than the idle main thread.
public enum ProgramThread {
    public static func run(_ body: () -> Int32) -> Int32 {
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        for signal in [SIGINT, SIGTSTP, SIGCONT, SIGWINCH] { sigaddset(&interrupt, signal) }
        // Blocked here, and so in the new thread, which inherits the mask, until it unblocks it.
        var callerMask = sigset_t()
        pthread_sigmask(SIG_BLOCK, &interrupt, &callerMask)
        defer { pthread_sigmask(SIG_SETMASK, &callerMask, nil) }
        return LargeStack.run(stackSize: LargeStack.programSize) {
            pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
            return body()
        }
    }
}
