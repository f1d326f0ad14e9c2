/// A Python-style parameter list, written as text (`"zeros(*size, dtype=None, requires_grad=False)"`)
/// for built-in functions or built from a `def` for user functions, and the one binder that
/// matches call arguments to it with CPython's error messages.
public final class Signature: Sendable {
    public enum Kind: Sendable { case positional, varargs, keywordOnly, varkw }

    public struct Parameter: Sendable {
        public let name: String
        public let kind: Kind
        /// Literal default for built-ins; user functions supply theirs at bind time.
        public let hasDefault: Bool
        let literalDefault: LiteralDefault?
        /// Declared before a `/`: cannot be passed by keyword.
        public var positionalOnly = false

        init(name: String, kind: Kind, hasDefault: Bool, literalDefault: LiteralDefault? = nil, positionalOnly: Bool = false) {
            self.name = name
            self.kind = kind
            self.hasDefault = hasDefault
            self.literalDefault = literalDefault
            self.positionalOnly = positionalOnly
        }
    }

    /// A default written in a built-in's signature text.
    enum LiteralDefault: Sendable {
        case none, bool(Bool), int(Int), float(Double), str(String)
        /// `<unset>`: optional with no default value; `BoundArguments.given` tells it apart.
        case unset
        var value: Value {
            switch self {
            case .unset: return .object(PyUnset.shared)
            case .none: return .none
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(i)
            case .float(let d): return .float(d)
            case .str(let s): return .str(s)
            }
        }
    }

    public let name: String
    /// The name CPython prints in some arity errors: `list.append`, `math.sqrt` (written that way
    /// in the signature text; `name` is the part after the last dot).
    public let qualifiedName: String
    public let parameters: [Parameter]
    /// Whose error order and wording wrong calls get (`ArgumentParserStyle`).
    let style: ArgumentParserStyle
    /// Written as text for a built-in: wrong keywords get CPython's built-in wording.
    let isBuiltin: Bool
    /// Every parameter is positional-only (`len(obj, /)`): no keywords at all. Fixed at init,
    /// as the binder runs on every call.
    private let takesNoKeywords: Bool
    /// The positional parameters are positional-only: CPython's unpack-style arity messages.
    private let positionalAreAllPositionalOnly: Bool
    /// `*args` or `**kwargs` present, and how many parameters take positional arguments: what the
    /// binder's fast path needs to know.
    private let hasStarParameters: Bool
    private let positionalCount: Int
    /// The parameters' names and their UTF-8 lengths, for `parameterIndex`.
    private let names: [String]
    private let nameLengths: [Int]
    /// Where the parameters that all have literal defaults begin (`count` when the last has none),
    /// for `bindBuiltin`.
    private let defaultsStart: Int
    /// Each parameter's literal default as a value (None when it has none). The values are
    /// immutable (None, bools, numbers, strings, the shared `<unset>` marker).
    nonisolated(unsafe) private let literalDefaults: [Value]

    public init(name: String, parameters: [Parameter]) {
        self.name = name
        self.qualifiedName = name
        self.parameters = parameters
        self.isBuiltin = false
        style = .python
        // A `def` with `/` keeps the ordinary messages (`f() got some positional-only ...`).
        (takesNoKeywords, positionalAreAllPositionalOnly) = (false, false)
        (hasStarParameters, positionalCount) = Signature.shape(parameters)
        (names, nameLengths) = Signature.names(parameters)
        defaultsStart = Signature.defaultsStart(parameters)
        literalDefaults = Signature.literalDefaults(parameters)
    }

