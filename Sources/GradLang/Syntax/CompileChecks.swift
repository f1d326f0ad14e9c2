/// SyntaxErrors that CPython raises after parsing, while building its symbol table and compiling:
/// `return`/`break`/`continue` out of place, `nonlocal` at module level, duplicate parameters,
/// repeated keyword arguments, and starred expressions where they mean nothing. They come only
/// once the whole source has parsed, as in CPython. (Name-resolution errors such as "no binding for
/// nonlocal 'x' found" belong to the resolver.)
enum CompileChecks {
    static func check(_ module: Module, source: SourceText) throws(SyntaxError) {
        var checker = Checker(source: source)
        // CPython's symbol table pass sees the whole file before the compiler pass starts.
        try checker.symbolTablePass(module.body, inFunction: false)
        try checker.compilerPass(module.body, inFunction: false, inLoop: false)
    }

    struct Checker {
        let source: SourceText
        /// Why a `yield` here would be misplaced (nil inside a function or lambda).
        var misplacedYield: String? = "outside function"

        func error(_ message: String, at range: SourceRange) -> SyntaxError {
            SyntaxError(.syntaxError, message, line: range.start.line, column: range.start.column,
                        endLine: range.end.line, endColumn: range.end.column,
                        lineText: source.lineText(range.start.line))
        }

        // MARK: - Symbol table pass

        mutating func symbolTablePass(_ body: [Stmt], inFunction: Bool) throws(SyntaxError) {
            for statement in body {
                switch statement.kind {
                case .nonlocal where !inFunction:
                    throw error("nonlocal declaration not allowed at module level", at: statement.range)
                case .functionDefinition(let definition):
                    for decorator in definition.decorators { try lambdasIn(decorator) }
                    try parametersPass(definition.parameters)
                    let outer = misplacedYield
                    misplacedYield = nil
                    try symbolTablePass(definition.body, inFunction: true)
                    misplacedYield = outer
                case .classDefinition(let definition):
                    for decorator in definition.decorators { try lambdasIn(decorator) }
                    for argument in definition.arguments { try lambdasIn(argument.value) }
                    // A class body is not module level (its `nonlocal` finds no binding instead),
                    // nor a function (a `yield` there is outside one).
                    let outer = misplacedYield
                    misplacedYield = "outside function"
                    try symbolTablePass(definition.body, inFunction: true)
                    misplacedYield = outer
                default:
                    try forEachChild(of: statement) { (checker: inout Checker, body: [Stmt]) throws(SyntaxError) in
                        try checker.symbolTablePass(body, inFunction: inFunction)
                    } expression: { (checker: inout Checker, e: Expr) throws(SyntaxError) in
                        try checker.lambdasIn(e)
                    }
                }
            }
        }

        /// Defaults and annotations, then "duplicate argument 'x' in function definition".
        mutating func parametersPass(_ parameters: Parameters) throws(SyntaxError) {
            for parameter in parameters.all {
                if let annotation = parameter.annotation { try lambdasIn(annotation) }
                if let value = parameter.defaultValue { try lambdasIn(value) }
            }
            var seen: Set<String> = []
            for parameter in parameters.all where !seen.insert(parameter.name).inserted {
                throw error("duplicate argument '\(parameter.name)' in function definition", at: parameter.range)
            }
        }

        /// Lambdas have parameters too; `yield` belongs in a function (a lambda is one), not in a
        /// comprehension past its first iterable, which the enclosing scope evaluates.
        mutating func lambdasIn(_ e: Expr) throws(SyntaxError) {
            let outer = misplacedYield
            defer { misplacedYield = outer }
            switch e.kind {
            case .lambda(let parameters, let body):
                try parametersPass(parameters)
                misplacedYield = nil
                try lambdasIn(body)
                return
            case .yield, .yieldFrom:
                if let misplacedYield { throw error("'yield' \(misplacedYield)", at: e.range) }
            case .listComprehension(let element, let clauses):
                return try comprehensionIn([element], clauses, "inside list comprehension")
            case .setComprehension(let element, let clauses):
                return try comprehensionIn([element], clauses, "inside set comprehension")
            case .dictComprehension(let key, let value, let clauses):
                return try comprehensionIn([key, value], clauses, "inside dict comprehension")
            case .generator(let element, let clauses):
                return try comprehensionIn([element], clauses, "inside generator expression")
            default:
                break
            }
            try forEachChild(of: e) { (checker: inout Checker, child: Expr, _: Bool) throws(SyntaxError) in
                try checker.lambdasIn(child)
            }
        }

