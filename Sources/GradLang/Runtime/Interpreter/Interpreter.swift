import GradTensor
import CPendingEvents

/// The interpreter's state: the built-ins, the importable modules, the attribute tables of built-in
/// types, where output goes, and the call depth. Code is compiled (see Compiler/) into closures
/// that run against this state; a program's global namespace is a `Globals` of the caller's,
/// passed to each run, so a host can keep it while it drops the interpreter or the other way round.
///
/// Threads: the library is used from one thread at a time. An interpreter, the values and
/// tensors it makes, and the process-wide state underneath (grad mode, the random generator, the
/// tensor library's small caches, the backward engine's shared seed and work lists, the release
/// queue of deep data) are not synchronised: a host may move its work from thread to thread (the
/// `grad` executable and the tests run programs on a large-stack thread), but must not run two
/// interpreters, or touch one interpreter's values, on two threads at once. Only
/// `interruptRequested` may be set from anywhere at any time.
public final class Interpreter {
    /// Where `print` writes; a write that fails throws (CPython's OSError at the `print`). The
    /// interpreter never writes to the terminal itself.
    public var writeOutput: (String) throws -> Void
    /// Where warnings go (stderr in the command-line tool).
    public var writeWarning: (String) -> Void
    /// Pushes out what `writeOutput` buffered (`print(..., flush=True)`).
    public var flushOutput: () throws -> Void = {}
    /// The built-in names (`print`, `range`, `torch`).
    public var builtins: [String: Value] { builtinTable }
    /// Methods and properties of built-in types.
    public var attributes: AttributeTable { attributeTable }
    /// Importable modules by name (`torch`, `math`, `torch.autograd`).
    public var modules: [String: PyModule] { moduleTable }
    /// Source lines of the files run so far, by filename, for tracebacks.
    public var sourceLines: [String: [String]] { sourceLinesByFile }
    // What calls, attribute look-ups and imports read is stored in internal properties behind
    // the read-only public ones above: Swift checks every read of a public stored `var` of a
    // class for exclusive access at run time (another module might be writing it), where the
    // whole-module optimizer proves the internal ones safe at compile time.
    var builtinTable: [String: Value] = [:] { didSet { builtinsVersion &+= 1 } }
    /// Changes whenever a built-in is added or replaced (the REPL's `_`, a host's `setBuiltin`),
    /// so that compiled code may keep what it looked up until then (`BuiltinCache`).
    private(set) var builtinsVersion = 0
    var attributeTable = AttributeTable()
    var moduleTable: [String: PyModule] = [:]
    /// Modules made when first imported, by name.
    var moduleMakers: [String: (Interpreter) -> PyModule] = [:]
    var sourceLinesByFile: [String: [String]] = [:]
    /// The globals of the modules written in Python (`addSource`), kept for their functions.
    var sourceModuleGlobals: [Globals] = []
    /// The module each compiled-in source file defines (`torch/nn/functional.py`:
    /// `torch.nn.functional`); any other file is the program's, `__main__`.
    var moduleNamesByFile: [String: String] = [:]
    /// Compiled-in files that stand for C code in CPython (`warnings.py`): their frames leave no
    /// traceback entries, as C functions leave none.
    var filesHiddenFromTracebacks: Set<String> = []
    /// Warnings already given that the library gives once per process (PyTorch's TORCH_WARN_ONCE).
    var givenOnceWarnings: Set<String> = []
    /// The names `dir()` without an argument lists (the current scope's); set by the evaluator.
    public var namesInScope: (() -> [String])?
    /// The globals of the program running (the script's or the prompt's), whose names
    /// explanations give the tensors they show (`grad.explain`).
    public internal(set) weak var programGlobals: Globals?
    /// How explanations are written: Unicode and colour on a terminal, plain ASCII otherwise;
    /// the host decides.
    public var explanationStyle = ExplanationStyle.plain
    /// What the host adds to `help()`'s overview (the REPL's keys and magics).
    public var helpTopics = ""
    /// Where `plt.show()` draws, asked at each show (a host whose output is a terminal answers);
    /// nil: it draws nothing.
    public var plotTerminal: () -> PlotTerminal? = { nil }
    /// The width of the terminal that the program's stdout (descriptor 1) or stderr (2) writes
    /// to, asked at each use (`isatty()`, tqdm's bar); nil when that stream is not a terminal.
    /// The host decides: nil for every stream unless it says otherwise.
    public var terminalColumns: (_ descriptor: Int32) -> Int? = { _ in nil }
    /// The next line of the program's standard input, with its newline (`input()`,
    /// `sys.stdin`); nil at its end, or when Ctrl-C stopped the read (with
    /// `interruptRequested` set). The host decides: by default the input is empty.
    public var readInputLine: () -> String? = { nil }
    /// Whether the standard input is a terminal (`sys.stdin.isatty()`); the host decides.
    public var inputIsTerminal: () -> Bool = { false }
    /// `sys.stdin`, which `input()` reads through too.
    public private(set) lazy var standardInput = PyInputStream(self)
    /// Where `help()` writes its text, when not to `writeOutput` (the REPL's pager).
    public var writeHelp: ((String) throws -> Void)?
    /// Python's recursion limit, 1000 unless `sys.setrecursionlimit` changes it (RecursionLimit.swift).
    var recursionLimit = 1000
    /// The depth from which each call checks the limit and the stack left (`checkDepth`).
    var depthCheckedFrom = 1000
    var callDepth = 0
    /// The frame whose code runs now; its `caller` chain is the stack of frames below it.
    var currentFrame: Frame?
    /// `__builtins__` in the dicts of `globals()` and `exec`: the built-ins as a module.
    lazy var builtinsModule = PyModule(name: "builtins", attributes: builtinTable)
    /// The namespaces of the code calling `globals`, `locals`, `vars`, `eval` or `exec` by name,
    /// set by the compiled call just before it calls the built-in (see CallerScope).
    var callerScope: CallerScope?
    /// How the language core reaches the tensor library without naming it: the one the Torch
    /// folder provides (`Interpreter.installedTensorLibrary`).
    let tensorLibrary: any TensorLibrary
    /// The learner lints' switch and memory (Lints/).
    let lints = LearnerLints()

