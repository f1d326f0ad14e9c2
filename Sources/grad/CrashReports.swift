#if canImport(Glibc)
import Glibc
#endif

/// The Swift runtime's crash reporter, when stdin and stdout are terminals, waits 30 s after a
/// crash at "Press space to interact, D to debug, or any other key to quit". grad's users are at a
/// REPL, not a debugger: a crash, should one happen, prints its backtrace on stderr and ends.
///
/// The runtime reads `SWIFT_BACKTRACE` in a library constructor, before any of grad's code runs
/// (and glibc resets the environment after an executable's `.preinit_array` functions, so even
/// those are too early to set it), so the setting can only come with the process: grad executes
/// itself again, once, with `SWIFT_BACKTRACE=interactive=no` — only when it matters (stdin and
/// stdout terminals, and the runtime's crash handler installed: a release build, which links the
/// runtime statically, finds no `swift-backtrace` and installs none) and only when the user has
/// not set `SWIFT_BACKTRACE`.
enum CrashReports {
    static func disableInteractiveBacktraces() {
        guard getenv("SWIFT_BACKTRACE") == nil, isatty(0) == 1, isatty(1) == 1, crashHandlerInstalled() else { return }
        setenv("SWIFT_BACKTRACE", "interactive=no", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Only reached when the executable cannot be run again (no /proc): carry on as we are.
    }

    /// Whether something handles SIGSEGV: the runtime installs its handler for it (and the other
    /// crash signals) only when backtracing is on.
    private static func crashHandlerInstalled() -> Bool {
        var current = sigaction()
        guard sigaction(SIGSEGV, nil, &current) == 0 else { return false }
        return unsafeBitCast(current.__sigaction_handler, to: Int.self) != 0  // SIG_DFL is 0
    }
}
