/// A compact S-expression rendering of the tree, for tests and debugging: `x = -y**2` is
/// `(= x (- (** y 2)))`. Blocks are `(block ...)`; `_` marks an absent part. Rendering recurses as
/// deep as the tree, so the public entry points run on the parser's large stack.
extension Module {
    public var sexpr: String {
        LargeStack.run { (["(module"] + body.map(\.dump)).joined(separator: " ") + ")" }
    }
}

extension Stmt {
    public var sexpr: String { LargeStack.run { dump } }

    var dump: String {
        switch kind {
        case .expression(let e): return "(expr \(e.dump))"
        case .assign(let targets, let value): return list("=", targets.map(\.dump) + [value.dump])
        case .augmentedAssign(let target, let op, let value): return list(op.rawValue + "=", [target.dump, value.dump])
        case .annotatedAssign(let target, let annotation, let value):
            return list("ann", [target.dump, annotation.dump] + (value.map { [$0.dump] } ?? []))
        case .if(let test, let body, let orElse): return list("if", [test.dump, block(body)] + elseBlock(orElse))
        case .while(let test, let body, let orElse): return list("while", [test.dump, block(body)] + elseBlock(orElse))
        case .for(let target, let iterable, let body, let orElse):
            return list("for", [target.dump, iterable.dump, block(body)] + elseBlock(orElse))
        case .break: return "(break)"
        case .continue: return "(continue)"
        case .pass: return "(pass)"
        case .functionDefinition(let f):
            var parts = [f.name, f.parameters.dump]
            if let returns = f.returnAnnotation { parts.append("(-> \(returns.dump))") }
            if !f.decorators.isEmpty { parts.append(list("decorators", f.decorators.map(\.dump))) }
            return list("def", parts + [block(f.body)])
        case .classDefinition(let c):
            var parts = [c.name] + c.arguments.map(\.dump)
            if !c.decorators.isEmpty { parts.append(list("decorators", c.decorators.map(\.dump))) }
            return list("class", parts + [block(c.body)])
        case .return(let value): return list("return", value.map { [$0.dump] } ?? [])
        case .with(let items, let body):
            let rendered = items.map { item in
                "(" + item.context.dump + (item.target.map { " as " + $0.dump } ?? "") + ")"
            }
            return list("with", rendered + [block(body)])
        case .import(let names): return list("import", names.map(\.dump))
        case .importFrom(let module, let names, let level):
            let from = String(repeating: ".", count: level) + (module ?? "")
            return list("from", [from] + (names.map { $0.map(\.dump) } ?? ["*"]))
        case .global(let names): return list("global", names)
        case .nonlocal(let names): return list("nonlocal", names)
        case .delete(let targets): return list("del", targets.map(\.dump))
        case .assert(let test, let message): return list("assert", [test.dump] + (message.map { [$0.dump] } ?? []))
        case .try(let t):
            var parts = [block(t.body)]
            for handler in t.handlers {
                var clause = [handler.type?.dump ?? "_"]
                if let name = handler.name { clause.append(name) }
                parts.append(list("except", clause + [block(handler.body)]))
            }
            if !t.orElse.isEmpty { parts.append(list("else", t.orElse.map(\.dump))) }
            if !t.finally.isEmpty { parts.append(list("finally", t.finally.map(\.dump))) }
            return list("try", parts)
        case .raise(let exception, let cause):
            var parts = exception.map { [$0.dump] } ?? []
            if let cause { parts.append("(from \(cause.dump))") }
            return list("raise", parts)
        case .match(let subject, let cases):
            return list("match", [subject.dump] + cases.map { c in
                list("case", [c.pattern.dump] + (c.guardTest.map { ["(if \($0.dump))"] } ?? []) + [block(c.body)])
            })
        }
    }

    private func block(_ body: [Stmt]) -> String { list("block", body.map(\.dump)) }

    private func elseBlock(_ body: [Stmt]) -> [String] {
        body.isEmpty ? [] : [list("else", body.map(\.dump))]
    }
}

extension ImportedName {
    var dump: String { alias.map { "(\(name) as \($0))" } ?? name }
}

extension Expr {
    public var sexpr: String { LargeStack.run { dump } }

