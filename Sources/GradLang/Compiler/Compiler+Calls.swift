/// Calls, f-strings and lambdas/`def`: everything that builds or invokes a function.
extension Compiler {
    func call(_ callee: Expr, _ arguments: [Argument], _ range: SourceRange) -> ExprCode {
        if let code = zeroArgumentSuper(callee, arguments, range) { return code }
        if let code = callerScopeCall(callee, arguments, range) { return code }
        let positional = positionalCodes(arguments)
        let args = argumentList(arguments, positional, range)
        let interpreter = interpreter
        // `obj.method(...)` on a built-in value calls the method directly, without building a
        // bound-method object first.
        if case .attribute(let base, let name) = callee.kind {
            // The receiver variable is read in place, not through its load closure (`seen.add(x)`).
            let object = expression(base), objectVariable = variable(base)
            let attributeRange = callee.range
            let methods = MethodCache(), attributes = AttributeCache(), instances = InstanceAttributeCache()
            let receiverOnly = positional?.isEmpty == true ? ReceiverArgument() : nil
            let direct = positional.map { DirectArguments($0, variables(arguments)) }
            return { f in
                let receiver = try objectVariable?.value(in: f) ?? object(f)
                // A built-in value's method, from the site's cache (no user instance has one).
                if let method = methods.method(receiver, name, in: interpreter) {
                    if let direct, let result = try direct.call(method, receiver: receiver, in: f, at: range, interpreter) {
                        return result
                    }
                    if let receiverOnly {
                        return try Compiler.locatingErrors(at: range, in: f) { try receiverOnly.call(method, receiver, interpreter) }
                    }
                    let a = try args(f, receiver)
                    return try Compiler.locatingErrors(at: range, in: f) { try method.call(a, interpreter) }
                }
                // `obj.method(...)` on an instance of a user class: straight into the function's frame.
                if case .object(let instance as PyInstance) = receiver, let method = instances.method(instance, name) {
                    if let positional, var frame = try method.frame(receiver: receiver, evaluating: positional, in: f) {
                        let result = try Compiler.locatingErrors(at: range, in: f) { try method.run(frame, interpreter) }
                        method.recycle(&frame)
                        return result
                    }
                    let a = try args(f, receiver)
                    return try Compiler.locatingErrors(at: range, in: f) { try method.call(a, interpreter) }
                }
                let function = try Compiler.locatingErrors(at: attributeRange, in: f) {
                    do {
                        return try attributes.load(receiver, name, interpreter)
                    } catch let e as PyError {
                        throw Suggestions.noting(e, object: receiver, name: name, interpreter)
                    }
                }
                // `math.tanh(x)`: a module's function; `node.backward_step()`: a function an
                // instance holds.
                if let direct, let result = try direct.callWithoutArgumentList(function, in: f, at: range, interpreter) {
                    return result
                }
                let a = try args(f, nil)
                return try Compiler.locatingErrors(at: range, in: f) { try interpreter.call(function, a) }
            }
        }
        let function = expression(callee)
        let direct = positional.map { DirectArguments($0, variables(arguments)) }
        return { f in
            let fn = try function(f)
            if let direct, let result = try direct.callWithoutArgumentList(fn, in: f, at: range, interpreter) {
                return result
            }
            let a = try args(f, nil)
            return try Compiler.locatingErrors(at: range, in: f) { try interpreter.call(fn, a) }
        }
    }

    /// Per argument of a call, the variable it names (read in place by a direct call), or nil.
    private func variables(_ arguments: [Argument]) -> [Variable?] {
        arguments.map { if case .positional(let e) = $0 { return variable(e) } else { return nil } }
    }

    /// The compiled arguments of a call that has only plain positional ones; nil otherwise.
    private func positionalCodes(_ arguments: [Argument]) -> [ExprCode]? {
        var codes: [ExprCode] = []
        for argument in arguments {
            guard case .positional(let e) = argument else { return nil }
            codes.append(expression(e))
        }
        return codes
    }

