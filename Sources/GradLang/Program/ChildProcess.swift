#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs another program and waits for it, with a time limit, without a second thread. GradLang is
/// compiled for one thread (`-assume-single-threaded`, see Package.swift): its values' reference
/// counts are not atomic, so nothing may hand them to a thread of its own, as Foundation's
/// `Process` does with its termination handler.
enum ChildProcess {
    enum Outcome {
        /// The program ended with this exit status.
        case exited(Int32)
        /// A signal ended the program (its number, as Foundation's `terminationStatus` gives it).
        case killed(Int32)
        /// It was still running at the time limit and was stopped.
        case timedOut
        case couldNotStart(String)
    }

    /// Runs `path` with `arguments`, stdin and stdout on /dev/null, stderr written to `stderrPath`.
    static func run(_ path: String, arguments: [String], stderrPath: String, timeLimit seconds: Int) -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid = pid_t()
        let started = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard started == 0 else { return .couldNotStart(String(cString: strerror(started))) }
        return wait(for: pid, seconds: seconds)
    }

    /// Waits for `pid` to end, stopping it (SIGTERM) at the time limit. `waitpid` itself has no
    /// time limit, so the wait asks without blocking, pausing between asks: 1 ms at first, growing
    /// to 50 ms, which keeps a quick program's wait short and a long one's polling rare.
    private static func wait(for pid: pid_t, seconds: Int) -> Outcome {
        var status: Int32 = 0
        var pause = 1_000  // microseconds
        var waited = 0
        while true {
            let ended = waitpid(pid, &status, WNOHANG)
            if ended == pid { return outcome(status) }
            if ended < 0 && errno != EINTR { return .couldNotStart(String(cString: strerror(errno))) }
            if waited >= seconds * 1_000_000 {
                kill(pid, SIGTERM)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                return .timedOut
            }
            usleep(useconds_t(pause))
            waited += pause
            pause = min(pause * 2, 50_000)
        }
    }

    /// The outcome a `waitpid` status word reports (its layout: the WIFEXITED/WTERMSIG macros,
    /// which Swift does not import).
    private static func outcome(_ status: Int32) -> Outcome {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .killed(signal)
    }
}
