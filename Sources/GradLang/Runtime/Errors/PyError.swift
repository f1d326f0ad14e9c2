#if canImport(Glibc)
import Glibc
#endif

/// A raised Python exception, travelling up the Swift stack as an `Error`. The interpreter adds a
/// traceback entry at each call it unwinds through; the renderer prints it. Nothing here prints.
public struct PyError: Error {
    public let exception: PyExceptionObject
    /// The frames it has unwound through (printed outermost first, as CPython prints them).
    public var traceback = TraceEntries()
    /// The exception being handled when this one was raised ("During handling of the above...").
    public var context: Chained?
    /// `raise ... from cause` ("The above exception was the direct cause...").
    public var cause: Chained?
    /// Raised by an `except*` statement at its end, as CPython's RERAISE: the frame it leaves
    /// first adds no traceback entry (the callers' frames do).
    var leavesFrameUnrecorded = false
    /// Raised again by a bare `raise`, which, as CPython's, gives it no `__context__`.
    var isReraise = false

    /// An earlier exception kept with a later one (a box: errors are values).
    public final class Chained: @unchecked Sendable {
        public let error: PyError
        public init(_ error: PyError) { self.error = error }
    }

    public init(_ type: PyClass, _ message: String) {
        exception = PyExceptionObject(type: type, args: message.isEmpty ? [] : [.str(message)])
    }

    /// Raises `exception` again: its traceback continues the one it keeps (`__traceback__`).
    public init(exception: PyExceptionObject) {
        self.exception = exception
        traceback = exception.tracebackObject?.trace ?? TraceEntries()
    }

    /// Notes `handled` as the exception being handled when this one was raised: its context
    /// here (for the traceback) and the exception's `__context__`.
    mutating func chain(to handled: PyError) {
        context = Chained(cutsCycle(in: handled.exception) ? handled.contexts(endingBefore: exception) : handled)
        exception.setAttribute("__context__", .object(handled.exception))
    }

    /// Chains this error to `handled` if it is a new one raised while `handled` was being handled:
    /// not `handled` itself, not chained already, not re-raised by a bare `raise`.
    mutating func chainIfRaisedAnew(during handled: PyError) {
        guard exception !== handled.exception, context == nil, !isReraise else { return }
        chain(to: handled)
    }

    /// Whether this exception is among the contexts of `handled` (raised again while handling
    /// one it is the context of): if so, as CPython does, the context that pointed to it is
    /// cleared there, so that the chain has no cycle.
    private func cutsCycle(in handled: PyExceptionObject) -> Bool {
        var link = handled
        var seen: Set<ObjectIdentifier> = [ObjectIdentifier(link)]
        while case .object(let next as PyExceptionObject)? = link.attribute("__context__"), seen.insert(ObjectIdentifier(next)).inserted {
            if next === exception {
                link.setAttribute("__context__", Value.none)
                return true
            }
            link = next
        }
        return false
    }

    /// This error with its chain of contexts ended before the one whose exception is `last`.
    private func contexts(endingBefore last: PyExceptionObject) -> PyError {
        guard let inner = context else { return self }
        var cut = self
        cut.context = inner.error.exception === last ? nil : Chained(inner.error.contexts(endingBefore: last))
        return cut
    }

    /// Whether the traceback leaves the context out: `raise ... from ...` sets
    /// `__suppress_context__`, so `raise E from None` shows E alone.
    var suppressesContext: Bool {
        guard let flag = exception.attribute("__suppress_context__") else { return false }
        return (try? Operators.truthy(flag)) ?? false
    }

    /// This error as a handler in the frame that raised at `entry` sees it: its traceback ends
    /// there, and the exception keeps that traceback as its `__traceback__`.
    func caught(at entry: TraceEntry) -> PyError {
        var handled = self
        handled.traceback.append(entry)
        exception.tracebackObject = PyTraceback(handled.traceback)
        return handled
    }