    /// A call's arguments, with `*iterable` and `**mapping` unpacked, after a leading receiver
    /// if given (a method's `self`, placed first rather than inserted into the array afterwards).
    func argumentList(_ arguments: [Argument], _ positional: [ExprCode]?,
                              _ range: SourceRange) -> (Frame, Value?) throws -> Arguments {
        if let codes = positional {
            switch codes.count {
            case 0: return { _, receiver in Arguments(receiver.map { [$0] } ?? []) }
            case 1: return { f, receiver in
                let v = try codes[0](f)
                return Arguments(receiver.map { [$0, v] } ?? [v])
            }
            default: return { f, receiver in
                var values: [Value] = []
                values.reserveCapacity(codes.count + 1)
                if let receiver { values.append(receiver) }
                for code in codes { values.append(try code(f)) }
                return Arguments(values)
            }
            }
        }
        enum Part { case positional(ExprCode), unpacked(ExprCode, SourceRange), keyword(String, ExprCode), keywords(ExprCode, SourceRange) }
        let parts: [Part] = arguments.map {
            switch $0 {
            case .positional(let e): return .positional(expression(e))
            case .unpacked(let e): return .unpacked(expression(e), e.range)
            case .keyword(let name, let e, _): return .keyword(name, expression(e))
            case .unpackedKeywords(let e): return .keywords(expression(e), e.range)
            }
        }
        return { f, receiver in
            var a = Arguments(receiver.map { [$0] } ?? [])
            for part in parts {
                switch part {
                case .positional(let code): a.positional.append(try code(f))
                case .unpacked(let code, let r):
                    let v = try code(f)
                    a.positional += try Compiler.locatingErrors(at: r, in: f) { try Iteration.collect(v) }
                case .keyword(let name, let code): a.keywords.append((name, try code(f)))
                case .keywords(let code, let r):
                    let v = try code(f)
                    guard case .object(let d as PyDict) = NativeBases.contents(v) else {
                        throw Compiler.located(PyError.type("argument after ** must be a mapping, not \(v.typeName)"), r, f)
                    }
                    for (k, value) in d.entries {
                        guard case .str(let name) = k else { throw Compiler.located(PyError.type("keywords must be strings"), r, f) }
                        let key = name.string
                        if a.keywords.contains(where: { $0.name == key }) {
                            throw Compiler.located(PyError.type("got multiple values for keyword argument '\(key)'"), range, f)
                        }
                        a.keywords.append((key, value))
                    }
                }
            }
            return a
        }
    }

    /// An f-string; `range` is the whole literal, where CPython reports a value that fails to
    /// convert or format (`f'{x:xyz}'` marks all of it, not `x`).
    func formattedString(_ parts: [FStringPart], _ range: SourceRange) -> ExprCode {
        let pieces: [(Frame) throws -> String] = parts.map { part in
            switch part {
            case .literal(let text): return { _ in text }
            case .replacement(let field):
                let value = expression(field.expression)
                let spec = field.formatSpec.map { formattedString($0, range) }
                let conversion = field.conversion
                return { f in
                    var v = try value(f)
                    let specText: String
                    if let spec, case .str(let s) = try spec(f) { specText = s.string } else { specText = "" }
                    return try Compiler.locatingErrors(at: range, in: f) {
                        switch conversion {
                        case .repr?, .ascii?: v = .str(try Repr.checkedRepr(v))
                        case .str?: v = .str(try Repr.checkedStr(v))
                        case nil: break
                        }
                        return try Formatting.format(v, spec: specText)
                    }
                }
            }
        }
        return { f in
            var out = ""
            for piece in pieces { out += try piece(f) }
            return .str(out)
        }
    }

    // MARK: functions

    func functionDefinition(_ def: FunctionDefinition, _ range: SourceRange) -> StmtCode {
        let make = function(name: def.name, parameters: def.parameters, returnAnnotation: def.returnAnnotation, at: range.start,
                            docstring: def.body.first?.docstring) { compiler in
            guard def.body.containsYield else { return compiler.block(def.body) }
            return compiler.generatorBody(def.body, name: def.name, qualifiedName: compiler.functionQualifiedName ?? def.name,
                                          definedAt: range.start.line)
        }
        let decorators = def.decorators.map(expression)
        let store = store(def.name)
        let interpreter = interpreter
        return { f in
            var value = try make(f)
            for decorator in decorators.reversed() {
                value = try interpreter.call(try decorator(f), Arguments([value]))
            }
            try store(f, value)
            return .normal
        }
    }

