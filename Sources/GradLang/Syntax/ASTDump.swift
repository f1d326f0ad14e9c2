/// A compact S-expression rendering of the tree, for tests and debugging: `x = -y**2` is
/// `(= x (- (** y 2)))`. Blocks are `(block ...)`; `_` marks an absent part.
extension Module {
    public var sexpr: String {
        (["(module"] + body.map(\.sexpr)).joined(separator: " ") + ")"
    }
}

extension Stmt {
    public var sexpr: String {
        switch kind {
        case .expression(let e): return "(expr \(e.sexpr))"
        case .assign(let targets, let value): return list("=", targets.map(\.sexpr) + [value.sexpr])
        case .augmentedAssign(let target, let op, let value): return list(op.rawValue + "=", [target.sexpr, value.sexpr])
        case .annotatedAssign(let target, let annotation, let value):
            return list("ann", [target.sexpr, annotation.sexpr] + (value.map { [$0.sexpr] } ?? []))
        case .if(let test, let body, let orElse): return list("if", [test.sexpr, block(body)] + elseBlock(orElse))
        case .while(let test, let body, let orElse): return list("while", [test.sexpr, block(body)] + elseBlock(orElse))
        case .for(let target, let iterable, let body, let orElse):
            return list("for", [target.sexpr, iterable.sexpr, block(body)] + elseBlock(orElse))
        case .break: return "(break)"
        case .continue: return "(continue)"
        case .pass: return "(pass)"
        case .functionDefinition(let f):
            var parts = [f.name, f.parameters.sexpr]
            if let returns = f.returnAnnotation { parts.append("(-> \(returns.sexpr))") }
            if !f.decorators.isEmpty { parts.append(list("decorators", f.decorators.map(\.sexpr))) }
            return list("def", parts + [block(f.body)])
        case .return(let value): return list("return", value.map { [$0.sexpr] } ?? [])
        case .with(let items, let body):
            let rendered = items.map { item in
                "(" + item.context.sexpr + (item.target.map { " as " + $0.sexpr } ?? "") + ")"
            }
            return list("with", rendered + [block(body)])
        case .import(let names): return list("import", names.map(\.sexpr))
        case .importFrom(let module, let names, let level):
            let from = String(repeating: ".", count: level) + (module ?? "")
            return list("from", [from] + (names.map { $0.map(\.sexpr) } ?? ["*"]))
        case .global(let names): return list("global", names)
        case .nonlocal(let names): return list("nonlocal", names)
        case .delete(let targets): return list("del", targets.map(\.sexpr))
        case .assert(let test, let message): return list("assert", [test.sexpr] + (message.map { [$0.sexpr] } ?? []))
        case .try(let t):
            var parts = [block(t.body)]
            for handler in t.handlers {
                var clause = [handler.type?.sexpr ?? "_"]
                if let name = handler.name { clause.append(name) }
                parts.append(list("except", clause + [block(handler.body)]))
            }
            if !t.orElse.isEmpty { parts.append(list("else", t.orElse.map(\.sexpr))) }
            if !t.finally.isEmpty { parts.append(list("finally", t.finally.map(\.sexpr))) }
            return list("try", parts)
        case .raise(let exception, let cause):
            var parts = exception.map { [$0.sexpr] } ?? []
            if let cause { parts.append("(from \(cause.sexpr))") }
            return list("raise", parts)
        }
    }

    private func block(_ body: [Stmt]) -> String { list("block", body.map(\.sexpr)) }

    private func elseBlock(_ body: [Stmt]) -> [String] {
        body.isEmpty ? [] : [list("else", body.map(\.sexpr))]
    }
}

extension ImportedName {
    var sexpr: String { alias.map { "(\(name) as \($0))" } ?? name }
}

