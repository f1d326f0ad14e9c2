#if canImport(Glibc)
import Glibc
#endif

/// The clocks `%time` and `%timeit` read.
enum Clocks {
    /// Seconds on the monotonic clock.
    static func wall() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// Seconds of CPU time this process has used, in user and in system mode.
    static func cpu() -> (user: Double, system: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        return (seconds(usage.ru_utime), seconds(usage.ru_stime))
    }
}

/// IPython's way of printing a duration: three significant digits in the largest unit that keeps
/// the number at least 1 (`1.23 ms`, `456 ns`).
enum DurationText {
    static func format(_ seconds: Double) -> String {
        let units: [(String, Double)] = [("s", 1), ("ms", 1e3), ("µs", 1e6), ("ns", 1e9)]
        if seconds <= 0 || !seconds.isFinite { return "0 ns" }
        for (unit, scale) in units where seconds >= 1 / scale {
            return significant(seconds * scale, digits: 3) + " " + unit
        }
        return significant(seconds * 1e9, digits: 3) + " ns"
    }

    /// C's `%.{digits}g`.
    static func significant(_ value: Double, digits: Int) -> String {
        cFormat("%.\(digits)g", value)
    }

    static func cFormat(_ format: String, _ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, arguments) }
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `100,000`.
    static func groupedThousands(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
