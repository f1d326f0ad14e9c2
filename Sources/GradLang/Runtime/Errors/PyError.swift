#if canImport(Glibc)
import Glibc
#endif

/// A raised Python exception, travelling up the Swift stack as an `Error`. The interpreter adds a
/// traceback entry at each call it unwinds through; the renderer prints it. Nothing here prints.
public struct PyError: Error {
    public let exception: PyExceptionObject
    /// Innermost last, as CPython prints it.
    public var traceback: [TraceEntry] = []
    /// The exception being handled when this one was raised ("During handling of the above...").
    public var context: Chained?
    /// `raise ... from cause` ("The above exception was the direct cause...").
    public var cause: Chained?

    /// An earlier exception kept with a later one (a box: errors are values).
    public final class Chained: @unchecked Sendable {
        public let error: PyError
        public init(_ error: PyError) { self.error = error }
    }

    public init(_ type: PyExceptionType, _ message: String) {
        exception = PyExceptionObject(type: type, args: message.isEmpty ? [] : [.str(message)])
    }

    public init(exception: PyExceptionObject) {
        self.exception = exception
    }

    public var type: PyExceptionType { exception.type }
    /// The text after `TypeName: ` in the last line of a traceback.
    public var message: String { exception.message }
}

/// One line of a traceback: `File "f.grad", line 3, in fn`.
public struct TraceEntry: Equatable, Sendable {
    public let file: String
    public let line: Int
    public let function: String
    /// The expression that failed on that line, when known (for the `~~^~~` marker line).
    public let span: ErrorSpan?
    public init(file: String, line: Int, function: String, span: ErrorSpan? = nil) {
        self.file = file
        self.line = line
        self.function = function
        self.span = span
    }
}

/// A Python exception class (`ValueError`), with its base for `except` matching.
public final class PyExceptionType: PyObject, @unchecked Sendable {
    public let name: String
    public let base: PyExceptionType?

    init(_ name: String, base: PyExceptionType?) {
        self.name = name
        self.base = base
    }

    public override var typeName: String { "type" }

    /// Whether an exception of this type is caught by `except other`.
    public func isSubclass(of other: PyExceptionType) -> Bool {
        var t: PyExceptionType? = self
        while let current = t {
            if current === other { return true }
            t = current.base
        }
        return false
    }
}

/// An exception instance (`e` in `except ValueError as e`).
/// Immutable once made; grad runs on one thread, so it may travel inside `PyError`.
public final class PyExceptionObject: PyObject, @unchecked Sendable {
    public let type: PyExceptionType
    public let args: [Value]

    public init(type: PyExceptionType, args: [Value]) {
        self.type = type
        self.args = args
    }

    public override var typeName: String { type.name }

    /// `str(e)`: the single argument's str, or the args tuple's repr; an OSError made from an
    /// errno and its description reads `[Errno 28] No space left on device`.
    public var message: String {
        if args.isEmpty { return "" }
        if args.count == 2, case .int(let code) = args[0], type.isSubclass(of: PyExc.osError) {
            return "[Errno \(code)] \(Repr.str(args[1]))"
        }
        // KeyError shows its key's repr: `KeyError: 'x'`.
        if args.count == 1 { return type.isSubclass(of: PyExc.keyError) ? Repr.repr(args[0]) : Repr.str(args[0]) }
        return Repr.repr(.object(PyTuple(args)))
    }
}

/// The built-in exception hierarchy (the part grad raises or lets users catch).
public enum PyExc {
    public static let baseException = PyExceptionType("BaseException", base: nil)
    public static let systemExit = PyExceptionType("SystemExit", base: baseException)
    public static let keyboardInterrupt = PyExceptionType("KeyboardInterrupt", base: baseException)
    public static let generatorExit = PyExceptionType("GeneratorExit", base: baseException)
    public static let exception = PyExceptionType("Exception", base: baseException)
    public static let stopIteration = PyExceptionType("StopIteration", base: exception)
    public static let arithmeticError = PyExceptionType("ArithmeticError", base: exception)
    public static let zeroDivisionError = PyExceptionType("ZeroDivisionError", base: arithmeticError)
    public static let overflowError = PyExceptionType("OverflowError", base: arithmeticError)
    public static let assertionError = PyExceptionType("AssertionError", base: exception)
    public static let attributeError = PyExceptionType("AttributeError", base: exception)
    public static let importError = PyExceptionType("ImportError", base: exception)
    public static let moduleNotFoundError = PyExceptionType("ModuleNotFoundError", base: importError)
    public static let lookupError = PyExceptionType("LookupError", base: exception)
    public static let indexError = PyExceptionType("IndexError", base: lookupError)
    public static let keyError = PyExceptionType("KeyError", base: lookupError)
    public static let memoryError = PyExceptionType("MemoryError", base: exception)
    public static let nameError = PyExceptionType("NameError", base: exception)
    public static let osError = PyExceptionType("OSError", base: exception)
    public static let connectionError = PyExceptionType("ConnectionError", base: osError)
    public static let brokenPipeError = PyExceptionType("BrokenPipeError", base: connectionError)
    public static let unboundLocalError = PyExceptionType("UnboundLocalError", base: nameError)
    public static let runtimeError = PyExceptionType("RuntimeError", base: exception)
    public static let notImplementedError = PyExceptionType("NotImplementedError", base: runtimeError)
    public static let recursionError = PyExceptionType("RecursionError", base: runtimeError)
    public static let syntaxError = PyExceptionType("SyntaxError", base: exception)
    /// An error inside grad itself (CPython raises it for bad internal calls).
    public static let systemError = PyExceptionType("SystemError", base: exception)
    public static let indentationError = PyExceptionType("IndentationError", base: syntaxError)
    public static let tabError = PyExceptionType("TabError", base: indentationError)
    public static let typeError = PyExceptionType("TypeError", base: exception)
    public static let valueError = PyExceptionType("ValueError", base: exception)

    /// Every type users can name, for the builtins table.
    public static let all: [PyExceptionType] = [
        baseException, systemExit, keyboardInterrupt, generatorExit, exception, stopIteration, arithmeticError,
        zeroDivisionError, overflowError, assertionError, attributeError, importError, moduleNotFoundError,
        lookupError, indexError, keyError, memoryError, nameError, osError, connectionError, brokenPipeError,
        unboundLocalError, runtimeError,
        notImplementedError, recursionError, syntaxError, indentationError, tabError, systemError, typeError,
        valueError,
    ]
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
    /// CPython picks for the errno (BrokenPipeError for EPIPE).
    public static func os(errno code: Int32, description: String) -> PyError {
        let type = code == EPIPE ? PyExc.brokenPipeError : PyExc.osError
        return PyError(exception: PyExceptionObject(type: type, args: [.int(Int(code)), .str(description)]))
    }

    /// `KeyError: 'x'` carries the key itself, so its message is the key's repr.
    static func key(_ key: Value) -> PyError {
        PyError(exception: PyExceptionObject(type: PyExc.keyError, args: [key]))
    }
}
