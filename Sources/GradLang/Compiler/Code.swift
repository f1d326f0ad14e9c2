#if canImport(Glibc)
import Glibc
#endif

/// What compiled code looks like: closures over a frame. An expression yields a value; a
/// statement says how control continues.
typealias ExprCode = (Frame) throws -> Value
typealias StmtCode = (Frame) throws -> Flow

enum Flow: Equatable {
    case normal
    case breakLoop
    case continueLoop
    /// `return`: the value is in `frame.returnValue`.
    case returned
    /// A generator's `yield` suspended the body: the value is in the frame's generator state,
    /// and each statement it passes through keeps its progress there for the resumption.
    case suspended
}

/// One activation of a function (or of a module's code): local slots, cells, and the file and
/// line being run, which tracebacks and warnings report.
final class Frame {
    /// The locals, by the slot numbers scope analysis gave them. Raw memory, as a frame is made
    /// per call; read and written only through `subscript(slot:)`, which checks the number in
    /// debug builds (the whole test suite runs there).
    private let slots: UnsafeMutablePointer<Value?>
    let slotCount: Int
    var cells: [PyCell]
    var line = 0
    var returnValue: Value = .none
    /// Where an error in this frame happened, for the traceback's marker line.
    var errorSpan: ErrorSpan?
    /// The exception an `except` block is handling, with the line and span it was raised at in
    /// this frame (a bare `raise` re-raises it from there).
    var handling: (error: PyError, line: Int, span: ErrorSpan?)?
    /// The function's name as tracebacks show it (`<module>`, `f`, `<listcomp>`).
    let name: String
    /// Where the code was compiled from: its file (`<stdin>` at the prompt) and, for code
    /// typed at the prompt, the lines of its input, which tracebacks quote.
    let origin: CodeOrigin
    var file: String { origin.filename }
    /// While the frame runs, the frame that called it (CPython's `f_back`): the chain from
    /// `Interpreter.currentFrame` down is the stack warnings and anomaly mode read.
    var caller: Frame?
    /// A class body's namespace while it runs (nil in every other frame).
    var classNamespace: ClassNamespace?
    /// What `locals()` returned in this function's frame: the same dict each time, refreshed
    /// from the variables, as CPython 3.11's frame keeps it (so what `exec` added stays in it).
    var localsDict: PyDict?
    /// A generator's exception thrown in at its `yield`; nil in the frame of any other call.
    var generator: GeneratorState?
    /// Why a generator's body is running again up to its suspended `yield` (see
    /// Compiler+Generators). The value sent in, and the value yielded, pass in `returnValue`.
    var resumption = Resumption.notResuming
    var resuming: Bool { resumption != .notResuming && resumption != .delegating }

    init(slotCount: Int, cells: [PyCell], name: String, origin: CodeOrigin) {
        self.name = name
        self.origin = origin
        self.slotCount = slotCount
        // malloc rather than Swift's allocate, which takes the slower aligned path (a frame is
        // made per call); both are released with `free`.
        let count = Swift.max(slotCount, 1)
        slots = malloc(count * MemoryLayout<Value?>.stride)?.bindMemory(to: Value?.self, capacity: count)
            ?? .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
        self.cells = cells
    }

    deinit {
        slots.deinitialize(count: Swift.max(slotCount, 1))
        free(slots)
    }

    /// Local variable number `i`; nil while unbound.
    subscript(slot i: Int) -> Value? {
        @inline(__always) get {
            assert(i >= 0 && i < slotCount, "slot \(i) of a frame with \(slotCount)")
            return slots[i]
        }
        @inline(__always) set {
            assert(i >= 0 && i < slotCount, "slot \(i) of a frame with \(slotCount)")
            slots[i] = newValue
        }
    }

    /// Empties the frame for another call of the same function: its locals are released now,
    /// as they would be by freeing it.
    func reset() {
        for i in 0..<slotCount { self[slot: i] = nil }
        line = 0
        returnValue = .none
        // Written only when set: assigning nil destroys the old value through a generic witness.
        if errorSpan != nil { errorSpan = nil }
        if handling != nil { handling = nil }
        if localsDict != nil { localsDict = nil }
    }
}

