/// A function defined with `def` or `lambda`: its compiled body, parameters, defaults and the
/// cells it closes over.
final class PyFunction: PyObject, PyCallable {
    let name: String
    let signature: Signature
    /// Default values by parameter index, evaluated when the `def` ran.
    let defaults: [Int: Value]
    let body: StmtCode
    let slotCount: Int
    /// For each parameter, where it is stored: a slot, or a cell (captured by an inner function).
    let parameterStorage: [Scope.Resolution]
    let cellCount: Int
    let closure: [PyCell]
    let filename: String
    /// True when a plain positional call can skip the binder.
    let isSimple: Bool
    /// The body's leading string literal, as written (`help()` cleans and shows it); set by the compiler.
    var docstring: String?

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
        var cells = closure
        if cellCount > 0 {
            // The function's own cells come first, then the ones it closes over.
            cells = (0..<cellCount).map { _ in PyCell() } + closure
        }
        let frame = Frame(slotCount: slotCount, cells: cells, name: name)
        for (i, storage) in parameterStorage.enumerated() {
            switch storage {
            case .local(let s): frame.slots[s] = values[i]
            case .cell(let c): frame.cells[c].value = values[i]
            case .global: break
            }
        }
        return try interpreter.nested {
            do {
                if case .returned = try body(frame) { return frame.returnValue }
                return .none
            } catch var e as PyError {
                e.traceback.append(TraceEntry(file: filename, line: frame.line, function: name, span: frame.errorSpan))
                throw e
            }
        }
    }
}