        /// A comprehension's first iterable, in the enclosing scope, then the rest in its own.
        private mutating func comprehensionIn(_ elements: [Expr], _ clauses: [ComprehensionClause],
                                              _ yieldPlace: String) throws(SyntaxError) {
            for (i, clause) in clauses.enumerated() {
                if i > 0 { misplacedYield = yieldPlace }
                try lambdasIn(clause.iterable)
                misplacedYield = yieldPlace
                try lambdasIn(clause.target)
                for condition in clause.conditions { try lambdasIn(condition) }
            }
            misplacedYield = yieldPlace
            for element in elements { try lambdasIn(element) }
        }

        /// An `except*` block must run to its end: a `break`, `continue` or `return` that would
        /// leave it (not one inside a loop or function of its own) is refused.
        private mutating func leavesNoExceptStar(_ body: [Stmt]) throws(SyntaxError) {
            for statement in body {
                switch statement.kind {
                case .break, .continue, .return:
                    throw error("'break', 'continue' and 'return' cannot appear in an except* block", at: statement.range)
                case .while(_, _, let orElse), .for(_, _, _, let orElse): try leavesNoExceptStar(orElse)
                case .functionDefinition, .classDefinition: break
                default:
                    try forEachChild(of: statement) { (checker: inout Checker, block: [Stmt]) throws(SyntaxError) in
                        try checker.leavesNoExceptStar(block)
                    } expression: { (_: inout Checker, _: Expr) throws(SyntaxError) in }
                }
            }
        }

        // MARK: - Compiler pass

        mutating func compilerPass(_ body: [Stmt], inFunction: Bool, inLoop: Bool) throws(SyntaxError) {
            for statement in body {
                switch statement.kind {
                case .return(let value):
                    if !inFunction { throw error("'return' outside function", at: statement.range) }
                    if let value { try expression(value) }
                case .break where !inLoop:
                    throw error("'break' outside loop", at: statement.range)
                case .continue where !inLoop:
                    throw error("'continue' not properly in loop", at: statement.range)
                case .functionDefinition(let definition):
                    for decorator in definition.decorators { try expression(decorator) }
                    for parameter in definition.parameters.all {
                        if let value = parameter.defaultValue { try expression(value) }
                    }
                    try compilerPass(definition.body, inFunction: true, inLoop: false)
                case .classDefinition(let definition):
                    for decorator in definition.decorators { try expression(decorator) }
                    for argument in definition.arguments { try expression(argument.value) }
                    try compilerPass(definition.body, inFunction: false, inLoop: false)
                case .while(let test, let loopBody, let orElse):
                    try expression(test)
                    try compilerPass(loopBody, inFunction: inFunction, inLoop: true)
                    try compilerPass(orElse, inFunction: inFunction, inLoop: inLoop)
                case .for(let target, let iterable, let loopBody, let orElse):
                    try expression(iterable)
                    try assignmentTarget(target)
                    try compilerPass(loopBody, inFunction: inFunction, inLoop: true)
                    try compilerPass(orElse, inFunction: inFunction, inLoop: inLoop)
                case .assign(let targets, let value):
                    try expression(value)
                    for target in targets { try assignmentTarget(target) }
                case .augmentedAssign(let target, _, let value):
                    try expression(target)
                    try expression(value)
                case .expression(let e):
                    try expression(e)
                case .match(let subject, let cases):
                    try expression(subject)
                    for (i, c) in cases.enumerated() {
                        // Only the last case, or one with a guard, may match everything.
                        var patterns = PatternChecker(checker: self, pattern: c.pattern)
                        try patterns.check(c.pattern, irrefutableAllowed: c.guardTest != nil || i == cases.count - 1)
                        if let test = c.guardTest { try expression(test) }
                        try compilerPass(c.body, inFunction: inFunction, inLoop: inLoop)
                    }
                case .try(let t):
                    for handler in t.handlers.dropLast() where handler.type == nil {
                        throw error("default 'except:' must be last", at: handler.range)
                    }
                    if t.isStar { for handler in t.handlers { try leavesNoExceptStar(handler.body) } }
                    try forEachChild(of: statement) { (checker: inout Checker, body: [Stmt]) throws(SyntaxError) in
                        try checker.compilerPass(body, inFunction: inFunction, inLoop: inLoop)
                    } expression: { (checker: inout Checker, e: Expr) throws(SyntaxError) in
                        try checker.expression(e)
                    }
                default:
                    try forEachChild(of: statement) { (checker: inout Checker, body: [Stmt]) throws(SyntaxError) in
                        try checker.compilerPass(body, inFunction: inFunction, inLoop: inLoop)
                    } expression: { (checker: inout Checker, e: Expr) throws(SyntaxError) in
                        try checker.expression(e)
                    }
                }
            }
        }