/// The namespace a class body fills, shared by the closures that run it.
final class ClassNamespace {
    var values = Namespace()
}

/// Why a generator's body is running again (see `Frame.resumption`).
enum Resumption {
    case notResuming
    /// The suspended `yield` evaluates to the frame's `returnValue`.
    case sending
    /// The suspended `yield` raises the generator state's `thrown`.
    case throwing
    /// The sub-generator of the suspended `yield from` returned the frame's `returnValue`.
    case delegateReturned
    /// Not running: suspended in `yield from` the generator state's `delegate`.
    case delegating
}

/// A module-level variable. Compiled code holds the slot itself, so reading a global is one load,
/// not a dictionary look-up; REPL chunks compiled later share the same slots by name.
final class GlobalSlot {
    let name: String
    /// Each store is counted (for the dict `globals()` gives, which brings itself up to date when
    /// read after one; see GlobalsDict); a store that binds the variable also dates it.
    var value: Value? {
        didSet {
            stores.count &+= 1
            if value == nil { boundAt = 0 } else if boundAt == 0 { boundAt = stores.count }
        }
    }
    /// The count of its namespace's stores when the variable was bound after being unbound (0
    /// while unbound): a module's dict lists its names in this order, the order of first assignment.
    private(set) var boundAt = 0
    private let stores: StoreCount

    init(name: String, stores: StoreCount) {
        self.name = name
        self.stores = stores
    }
}

/// How many stores the variables of one namespace have had.
final class StoreCount {
    var count = 0
}

/// A frame slot or a global, read and written in place by hot compiled code.
enum Variable {
    case local(Int)
    case global(GlobalSlot)

    /// The value, or nil when unbound (the caller falls back to the load closure, which raises
    /// the right error or finds a built-in).
    @inline(__always)
    func value(in f: Frame) -> Value? {
        switch self {
        case .local(let i): return f[slot: i]
        case .global(let slot): return slot.value
        }
    }

    /// The value when it is a small int, read in place (no copy of the whole value to test it).
    @inline(__always)
    func int(in f: Frame) -> Int? {
        switch self {
        case .local(let i):
            if case .int(let n)? = f[slot: i] { return n }
        case .global(let slot):
            if case .int(let n)? = slot.value { return n }
        }
        return nil
    }

    /// Stores `v`, taking it over: a value computed for the store moves in without a retain.
    @inline(__always)
    func set(_ v: consuming Value, in f: Frame) {
        switch self {
        case .local(let i): f[slot: i] = v
        case .global(let slot): slot.value = v
        }
    }

    /// `name += tail`: when the variable holds a str that nothing else refers to, `tail` is
    /// appended in place (as CPython does), so building a string piece by piece in a loop is
    /// linear overall, not quadratic. The caller holds no copy of the variable's value. False,
    /// with nothing changed, otherwise; MemoryError when the str cannot grow.
    func appendInPlace(_ tail: PyStr, in f: Frame) throws -> Bool {
        guard case .str(var head)? = value(in: f) else { return false }
        set(.none, in: f)
        guard isKnownUniquelyReferenced(&head) else {
            set(.str(head), in: f)
            return false
        }
        defer { set(.str(head), in: f) }
        try head.append(tail)
        return true
    }

    /// The same, where `current` is the value read from this variable before `tail` was
    /// computed: while the variable still holds that str, `current` gives it up for the append.
    func appendInPlace(_ current: inout Value, _ tail: PyStr, in f: Frame) throws -> Bool {
        let stillBound: Bool = {
            if case .str(let head) = current, case .str(let held)? = value(in: f) { return held === head }
            return false
        }()
        guard stillBound else { return false }
        current = .none
        if try appendInPlace(tail, in: f) { return true }
        current = value(in: f) ?? .none
        return false
    }
}

/// The global namespace of a program (a file, or a REPL session).
public final class Globals {
    private(set) var slots: [String: GlobalSlot] = [:]

