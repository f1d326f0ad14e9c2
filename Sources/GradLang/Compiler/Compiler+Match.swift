/// The `match` statement: each case's pattern compiles to a test of the subject that collects
/// the values of the pattern's names, bound only once the whole pattern matches (before its
/// guard runs), as CPython 3.11 does: a case that fails halfway binds nothing.
extension Compiler {
    private typealias PatternCode = (Frame, Value, inout Captures) throws -> Bool

    /// The names a pattern has matched so far, with their values.
    private struct Captures {
        private var pending: [(store: Store, value: Value)] = []

        var count: Int { pending.count }

        mutating func add(_ store: @escaping Store, _ value: Value) { pending.append((store, value)) }

        /// Forgets those added after the first `count` (an alternative of `|` that failed).
        mutating func keep(_ count: Int) { pending.removeLast(pending.count - count) }

        func bind(in f: Frame) throws {
            for (store, value) in pending { try store(f, value) }
        }
    }

    private struct CompiledPattern {
        let matches: PatternCode
    }

    private struct CompiledCase {
        let line: Int
        let matches: PatternCode
        let guardTest: ((Frame) throws -> Bool)?
    }

    func matchStatement(_ subject: Expr, _ cases: [MatchCase], line: Int) -> StmtCode {
        let choose = caseChooser(subject, cases, line: line)
        let bodies = cases.map { CompiledStatement(run: block($0.body)) }
        return { f in
            guard let i = try choose(f) else { return .normal }
            return try bodies[i].run(f)
        }
    }

    /// Evaluates the subject and returns the index of the first case that matches it (pattern
    /// and guard), or nil.
    func caseChooser(_ subject: Expr, _ cases: [MatchCase], line: Int) -> (Frame) throws -> Int? {
        let value = expression(subject)
        let compiled = cases.map { c in
            CompiledCase(line: c.pattern.range.start.line, matches: pattern(c.pattern),
                         guardTest: c.guardTest.map { truth($0, context: $0.range) })
        }
        return { f in
            f.line = line
            let v = try value(f)
            for (i, c) in compiled.enumerated() {
                f.line = c.line
                var captures = Captures()
                guard try c.matches(f, v, &captures) else { continue }
                try captures.bind(in: f)
                if let test = c.guardTest, !(try test(f)) { continue }
                return i
            }
            return nil
        }
    }

    private func pattern(_ p: Pattern) -> PatternCode {
        switch p.kind {
        case .value(let e):
            let value = expression(e)
            return { f, subject, _ in try Operators.truthy(Operators.compare(.eq, subject, try value(f))) }
        case .singleton(let e):
            let expected: Value
            switch e.kind {
            case .constant(.true): expected = .bool(true)
            case .constant(.false): expected = .bool(false)
            default: expected = .none
            }
            return { _, subject, _ in Operators.identical(subject, expected) }
        case .capture(let name), .star(let name):
            guard let name else { return { _, _, _ in true } }
            let store = assignment(Expr(.name(name), p.range))
            return { _, subject, captures in
                captures.add(store, subject)
                return true
            }
        case .sequence(let items):
            return sequencePattern(items)
        case .mapping(let keys, let patterns, let rest):
            return mappingPattern(keys, patterns, rest: rest, p.range)
        case .classPattern(let cls, let positional, let names, let keywordPatterns):
            return classPattern(cls, positional, names, keywordPatterns, p.range)
        case .or(let alternatives):
            let codes = alternatives.map { CompiledPattern(matches: pattern($0)) }
            return { f, subject, captures in
                let before = captures.count
                for code in codes {
                    if try code.matches(f, subject, &captures) { return true }
                    captures.keep(before)
                }
                return false
            }
        case .as(let inner, let name):
            let matches = pattern(inner), store = assignment(Expr(.name(name), p.range))
            return { f, subject, captures in
                guard try matches(f, subject, &captures) else { return false }
                captures.add(store, subject)
                return true
            }
        }
    }

    /// `[a, *rest, b]`: a sequence (not str, bytes or bytearray) of the right length whose items
    /// match; the starred name gets the middle items as a list.
    private func sequencePattern(_ items: [Pattern]) -> PatternCode {
        let codes = items.map { CompiledPattern(matches: pattern($0)) }
        let star = items.firstIndex(where: \.isStar)
        let fixed = star == nil ? items.count : items.count - 1
        let interpreter = interpreter
        return { f, subject, captures in
            guard MatchSubjects.isSequence(subject) else { return false }
            let length = try IteratorFunctions.length(subject)
            guard star == nil ? length == fixed : length >= fixed else { return false }
            let values = try MatchSubjects.items(subject, interpreter)
            guard star == nil ? values.count == fixed : values.count >= fixed else { return false }
            for (i, code) in codes.enumerated() {
                let value: Value
                if let star, i >= star {
                    let after = items.count - 1 - star
                    value = i == star ? .object(PyList(Array(values[star..<(values.count - after)])))
                        : values[values.count - (items.count - i)]
                } else {
                    value = values[i]
                }
                guard try code.matches(f, value, &captures) else { return false }
            }
            return true
        }
    }