        /// An expression being evaluated: `*x` is only meaningful directly inside a display or a
        /// tuple, and a call may not repeat a keyword.
        mutating func expression(_ e: Expr, starredAllowed: Bool = false) throws(SyntaxError) {
            switch e.kind {
            case .starred(let value):
                if !starredAllowed { throw error("can't use starred expression here", at: e.range) }
                try expression(value)
            case .call(let callee, let arguments):
                try expression(callee)
                var keywords: Set<String> = []
                for argument in arguments {
                    switch argument {
                    case .positional(let value), .unpacked(let value), .unpackedKeywords(let value):
                        try expression(value)
                    case .keyword(let name, let value, let range):
                        try expression(value)
                        if !keywords.insert(name).inserted {
                            throw error("keyword argument repeated: \(name)", at: range)
                        }
                    }
                }
            case .lambda(let parameters, let body):
                for parameter in parameters.all {
                    if let value = parameter.defaultValue { try expression(value) }
                }
                try expression(body)
            default:
                try forEachChild(of: e) { (checker: inout Checker, child: Expr, inDisplay: Bool) throws(SyntaxError) in
                    try checker.expression(child, starredAllowed: inDisplay)
                }
            }
        }

        /// Assignment targets: a starred target must sit in a tuple or list, once per level.
        mutating func assignmentTarget(_ target: Expr) throws(SyntaxError) {
            switch target.kind {
            case .starred:
                throw error("starred assignment target must be in a list or tuple", at: target.range)
            case .tuple(let elements), .list(let elements):
                var starred = 0
                for element in elements {
                    if case .starred(let inner) = element.kind {
                        starred += 1
                        if starred > 1 { throw error("multiple starred expressions in assignment", at: target.range) }
                        try assignmentTarget(inner)
                    } else {
                        try assignmentTarget(element)
                    }
                }
            case .attribute(let value, _):
                try expression(value)
            case .subscript(let value, let index):
                try expression(value)
                try expression(index)
            default:
                break
            }
        }

        // MARK: - Children

        /// Calls `block` for each nested statement list and `expression` for each expression
        /// directly inside `statement`, in source order.
        mutating func forEachChild(
            of statement: Stmt,
            block: (inout Checker, [Stmt]) throws(SyntaxError) -> Void,
            expression: (inout Checker, Expr) throws(SyntaxError) -> Void
        ) throws(SyntaxError) {
            switch statement.kind {
            case .expression(let e):
                try expression(&self, e)
            case .assign(let targets, let value):
                for target in targets { try expression(&self, target) }
                try expression(&self, value)
            case .augmentedAssign(let target, _, let value):
                try expression(&self, target)
                try expression(&self, value)
            case .annotatedAssign(let target, let annotation, let value):
                try expression(&self, target)
                try expression(&self, annotation)
                if let value { try expression(&self, value) }
            case .if(let test, let body, let orElse), .while(let test, let body, let orElse):
                try expression(&self, test)
                try block(&self, body)
                try block(&self, orElse)
            case .for(let target, let iterable, let body, let orElse):
                try expression(&self, target)
                try expression(&self, iterable)
                try block(&self, body)
                try block(&self, orElse)
            case .functionDefinition(let definition):
                for decorator in definition.decorators { try expression(&self, decorator) }
                try block(&self, definition.body)
            case .classDefinition(let definition):
                for decorator in definition.decorators { try expression(&self, decorator) }
                for argument in definition.arguments { try expression(&self, argument.value) }
                try block(&self, definition.body)
            case .return(let value):
                if let value { try expression(&self, value) }
            case .with(let items, let body):
                for item in items {
                    try expression(&self, item.context)
                    if let target = item.target { try expression(&self, target) }
                }
                try block(&self, body)
            case .delete(let targets):
                for target in targets { try expression(&self, target) }
            case .assert(let test, let message):
                try expression(&self, test)
                if let message { try expression(&self, message) }
            case .try(let statement):
                try block(&self, statement.body)
                for handler in statement.handlers {
                    if let type = handler.type { try expression(&self, type) }
                    try block(&self, handler.body)
                }
                try block(&self, statement.orElse)
                try block(&self, statement.finally)
            case .raise(let exception, let cause):
                if let exception { try expression(&self, exception) }
                if let cause { try expression(&self, cause) }
            case .match(let subject, let cases):
                try expression(&self, subject)
                for c in cases {
                    for e in c.pattern.expressions { try expression(&self, e) }
                    if let test = c.guardTest { try expression(&self, test) }
                    try block(&self, c.body)
                }
            case .break, .continue, .pass, .import, .importFrom, .global, .nonlocal:
                break
            }
        }

