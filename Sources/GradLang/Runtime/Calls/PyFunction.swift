/// A function defined with `def` or `lambda`: its compiled body, parameters, defaults and the
/// cells it closes over.
final class PyFunction: CollectableObject, PyCallable {
    /// `__name__` (assignable, as `functools.wraps` does).
    var name: String
    /// The name its frames show in tracebacks (CPython's `co_name`), which renaming keeps.
    let codeName: String
    let signature: Signature
    /// Default values by parameter index, evaluated when the `def` ran. Set again (the same
    /// values) only by the cycle collector, giving it and `closure` buffers of their own. Read
    /// into a local before a use that calls out, as `attributes` is changed.
    var defaults: [Int: Value]
    let body: StmtCode
    let slotCount: Int
    /// For each parameter, where it is stored: a slot, or a cell (captured by an inner function).
    let parameterStorage: [Scope.Resolution]
    let cellCount: Int
    var closure: [PyCell]
    let origin: CodeOrigin
    /// Where the globals it reads live (`__globals__`).
    let globals: FunctionGlobals
    /// True when a plain positional call can skip the binder.
    let isSimple: Bool
    /// How many leading parameters have no default (in a plain positional signature, the ones
    /// after them all have one).
    let requiredCount: Int
    /// The body's leading string literal, as written (`help()` cleans and shows it); set by the compiler.
    var docstring: String?
    /// `__qualname__` (`C.method`, `f.<locals>.g`); set by the compiler.
    var qualifiedName = ""
    /// Attributes set on the function (`f.calls = 0`, `__wrapped__`): its `__dict__`. Changed
    /// through `setAttribute` or replaced whole, so that no access to it spans a call (one that
    /// did would make the optimizer check every access at run time, in each collection's visit
    /// of the function).
    var attributes: [String: Value] = [:]

    /// Sets (nil: removes) an attribute, changing the dictionary as a local (see changeTakenOut).
    func setAttribute(_ name: String, _ value: Value?) {
        var changed = attributes
        attributes = [:]
        changed[name] = value
        attributes = changed
    }

    init(name: String, signature: Signature, defaults: [Int: Value], body: @escaping StmtCode, slotCount: Int,
         parameterStorage: [Scope.Resolution], cellCount: Int, closure: [PyCell], origin: CodeOrigin,
         globals: FunctionGlobals) {
        self.name = name
        codeName = name
        self.signature = signature
        self.defaults = defaults
        self.body = body
        self.slotCount = slotCount
        self.parameterStorage = parameterStorage
        self.cellCount = cellCount
        self.closure = closure
        self.origin = origin
        self.globals = globals
        isSimple = signature.parameters.allSatisfy { $0.kind == .positional }
        requiredCount = signature.parameters.count - defaults.count
    }

    override var typeName: String { "function" }

    /// Its closure cells, defaults, attributes and the dict it was defined in. Its compiled body is a Swift closure: the
    /// constants and globals it holds are not traversed, so they count as referenced from outside.
    override func forEachReference(_ visit: (Value) -> Void) {
        for cell in closure { visit(.object(cell)) }
        if case .dict(let d) = globals { visit(.object(d)) }
        // Most functions have neither: an empty dictionary's walk still costs a hundred
        // instructions, and a copy of it a retain and a release. A non-empty one is read into a
        // local, so that no access to the property spans `visit`.
        if !defaults.isEmpty { let defaults = self.defaults; defaults.values.forEach(visit) }
        if !attributes.isEmpty { let attributes = self.attributes; attributes.values.forEach(visit) }
    }

    /// The frame kept for the next call shares the closure's buffer: it is dropped (the next call
    /// makes a new one), so that no holder of the buffer is left uncounted.
    override func makeStorageUnique() {
        spareFrame = nil
        if !closure.isEmpty { makeUniqueStorage({ self.closure }, { self.closure = $0 }) }
        if !defaults.isEmpty { makeUniqueStorage({ self.defaults }, { self.defaults = $0 }) }
        if !attributes.isEmpty { makeUniqueStorage({ self.attributes }, { self.attributes = $0 }) }
    }

    /// The `__closure__` tuple CPython keeps the cells in, a tracked object freed with the function.
    override var uncountedCompanions: Int { closure.isEmpty ? 0 : 1 }

    /// Only the attributes change after the function is made (see CycleTraversal).
    override func giveUpReferences(into released: inout [Value]) {
        let attributes = self.attributes
        self.attributes = [:]
        released += attributes.values
    }

    func call(_ args: Arguments, _ interpreter: Interpreter) throws -> Value {
        if args.keywords.isEmpty, var frame = frame(positionalCount: args.positional.count, { args.positional[$0] }) {
            return try complete(&frame, interpreter)
        }
        let defaults = self.defaults
        let values = try signature.bind(args, defaults: defaults)
        var frame = newFrame()
        for (i, value) in values.enumerated() { store(value, parameter: i, in: frame) }
        return try complete(&frame, interpreter)
    }

    /// Calls the function with `receiver` before `args` (a method called through its instance),
    /// without making a bound method or, for a plain positional signature, an argument array.
    func call(receiver: Value, _ args: [Value], _ interpreter: Interpreter) throws -> Value {
        guard var frame = frame(positionalCount: args.count + 1, { $0 == 0 ? receiver : args[$0 - 1] }) else {
            return try call(Arguments([receiver] + args), interpreter)
        }
        return try complete(&frame, interpreter)
    }