extension Expr {
    public var sexpr: String {
        switch kind {
        case .name(let name): return name
        case .constant(let c): return c.sexpr
        case .formattedString(let parts): return list("f", parts.map(\.sexpr))
        case .tuple(let elements): return list("tuple", elements.map(\.sexpr))
        case .list(let elements): return list("list", elements.map(\.sexpr))
        case .set(let elements): return list("set", elements.map(\.sexpr))
        case .dict(let entries):
            return list("dict", entries.map { entry in
                switch entry {
                case .pair(let key, let value): return "(: \(key.sexpr) \(value.sexpr))"
                case .unpack(let mapping): return "(** \(mapping.sexpr))"
                }
            })
        case .listComprehension(let element, let clauses): return list("listcomp", [element.sexpr] + clauses.map(\.sexpr))
        case .setComprehension(let element, let clauses): return list("setcomp", [element.sexpr] + clauses.map(\.sexpr))
        case .dictComprehension(let key, let value, let clauses):
            return list("dictcomp", [key.sexpr, value.sexpr] + clauses.map(\.sexpr))
        case .generator(let element, let clauses): return list("genexp", [element.sexpr] + clauses.map(\.sexpr))
        case .starred(let value): return "(* \(value.sexpr))"
        case .unary(let op, let operand): return "(\(op.rawValue) \(operand.sexpr))"
        case .binary(let op, let left, let right): return "(\(op.rawValue) \(left.sexpr) \(right.sexpr))"
        case .boolean(let op, let values): return list(op.rawValue, values.map(\.sexpr))
        case .comparison(let first, let rest):
            let ops = rest.flatMap { [$0.op.rawValue.replacingSpaces, $0.operand.sexpr] }
            return list("cmp", [first.sexpr] + ops)
        case .conditional(let test, let body, let orElse): return list("if-exp", [test.sexpr, body.sexpr, orElse.sexpr])
        case .lambda(let parameters, let body): return list("lambda", [parameters.sexpr, body.sexpr])
        case .call(let callee, let arguments): return list("call", [callee.sexpr] + arguments.map(\.sexpr))
        case .attribute(let value, let name): return "(. \(value.sexpr) \(name))"
        case .subscript(let value, let index): return "([] \(value.sexpr) \(index.sexpr))"
        case .slice(let lower, let upper, let step):
            return list("slice", [lower, upper, step].map { $0?.sexpr ?? "_" })
        case .namedExpression(let name, let value): return "(:= \(name) \(value.sexpr))"
        }
    }
}

extension Constant {
    var sexpr: String {
        switch self {
        case .none: return "None"
        case .true: return "True"
        case .false: return "False"
        case .ellipsis: return "..."
        case .integer(let value): return value.description
        case .float(let value): return "\(value)"
        case .imaginary(let value): return "\(value)j"
        case .string(let text): return quoted(text)
        }
    }
}

extension ComprehensionClause {
    var sexpr: String {
        list("for", [target.sexpr, iterable.sexpr] + conditions.map { "(if \($0.sexpr))" })
    }
}

extension Argument {
    var sexpr: String {
        switch self {
        case .positional(let value): return value.sexpr
        case .unpacked(let value): return "(* \(value.sexpr))"
        case .keyword(let name, let value, _): return "(= \(name) \(value.sexpr))"
        case .unpackedKeywords(let value): return "(** \(value.sexpr))"
        }
    }
}

extension FStringPart {
    var sexpr: String {
        switch self {
        case .literal(let text): return quoted(text)
        case .replacement(let value):
            var parts = [value.expression.sexpr]
            if let conversion = value.conversion { parts.append("!" + conversion.rawValue) }
            if let spec = value.formatSpec { parts.append(list("spec", spec.map(\.sexpr))) }
            return list("fmt", parts)
        }
    }
}

extension Parameters {
    /// `(a (b = 1) / c * d (** kw))`: positional-only ones before `/`; `*` alone or `(* args)`.
    var sexpr: String {
        var parts = positionalOnly.map(\.sexpr)
        if !positionalOnly.isEmpty { parts.append("/") }
        parts += positionalOrKeyword.map(\.sexpr)
        if let variadic { parts.append("(* \(variadic.sexpr))") } else if !keywordOnly.isEmpty { parts.append("*") }
        parts += keywordOnly.map(\.sexpr)
        if let variadicKeywords { parts.append("(** \(variadicKeywords.sexpr))") }
        return "(" + parts.joined(separator: " ") + ")"
    }
}

extension Parameter {
    var sexpr: String {
        var parts = [name]
        if let annotation { parts += [":", annotation.sexpr] }
        if let defaultValue { parts += ["=", defaultValue.sexpr] }
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