    /// Parses `name(a, b=1, *args, c=None, **kwargs)`; the text is written by us, so malformed
    /// text is a programming error caught by the tests of the tables that use it.
    public init(_ text: String, style: ArgumentParserStyle = .python) {
        self.style = style
        let open = text.firstIndex(of: "(") ?? text.endIndex
        qualifiedName = String(text[..<open])
        isBuiltin = true
        name = qualifiedName.split(separator: ".").last.map(String.init) ?? qualifiedName
        var inner = text[open...].dropFirst()
        if inner.hasSuffix(")") { inner = inner.dropLast() }
        var params: [Parameter] = []
        var keywordOnly = false
        var sawSlash = false
        for raw in inner.split(separator: ",") {
            let part = raw.trimmingSpaces
            if part.isEmpty { continue }
            if part == "*" { keywordOnly = true; continue }
            if part == "/" {
                sawSlash = true
                for k in params.indices { params[k].positionalOnly = true }
                continue
            }
            if part.hasPrefix("**") {
                params.append(Parameter(name: String(part.dropFirst(2)), kind: .varkw, hasDefault: false, literalDefault: nil))
            } else if part.hasPrefix("*") {
                params.append(Parameter(name: String(part.dropFirst()), kind: .varargs, hasDefault: false, literalDefault: nil))
                keywordOnly = true
            } else {
                let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
                let literal = pieces.count == 2 ? LiteralDefault(parsing: pieces[1]) : nil
                params.append(Parameter(name: pieces[0], kind: keywordOnly ? .keywordOnly : .positional,
                                        hasDefault: pieces.count == 2, literalDefault: literal))
            }
        }
        parameters = params
        // `f(/)`: a built-in of no parameters, which takes no keywords either (METH_NOARGS).
        let noArguments = sawSlash && params.isEmpty
        (takesNoKeywords, positionalAreAllPositionalOnly) = noArguments ? (true, true) : Signature.positionalOnlyStyle(params)
        (hasStarParameters, positionalCount) = Signature.shape(params)
        (names, nameLengths) = Signature.names(params)
        defaultsStart = Signature.defaultsStart(params)
        literalDefaults = Signature.literalDefaults(params)
    }

    private static func names(_ parameters: [Parameter]) -> ([String], [Int]) {
        (parameters.map(\.name), parameters.map(\.name.utf8.count))
    }

    private static func defaultsStart(_ parameters: [Parameter]) -> Int {
        var start = parameters.count
        while start > 0, parameters[start - 1].hasDefault, parameters[start - 1].literalDefault != nil { start -= 1 }
        return start
    }

    /// The literal default of parameter `i` (None when it has none).
    func literalDefault(at i: Int) -> Value {
        literalDefaults[i]
    }

    /// Built once: built-ins read their defaults on every call that leaves them out.
    private static func literalDefaults(_ parameters: [Parameter]) -> [Value] {
        parameters.map { $0.literalDefault?.value ?? .none }
    }

    /// `bind` for built-ins, whose bodies read arguments through `BoundArguments`: in the usual
    /// call (positional arguments only, every parameter after them defaulted) the given arguments
    /// are returned as they are, and `BoundArguments` reads the defaults from the signature.
    func bindBuiltin(_ args: Arguments) throws -> [Value] {
        if takesPositionally(args), args.positional.count >= defaultsStart { return args.positional }
        return try bind(args)
    }

    /// Only positional arguments, no more than the positional parameters, no `*args`/`**kwargs`
    /// to fill: the shape of call the fast binders handle.
    @inline(__always)
    private func takesPositionally(_ args: Arguments) -> Bool {
        !hasStarParameters && args.keywords.isEmpty && args.positional.count <= positionalCount
    }

    /// The position of the parameter called `name`. Lengths are compared first: most names
    /// differ in length, and that costs no call into String's comparison (built-ins read their
    /// arguments by name on every call).
    func parameterIndex(_ name: String) -> Int? {
        let length = name.utf8.count
        for i in nameLengths.indices where nameLengths[i] == length && names[i] == name { return i }
        return nil
    }