    func lambda(_ parameters: Parameters, _ body: Expr, _ range: SourceRange) -> ExprCode {
        function(name: "<lambda>", parameters: parameters, at: range.start) { compiler in
            // `lambda: (yield)` is a generator function.
            if body.containsYield {
                return compiler.generatorBody(YieldLowering.lambdaBody(body), name: "<lambda>",
                                              qualifiedName: compiler.functionQualifiedName ?? "<lambda>", definedAt: range.start.line)
            }
            let value = compiler.expression(body)
            let line = range.start.line
            return { f in
                f.line = line
                f.returnValue = try value(f)
                return .returned
            }
        }
    }

    /// Compiles a function body in its own scope and returns code that builds the function
    /// object (evaluating defaults and annotations, capturing cells) when the definition runs.
    func function(name: String, parameters: Parameters, returnAnnotation: Expr? = nil, at location: SourceLocation,
                  docstring: String? = nil, body: (Compiler) -> StmtCode) -> ExprCode {
        let outer = scope
        let inner = tree.scope(at: location) ?? Scope(kind: .function, parent: outer)
        let all = parameters.all
        let defaults: [(index: Int, code: ExprCode)] = all.enumerated().compactMap { i, p in
            p.defaultValue.map { (i, expression($0)) }
        }
        // `__annotations__`, evaluated when the definition runs (CPython 3.11 without
        // `from __future__ import annotations`).
        let annotations: [(name: String, code: ExprCode)] = all.compactMap { p in p.annotation.map { (p.name, expression($0)) } }
            + (returnAnnotation.map { [("return", expression($0))] } ?? [])
        let qualifiedName = qualifiedPrefix + name
        scope = inner
        let (loops, prefix) = (loopDepth, qualifiedPrefix)
        let outerName = functionQualifiedName
        loopDepth = 0
        qualifiedPrefix = qualifiedName + ".<locals>."
        functionQualifiedName = qualifiedName
        let code = body(self)
        (loopDepth, qualifiedPrefix) = (loops, prefix)
        functionQualifiedName = outerName
        let storage = all.map { inner.resolve($0.name) }
        scope = outer
        // The cells this function closes over, read from the defining frame when the def runs.
        let captured: [(Frame) -> PyCell] = inner.freeNames.map { name in
            guard let i = outer.capturedCell(name) else { return { _ in PyCell() } }
            return { f in f.cells[i] }
        }
        // CPython's messages name a function by its qualified name (`C.__init__() missing ...`).
        let signature = Signature(name: qualifiedName, parameters: parameters.signatureParameters)
        let functionCode = FunctionCode(name: name, qualifiedName: qualifiedName, docstring: docstring, signature: signature,
                                        body: code, slotCount: inner.slotNames.count, parameterStorage: storage,
                                        cellCount: inner.cellNames.count, origin: origin)
        let reference = globals.reference, inModule = FunctionGlobals.module(globals.reference)
        // Code `exec` runs in a dict of the caller's: the functions it defines keep the dict.
        let keepsDict = globals.livesInDict
        return { f in
            var values: [Int: Value] = [:]
            for d in defaults { values[d.index] = try d.code(f) }
            let function = PyFunction(code: functionCode, defaults: values, closure: captured.map { $0(f) },
                                      globals: keepsDict ? reference.globals?.dictView.map { .dict($0) } ?? inModule : inModule)
            if !annotations.isEmpty {
                let evaluated = PyDict()
                for a in annotations { try evaluated.set(.str(a.name), try a.code(f)) }
                function.setAttribute("__annotations__", .object(evaluated))
            }
            return .object(function)
        }
    }
}

extension Stmt {
    /// A function body's leading string literal.
    var docstring: String? {
        if case .expression(let e) = kind, case .constant(.string(let s)) = e.kind { return s }
        return nil
    }
}

extension Parameters {
    /// The binder's view of a `def`'s parameters (defaults are supplied per function object).
    var signatureParameters: [Signature.Parameter] {
        var out: [Signature.Parameter] = []
        for p in positionalOnly {
            out.append(.init(name: p.name, kind: .positional, hasDefault: p.defaultValue != nil, positionalOnly: true))
        }
        for p in positionalOrKeyword {
            out.append(.init(name: p.name, kind: .positional, hasDefault: p.defaultValue != nil))
        }
        if let v = variadic { out.append(.init(name: v.name, kind: .varargs, hasDefault: false)) }
        for p in keywordOnly { out.append(.init(name: p.name, kind: .keywordOnly, hasDefault: p.defaultValue != nil)) }
        if let k = variadicKeywords { out.append(.init(name: k.name, kind: .varkw, hasDefault: false)) }
        return out
    }
}