    public var type: PyClass { exception.type }
    /// What CPython 3.11 adds to an uncaught NameError or AttributeError: `Did you mean: 'print'?`.
    public var suggestion: String? {
        guard let name = exception.missingName, let candidates = exception.candidateNames else { return nil }
        return Suggestions.suggestion(for: name, in: candidates()).map { "Did you mean: '\($0)'?" }
    }

    /// The text after `TypeName: ` in the last line of a traceback: the exception's `str()`.
    public var message: String {
        do {
            return try SpecialMethods.str(exception)
        } catch {
            return "<exception str() failed>"
        }
    }
}

/// One line of a traceback: `File "f.grad", line 3, in fn`.
public struct TraceEntry: Equatable, Sendable {
    public let file: String
    public let line: Int
    public let function: String
    /// The expression that failed on that line, when known (for the `~~^~~` marker line).
    public let span: ErrorSpan?
    /// The lines of the code the frame runs, when they cannot be read back from `file`: each input
    /// typed at the REPL is `<stdin>` from line 1, so a function defined by an earlier input
    /// carries that input's lines.
    public let sourceLines: [String]?
    public init(file: String, line: Int, function: String, span: ErrorSpan? = nil, sourceLines: [String]? = nil) {
        self.file = file
        self.line = line
        self.function = function
        self.span = span
        self.sourceLines = sourceLines
    }
}

/// Where compiled code came from, for the traceback entries of its frames: its file's name and,
/// for code typed at the REPL, its lines.
struct CodeOrigin: Sendable {
    let filename: String
    let lines: [String]?

    func entry(line: Int, function: String, span: ErrorSpan? = nil) -> TraceEntry {
        TraceEntry(file: filename, line: line, function: function, span: span, sourceLines: lines)
    }
}

/// An exception instance (`e` in `except ValueError as e`): an instance of its class, whose
/// arguments are `args`. grad runs Python on one thread at a time (see Interpreter), so it may
/// travel inside `PyError`.
/// Not final: an exception group (ExceptionGroups.swift) is one with members.
public class PyExceptionObject: PyInstance, @unchecked Sendable {
    public var args: [Value]

    /// For a NameError or AttributeError grad raised itself: the name not found, and the names
    /// that could have been meant, in the order CPython searches them (see Suggestions).
    var missingName: String?
    var candidateNames: (() -> [[String]])?
    /// `__traceback__`: set when a handler catches the exception, or by `with_traceback`; a
    /// `raise` of the exception starts from it, as CPython's does.
    var tracebackObject: PyTraceback?

    override func forEachReference(_ visit: (Value) -> Void) {
        super.forEachReference(visit)
        args.forEach(visit)
    }
    override func makeStorageUnique() {
        super.makeStorageUnique()
        makeUniqueStorage({ self.args }, { self.args = $0 })
    }
    override func giveUpReferences(into released: inout [Value]) {
        super.giveUpReferences(into: &released)
        released += args
        args = []
    }
    /// Non-empty args are a tuple object in CPython (tracked, so counted by `gc.collect()`), a
    /// Swift array here.
    override var uncountedCompanions: Int { args.isEmpty ? 0 : 1 }

    public init(type: PyClass, args: [Value]) {
        self.args = args
        super.init(cls: type)
    }

    public var type: PyClass { cls }