    /// `{key: p, **rest}`: a mapping whose `get` finds every key, with the values matching.
    private func mappingPattern(_ keys: [Expr], _ patterns: [Pattern], rest: String?, _ range: SourceRange) -> PatternCode {
        let keyCodes = keys.map(expression)
        let codes = patterns.map { CompiledPattern(matches: pattern($0)) }
        let storeRest = rest.map { assignment(Expr(.name($0), range)) }
        let interpreter = interpreter
        return { f, subject, captures in
            guard MatchSubjects.isMapping(subject) else { return false }
            if !keyCodes.isEmpty, try IteratorFunctions.length(subject) < keyCodes.count { return false }
            let keyValues = try keyCodes.map { try $0(f) }
            // A plain dict is read directly; any other mapping through its own `get`.
            var plain: PyDict?
            if case .object(let d as PyDict) = subject { plain = d }
            let get = plain == nil ? try interpreter.getAttribute(subject, "get") : .none
            // Every key is looked up before any value is matched, as CPython's MATCH_KEYS does.
            let seen = keyValues.count > 1 ? PyDict() : nil
            var values: [Value] = []
            for key in keyValues {
                // Dotted names may turn out equal (the compiler only sees literal duplicates).
                if let seen {
                    if try seen.get(key) != nil {
                        throw Compiler.located(PyError.value("mapping pattern checks duplicate key (\(try Repr.checkedRepr(key)))"), range, f)
                    }
                    try seen.set(key, .none)
                }
                if let plain {
                    guard let value = try plain.get(key) else { return false }
                    values.append(value)
                } else {
                    let missing = PyList([])
                    let value = try interpreter.call(get, Arguments([key, .object(missing)]))
                    if case .object(let o) = value, o === missing { return false }
                    values.append(value)
                }
            }
            for (code, value) in zip(codes, values) where !(try code.matches(f, value, &captures)) { return false }
            if let storeRest, let all = MatchSubjects.dictionary(subject) {
                // The entries as stored, as CPython copies them (a subclass's __getitem__ is not asked).
                let remaining = PyDict()
                for (key, value) in all.entries { try remaining.set(key, value) }
                for key in keyValues { _ = try remaining.remove(key) }
                captures.add(storeRest, .object(remaining))
            }
            return true
        }
    }

    /// `Class(p, name=p)`: an instance of the class whose attributes (named by `__match_args__` for
    /// the positional patterns) match.
    private func classPattern(_ cls: Expr, _ positional: [Pattern], _ keywordNames: [String],
                              _ keywordPatterns: [Pattern], _ range: SourceRange) -> PatternCode {
        let classCode = expression(cls)
        let codes = (positional + keywordPatterns).map { CompiledPattern(matches: pattern($0)) }
        let positionalCount = positional.count
        let interpreter = interpreter
        return { f, subject, captures in
            let c = try classCode(f)
            guard let className = MatchSubjects.typeName(c) else {
                throw Compiler.located(PyError.type("called match pattern must be a type"), range, f)
            }
            guard try IntrospectionFunctions.isInstance(subject, c) else { return false }
            var seen: [String] = [], values: [Value] = []
            // As in CPython, each name is checked just before its attribute is read; a missing
            // attribute means no match.
            func read(_ name: String) throws -> Bool {
                if seen.contains(name) {
                    throw Compiler.located(PyError.type("\(className)() got multiple sub-patterns for attribute '\(name)'"), range, f)
                }
                seen.append(name)
                do {
                    values.append(try interpreter.getAttribute(subject, name))
                    return true
                } catch let e as PyError where e.type.isSubclass(of: PyExc.attributeError) {
                    return false
                }
            }
            if positionalCount > 0 {
                let names: [Value?]
                do {
                    names = try MatchSubjects.positionalNames(of: c, className, count: positionalCount)
                } catch let e as PyError {
                    throw Compiler.located(e, range, f)
                }
                for item in names {
                    guard let item else { values.append(subject); continue }
                    guard case .str(let name) = item else {
                        throw Compiler.located(PyError.type("__match_args__ elements must be strings (got \(item.typeName))"), range, f)
                    }
                    guard try read(name.string) else { return false }
                }
            }
            for name in keywordNames where !(try read(name)) { return false }
            for (code, value) in zip(codes, values) where !(try code.matches(f, value, &captures)) { return false }
            return true
        }
    }
}