    /// Set from a signal handler (Ctrl-C) or another thread (the fuzzer's time budget) to stop
    /// running code with KeyboardInterrupt at the next check: a bit of the pending-events word
    /// (CPendingEvents), an atomic, so that the write and the checks of running code are not a data race.
    public static var interruptRequested: Bool {
        get { grad_pending_events() & GRAD_EVENT_INTERRUPT != 0 }
        set {
            if newValue { grad_pending_events_add(GRAD_EVENT_INTERRUPT) } else { _ = grad_pending_events_take(GRAD_EVENT_INTERRUPT) }
        }
    }

    public init(writeOutput: @escaping (String) throws -> Void = { Swift.print($0, terminator: "") },
                writeWarning: @escaping (String) -> Void = { _ in }) {
        self.writeOutput = writeOutput
        self.writeWarning = writeWarning
        tensorLibrary = Interpreter.installedTensorLibrary
        installBuiltins()
        installTorch()
    }

    /// Raises what running code must stop for: KeyboardInterrupt when Ctrl-C was pressed,
    /// MemoryError when memory ran out (checked at loop back-edges; see `PendingEvents`).
    @inline(__always)
    func checkPendingEvents() throws {
        if PendingEvents.any { try PendingEvents.handle() }
    }

    /// Calls any callable value.
    public func call(_ callee: Value, _ args: Arguments) throws -> Value {
        guard case .object(let o) = callee else {
            throw PyError.type("'\(callee.typeName)' object is not callable")
        }
        // Classes first: a class cast is a pointer comparison, a protocol cast a table search.
        switch o {
        case let f as PyFunction:
            return try f.call(args, self)
        case let b as PyBuiltin:
            return try b.call(args, self)
        case let m as PyBoundMethod:
            var bound = args
            bound.positional.insert(m.receiver, at: 0)
            return try m.function.call(bound, self)
        case let t as PyTypeObject:
            guard let constructor = t.constructor else {
                throw PyError.type("cannot create '\(t.qualifiedName)' instances")
            }
            return try constructor.call(args, self)
        case let c as PyClass:
            return try ClassCreation.instantiate(c, args, self)
        case let m as PyMethod:
            return try m.call(args, self)
        case let d as PyMethodDescriptor:
            return try d.call(args, self)
        case let i as PyInstance:
            guard let method = i.cls.lookup("__call__") else {
                // A subclass of weakref.ref calls as its reference.
                if let reference = i.native as? PyWeakRef { return try reference.call(args, self) }
                throw PyError.type("'\(o.typeName)' object is not callable")
            }
            return try call(try ClassAttributes.bind(method, to: callee, self), args)
        // Last: a failed protocol cast is not cached by the runtime and costs thousands of instructions.
        case let f as PyCallable:
            return try f.call(args, self)
        default:
            throw PyError.type("'\(o.typeName)' object is not callable")
        }
    }