    /// `str(e)`: the single argument's str, or the args tuple's repr; an OSError made from an
    /// errno and its description (of any type) reads `[Errno 28] No space left on device`, a
    /// UnicodeEncodeError or UnicodeDecodeError of its five arguments as CPython words it. (A class's own
    /// `__str__` comes before this: see `PyError.message` and `SpecialMethods.str`.)
    public var message: String {
        if let group = self as? PyExceptionGroupObject { return group.summary }
        if args.isEmpty { return "" }
        if args.count == 2, type.isSubclass(of: PyExc.osError) {
            let files = [attribute("filename"), attribute("filename2")].compactMap { $0 }.filter { !$0.isNone }
            return "[Errno \(Repr.str(args[0]))] \(Repr.str(args[1]))" + (files.isEmpty ? "" : ": " + files.map(Repr.repr).joined(separator: " -> "))
        }
        if let unicode = TextCodecs.errorMessage(type, args) { return unicode }
        if type.isSubclass(of: PyExc.syntaxError), let syntax = SyntaxErrorArguments(args) { return syntax.str }
        // KeyError shows its key's repr: `KeyError: 'x'`.
        if args.count == 1 { return type.isSubclass(of: PyExc.keyError) ? Repr.repr(args[0]) : Repr.str(args[0]) }
        return Repr.repr(.object(PyTuple(args)))
    }
}

/// The built-in exception hierarchy (the part grad raises or lets users catch).
public enum PyExc {
    public static let baseException = PyClass(builtin: "BaseException", base: nil)
    public static let systemExit = PyClass(builtin: "SystemExit", base: baseException)
    public static let keyboardInterrupt = PyClass(builtin: "KeyboardInterrupt", base: baseException)
    public static let generatorExit = PyClass(builtin: "GeneratorExit", base: baseException)
    public static let exception = PyClass(builtin: "Exception", base: baseException)
    public static let stopIteration = PyClass(builtin: "StopIteration", base: exception)
    public static let arithmeticError = PyClass(builtin: "ArithmeticError", base: exception)
    public static let zeroDivisionError = PyClass(builtin: "ZeroDivisionError", base: arithmeticError)
    public static let overflowError = PyClass(builtin: "OverflowError", base: arithmeticError)
    public static let assertionError = PyClass(builtin: "AssertionError", base: exception)
    public static let attributeError = PyClass(builtin: "AttributeError", base: exception)
    public static let importError = PyClass(builtin: "ImportError", base: exception)
    public static let moduleNotFoundError = PyClass(builtin: "ModuleNotFoundError", base: importError)
    public static let lookupError = PyClass(builtin: "LookupError", base: exception)
    public static let indexError = PyClass(builtin: "IndexError", base: lookupError)
    public static let keyError = PyClass(builtin: "KeyError", base: lookupError)
    public static let memoryError = PyClass(builtin: "MemoryError", base: exception)
    public static let nameError = PyClass(builtin: "NameError", base: exception)
    public static let osError = PyClass(builtin: "OSError", base: exception)
    public static let connectionError = PyClass(builtin: "ConnectionError", base: osError)
    public static let brokenPipeError = PyClass(builtin: "BrokenPipeError", base: connectionError)
    public static let unboundLocalError = PyClass(builtin: "UnboundLocalError", base: nameError)
    public static let runtimeError = PyClass(builtin: "RuntimeError", base: exception)
    public static let notImplementedError = PyClass(builtin: "NotImplementedError", base: runtimeError)
    public static let recursionError = PyClass(builtin: "RecursionError", base: runtimeError)
    public static let syntaxError = PyClass(builtin: "SyntaxError", base: exception)
    /// An error inside grad itself (CPython raises it for bad internal calls).
    public static let systemError = PyClass(builtin: "SystemError", base: exception)
    public static let indentationError = PyClass(builtin: "IndentationError", base: syntaxError)
    public static let tabError = PyClass(builtin: "TabError", base: indentationError)
    public static let typeError = PyClass(builtin: "TypeError", base: exception)
    public static let valueError = PyClass(builtin: "ValueError", base: exception)
    static let baseExceptionGroup = PyClass(builtin: "BaseExceptionGroup", base: baseException)
    static let exceptionGroup = PyClass(builtin: "ExceptionGroup", bases: [baseExceptionGroup, exception])

