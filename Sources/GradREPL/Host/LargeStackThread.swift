#if canImport(Glibc)
import Glibc
#endif

/// Runs the program on a thread with a 1 GiB stack: deep but legal recursion in user code (up to the
/// recursion limit) must never overflow the native stack. Ctrl-C is delivered to that thread only,
/// so it interrupts the read the REPL is blocked in rather than the idle main thread.
public enum LargeStackThread {
    public static func run(_ body: @escaping () -> Int32) -> Int32 {
        final class Job {
            let body: () -> Int32
            var status: Int32 = 0
            init(_ body: @escaping () -> Int32) { self.body = body }
        }
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        var callerMask = sigset_t()
        pthread_sigmask(SIG_BLOCK, &interrupt, &callerMask)

        let job = Job(body)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setstacksize(&attributes, 1 << 30)
        var thread = pthread_t()
        let created = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            let job = Unmanaged<Job>.fromOpaque(raw).takeUnretainedValue()
            var interrupt = sigset_t()
            sigemptyset(&interrupt)
            sigaddset(&interrupt, SIGINT)
            pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
            job.status = job.body()
            return nil
        }, Unmanaged.passUnretained(job).toOpaque())
        pthread_attr_destroy(&attributes)
        guard created == 0 else {
            pthread_sigmask(SIG_SETMASK, &callerMask, nil)
            return body()
        }
        pthread_join(thread, nil)
        return job.status
    }
}
