/// Python's recursion limit: `sys.getrecursionlimit()` and `sys.setrecursionlimit(n)`. Deep
/// recursion must end in RecursionError, never a stack overflow, whatever limit a program sets:
/// past the default depth of 1000, each call also checks that the stack left holds the calls a
/// Python call can make (on threads whose stack size is not known, 1000 stays the limit).
extension Interpreter {
    /// What each Python call must leave on the stack for the Swift frames one level of Python
    /// recursion uses (a few kilobytes in a release build, tens in a debug one), with room to spare.
    static let stackKeptFree = 16 << 20

    /// Raises RecursionError at the limit, or where the stack left is too small for another level.
    @inline(never)
    func checkDepth() throws {
        let overflowing = LargeStack.stackLeft().map { $0 < Interpreter.stackKeptFree } ?? (callDepth >= 1000)
        if callDepth >= recursionLimit || overflowing {
            throw PyError(PyExc.recursionError, "maximum recursion depth exceeded")
        }
    }

    /// `sys.setrecursionlimit(limit)` with CPython's checks.
    public func setRecursionLimit(_ limit: Value) throws {
        guard let n = Int32(exactly: try Arg.integer(limit)) else {
            throw PyError.overflow("Python int too large to convert to C int")
        }
        if n < 1 { throw PyError.value("recursion limit must be greater or equal than 1") }
        // CPython's depth counts the module's frame and this call too.
        let depth = callDepth + 2
        if Int(n) <= depth {
            throw PyError(PyExc.recursionError, "cannot set the recursion limit to \(n) at the recursion depth \(depth): the limit is too low")
        }
        recursionLimit = Int(n)
        depthCheckedFrom = min(recursionLimit, 1000)
    }

    /// `sys.getrecursionlimit` and `sys.setrecursionlimit`, for the host's `sys` module.
    public static var recursionLimitFunctions: [PyBuiltin] {
        [
            PyBuiltin("getrecursionlimit()") { args in .int(args.interpreter.recursionLimit) },
            PyBuiltin("setrecursionlimit(limit, /)") { args in
                try args.interpreter.setRecursionLimit(args["limit"])
                return .none
            },
        ]
    }
}