    // Raised by parts of CPython that grad has few or none of, but which programs name in
    // `except` clauses and subclass.
    public static let floatingPointError = PyClass(builtin: "FloatingPointError", base: arithmeticError)
    public static let bufferError = PyClass(builtin: "BufferError", base: exception)
    public static let eofError = PyClass(builtin: "EOFError", base: exception)
    public static let referenceError = PyClass(builtin: "ReferenceError", base: exception)
    public static let stopAsyncIteration = PyClass(builtin: "StopAsyncIteration", base: exception)
    public static let unicodeError = PyClass(builtin: "UnicodeError", base: valueError)
    public static let unicodeDecodeError = PyClass(builtin: "UnicodeDecodeError", base: unicodeError)
    public static let unicodeEncodeError = PyClass(builtin: "UnicodeEncodeError", base: unicodeError)
    public static let unicodeTranslateError = PyClass(builtin: "UnicodeTranslateError", base: unicodeError)
    public static let blockingIOError = PyClass(builtin: "BlockingIOError", base: osError)
    public static let childProcessError = PyClass(builtin: "ChildProcessError", base: osError)
    public static let connectionAbortedError = PyClass(builtin: "ConnectionAbortedError", base: connectionError)
    public static let connectionRefusedError = PyClass(builtin: "ConnectionRefusedError", base: connectionError)
    public static let connectionResetError = PyClass(builtin: "ConnectionResetError", base: connectionError)
    public static let fileExistsError = PyClass(builtin: "FileExistsError", base: osError)
    public static let fileNotFoundError = PyClass(builtin: "FileNotFoundError", base: osError)
    public static let interruptedError = PyClass(builtin: "InterruptedError", base: osError)
    public static let isADirectoryError = PyClass(builtin: "IsADirectoryError", base: osError)
    public static let notADirectoryError = PyClass(builtin: "NotADirectoryError", base: osError)
    public static let permissionError = PyClass(builtin: "PermissionError", base: osError)
    public static let processLookupError = PyClass(builtin: "ProcessLookupError", base: osError)
    public static let timeoutError = PyClass(builtin: "TimeoutError", base: osError)

    // Warning categories (the `warnings` module decides what becomes of a warning).
    public static let warning = PyClass(builtin: "Warning", base: exception)
    public static let userWarning = PyClass(builtin: "UserWarning", base: warning)
    public static let deprecationWarning = PyClass(builtin: "DeprecationWarning", base: warning)
    public static let pendingDeprecationWarning = PyClass(builtin: "PendingDeprecationWarning", base: warning)
    public static let syntaxWarning = PyClass(builtin: "SyntaxWarning", base: warning)
    public static let runtimeWarning = PyClass(builtin: "RuntimeWarning", base: warning)
    public static let futureWarning = PyClass(builtin: "FutureWarning", base: warning)
    public static let importWarning = PyClass(builtin: "ImportWarning", base: warning)
    public static let unicodeWarning = PyClass(builtin: "UnicodeWarning", base: warning)
    public static let bytesWarning = PyClass(builtin: "BytesWarning", base: warning)
    public static let resourceWarning = PyClass(builtin: "ResourceWarning", base: warning)
    public static let encodingWarning = PyClass(builtin: "EncodingWarning", base: warning)

    /// Every type users can name, for the builtins table.
    public static let all: [PyClass] = [
        baseException, systemExit, keyboardInterrupt, generatorExit, exception, stopIteration, arithmeticError,
        zeroDivisionError, overflowError, assertionError, attributeError, importError, moduleNotFoundError,
        lookupError, indexError, keyError, memoryError, nameError, osError, connectionError, brokenPipeError,
        unboundLocalError, runtimeError,
        notImplementedError, recursionError, syntaxError, indentationError, tabError, systemError, typeError,
        valueError, baseExceptionGroup, exceptionGroup,
        floatingPointError, bufferError, eofError, referenceError, stopAsyncIteration, unicodeError,
        unicodeDecodeError, unicodeEncodeError, unicodeTranslateError, blockingIOError, childProcessError,
        connectionAbortedError, connectionRefusedError, connectionResetError, fileExistsError, fileNotFoundError,
        interruptedError, isADirectoryError, notADirectoryError, permissionError, processLookupError, timeoutError,
        warning, userWarning, deprecationWarning, pendingDeprecationWarning, syntaxWarning, runtimeWarning,
        futureWarning, importWarning, unicodeWarning, bytesWarning, resourceWarning, encodingWarning,
    ]

