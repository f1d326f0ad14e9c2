/// What every function one `def` or `lambda` makes has in common (CPython's code object): its
/// compiled body, parameters and frame layout. Made once when the definition is compiled, so that
/// running the definition (an inner function made per call, as micrograd's `backward`) makes a
/// function that refers to it, not copies of each part.
final class FunctionCode {
    /// The name its frames show in tracebacks (CPython's `co_name`), which renaming keeps.
    let name: String
    /// `__qualname__` until one is assigned (`C.method`, `f.<locals>.g`).
    let qualifiedName: String
    /// The body's leading string literal, as written (`help()` cleans and shows it).
    let docstring: String?
    let signature: Signature
    let body: StmtCode
    let slotCount: Int
    /// For each parameter, where it is stored: a slot, or a cell (captured by an inner function).
    let parameterStorage: [Scope.Resolution]
    let cellCount: Int
    let origin: CodeOrigin
    /// True when a plain positional call can skip the binder.
    let isSimple: Bool
    /// How many leading parameters have no default (in a plain positional signature, the ones
    /// after them all have one).
    let requiredCount: Int

    init(name: String, qualifiedName: String, docstring: String?, signature: Signature, body: @escaping StmtCode,
         slotCount: Int, parameterStorage: [Scope.Resolution], cellCount: Int, origin: CodeOrigin) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.docstring = docstring
        self.signature = signature
        self.body = body
        self.slotCount = slotCount
        self.parameterStorage = parameterStorage
        self.cellCount = cellCount
        self.origin = origin
        isSimple = signature.parameters.allSatisfy { $0.kind == .positional }
        requiredCount = signature.parameters.count(where: { !$0.hasDefault })
    }

    /// The same code whose call errors name it `qualifiedName` (see PyFunction+Renamed).
    func renamed(qualifiedName: String) -> FunctionCode {
        FunctionCode(name: name, qualifiedName: qualifiedName, docstring: docstring,
                     signature: Signature(name: qualifiedName, parameters: signature.parameters), body: body,
                     slotCount: slotCount, parameterStorage: parameterStorage, cellCount: cellCount, origin: origin)
    }

    /// The frame of the last call of one of its functions that returned with nothing else holding
    /// it, emptied, for the next call: a loop calling the same function, or calling in turn the
    /// many functions one inner `def` made, does not allocate a frame per call. It holds no
    /// Python value (see PyFunction.recycle), so the cycle collector need not know of it.
    var spareFrame: Frame?

    /// A frame for a call of a function with these `cells`: the spare one, else a new one.
    func frame(cells: [PyCell]) -> Frame {
        if let frame = spareFrame {
            spareFrame = nil
            // A spare frame has none (see `recycle`): a function without cells stores nothing.
            if !cells.isEmpty { frame.cells = cells }
            return frame
        }
        return Frame(slotCount: slotCount, cells: cells, name: name, origin: origin)
    }

    /// Keeps `frame` for the next call when nothing else holds it.
    func recycle(_ frame: inout Frame) {
        guard isKnownUniquelyReferenced(&frame) else { return }
        frame.reset()
        // Its cells go now, as they would with the frame: the spare frame holds no Python value.
        if !frame.cells.isEmpty { frame.cells = [] }
        spareFrame = frame
    }
}
