import GradLang
#if canImport(Glibc)
import Glibc
#endif

/// `grad FILE`: runs a script. (The REPL and the rest of the command line are issue 4's.)
let arguments = Array(CommandLine.arguments.dropFirst())

/// Buffered writes to a file descriptor (stdout is flushed before anything goes to stderr, so the
/// two interleave as the program wrote them).
final class FileOutput: @unchecked Sendable {
    let descriptor: Int32
    private var buffer: [UInt8] = []

    init(_ descriptor: Int32) { self.descriptor = descriptor }

    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

let standardOutput = FileOutput(1)
let standardError = FileOutput(2)

func writeOut(_ s: String) { standardOutput.write(s) }

func writeErr(_ s: String) {
    standardOutput.flush()
    standardError.write(s)
    standardError.flush()
}

func readAll(_ descriptor: Int32) -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        if n <= 0 { break }
        bytes += chunk[0..<n]
    }
    return bytes
}

/// Runs `body` on a thread with a large stack: deep but legal recursion in user code (up to the
/// recursion limit) must never overflow the native stack.
func onLargeStack(_ body: @escaping () -> Int32) -> Int32 {
    final class Box { var body: () -> Int32; var result: Int32 = 0; init(_ b: @escaping () -> Int32) { body = b } }
    let box = Box(body)
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    pthread_attr_setstacksize(&attributes, 1 << 30)
    var thread = pthread_t()
    let context = Unmanaged.passRetained(box).toOpaque()
    let created = pthread_create(&thread, &attributes, { raw in
        guard let raw else { return nil }
        let box = Unmanaged<Box>.fromOpaque(raw).takeRetainedValue()
        box.result = box.body()
        return Unmanaged.passRetained(box).toOpaque()
    }, context)
    if created != 0 { return body() }
    var returned: UnsafeMutableRawPointer?
    pthread_join(thread, &returned)
    guard let returned else { return 1 }
    return Unmanaged<Box>.fromOpaque(returned).takeRetainedValue().result
}

func run(source: String, filename: String) -> Int32 {
    let interpreter = Interpreter(writeOutput: writeOut, writeWarning: writeErr)
    do {
        try interpreter.run(source: source, filename: filename, in: Globals())
        return 0
    } catch {
        writeErr(ErrorRenderer(sources: interpreter.sourceLines).render(error))
        return 1
    }
}

let status: Int32 = onLargeStack {
    if let path = arguments.first, path != "-" {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            writeErr("grad: can't open file '\(path)': [Errno \(errno)] \(String(cString: strerror(errno)))\n")
            return 2
        }
        let bytes = readAll(descriptor)
        close(descriptor)
        return run(source: String(decoding: bytes, as: UTF8.self), filename: path)
    }
    return run(source: String(decoding: readAll(0), as: UTF8.self), filename: "<stdin>")
}
standardOutput.flush()
exit(status)
