/// The plain positional arguments of a call site, passed without an argument list when the callee
/// allows it: into a `def`'s new frame, or as they are to a built-in's direct body (see
/// PyBuiltin.Direct). An argument that is a variable is read in place by the direct body's call
/// (`seen.add(node)`), not through its load closure.
struct DirectArguments {
    private let codes: [ExprCode]
    /// Per argument, the variable it names, or nil.
    private let variables: [Variable?]

    init(_ codes: [ExprCode], _ variables: [Variable?]) {
        (self.codes, self.variables) = (codes, variables)
    }

    /// `fn(...)` when `fn` is a `def`'s function, a built-in with a direct body of this arity or
    /// a class that ClassCreation.plainConstruction allows; nil, with nothing evaluated, otherwise.
    @inline(__always)
    func callWithoutArgumentList(_ fn: Value, in f: Frame, at range: SourceRange, _ interpreter: Interpreter) throws -> Value? {
        guard case .object(let o) = fn else { return nil }
        if let user = o as? PyFunction {
            guard var frame = try user.frame(evaluating: codes, in: f) else { return nil }
            let result = try Compiler.locatingErrors(at: range, in: f) { try user.run(frame, interpreter) }
            user.recycle(&frame)
            return result
        }
        if let cls = o as? PyClass { return try construct(cls, in: f, at: range, interpreter) }
        guard let builtin = o as? PyBuiltin else { return nil }
        return try call(builtin, in: f, at: range, interpreter)
    }

    /// `C(...)`: the new instance goes straight into `__init__`'s frame after the arguments, with
    /// no argument list and no general call (see ClassCreation.construct, which this shortens);
    /// nil, with nothing evaluated, when the class or the call needs that.
    private func construct(_ cls: PyClass, in f: Frame, at range: SourceRange, _ interpreter: Interpreter) throws -> Value? {
        switch ClassCreation.plainConstruction(cls) {
        case .withoutInitializer?:
            return codes.isEmpty ? .object(PyInstance(cls: cls)) : nil
        case .initializer(let initializer)?:
            var made: PyInstance?
            // Bound straight from the call, with no other variable holding the frame: `recycle`
            // keeps it for the next call only when nothing else does.
            guard var frame = try initializer.frame(evaluating: codes, in: f, thenReceiver: {
                let instance = PyInstance(cls: cls)
                made = instance
                return .object(instance)
            }), let instance = made else { return nil }
            let result = try Compiler.locatingErrors(at: range, in: f) { try initializer.run(frame, interpreter) }
            initializer.recycle(&frame)
            guard result.isNone else {
                throw Compiler.located(ClassCreation.initializerResultError(result), range, f)
            }
            return .object(instance)
        case nil:
            return nil
        }
    }

    /// Calls `builtin`'s direct body with the arguments, when it takes exactly that many; nil,
    /// with nothing evaluated, otherwise.
    @inline(__always)
    private func call(_ builtin: PyBuiltin, in f: Frame, at range: SourceRange, _ interpreter: Interpreter) throws -> Value? {
        let arity = builtin.directArity
        guard arity == codes.count else { return nil }
        let x = try argument(0, in: f)
        let y = arity == 2 ? try argument(1, in: f) : .none
        return try Compiler.locatingErrors(at: range, in: f) { try builtin.callDirect(x, y, interpreter) }
    }

    /// `receiver.method(...)`: calls the method's direct body with `receiver` and the arguments,
    /// when it takes exactly that many; nil, with nothing evaluated, otherwise. The receiver is
    /// passed as the caller holds it, not copied into a first argument (a retain and a release).
    @inline(__always)
    func call(_ builtin: PyBuiltin, receiver: Value, in f: Frame, at range: SourceRange,
              _ interpreter: Interpreter) throws -> Value? {
        let arity = builtin.directArity
        guard arity == codes.count + 1 else { return nil }
        if arity == 1 { return try Compiler.locatingErrors(at: range, in: f) { try builtin.callDirect(receiver, .none, interpreter) } }
        let y = try argument(0, in: f)
        return try Compiler.locatingErrors(at: range, in: f) { try builtin.callDirect(receiver, y, interpreter) }
    }

    @inline(__always)
    private func argument(_ i: Int, in f: Frame) throws -> Value {
        try variables[i]?.value(in: f) ?? codes[i](f)
    }
}