    /// Binds a call's arguments: one slot per parameter (varargs as a tuple, varkw as a dict).
    /// `defaults` supplies user functions' evaluated defaults by parameter index.
    public func bind(_ args: Arguments, defaults: [Int: Value] = [:]) throws -> [Value] {
        if let values = bindPositionally(args, defaults) { return values }
        if let message = parserStyleError(args) { throw PyError.type(message) }
        var slots = [Value?](repeating: nil, count: parameters.count)
        let positionalParams = parameters.indices.filter { parameters[$0].kind == .positional }
        let varargsIndex = parameters.firstIndex { $0.kind == .varargs }
        let varkwIndex = parameters.firstIndex { $0.kind == .varkw }

        if takesNoKeywords && !args.keywords.isEmpty {
            // A method is named with its receiver's type here (`list.index()`), whatever name
            // its arity messages use.
            let receiver = parameters.first?.name == "self" && !qualifiedName.contains(".") ? args.positional.first : nil
            throw PyError.type("\(receiver.map { "\($0.typeName).\(name)" } ?? qualifiedName)() takes no keyword arguments")
        }
        if let message = unpackTupleArityError(given: args.positional.count, params: positionalParams, varargs: varargsIndex != nil) {
            throw PyError.type(message)
        }
        if args.positional.count > positionalParams.count && varargsIndex == nil {
            let keywordOnlyGiven = args.keywords.filter { key, _ in
                parameters.contains { $0.kind == .keywordOnly && $0.name == key }
            }.count
            throw PyError.type(tooManyPositional(given: args.positional.count, params: positionalParams, keywordOnlyGiven: keywordOnlyGiven))
        }
        for (k, v) in args.positional.prefix(positionalParams.count).enumerated() { slots[positionalParams[k]] = v }
        if let vi = varargsIndex {
            slots[vi] = .object(PyTuple(Array(args.positional.dropFirst(positionalParams.count))))
        }
        let extra = varkwIndex.map { _ in PyDict() }
        for (key, value) in args.keywords {
            if let i = keywordParameterIndex(key) {
                if slots[i] != nil { throw PyError.type("\(messageName)() got multiple values for argument '\(key)'") }
                slots[i] = value
            } else if let extra {
                try extra.set(.str(key), value)
            } else if isBuiltin && style != .pythonMethod {
                throw PyError.type("'\(key)' is an invalid keyword argument for \(qualifiedName)()")
            } else if parameters.contains(where: { $0.name == key && $0.positionalOnly }) {
                // CPython names every positional-only parameter given by keyword, in order.
                let given = Set(args.keywords.map(\.name))
                let names = parameters.filter { $0.positionalOnly && given.contains($0.name) }.map(\.name)
                throw PyError.type("\(messageName)() got some positional-only arguments passed as keyword arguments: '\(names.joined(separator: ", "))'")
            } else {
                throw PyError.type("\(messageName)() got an unexpected keyword argument '\(key)'")
            }
        }
        if let ki = varkwIndex, let extra { slots[ki] = .object(extra) }

        var missingPositional: [String] = [], missingKeyword: [String] = []
        for (i, p) in parameters.enumerated() where slots[i] == nil {
            if let d = defaults[i] ?? p.literalDefault?.value, p.hasDefault || defaults[i] != nil {
                slots[i] = d
            } else if p.kind == .positional {
                missingPositional.append(p.name)
            } else if p.kind == .keywordOnly {
                missingKeyword.append(p.name)
            }
        }
        if !missingPositional.isEmpty { throw PyError.type(missing(missingPositional, "positional")) }
        if !missingKeyword.isEmpty { throw PyError.type(missing(missingKeyword, "keyword-only")) }
        return slots.map { $0 ?? .none }
    }

    /// The parameter a keyword argument names: by its name, or under PyTorch's parser by one of
    /// the NumPy names it accepts for that parameter.
    private func keywordParameterIndex(_ key: String) -> Int? {
        func index(_ name: String) -> Int? {
            parameters.firstIndex { $0.name == name && ($0.kind == .positional || $0.kind == .keywordOnly) && !$0.positionalOnly }
        }
        if let i = index(key) { return i }
        guard style == .torch, let canonical = Signature.numpyParameterNames[key] else { return nil }
        return index(canonical)
    }

    /// PyTorch's `numpy_compatibility_arg_names`, from the NumPy name to its own.
    private static let numpyParameterNames = ["axis": "dim", "keepdims": "keepdim", "x": "input", "a": "input", "x1": "input", "x2": "other"]

    /// The common call, bound without the general matching: only positional arguments, no more
    /// than the positional parameters, every parameter not given has a default. Nil otherwise.
    @inline(__always)
    private func bindPositionally(_ args: Arguments, _ defaults: [Int: Value]) -> [Value]? {
        guard takesPositionally(args) else { return nil }
        if args.positional.count == parameters.count { return args.positional }
        var values = args.positional
        values.reserveCapacity(parameters.count)
        for i in args.positional.count..<parameters.count {
            let p = parameters[i]
            // Built-ins have no evaluated defaults: skip hashing into an empty table.
            guard let d = (defaults.isEmpty ? nil : defaults[i]) ?? (p.hasDefault ? p.literalDefault?.value : nil) else { return nil }
            values.append(d)
        }
        return values
    }