    /// The class `OSError(errno, strerror, ...)` makes, as CPython's `OSError.__new__` picks it:
    /// the subclass for an int errno (`OSError(2, 'x')` is a FileNotFoundError) when given two to
    /// five arguments, else OSError.
    static func osErrorType(arguments: [Value]) -> PyClass {
        guard (2...5).contains(arguments.count) else { return osError }
        switch arguments[0] {
        case .int(let n): return Int32(exactly: n).map { osErrorType(errno: $0) } ?? osError
        case .bool(let b): return osErrorType(errno: b ? 1 : 0)
        default: return osError
        }
    }

    /// The OSError subclass CPython raises for a failed system call's errno.
    static func osErrorType(errno code: Int32) -> PyClass {
        switch code {
        case EPIPE, ESHUTDOWN: return brokenPipeError
        case ENOENT: return fileNotFoundError
        case EACCES, EPERM: return permissionError
        case EEXIST: return fileExistsError
        case EISDIR: return isADirectoryError
        case ENOTDIR: return notADirectoryError
        case EINTR: return interruptedError
        case ETIMEDOUT: return timeoutError
        case ECHILD: return childProcessError
        case ESRCH: return processLookupError
        case EAGAIN, EALREADY, EINPROGRESS: return blockingIOError
        case ECONNABORTED: return connectionAbortedError
        case ECONNREFUSED: return connectionRefusedError
        case ECONNRESET: return connectionResetError
        default: return osError
        }
    }
}

extension PyError {
    static func type(_ m: String) -> PyError { PyError(PyExc.typeError, m) }
    static func value(_ m: String) -> PyError { PyError(PyExc.valueError, m) }
    static func index(_ m: String) -> PyError { PyError(PyExc.indexError, m) }
    static func name(_ m: String) -> PyError { PyError(PyExc.nameError, m) }
    static func attribute(_ m: String) -> PyError { PyError(PyExc.attributeError, m) }
    static func runtime(_ m: String) -> PyError { PyError(PyExc.runtimeError, m) }
    static func zeroDivision(_ m: String) -> PyError { PyError(PyExc.zeroDivisionError, m) }
    static func overflow(_ m: String) -> PyError { PyError(PyExc.overflowError, m) }
    static func memory(_ m: String) -> PyError { PyError(PyExc.memoryError, m) }

    /// A failed system call as CPython raises it: OSError(errno, description), or the subclass
    /// CPython picks for the errno (BrokenPipeError for EPIPE, FileNotFoundError for ENOENT ...).
    public static func os(errno code: Int32, description: String, filename: String? = nil) -> PyError {
        let exception = PyExceptionObject(type: PyExc.osErrorType(errno: code), args: [.int(Int(code)), .str(description)])
        if let filename { exception.setAttribute("filename", .str(filename)) }
        return PyError(exception: exception)
    }

    /// The OSError for the C library's `errno` after a failed call, naming `filename` when given
    /// (`[Errno 2] No such file or directory: 'data.txt'`).
    static func lastOSError(filename: String? = nil) -> PyError {
        let code = errno
        return os(errno: code, description: String(cString: strerror(code)), filename: filename)
    }

    /// `KeyError: 'x'` carries the key itself, so its message is the key's repr.
    static func key(_ key: Value) -> PyError {
        PyError(exception: PyExceptionObject(type: PyExc.keyError, args: [key]))
    }
}
