#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on a thread with a large stack. Recursive descent needs stack in proportion to the
/// nesting it accepts (200 brackets, 1000 nested expressions), and unoptimised builds use several
/// kilobytes per call, more than a default 512 KiB–8 MiB thread stack. The reservation is virtual
/// memory; only the pages a parse touches are used. Tests use it to run scripts as the `grad`
/// executable does (on 1 GiB).
public enum LargeStack {
    public static let size = 256 << 20

    private final class Job {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    public static func run<T>(stackSize: Int = size, _ body: () -> T) -> T {
        var result: T?
        withoutActuallyEscaping(body) { body in
            let job = Job { result = body() }
            let context = Unmanaged.passRetained(job).toOpaque()
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            pthread_attr_setstacksize(&attributes, stackSize)
            #if canImport(Darwin)
            var thread: pthread_t?
            let status = pthread_create(&thread, &attributes, { context in
                Unmanaged<Job>.fromOpaque(context).takeRetainedValue().body()
                return nil
            }, context)
            #else
            var thread = pthread_t()
            let status = pthread_create(&thread, &attributes, { context in
                if let context { Unmanaged<Job>.fromOpaque(context).takeRetainedValue().body() }
                return nil
            }, context)
            #endif
            pthread_attr_destroy(&attributes)
            if status == 0 {
                #if canImport(Darwin)
                if let thread { pthread_join(thread, nil) }
                #else
                pthread_join(thread, nil)
                #endif
            } else {
                // No thread to be had: run here, with whatever stack this thread has.
                Unmanaged<Job>.fromOpaque(context).takeRetainedValue().body()
            }
        }
        return result ?? body()
    }
}