    /// `call(receiver:_:_:)` with one argument, which needs no array (an operator's method).
    func call(receiver: Value, argument: Value, _ interpreter: Interpreter) throws -> Value {
        guard var frame = frame(positionalCount: 2, { $0 == 0 ? receiver : argument }) else {
            return try call(Arguments([receiver, argument]), interpreter)
        }
        return try complete(&frame, interpreter)
    }

    /// A frame holding the arguments `codes` compute in the caller's frame `caller`, when they
    /// are this function's leading parameters, all positional (no binder, no argument array);
    /// nil, with nothing evaluated, otherwise.
    func frame(evaluating codes: [ExprCode], in caller: Frame) throws -> Frame? {
        try frame(positionalCount: codes.count) { try codes[$0](caller) }
    }

    /// The same with `receiver` as the first argument (a method called through its instance).
    func frame(receiver: Value, evaluating codes: [ExprCode], in caller: Frame) throws -> Frame? {
        try frame(positionalCount: codes.count + 1) { $0 == 0 ? receiver : try codes[$0 - 1](caller) }
    }

    /// A frame for `C(...)` running this function as `C.__init__`: the arguments `codes` compute
    /// in `caller`, then the instance `receiver` makes once they are (as CPython evaluates them
    /// before calling the class) as the first parameter; nil, with nothing evaluated or made,
    /// when the binder is needed.
    func frame(evaluating codes: [ExprCode], in caller: Frame, thenReceiver receiver: () -> Value) throws -> Frame? {
        let count = codes.count + 1
        guard takesPlainly(count) else { return nil }
        let frame = newFrame()
        for i in codes.indices { store(try codes[i](caller), parameter: i + 1, in: frame) }
        store(receiver(), parameter: 0, in: frame)
        storeDefaults(after: count, in: frame)
        return frame
    }

    /// Whether a call passing `count` positional arguments needs no binder: the signature is
    /// plain positional and the parameters after the given ones have defaults.
    @inline(__always)
    private func takesPlainly(_ count: Int) -> Bool {
        isSimple && count <= parameterStorage.count && count >= requiredCount
    }

    /// A frame for a call passing `count` positional arguments, `argument(i)` giving the i-th
    /// (called once each, in order), when `takesPlainly(count)`; nil, with nothing evaluated,
    /// when the binder is needed.
    @inline(__always)
    private func frame(positionalCount count: Int, _ argument: (Int) throws -> Value) rethrows -> Frame? {
        guard takesPlainly(count) else { return nil }
        let frame = newFrame()
        for i in 0..<count { store(try argument(i), parameter: i, in: frame) }
        storeDefaults(after: count, in: frame)
        return frame
    }

    /// The defaults of the parameters from number `count` on, which the call did not pass.
    @inline(__always)
    private func storeDefaults(after count: Int, in frame: Frame) {
        if count < parameterStorage.count {
            // Read once, so that no access to the property spans the look-ups.
            let defaults = self.defaults
            for i in count..<parameterStorage.count {
                if let value = defaults[i] { store(value, parameter: i, in: frame) }
            }
        }
    }

    /// Runs a frame made for one call, then keeps it for the next (see `recycle`).
    private func complete(_ frame: inout Frame, _ interpreter: Interpreter) throws -> Value {
        let result = try run(frame, interpreter)
        recycle(&frame)
        return result
    }

    /// The frame of the last call that returned with nothing else holding it, emptied, for the
    /// next call: a loop calling the same function does not allocate a frame per call (a
    /// function with cells of its own gets new cells in it). The cycle collector drops it (see
    /// CycleTraversal).
    var spareFrame: Frame?

    /// Keeps `frame` for the next call when nothing else holds it, then closes the generators
    /// its locals held (see GeneratorFinalizers), as CPython does when a call returns.
    func recycle(_ frame: inout Frame) {
        if isKnownUniquelyReferenced(&frame) {
            frame.reset()
            // The call's own cells go now, as they would with the frame: the spare frame holds no
            // tracked object of its own, so the collector may drop it during a collection.
            if cellCount > 0 { frame.cells = closure }
            spareFrame = frame
        }
        if GeneratorFinalizers.arePending { GeneratorFinalizers.run() }
    }

    private func newFrame() -> Frame {
        let cells = cellCount > 0 ? freshCells() : closure
        if let frame = spareFrame {
            spareFrame = nil
            if cellCount > 0 { frame.cells = cells }
            return frame
        }
        return Frame(slotCount: slotCount, cells: cells, name: codeName, origin: origin)
    }

    /// The function's own cells, new for each call, then the ones it closes over.
    private func freshCells() -> [PyCell] {
        var cells: [PyCell] = []
        cells.reserveCapacity(cellCount + closure.count)
        for _ in 0..<cellCount { cells.append(PyCell()) }
        cells.append(contentsOf: closure)
        return cells
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
        try interpreter.nested(in: frame) {
            if case .returned = try body(frame) {
                // Taken out: a generator's frame outlives the call, and must not hold the generator.
                let result = frame.returnValue
                frame.returnValue = .none
                return result
            }
            return .none
        }
    }
}
