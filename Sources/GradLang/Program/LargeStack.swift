#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work with a large stack. The parser recurses once per nesting level it accepts (200
/// brackets, 1000 nested expressions), and the evaluator once per Python call up to the recursion
/// limit; unoptimised builds use several kilobytes per call, more than a default 512 KiB–8 MiB
/// thread stack. The `grad` executable runs everything on one thread with `programSize` (Ctrl-C
/// handling included: see GradREPL's `ProgramThread`), so the parses inside it run in place; a
/// host that calls the parser from an ordinary thread gets a thread of `parserSize` per parse.
/// The reservation is virtual memory: only the pages used are ever touched.
public enum LargeStack {
    /// What the parser needs at most.
    public static let parserSize = 256 << 20
    /// What a program needs: deep but legal recursion in user code must never overflow the stack.
    public static let programSize = 1 << 30

    /// Runs `body` with at least `stackSize` bytes of stack: on this thread when it has that much
    /// left, else on a new thread that this one waits for (or here after all, when no thread can
    /// be had).
    public static func run<T>(stackSize: Int = parserSize, _ body: () -> T) -> T {
        if let left = stackLeft(), left >= stackSize { return body() }
        var result: T?
        withoutActuallyEscaping(body) { body in
            if !runOnNewThread(Job(stackSize: stackSize) { result = body() }) { result = body() }
        }
        assert(result != nil, "the large-stack thread ended without running its job")
        return result ?? body()
    }

    /// The bytes of stack left below the current frame on a thread that `run` started; nil on
    /// other threads (their size is not known, so work is moved to a new thread).
    static func stackLeft() -> Int? {
        guard let bottom = pthread_getspecific(stackBottomKey) else { return nil }
        return currentFrameAddress() - Int(bitPattern: bottom)
    }

    /// Where each thread started by `run` keeps the lowest address its stack may reach.
    private static let stackBottomKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    @inline(never)
    private static func currentFrameAddress() -> Int {
        var marker = 0
        return withUnsafeMutablePointer(to: &marker) { Int(bitPattern: $0) }
    }

    /// The work handed to the new thread. The thread that creates it waits in `pthread_join`
    /// until the new one is done, so the two never run it or its captures at the same time.
    private final class Job {
        let stackSize: Int
        let body: () -> Void
        init(stackSize: Int, _ body: @escaping () -> Void) {
            self.stackSize = stackSize
            self.body = body
        }
    }

    /// Runs `job` on a new thread with its stack size and waits for it; false if no thread could
    /// be created (then nothing ran).
    private static func runOnNewThread(_ job: Job) -> Bool {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, job.stackSize)
        // One reference for the new thread, which takes it back; released here if no thread starts.
        let context = Unmanaged.passRetained(job).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let status = pthread_create(&thread, &attributes, { context in
            guard let context else { return nil }
            let job = Unmanaged<Job>.fromOpaque(context).takeRetainedValue()
            // The stack grows down from about here; a page is kept back for what the system put above.
            let bottom = LargeStack.currentFrameAddress() - job.stackSize + 4096
            pthread_setspecific(LargeStack.stackBottomKey, UnsafeRawPointer(bitPattern: bottom))
            job.body()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<Job>.fromOpaque(context).release()
            return false
        }
        #if canImport(Darwin)
        if let thread { pthread_join(thread, nil) }
        #else
        pthread_join(thread, nil)
        #endif
        return true
    }
}
