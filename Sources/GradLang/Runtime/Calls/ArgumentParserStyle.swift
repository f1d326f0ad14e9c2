/// Which of CPython's argument parsers a built-in's arity and keyword errors imitate. They check
/// in different orders, so a call that is wrong in two ways (`sum(x=1)`: a bad keyword and a
/// missing argument) reports a different mistake under each.
public enum ArgumentParserStyle: Sendable {
    /// A Python `def`'s binder (torch's Python-level functions), or the unpack-style messages of
    /// built-ins whose parameters are all positional-only.
    case python
    /// A method CPython defines in Python (`Lib/random.py`'s `Random.seed`): the binder's messages,
    /// named with the class as `__qualname__` is (`Random.seed() missing 1 required ...`).
    case pythonMethod
    /// Argument Clinic's `_PyArg_UnpackKeywords` (`sum`, `round`, `enumerate`, `gc.collect`):
    /// the total count first, then the positional count, then missing arguments in order,
    /// then an argument given twice, then an unknown keyword.
    case clinic
    /// `min`/`max`: at least one positional argument first, then the keyword-only parameters
    /// parsed by `PyArg_ParseTupleAndKeywords` from an empty tuple.
    case extremum
    /// `zip`: its keyword-only parameters parsed from an empty tuple, without `min`'s first check.
    case keywordsFromEmptyTuple
    /// `PyArg_ParseTuple` behind `_PyArg_NoKeywords` (`gc.set_threshold`): no keywords at all,
    /// then "takes at least/at most N arguments".
    case parseTuple
    /// A vectorcall behind `_PyArg_NoKwnames` and `_PyArg_CheckPositional` (`reversed`): no
    /// keywords at all, then `reversed expected 1 argument, got 0`.
    case checkPositional
    /// `enumerate`'s hand-written vectorcall: with one or two arguments in all, each keyword must
    /// be the parameter its position leaves (`'x' is an invalid keyword argument`); otherwise
    /// `missing required argument 'iterable'` without a positional one, else `takes at most 2`.
    case enumerate
    /// PyTorch's `PythonArgParser` (torch functions and tensor methods): the binder's messages,
    /// and NumPy's names accepted for some parameters (`axis` for `dim`, `keepdims` for
    /// `keepdim`, `x`/`a`/`x1` for `input`, `x2` for `other`).
    case torch
}

extension Signature {
    /// CPython's message for the first mistake its parser meets in `args`, or nil when
    /// the ordinary binder's check order gives the same message.
    func parserStyleError(_ args: Arguments) -> String? {
        switch style {
        case .python, .pythonMethod, .torch: return nil
        case .clinic: return clinicError(args)
        case .extremum, .keywordsFromEmptyTuple:
            if style == .extremum && args.positional.isEmpty { return "\(name) expected at least 1 argument, got 0" }
            let keywordOnly = parameters.filter { $0.kind == .keywordOnly }.count
            if args.keywords.count > keywordOnly {
                return "\(name)() takes at most \(keywordOnly) keyword argument\(keywordOnly == 1 ? "" : "s") (\(args.keywords.count) given)"
            }
            return nil
        case .parseTuple:
            if !args.keywords.isEmpty { return "\(name)() takes no keyword arguments" }
            let most = parameters.count, least = parameters.filter { !$0.hasDefault }.count
            let given = args.positional.count
            if given >= least && given <= most { return nil }
            let bound = given < least ? least : most
            let kind = least == most ? "exactly" : given < least ? "at least" : "at most"
            return "\(name)() takes \(kind) \(bound) argument\(bound == 1 ? "" : "s") (\(given) given)"
        case .checkPositional:
            if !args.keywords.isEmpty { return "\(name)() takes no keyword arguments" }
            let positional = parameters.filter { $0.kind == .positional }
            return Signature.expectedCount(name, given: args.positional.count,
                                           least: positional.filter { !$0.hasDefault }.count, most: positional.count)
        case .enumerate:
            return enumerateError(args)
        }
    }

    private func enumerateError(_ args: Arguments) -> String? {
        let given = args.positional.count, total = given + args.keywords.count
        let names = parameters.map(\.name)
        func invalid(_ keyword: String) -> String { "'\(keyword)' is an invalid keyword argument for \(name)()" }
        switch (total, args.keywords.map(\.name)) {
        case (1, let keywords) where keywords.count == 1 && keywords[0] != names[0]: return invalid(keywords[0])
        case (2, let keywords) where keywords.count == 1 && keywords[0] != names[1]: return invalid(keywords[0])
        case (2, let keywords) where keywords.count == 2:
            // Either order of the two names.
            let expected = keywords[0] == names[1] ? [names[1], names[0]] : [names[0], names[1]]
            if let wrong = zip(keywords, expected).first(where: { $0 != $1 }) { return invalid(wrong.0) }
            return nil
        case (1, _), (2, _): return nil
        default:
            if given == 0 { return "\(name)() missing required argument '\(names[0])'" }
            return "\(name)() takes at most 2 arguments (\(total) given)"
        }
    }

    private func clinicError(_ args: Arguments) -> String? {
        // A method's receiver (a first parameter named `self`) is not counted, as CPython does not.
        let receiver = parameters.first?.name == "self" ? 1 : 0
        let parameters = parameters.dropFirst(receiver)
        let positional = parameters.filter { $0.kind == .positional }
        let varargs = parameters.contains { $0.kind == .varargs }
        let maxArgs = parameters.filter { $0.kind == .positional || $0.kind == .keywordOnly }.count
        let maxPositional = positional.count
        let minPositional = positional.filter { !$0.hasDefault }.count
        let positionalOnly = positional.filter(\.positionalOnly).count
        let minPositionalOnly = Swift.min(positionalOnly, minPositional)
        let given = Swift.max(args.positional.count - receiver, 0), total = given + args.keywords.count
        func plural(_ n: Int) -> String { n == 1 ? "" : "s" }
        if !varargs && total > maxArgs {
            return "\(name)() takes at most \(maxArgs) \(given == 0 ? "keyword " : "")argument\(plural(maxArgs)) (\(total) given)"
        }
        if !varargs && given > maxPositional {
            if maxPositional == 0 { return "\(name)() takes no positional arguments" }
            return "\(name)() takes \(minPositional < maxPositional ? "at most" : "exactly") \(maxPositional) positional argument\(plural(maxPositional)) (\(given) given)"
        }
        if given < minPositionalOnly {
            let bound = varargs || minPositionalOnly < maxPositional ? "at least" : "exactly"
            return "\(name)() takes \(bound) \(minPositionalOnly) positional argument\(plural(minPositionalOnly)) (\(given) given)"
        }
        let keywordNames = Set(args.keywords.map(\.name))
        for (i, p) in parameters.enumerated() where i >= given && p.kind != .varargs && p.kind != .varkw {
            if !p.hasDefault && !keywordNames.contains(p.name) {
                return "\(name)() missing required argument '\(p.name)' (pos \(i + 1))"
            }
        }
        for (i, p) in parameters.prefix(given).enumerated() where p.kind == .positional && !p.positionalOnly && keywordNames.contains(p.name) {
            return "argument for \(name)() given by name ('\(p.name)') and position (\(i + 1))"
        }
        let keywordParameters = Set(parameters.filter { !$0.positionalOnly && $0.kind != .varargs && $0.kind != .varkw }.map(\.name))
        if let unknown = args.keywords.first(where: { !keywordParameters.contains($0.name) }), !parameters.contains(where: { $0.kind == .varkw }) {
            return "'\(unknown.name)' is an invalid keyword argument for \(name)()"
        }
        return nil
    }
}
