/// A function defined with `def` or `lambda`: its code (shared by every function the definition
/// makes), the defaults and cells it closes over, and what was assigned to it.
final class PyFunction: CollectableObject, PyCallable {
    let code: FunctionCode
    /// Default values by parameter index, evaluated when the `def` ran. Set again (the same
    /// values) only by the cycle collector, giving it and `closure` buffers of their own. Read
    /// into a local before a use that calls out, as `attributes` is changed.
    var defaults: [Int: Value]
    var closure: [PyCell]
    /// Where the globals it reads live (`__globals__`).
    let globals: FunctionGlobals
    /// Attributes set on the function (`f.calls = 0`, `__wrapped__`): its `__dict__`. Changed
    /// through `setAttribute` or replaced whole, so that no access to it spans a call (one that
    /// did would make the optimizer check every access at run time, in each collection's visit
    /// of the function).
    var attributes: [String: Value] = [:]
    /// `__name__`, `__qualname__` and `__doc__` once one of them is assigned (`functools.wraps`
    /// does); until then they are the code's, and a function made costs no copy of them.
    private var assignedNames: Names?

    private struct Names {
        var name: String
        var qualifiedName: String
        var docstring: String?
    }

    private var names: Names {
        assignedNames ?? Names(name: code.name, qualifiedName: code.qualifiedName, docstring: code.docstring)
    }

    /// `__name__` (assignable).
    var name: String {
        get { assignedNames?.name ?? code.name }
        set { var changed = names; changed.name = newValue; assignedNames = changed }
    }
    /// `__qualname__` (`C.method`, `f.<locals>.g`; assignable).
    var qualifiedName: String {
        get { assignedNames?.qualifiedName ?? code.qualifiedName }
        set { var changed = names; changed.qualifiedName = newValue; assignedNames = changed }
    }
    /// `__doc__`: the body's leading string literal, as written (`help()` cleans and shows it).
    var docstring: String? {
        get { assignedNames.map(\.docstring) ?? code.docstring }
        set { var changed = names; changed.docstring = newValue; assignedNames = changed }
    }
    var signature: Signature { code.signature }
    var body: StmtCode { code.body }
    var origin: CodeOrigin { code.origin }

    /// Sets (nil: removes) an attribute, changing the dictionary as a local (see changeTakenOut).
    func setAttribute(_ name: String, _ value: Value?) {
        var changed = attributes
        attributes = [:]
        changed[name] = value
        attributes = changed
    }

    init(code: FunctionCode, defaults: [Int: Value], closure: [PyCell], globals: FunctionGlobals) {
        self.code = code
        self.defaults = defaults
        self.closure = closure
        self.globals = globals
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

    override func makeStorageUnique() {
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
        code.isSimple && count <= code.parameterStorage.count && count >= code.requiredCount
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
        let parameterCount = code.parameterStorage.count
        if count < parameterCount {
            // Read once, so that no access to the property spans the look-ups.
            let defaults = self.defaults
            for i in count..<parameterCount {
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

    /// Keeps `frame` for the next call of the code when nothing else holds it (see
    /// FunctionCode.spareFrame), then closes the generators its locals held (see
    /// GeneratorFinalizers), as CPython does when a call returns.
    func recycle(_ frame: inout Frame) {
        code.recycle(&frame)
        if GeneratorFinalizers.arePending { GeneratorFinalizers.run() }
    }

    /// A frame for a call: the function's own cells are new for each call, then come the ones
    /// it closes over.
    private func newFrame() -> Frame {
        code.frame(cells: code.cellCount > 0 ? freshCells() : closure)
    }

    private func freshCells() -> [PyCell] {
        var cells: [PyCell] = []
        cells.reserveCapacity(code.cellCount + closure.count)
        for _ in 0..<code.cellCount { cells.append(PyCell()) }
        cells.append(contentsOf: closure)
        return cells
    }

    @inline(__always)
    private func store(_ value: consuming Value, parameter i: Int, in frame: Frame) {
        switch code.parameterStorage[i] {
        case .local(let s): frame[slot: s] = value
        case .cell(let c): frame.cells[c].value = value
        case .global, .classNamespace: break
        }
    }

    /// Runs the body in `frame`, one call deeper.
    func run(_ frame: Frame, _ interpreter: Interpreter) throws -> Value {
        try interpreter.nested(in: frame) {
            if case .returned = try code.body(frame) {
                // Taken out: a generator's frame outlives the call, and must not hold the generator.
                let result = frame.returnValue
                frame.returnValue = .none
                return result
            }
            return .none
        }
    }
}