    var dump: String {
        switch kind {
        case .name(let name): return name
        case .constant(let c): return c.dump
        case .formattedString(let parts): return list("f", parts.map(\.dump))
        case .tuple(let elements): return list("tuple", elements.map(\.dump))
        case .list(let elements): return list("list", elements.map(\.dump))
        case .set(let elements): return list("set", elements.map(\.dump))
        case .dict(let entries):
            return list("dict", entries.map { entry in
                switch entry {
                case .pair(let key, let value): return "(: \(key.dump) \(value.dump))"
                case .unpack(let mapping): return "(** \(mapping.dump))"
                }
            })
        case .listComprehension(let element, let clauses): return list("listcomp", [element.dump] + clauses.map(\.dump))
        case .setComprehension(let element, let clauses): return list("setcomp", [element.dump] + clauses.map(\.dump))
        case .dictComprehension(let key, let value, let clauses):
            return list("dictcomp", [key.dump, value.dump] + clauses.map(\.dump))
        case .generator(let element, let clauses): return list("genexp", [element.dump] + clauses.map(\.dump))
        case .starred(let value): return "(* \(value.dump))"
        case .unary(let op, let operand): return "(\(op.rawValue) \(operand.dump))"
        case .binary(let op, let left, let right): return "(\(op.rawValue) \(left.dump) \(right.dump))"
        case .boolean(let op, let values): return list(op.rawValue, values.map(\.dump))
        case .comparison(let first, let rest):
            let ops = rest.flatMap { [$0.op.rawValue.replacingSpaces, $0.operand.dump] }
            return list("cmp", [first.dump] + ops)
        case .conditional(let test, let body, let orElse): return list("if-exp", [test.dump, body.dump, orElse.dump])
        case .lambda(let parameters, let body): return list("lambda", [parameters.dump, body.dump])
        case .call(let callee, let arguments): return list("call", [callee.dump] + arguments.map(\.dump))
        case .attribute(let value, let name): return "(. \(value.dump) \(name))"
        case .subscript(let value, let index): return "([] \(value.dump) \(index.dump))"
        case .slice(let lower, let upper, let step):
            return list("slice", [lower, upper, step].map { $0?.dump ?? "_" })
        case .namedExpression(let name, let value): return "(:= \(name) \(value.dump))"
        case .yield(let value): return list("yield", value.map { [$0.dump] } ?? [])
        case .yieldFrom(let value): return "(yield-from \(value.dump))"
        }
    }
}

extension Constant {
    var dump: String {
        switch self {
        case .none: return "None"
        case .true: return "True"
        case .false: return "False"
        case .ellipsis: return "..."
        case .integer(let value): return value.description
        case .float(let value): return "\(value)"
        case .imaginary(let value): return "\(value)j"
        case .string(let text): return quoted(text)
        case .bytes(let bytes): return PyBytes(bytes).reprText
        }
    }
}

extension ComprehensionClause {
    var dump: String {
        list("for", [target.dump, iterable.dump] + conditions.map { "(if \($0.dump))" })
    }
}

extension Argument {
    var dump: String {
        switch self {
        case .positional(let value): return value.dump
        case .unpacked(let value): return "(* \(value.dump))"
        case .keyword(let name, let value, _): return "(= \(name) \(value.dump))"
        case .unpackedKeywords(let value): return "(** \(value.dump))"
        }
    }
}

extension FStringPart {
    var dump: String {
        switch self {
        case .literal(let text): return quoted(text)
        case .replacement(let value):
            var parts = [value.expression.dump]
            if let conversion = value.conversion { parts.append("!" + conversion.rawValue) }
            if let spec = value.formatSpec { parts.append(list("spec", spec.map(\.dump))) }
            return list("fmt", parts)
        }
    }
}

extension Parameters {
    /// `(a (b = 1) / c * d (** kw))`: positional-only ones before `/`; `*` alone or `(* args)`.
    var dump: String {
        var parts = positionalOnly.map(\.dump)
        if !positionalOnly.isEmpty { parts.append("/") }
        parts += positionalOrKeyword.map(\.dump)
        if let variadic { parts.append("(* \(variadic.dump))") } else if !keywordOnly.isEmpty { parts.append("*") }
        parts += keywordOnly.map(\.dump)
        if let variadicKeywords { parts.append("(** \(variadicKeywords.dump))") }
        return "(" + parts.joined(separator: " ") + ")"
    }
}

extension Parameter {
    var dump: String {
        var parts = [name]
        if let annotation { parts += [":", annotation.dump] }
        if let defaultValue { parts += ["=", defaultValue.dump] }
        return parts.count == 1 ? name : "(" + parts.joined(separator: " ") + ")"
    }
}

private func list(_ head: String, _ items: [String]) -> String {
    "(" + ([head] + items).joined(separator: " ") + ")"
}

/// A string literal for the dump: double quotes, backslash escapes for quotes, backslashes and
/// control characters; everything else (Chinese included) as it is.
private func quoted(_ text: String) -> String {
    var out = "\""
    for c in text.unicodeScalars {
        switch c {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default:
            if c.value < 0x20 || c.value == 0x7F {
                out += "\\x" + (c.value < 16 ? "0" : "") + String(c.value, radix: 16)
            } else {
                out.unicodeScalars.append(c)
            }
        }
    }
    return out + "\""
}

private extension String {
    /// `not in` → `not-in`, so each operator is one word in the dump.
    var replacingSpaces: String { split(separator: " ").joined(separator: "-") }
}

extension Pattern {
    /// `(capture x)`, `(value 1)`, `(seq ...)`, `(class C ... (x= p))`, `(| ...)`, `(as p x)`.
    var dump: String {
        switch kind {
        case .value(let e): return list("value", [e.dump])
        case .singleton(let e): return list("is", [e.dump])
        case .capture(let name): return name ?? "_"
        case .star(let name): return "*" + (name ?? "_")
        case .sequence(let items): return list("seq", items.map(\.dump))
        case .mapping(let keys, let patterns, let rest):
            let pairs = zip(keys, patterns).map { list(":", [$0.dump, $1.dump]) }
            return list("map", pairs + (rest.map { ["**" + $0] } ?? []))
        case .classPattern(let cls, let positional, let names, let keywordPatterns):
            let keywords = zip(names, keywordPatterns).map { list("\($0)=", [$1.dump]) }
            return list("class", [cls.dump] + positional.map(\.dump) + keywords)
        case .or(let alternatives): return list("|", alternatives.map(\.dump))
        case .as(let inner, let name): return list("as", [inner.dump, name])
        }
    }
}
