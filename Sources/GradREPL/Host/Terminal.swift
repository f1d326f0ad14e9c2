#if canImport(Glibc)
import Glibc
#endif

/// Facts about the terminal the process runs in.
public enum Terminal {
    public static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// Whether text written to `descriptor` may carry colour: a terminal, `NO_COLOR` unset or empty
    /// (https://no-color.org), and a `TERM` other than "dumb".
    public static func allowsColour(_ descriptor: Int32) -> Bool {
        guard isTerminal(descriptor) else { return false }
        if let noColour = environment("NO_COLOR"), !noColour.isEmpty { return false }
        return environment("TERM") != "dumb"
    }

    /// The terminal's width in columns (80 when it cannot be asked).
    public static func columns(_ descriptor: Int32 = 1) -> Int {
        size(descriptor).map { Int($0.ws_col) } ?? 80
    }

    /// The terminal's height in lines (24 when it cannot be asked).
    public static func rows(_ descriptor: Int32 = 1) -> Int {
        size(descriptor).map { Int($0.ws_row) } ?? 24
    }

    private static func size(_ descriptor: Int32) -> winsize? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return size
    }

    /// Whether input is waiting on `descriptor` now or within `milliseconds`.
    public static func inputPending(_ descriptor: Int32 = 0, withinMilliseconds milliseconds: Int32 = 0) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&request, 1, milliseconds)
            if ready < 0 && errno == EINTR { return false }
            return ready > 0 && request.revents & Int16(POLLIN) != 0
        }
    }
}

/// An environment variable, or nil when it is unset.
public func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}