    /// Whether freeing these globals runs a full collection (see deinit): not for the
    /// namespaces of `exec` and `eval` in a dict, which may come and go by the thousand.
    private let collectsWhenFreed: Bool

    public init() { collectsWhenFreed = true }

    /// `collectsWhenFreed` false: globals for code run in a dict (see GlobalsDict), whose freeing
    /// leaves the cycles among their values to the collector's usual runs.
    init(collectsWhenFreed: Bool) { self.collectsWhenFreed = collectsWhenFreed }

    /// Empties every name, as CPython's module teardown does: a function keeps the slots of the
    /// globals it uses, so any function stored in its own globals (a `def`) would otherwise hold
    /// them, itself and all their data in a reference cycle after the program is done. Then
    /// collects cycles, as CPython's finalization does: a class whose methods use `super()` is one
    /// (the class holds the methods, their `__class__` cell holds the class). The generators freed
    /// on the way are closed.
    deinit {
        removeAll()
        guard collectsWhenFreed else { return }
        _ = CycleCollector.collect(generation: CycleCollector.oldest)
        GeneratorFinalizers.run()
    }

    /// Names in the order their slots were made (the order in which the code first names them).
    private(set) var order: [String] = []

    /// Counts the stores into the slots.
    let stores = StoreCount()

    func slot(_ name: String) -> GlobalSlot {
        if let s = slots[name] { return s }
        let s = GlobalSlot(name: name, stores: stores)
        slots[name] = s
        order.append(name)
        return s
    }

    /// The names holding a value, in the order a module's dict would list them (for suggestions).
    var namesInOrder: [String] {
        let bound = order.compactMap { slots[$0] }.filter { $0.value != nil && $0.name != "__name__" }
        return ["__name__", "__doc__", "__package__", "__loader__", "__spec__", "__annotations__", "__builtins__", "__file__",
                "__cached__"] + bound.sorted { $0.boundAt < $1.boundAt }.map(\.name)
    }

    public subscript(_ name: String) -> Value? {
        get { slots[name]?.value }
        set { slot(name).value = newValue }
    }

    /// Names that currently hold a value, sorted (for `dir()`, `%who`, completion).
    public var definedNames: [String] { slots.values.filter { $0.value != nil }.map(\.name).sorted() }

    /// Unbinds every global, then closes the generators that freed (see GeneratorFinalizers).
    public func removeAll() {
        unbindAll()
        GeneratorFinalizers.run()
    }

    /// Unbinds every global, closing nothing (the cycle collector takes the values).
    func unbindAll() {
        for s in slots.values { s.value = nil }
    }

    /// Each bound value, in the order the slots were made.
    func forEachValue(_ visit: (Value) -> Void) {
        for name in order { if let v = slots[name]?.value { visit(v) } }
    }

    /// The dict `globals()` returned last, while something holds it (see GlobalsDict).
    weak var dictView: PyDict?

    /// What the functions defined here keep of these globals (which hold the functions).
    private(set) lazy var reference = GlobalsReference(self)
}

/// A module's globals, held weakly.
final class GlobalsReference {
    private(set) weak var globals: Globals?
    init(_ globals: Globals) { self.globals = globals }
}

/// Where a function's globals live (`__globals__`).
enum FunctionGlobals {
    /// A module's, held weakly: they hold the function.
    case module(GlobalsReference)
    /// The dict `exec` ran the `def` in, which the function keeps alive, as CPython's functions
    /// keep their `__globals__` (the globals live in the dict).
    case dict(PyDict)
}

/// The part of a source line a traceback underlines, and how (CPython 3.11's markers).
public struct ErrorSpan: Equatable, Sendable {
    public enum Style: Equatable, Sendable {
        /// `^^^^` under the whole expression.
        case whole
        /// `~~^~~`: operands with `~`, the operator (found between them) with `^`.
        case binary(leftEnd: SourceLocation, rightStart: SourceLocation)
        /// `~^^^`: the subscripted value with `~`, `[index]` with `^`.
        case indexed(valueEnd: SourceLocation)
    }

    public let range: SourceRange
    public let style: Style
}