        /// Calls `visit` for each expression directly inside `e`; its flag says whether the child
        /// is an element of a display or tuple (where `*x` is allowed).
        mutating func forEachChild(
            of e: Expr, _ visit: (inout Checker, Expr, Bool) throws(SyntaxError) -> Void
        ) throws(SyntaxError) {
            switch e.kind {
            case .name, .constant:
                break
            case .formattedString(let parts):
                try forEachReplacement(in: parts, visit)
            case .tuple(let elements), .list(let elements), .set(let elements):
                for element in elements { try visit(&self, element, true) }
            case .dict(let entries):
                for entry in entries {
                    switch entry {
                    case .pair(let key, let value):
                        try visit(&self, key, false)
                        try visit(&self, value, false)
                    case .unpack(let mapping):
                        try visit(&self, mapping, false)
                    }
                }
            case .listComprehension(let element, let clauses), .setComprehension(let element, let clauses),
                 .generator(let element, let clauses):
                try forEachClause(clauses, visit)
                try visit(&self, element, false)
            case .dictComprehension(let key, let value, let clauses):
                try forEachClause(clauses, visit)
                try visit(&self, key, false)
                try visit(&self, value, false)
            case .starred(let value), .unary(_, let value), .attribute(let value, _),
                 .namedExpression(_, let value), .yieldFrom(let value):
                try visit(&self, value, false)
            case .yield(let value):
                if let value { try visit(&self, value, false) }
            case .binary(_, let left, let right):
                try visit(&self, left, false)
                try visit(&self, right, false)
            case .boolean(_, let values):
                for value in values { try visit(&self, value, false) }
            case .comparison(let first, let rest):
                try visit(&self, first, false)
                for comparison in rest { try visit(&self, comparison.operand, false) }
            case .conditional(let test, let body, let orElse):
                try visit(&self, test, false)
                try visit(&self, body, false)
                try visit(&self, orElse, false)
            case .lambda(let parameters, let body):
                for parameter in parameters.all {
                    if let value = parameter.defaultValue { try visit(&self, value, false) }
                }
                try visit(&self, body, false)
            case .call(let callee, let arguments):
                try visit(&self, callee, false)
                for argument in arguments {
                    switch argument {
                    case .positional(let value), .unpacked(let value), .unpackedKeywords(let value),
                         .keyword(_, let value, _):
                        try visit(&self, value, false)
                    }
                }
            case .subscript(let value, let index):
                try visit(&self, value, false)
                try visit(&self, index, false)
            case .slice(let lower, let upper, let step):
                for bound in [lower, upper, step] { if let bound { try visit(&self, bound, false) } }
            }
        }

        mutating func forEachClause(
            _ clauses: [ComprehensionClause], _ visit: (inout Checker, Expr, Bool) throws(SyntaxError) -> Void
        ) throws(SyntaxError) {
            for clause in clauses {
                try visit(&self, clause.iterable, false)
                try visit(&self, clause.target, false)
                for condition in clause.conditions { try visit(&self, condition, false) }
            }
        }

        mutating func forEachReplacement(
            in parts: [FStringPart], _ visit: (inout Checker, Expr, Bool) throws(SyntaxError) -> Void
        ) throws(SyntaxError) {
            for case .replacement(let value) in parts {
                try visit(&self, value.expression, false)
                if let spec = value.formatSpec { try forEachReplacement(in: spec, visit) }
            }
        }
    }
}
