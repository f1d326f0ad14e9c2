import GradTensor

/// A function implemented in Swift: a signature bound by the shared binder, and a body that reads
/// its arguments by name.
public final class PyBuiltin: PyObject {
    public typealias Body = (BoundArguments) throws -> Value
    private let signatureText: String
    private let style: ArgumentParserStyle
    private let shownText: String?
    /// Parsed on first use: start-up registers hundreds of built-ins, most never called.
    public private(set) lazy var signature = Signature(signatureText, style: style)
    /// What `help()` shows: the binding signature, unless the body parses some arguments itself
    /// (`sorted` passes its keywords on to `list.sort`) and the documented one differs.
    public private(set) lazy var shownSignature = shownText.map { Signature($0) } ?? signature
    /// The name in the signature text (after any `module.` qualifier), without parsing the rest.
    public let name: String
    let body: Body
    /// The body of a built-in whose parameters are one or two plain positional ones, taking
    /// them as they are: a call site passing exactly that many positional arguments calls it
    /// without an argument list, binding or look-ups by name (`len(x)`, `isinstance(x, C)`,
    /// `xs.append(x)`). Every other call goes through the binder to `body`, which calls it too.
    let direct: Direct?
    /// `direct`'s arity, or -1 (no call has that many arguments) when there is none: compared
    /// before `direct` is read, as reading it copies the body (a retain) on every call.
    let directArity: Int

    public enum Direct {
        case one((Value, Interpreter) throws -> Value)
        case two((Value, Value, Interpreter) throws -> Value)

        var arity: Int {
            switch self {
            case .one: return 1
            case .two: return 2
            }
        }

        /// Calls the body with its `arity` first arguments.
        @inline(__always)
        func call(_ x: Value, _ y: Value, _ interpreter: Interpreter) throws -> Value {
            switch self {
            case .one(let body): return try body(x, interpreter)
            case .two(let body): return try body(x, y, interpreter)
            }
        }
    }

    public convenience init(_ signature: String, style: ArgumentParserStyle = .python, shownAs shown: String? = nil,
                            _ body: @escaping Body) {
        self.init(signature, style: style, shownAs: shown, body: body, direct: nil)
    }

    /// A built-in of one positional parameter (`signature` declares exactly one).
    public convenience init(_ signature: String, one: @escaping (Value, Interpreter) throws -> Value) {
        self.init(signature, body: { args in try one(args[0], args.interpreter) }, direct: .one(one))
    }

    /// A built-in of two positional parameters (`signature` declares exactly two; a default for
    /// the second is passed by the binder when a call leaves it out).
    public convenience init(_ signature: String, two: @escaping (Value, Value, Interpreter) throws -> Value) {
        self.init(signature, body: { args in try two(args[0], args[1], args.interpreter) }, direct: .two(two))
    }

    /// A built-in whose parameters after the first are optional, and whose common call passes
    /// only the first (`xs.pop()`): such a call runs `one`, any other binds and runs `body`.
    public convenience init(_ signature: String, _ body: @escaping Body, one: @escaping (Value, Interpreter) throws -> Value) {
        self.init(signature, body: body, direct: .one(one))
    }

    private init(_ signature: String, style: ArgumentParserStyle = .python, shownAs shown: String? = nil,
                 body: @escaping Body, direct: Direct?) {
        signatureText = signature
        self.style = style
        shownText = shown
        name = PyBuiltin.name(in: signature)
        self.body = body
        self.direct = direct
        directArity = direct?.arity ?? -1
    }

    public override var typeName: String { "builtin_function_or_method" }

    /// `lower` for "str.lower(self, /)".
    static func name(in signature: String) -> String {
        // Over the UTF-8 bytes: start-up names some 700 built-ins this way.
        let bytes = signature.utf8
        let end = bytes.firstIndex(of: UInt8(ascii: "(")) ?? bytes.endIndex
        let start = bytes[..<end].lastIndex(of: UInt8(ascii: ".")).map { bytes.index(after: $0) } ?? bytes.startIndex
        return String(signature[start..<end])
    }

    /// Runs `direct` with its `directArity` first arguments (a call site that checked the count);
    /// without a direct body, binds them as a general call does.
    @inline(__always)
    func callDirect(_ x: Value, _ y: Value, _ interpreter: Interpreter) throws -> Value {
        switch direct {
        case .one(let body)?: return try body(x, interpreter)
        case .two(let body)?: return try body(x, y, interpreter)
        case nil: return try call(Arguments(directArity == 2 ? [x, y] : [x]), interpreter)
        }
    }

    public func call(_ args: Arguments, _ interpreter: Interpreter) throws -> Value {
        if args.positional.count == directArity, args.keywords.isEmpty, let direct {
            return try direct.call(args.positional[0], args.positional[directArity - 1], interpreter)
        }
        let slots = try signature.bindBuiltin(args)
        return try body(BoundArguments(signature: signature, values: slots, interpreter: interpreter))
    }
}

/// Bound arguments, read by parameter name (`args["dtype"]`) or position.
public struct BoundArguments {
    let signature: Signature
    /// One per parameter, or fewer: the parameters after them take their literal defaults.
    let values: [Value]
    /// Held strongly, as compiled code holds it: a lazy iterator made by a built-in (`map`,
    /// `filter`, `iter(f, sentinel)`) keeps it and may be used after its caller dropped the interpreter.
    public let interpreter: Interpreter

    public subscript(_ name: String) -> Value {
        signature.parameterIndex(name).map { self[$0] } ?? .none
    }

    public subscript(_ index: Int) -> Value {
        index < values.count ? values[index] : signature.literalDefault(at: index)
    }

    /// The argument of a parameter declared `=<unset>`, or nil when the call left it out.
    public func given(_ name: String) -> Value? {
        if case .object(let o) = self[name], o is PyUnset { return nil }
        return self[name]
    }

    /// Whether the argument was given a non-None value.
    public func has(_ name: String) -> Bool { !self[name].isNone }

    /// The `*args` tuple's items.
    public func varargs(_ name: String) -> [Value] {
        if case .object(let t as PyTuple) = self[name] { return t.items }
        return []
    }

    /// The `**kwargs` dict.
    public func varkw(_ name: String) -> PyDict? {
        if case .object(let d as PyDict) = self[name] { return d }
        return nil
    }

    /// The `**kwargs` dict as keyword arguments, to pass on in a call.
    public func keywordArguments(_ name: String) -> [(name: String, value: Value)] {
        (varkw(name)?.entries ?? []).compactMap { k, v in if case .str(let s) = k { return (s.string, v) } else { return nil } }
    }
}

/// The value bound to an `<unset>` parameter that the call left out; never reaches Python code.
public final class PyUnset: PyObject {
    nonisolated(unsafe) public static let shared = PyUnset()
    public override var typeName: String { "unset" }
}

/// `obj.method` where the method is built in: the receiver is passed as the first argument.
public final class PyBoundMethod: CollectableObject {
    public let receiver: Value
    public let function: PyBuiltin
    public init(receiver: Value, function: PyBuiltin) {
        self.receiver = receiver
        self.function = function
    }
    public override var typeName: String { "builtin_function_or_method" }
    /// Its function is a builtin, which holds no Python values.
    override func forEachReference(_ visit: (Value) -> Void) { visit(receiver) }
}