    private static func shape(_ parameters: [Parameter]) -> (hasStar: Bool, positional: Int) {
        (parameters.contains { $0.kind == .varargs || $0.kind == .varkw }, parameters.filter { $0.kind == .positional }.count)
    }

    private static func positionalOnlyStyle(_ parameters: [Parameter]) -> (noKeywords: Bool, positionalOnly: Bool) {
        guard parameters.contains(where: { $0.positionalOnly }) else { return (false, false) }
        return (parameters.allSatisfy { $0.positionalOnly || $0.kind == .varargs },
                parameters.allSatisfy { $0.positionalOnly || $0.kind != .positional })
    }

    /// CPython's arity messages for built-ins whose positional parameters are positional-only:
    /// `len() takes exactly one argument (0 given)`, `getattr expected at least 2 arguments, got 1`.
    /// A method's receiver (a first parameter named `self`) is not counted, as CPython does not.
    private func unpackTupleArityError(given: Int, params: [Int], varargs: Bool) -> String? {
        guard positionalAreAllPositionalOnly, !varargs else { return nil }
        let receiver = parameters.first?.name == "self" ? 1 : 0
        let required = params.filter { !parameters[$0].hasDefault }.count - receiver
        let total = params.count - receiver
        let given = Swift.max(given - receiver, 0)
        if given >= required && given <= total { return nil }
        if takesNoKeywords && total == 0 { return "\(qualifiedName)() takes no arguments (\(given) given)" }
        if takesNoKeywords && required == 1 && total == 1 { return "\(qualifiedName)() takes exactly one argument (\(given) given)" }
        return Signature.expectedCount(name, given: given, least: required, most: total)
    }

    /// `_PyArg_CheckPositional`'s `name expected at least 1 argument, got 0`; nil when `given` fits.
    static func expectedCount(_ name: String, given: Int, least: Int, most: Int) -> String? {
        if given >= least && given <= most { return nil }
        let bound = least == most ? "" : given < least ? "at least " : "at most "
        let count = given < least ? least : most
        return "\(name) expected \(bound)\(count) argument\(count == 1 ? "" : "s"), got \(given)"
    }

    /// CPython's wording, with `3 positional arguments (and 1 keyword-only argument)` when
    /// keyword-only arguments came along.
    private func tooManyPositional(given: Int, params: [Int], keywordOnlyGiven: Int) -> String {
        let required = params.filter { !parameters[$0].hasDefault }.count
        let takes = required == params.count ? "\(params.count)" : "from \(required) to \(params.count)"
        let noun = params.count == 1 && required == params.count ? "argument" : "arguments"
        var givenText = "\(given)"
        if keywordOnlyGiven > 0 {
            givenText += " positional argument\(given == 1 ? "" : "s") (and \(keywordOnlyGiven) keyword-only argument\(keywordOnlyGiven == 1 ? "" : "s"))"
        }
        let verb = given == 1 && keywordOnlyGiven == 0 ? "was" : "were"
        return "\(messageName)() takes \(takes) positional \(noun) but \(givenText) \(verb) given"
    }

    /// The name a `def`'s messages give: a method of a class defined in Python is named with its
    /// class (`Random.seed()`).
    private var messageName: String { style == .pythonMethod ? qualifiedName : name }

    private func missing(_ names: [String], _ kind: String) -> String {
        let quoted = names.map { "'\($0)'" }
        let list: String
        switch quoted.count {
        case 1: list = quoted[0]
        case 2: list = "\(quoted[0]) and \(quoted[1])"
        default: list = quoted.dropLast().joined(separator: ", ") + ", and " + (quoted.last ?? "")
        }
        return "\(messageName)() missing \(names.count) required \(kind) argument\(names.count == 1 ? "" : "s"): \(list)"
    }
}

extension Signature.LiteralDefault {
    init?(parsing text: String) {
        switch text {
        case "None": self = .none
        case "<unset>": self = .unset
        case "True": self = .bool(true)
        case "False": self = .bool(false)
        default:
            if let i = Int(text) { self = .int(i) }
            else if let d = Double(text) { self = .float(d) }
            else if text.count >= 2, text.first == "'" || text.first == "\"" { self = .str(String(text.dropFirst().dropLast())) }
            else { return nil }
        }
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

/// A call's arguments after `*` and `**` unpacking.
public struct Arguments {
    public var positional: [Value]
    public var keywords: [(name: String, value: Value)]

    public init(_ positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }
}
