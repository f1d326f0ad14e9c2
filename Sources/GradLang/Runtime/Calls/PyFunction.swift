/// A function defined with `def` or `lambda`: its compiled body, parameters, defaults and the
/// cells it closes over.
final class PyFunction: CollectableObject, PyCallable {
    /// `__name__` (assignable, as `functools.wraps` does).
    var name: String
    let signature: Signature
    /// Default values by parameter index, evaluated when the `def` ran. Set again (the same
    /// values) only by the cycle collector, giving it and `closure` buffers of their own.
    var defaults: [Int: Value]
    let body: StmtCode
    let slotCount: Int
    /// For each parameter, where it is stored: a slot, or a cell (captured by an inner function).
    let parameterStorage: [Scope.Resolution]
    let cellCount: Int
    var closure: [PyCell]
    let filename: String
    /// True when a plain positional call can skip the binder.
    let isSimple: Bool
    /// The body's leading string literal, as written (`help()` cleans and shows it); set by the compiler.
    var docstring: String?
    /// `__qualname__` (`C.method`, `f.<locals>.g`); set by the compiler.
    var qualifiedName = ""
    /// Attributes set on the function (`f.calls = 0`, `__wrapped__`): its `__dict__`.
    var attributes: [String: Value] = [:]

    init(name: String, signature: Signature, defaults: [Int: Value], body: @escaping StmtCode, slotCount: Int,
         parameterStorage: [Scope.Resolution], cellCount: Int, closure: [PyCell], filename: String) {
        self.name = name
        self.signature = signature
        self.defaults = defaults
        self.body = body
        self.slotCount = slotCount
        self.parameterStorage = parameterStorage
        self.cellCount = cellCount
        self.closure = closure
        self.filename = filename
        isSimple = signature.parameters.allSatisfy { $0.kind == .positional }
    }

    override var typeName: String { "function" }

    func call(_ args: Arguments, _ interpreter: Interpreter) throws -> Value {
        let values: [Value]
        if isSimple && args.keywords.isEmpty && args.positional.count == signature.parameters.count {
            values = args.positional
        } else {
            values = try signature.bind(args, defaults: defaults)
        }
        var frame = newFrame()
        for (i, value) in values.enumerated() { store(value, parameter: i, in: frame) }
        let result = try run(frame, interpreter)
        recycle(&frame)
        return result
    }

    /// Calls the function with `receiver` before `args` (a method called through its instance),
    /// without making a bound method or, for a plain positional signature, an argument array.
    func call(receiver: Value, _ args: [Value], _ interpreter: Interpreter) throws -> Value {
        guard isSimple, signature.parameters.count == args.count + 1 else {
            return try call(Arguments([receiver] + args), interpreter)
        }
        var frame = newFrame()
        store(receiver, parameter: 0, in: frame)
        for (i, value) in args.enumerated() { store(value, parameter: i + 1, in: frame) }
        let result = try run(frame, interpreter)
        recycle(&frame)
        return result
    }

    /// A frame holding the arguments `codes` compute in the caller's frame `caller`, when they
    /// are exactly this function's parameters, all positional (no binder, no argument array);
    /// nil, with nothing evaluated, otherwise.
    func frame(evaluating codes: [ExprCode], in caller: Frame) throws -> Frame? {
        guard isSimple, codes.count == parameterStorage.count else { return nil }
        let frame = newFrame()
        for (i, code) in codes.enumerated() { store(try code(caller), parameter: i, in: frame) }
        return frame
    }

    /// The same with `receiver` as the first argument (a method called through its instance).
    func frame(receiver: Value, evaluating codes: [ExprCode], in caller: Frame) throws -> Frame? {
        guard isSimple, codes.count + 1 == parameterStorage.count else { return nil }
        let frame = newFrame()
        store(receiver, parameter: 0, in: frame)
        for (i, code) in codes.enumerated() { store(try code(caller), parameter: i + 1, in: frame) }
        return frame
    }

    /// The frame of the last call that returned with nothing else holding it, emptied, for the
    /// next call: a loop calling the same function does not allocate a frame per call. The cycle
    /// collector drops it (see CycleTraversal).
    var spareFrame: Frame?

    /// Keeps `frame` for the next call when nothing else holds it (a frame with cells of its own
    /// is not kept: each call needs fresh cells).
    func recycle(_ frame: inout Frame) {
        guard cellCount == 0, isKnownUniquelyReferenced(&frame) else { return }
        frame.reset()
        spareFrame = frame
    }

    private func newFrame() -> Frame {
        if let frame = spareFrame {
            spareFrame = nil
            return frame
        }
        var cells = closure
        if cellCount > 0 {
            // The function's own cells come first, then the ones it closes over.
            cells = (0..<cellCount).map { _ in PyCell() } + closure
        }
        return Frame(slotCount: slotCount, cells: cells, name: name)
    }

    @inline(__always)
    private func store(_ value: Value, parameter i: Int, in frame: Frame) {
        switch parameterStorage[i] {
        case .local(let s): frame[slot: s] = value
        case .cell(let c): frame.cells[c].value = value
        case .global, .classNamespace: break
        }
    }

    /// Runs the body in `frame`, one call deeper.
    func run(_ frame: Frame, _ interpreter: Interpreter) throws -> Value {
        try interpreter.nested {
            do {
                if case .returned = try body(frame) {
                    // Taken out: a generator's frame outlives the call, and must not hold the generator.
                    let result = frame.returnValue
                    frame.returnValue = .none
                    return result
                }
                return .none
            } catch var e as PyError {
                e.traceback.append(TraceEntry(file: filename, line: frame.line, function: name, span: frame.errorSpan))
                throw e
            }
        }
    }
}