    /// Runs `body` in `frame` one call deeper, raising RecursionError past the limit.
    @inline(__always)
    func nested<R>(in frame: Frame, _ body: () throws -> R) throws -> R {
        callDepth += 1
        defer { callDepth -= 1 }
        // The module's own frame counts toward the limit, as in CPython.
        if callDepth >= depthCheckedFrom { try checkDepth() }
        return try running(frame, body)
    }

    /// Runs `body` with `frame` on top of the stack of frames; an error leaving it gains the
    /// frame's traceback entry (where the frame was when it failed).
    @inline(__always)
    func running<R>(_ frame: Frame, _ body: () throws -> R) throws -> R {
        // Moved, not copied, between the two links: one retain and one release per call.
        frame.caller = currentFrame.take()
        currentFrame = frame
        defer { currentFrame = frame.caller.take() }
        do {
            return try body()
        } catch var e as PyError {
            if e.leavesFrameUnrecorded {
                e.leavesFrameUnrecorded = false
            } else if !filesHiddenFromTracebacks.contains(frame.file) {
                e.traceback.append(frame.origin.entry(line: frame.line, function: frame.name, span: frame.errorSpan))
            }
            frame.errorSpan = nil
            throw e
        }
    }
}

/// Callables defined outside the runtime core (user functions, compiled by the compiler).
public protocol PyCallable: PyObject {
    func call(_ args: Arguments, _ interpreter: Interpreter) throws -> Value
}

/// What the language core asks of the tensor library, which it does not name: the Torch folder
/// implements it. Each requirement answers nil for a value that is not the library's, and the
/// core then does what Python does for any other value.
protocol TensorLibrary {
    /// `target op= value` done in place, returning what the target is then bound to (PyTorch's
    /// `__iadd__` and friends on a tensor); nil when the target has no in-place form, which
    /// Python then rebinds to `target op value`.
    func updateInPlace(_ op: BinaryOperator, _ target: Value, _ value: Value) throws -> Value?

    /// Whether calling `callee` without arguments makes a context that `run(inContextMadeBy:)`
    /// enters without its manager object (`no_grad`); `with callee:` is then accepted as
    /// `with callee():`.
    func entersDirectly(_ callee: Value) -> Bool

    /// Runs `body` inside the context that calling `callee` without arguments makes, entered and
    /// left without building its manager object, which nothing could see (`with no_grad():`
    /// switches the grad mode around the block and restores it however the block ends); nil,
    /// without running `body`, when `entersDirectly(callee)` is false.
    func run<R>(inContextMadeBy callee: Value, _ body: () throws -> R) throws -> R?
}
