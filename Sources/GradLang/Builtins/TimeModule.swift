#if canImport(Glibc)
import Glibc
#endif

/// The `time` module's clocks and `sleep` (which Ctrl-C interrupts, as in CPython).
enum TimeModule {
    static func make() -> PyModule {
        var attributes: [String: Value] = [:]
        for f in functions { attributes[f.name] = .object(f) }
        return PyModule(name: "time", attributes: attributes)
    }

    private static func seconds(_ clock: clockid_t) -> timespec {
        var now = timespec()
        clock_gettime(clock, &now)
        return now
    }

    private static func float(_ t: timespec) -> Value { .float(Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9) }
    private static func nanoseconds(_ t: timespec) -> Value { .int(t.tv_sec * 1_000_000_000 + t.tv_nsec) }

    private static var functions: [PyBuiltin] {
        [
            PyBuiltin("time.time()") { _ in float(seconds(CLOCK_REALTIME)) },
            PyBuiltin("time.time_ns()") { _ in nanoseconds(seconds(CLOCK_REALTIME)) },
            PyBuiltin("time.perf_counter()") { _ in float(seconds(CLOCK_MONOTONIC)) },
            PyBuiltin("time.perf_counter_ns()") { _ in nanoseconds(seconds(CLOCK_MONOTONIC)) },
            PyBuiltin("time.monotonic()") { _ in float(seconds(CLOCK_MONOTONIC)) },
            PyBuiltin("time.monotonic_ns()") { _ in nanoseconds(seconds(CLOCK_MONOTONIC)) },
            PyBuiltin("time.process_time()") { _ in float(seconds(CLOCK_PROCESS_CPUTIME_ID)) },
            PyBuiltin("time.process_time_ns()") { _ in nanoseconds(seconds(CLOCK_PROCESS_CPUTIME_ID)) },
            PyBuiltin("time.sleep(secs, /)") { args in
                let secs = try Conversions.double(args["secs"], what: "'\(args["secs"].typeName)' object cannot be interpreted as an integer")
                if secs.isNaN { throw PyError.value("Invalid value NaN (not a number)") }
                if secs < 0 { throw PyError.value("sleep length must be non-negative") }
                if secs > Double(Int32.max) { throw PyError.overflow("sleep length is too large") }
                // In slices, so that Ctrl-C stops it within a tenth of a second.
                let end = Double(seconds(CLOCK_MONOTONIC).tv_sec) + Double(seconds(CLOCK_MONOTONIC).tv_nsec) * 1e-9 + secs
                while true {
                    try args.interpreter.checkPendingEvents()
                    let now = seconds(CLOCK_MONOTONIC)
                    let left = end - (Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9)
                    if left <= 0 { return .none }
                    let slice = Swift.min(left, 0.1)
                    var request = timespec(tv_sec: Int(slice), tv_nsec: Int((slice - Double(Int(slice))) * 1e9))
                    nanosleep(&request, nil)
                }
            },
        ]
    }
}
