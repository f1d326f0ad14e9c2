/// Name resolution done before compiling, as CPython's symtable does: every name in a function is
/// a local slot, a cell shared with inner functions, a free variable of an enclosing function, or a
/// global. Functions, lambdas, comprehensions and class bodies are scopes of their own.
///
/// A class body's own names live in the namespace that becomes the class (CPython's LOAD_NAME):
/// the functions defined in it do not see them. If one of those functions uses `super` or
/// `__class__`, the class body gets an implicit `__class__` cell, which holds the class once made.
final class Scope {
    enum Kind { case module, function, classBody }

    let kind: Kind
    /// Weak: the parent holds its children, and the tree is freed from its root.
    private(set) weak var parent: Scope?
    /// Names bound here, in first-binding order (parameters first).
    private(set) var bound: [String] = []
    private var boundSet: Set<String> = []
    private(set) var declaredGlobal: Set<String> = []
    private(set) var declaredNonlocal: Set<String> = []
    /// Names read or written here that are not bound here.
    fileprivate var used: Set<String> = []
    fileprivate var children: [Scope] = []
    /// Locals that inner scopes capture: they live in cells.
    private(set) var cellNames: [String] = []
    /// Variables of enclosing functions this scope uses, after the cells in the frame's cell list.
    private(set) var freeNames: [String] = []
    /// Locals kept in frame slots (everything local that is not a cell).
    private(set) var slotNames: [String] = []
    /// Comprehensions are function scopes, but `:=` inside them binds in the enclosing one.
    var isComprehension = false

    init(kind: Kind, parent: Scope?) {
        self.kind = kind
        self.parent = parent
        parent?.children.append(self)
    }

    func bind(_ name: String) {
        if boundSet.insert(name).inserted { bound.append(name) }
    }

    /// Parameters, bound first; a `global`/`nonlocal` declaration may not name one.
    var parameterCount = 0

    /// CPython's symbol-table error for declaring `name` global or nonlocal at this point, if any.
    func declarationError(_ name: String, _ keyword: String) -> String? {
        if let i = bound.firstIndex(of: name), i < parameterCount { return "name '\(name)' is parameter and \(keyword)" }
        if boundSet.contains(name) { return "name '\(name)' is assigned to before \(keyword) declaration" }
        if used.contains(name) { return "name '\(name)' is used prior to \(keyword) declaration" }
        return nil
    }

    func declareGlobal(_ name: String) { declaredGlobal.insert(name) }
    func declareNonlocal(_ name: String, at range: SourceRange) {
        declaredNonlocal.insert(name)
        if nonlocalRanges[name] == nil { nonlocalRanges[name] = range }
    }

    /// Where each `nonlocal` name was declared, for "no binding for nonlocal 'x' found".
    private var nonlocalRanges: [String: SourceRange] = [:]

    /// The first `nonlocal` name no enclosing function binds, in this scope or inside it.
    func unboundNonlocal() -> (message: String, range: SourceRange)? {
        for (name, range) in nonlocalRanges.sorted(by: { $0.value.start < $1.value.start }) where !enclosingFunctionBinds(name) {
            return ("no binding for nonlocal '\(name)' found", range)
        }
        for child in children { if let e = child.unboundNonlocal() { return e } }
        return nil
    }
    func use(_ name: String) { used.insert(name) }

    func isLocal(_ name: String) -> Bool {
        kind == .function && boundSet.contains(name) && !declaredGlobal.contains(name) && !declaredNonlocal.contains(name)
    }

    /// Where a name lives, seen from this scope.
    enum Resolution: Equatable {
        case local(Int)
        case cell(Int)
        case global(String)
        /// A name in a class body that is not a free variable: its namespace, else a global or
        /// built-in.
        case classNamespace(String)
    }

    func resolve(_ name: String) -> Resolution {
        if kind == .module || declaredGlobal.contains(name) { return .global(name) }
        if kind == .classBody, boundSet.contains(name), !declaredNonlocal.contains(name) { return .classNamespace(name) }
        if let i = capturedCell(name) { return .cell(i) }
        if let i = slotNames.firstIndex(of: name) { return .local(i) }
        // A class body reads any other name from its namespace first, which a metaclass's
        // `__prepare__` may have filled.
        return kind == .classBody ? .classNamespace(name) : .global(name)
    }

    /// The cell an inner function captures for `name` from this scope, if this scope has one.
    func capturedCell(_ name: String) -> Int? {
        if let i = cellNames.firstIndex(of: name) { return i }
        if let i = freeNames.firstIndex(of: name) { return cellNames.count + i }
        return nil
    }

    /// A function's variables in the order CPython's `locals()` lists them: the parameters,
    /// the other locals in first-binding order, the remaining cells, the free variables.
    var localsOrder: [String] {
        let parameters = Array(bound.prefix(parameterCount))
        let others = bound.dropFirst(parameterCount).filter { isLocal($0) && !cellNames.contains($0) }
        return parameters + others + cellNames.filter { !parameters.contains($0) } + freeNames
    }

    /// The first parameter's name (`self` in a method), for `super()`.
    var firstParameter: String? { parameterCount > 0 ? bound.first : nil }

    /// Decides cells, free variables and slots for this scope and everything inside it.
    func finish() {
        for child in children { child.finish() }
        if kind == .module { return }
        var wanted = used.union(declaredNonlocal)
        for child in children { wanted.formUnion(child.freeNames) }
        for name in wanted.sorted() where !declaredGlobal.contains(name) {
            if kind == .classBody && name == "__class__" && children.contains(where: { $0.freeNames.contains(name) }) {
                cellNames.append(name)
            } else if kind == .classBody && boundSet.contains(name) && !declaredNonlocal.contains(name)
                        && !children.contains(where: { $0.freeNames.contains(name) }) {
                continue
            } else if isLocal(name) {
                if children.contains(where: { $0.freeNames.contains(name) }) && !cellNames.contains(name) {
                    cellNames.append(name)
                }
            } else if enclosingFunctionBinds(name) {
                freeNames.append(name)
            }
        }
        slotNames = bound.filter { isLocal($0) && !cellNames.contains($0) }
    }

    /// Whether a function around this scope binds `name` (class bodies are passed over: their
    /// names are not visible inside them, save the implicit `__class__`).
    /// A new frame slot that no name refers to (a generator statement's progress, see
    /// Compiler+Generators); called while the scope's body compiles.
    func hiddenSlot() -> Int {
        // Not an identifier: no name can resolve to it.
        slotNames.append(".progress\(slotNames.count)")
        return slotNames.count - 1
    }

    private func enclosingFunctionBinds(_ name: String) -> Bool {
        var scope = parent
        while let s = scope, s.kind != .module {
            if s.kind == .classBody {
                if name == "__class__" { return true }
            } else {
                if s.isLocal(name) { return true }
                if s.declaredGlobal.contains(name) { return false }
            }
            scope = s.parent
        }
        return false
    }
}

/// Builds the scope tree of a module before compiling it, keyed by the source position of each
/// function, lambda and comprehension.
struct ScopeTree {
    private(set) var scopes: [SourceLocation: Scope] = [:]
    /// The first misplaced `global`/`nonlocal` declaration found, as CPython's symtable reports it.
    fileprivate(set) var declarationError: (message: String, range: SourceRange)?

    /// Scans `body` (a module's or a REPL chunk's) with `module` as its scope.
    static func build(_ body: [Stmt], module: Scope) -> ScopeTree {
        var walker = Walker(tree: ScopeTree())
        walker.block(body, module)
        module.finish()
        if walker.tree.declarationError == nil { walker.tree.declarationError = module.unboundNonlocal() }
        return walker.tree
    }

    func scope(at location: SourceLocation) -> Scope? { scopes[location] }

    /// Module code keeps no locals; its frame only needs a slot to exist.
    var moduleSlotCount: Int { 1 }

    fileprivate mutating func add(_ scope: Scope, at location: SourceLocation) { scopes[location] = scope }
}

/// Walks statements and expressions, recording bindings and uses per scope.
private struct Walker {
    var tree: ScopeTree

    mutating func block(_ body: [Stmt], _ scope: Scope) {
        for s in body { statement(s, scope) }
    }

    mutating func statement(_ s: Stmt, _ scope: Scope) {
        switch s.kind {
        case .expression(let e): expression(e, scope)
        case .assign(let targets, let value):
            expression(value, scope)
            targets.forEach { target($0, scope) }
        case .augmentedAssign(let t, _, let value):
            expression(value, scope)
            target(t, scope)
            if case .name(let n) = t.kind { scope.use(n) }
        case .annotatedAssign(let t, let annotation, let value):
            expression(annotation, scope)
            if let value { expression(value, scope); target(t, scope) }
        case .if(let test, let body, let orElse), .while(let test, let body, let orElse):
            expression(test, scope); block(body, scope); block(orElse, scope)
        case .for(let t, let iterable, let body, let orElse):
            expression(iterable, scope); target(t, scope); block(body, scope); block(orElse, scope)
        case .functionDefinition(let def):
            def.decorators.forEach { expression($0, scope) }
            for p in def.parameters.all { if let d = p.defaultValue { expression(d, scope) } }
            scope.bind(def.name)
            let inner = Scope(kind: .function, parent: scope)
            tree.add(inner, at: s.range.start)
            def.parameters.all.forEach { inner.bind($0.name) }
            inner.parameterCount = inner.bound.count
            block(def.body, inner)
        case .classDefinition(let def):
            def.decorators.forEach { expression($0, scope) }
            def.arguments.forEach { expression($0.value, scope) }
            scope.bind(def.name)
            let inner = Scope(kind: .classBody, parent: scope)
            tree.add(inner, at: s.range.start)
            block(def.body, inner)
        case .return(let e): if let e { expression(e, scope) }
        case .with(let items, let body):
            for item in items {
                expression(item.context, scope)
                if let t = item.target { target(t, scope) }
            }
            block(body, scope)
        case .import(let names):
            for n in names { scope.bind(n.alias ?? String(n.name.split(separator: ".").first ?? "")) }
        case .importFrom(_, let names, _):
            for n in names ?? [] { scope.bind(n.alias ?? n.name) }
        case .global(let names):
            checkDeclaration(names, "global", s.range, scope)
            names.forEach(scope.declareGlobal)
        case .nonlocal(let names):
            checkDeclaration(names, "nonlocal", s.range, scope)
            names.forEach { scope.declareNonlocal($0, at: s.range) }
        case .delete(let targets): targets.forEach { target($0, scope) }
        case .assert(let test, let message):
            expression(test, scope)
            if let message { expression(message, scope) }
        case .try(let t):
            block(t.body, scope)
            for h in t.handlers {
                if let type = h.type { expression(type, scope) }
                if let n = h.name { scope.bind(n) }
                block(h.body, scope)
            }
            block(t.orElse, scope); block(t.finally, scope)
        case .raise(let e, let cause):
            if let e { expression(e, scope) }
            if let cause { expression(cause, scope) }
        case .match(let subject, let cases):
            expression(subject, scope)
            for c in cases {
                c.pattern.expressions.forEach { expression($0, scope) }
                c.pattern.boundNames.forEach(scope.bind)
                if let test = c.guardTest { expression(test, scope) }
                block(c.body, scope)
            }
        case .break, .continue, .pass: break
        }
    }

    mutating func checkDeclaration(_ names: [String], _ keyword: String, _ range: SourceRange, _ scope: Scope) {
        guard tree.declarationError == nil else { return }
        for name in names {
            if let message = scope.declarationError(name, keyword) {
                tree.declarationError = (message, range)
                return
            }
        }
    }

    mutating func target(_ e: Expr, _ scope: Scope) {
        switch e.kind {
        case .name(let n): scope.bind(n)
        case .tuple(let items), .list(let items): items.forEach { target($0, scope) }
        case .starred(let inner): target(inner, scope)
        default: expression(e, scope)
        }
    }

    mutating func expression(_ e: Expr, _ scope: Scope) {
        switch e.kind {
        case .name(let n):
            scope.use(n)
            // `super()` needs the class it is written in (CPython's implicit `__class__` cell).
            if n == "super" && scope.kind == .function { scope.use("__class__") }
        case .constant: break
        case .formattedString(let parts): fstring(parts, scope)
        case .tuple(let items), .list(let items), .set(let items): items.forEach { expression($0, scope) }
        case .dict(let entries):
            for entry in entries {
                switch entry {
                case .pair(let k, let v): expression(k, scope); expression(v, scope)
                case .unpack(let m): expression(m, scope)
                }
            }
        case .listComprehension(let element, let clauses), .setComprehension(let element, let clauses),
             .generator(let element, let clauses):
            comprehension([element], clauses, e.range.start, scope)
        case .dictComprehension(let key, let value, let clauses):
            comprehension([key, value], clauses, e.range.start, scope)
        case .starred(let inner), .unary(_, let inner), .yieldFrom(let inner): expression(inner, scope)
        case .yield(let value): if let value { expression(value, scope) }
        case .binary(_, let a, let b): expression(a, scope); expression(b, scope)
        case .boolean(_, let items): items.forEach { expression($0, scope) }
        case .comparison(let first, let rest):
            expression(first, scope)
            rest.forEach { expression($0.operand, scope) }
        case .conditional(let test, let body, let orElse):
            expression(test, scope); expression(body, scope); expression(orElse, scope)
        case .lambda(let params, let body):
            for p in params.all { if let d = p.defaultValue { expression(d, scope) } }
            let inner = Scope(kind: .function, parent: scope)
            tree.add(inner, at: e.range.start)
            params.all.forEach { inner.bind($0.name) }
            if body.containsYield { block(YieldLowering.lambdaBody(body), inner) } else { expression(body, inner) }
        case .call(let callee, let arguments):
            expression(callee, scope)
            for a in arguments {
                switch a {
                case .positional(let x), .unpacked(let x), .unpackedKeywords(let x): expression(x, scope)
                case .keyword(_, let x, _): expression(x, scope)
                }
            }
        case .attribute(let base, _): expression(base, scope)
        case .subscript(let base, let index): expression(base, scope); expression(index, scope)
        case .slice(let lower, let upper, let step):
            for part in [lower, upper, step] { if let part { expression(part, scope) } }
        case .namedExpression(let name, let value):
            expression(value, scope)
            // `:=` inside a comprehension binds in the enclosing function, as in Python.
            var target = scope
            while target.kind == .function, target.isComprehension, let p = target.parent { target = p }
            target.bind(name)
            if target !== scope { scope.use(name) }
        }
    }

    mutating func fstring(_ parts: [FStringPart], _ scope: Scope) {
        for case .replacement(let field) in parts {
            expression(field.expression, scope)
            if let spec = field.formatSpec { fstring(spec, scope) }
        }
    }

    /// The first iterable is evaluated in the enclosing scope; the rest run in the comprehension's own.
    mutating func comprehension(_ elements: [Expr], _ clauses: [ComprehensionClause], _ at: SourceLocation, _ scope: Scope) {
        guard let first = clauses.first else { return }
        expression(first.iterable, scope)
        let inner = Scope(kind: .function, parent: scope)
        inner.isComprehension = true
        tree.add(inner, at: at)
        inner.bind(".0")
        for (i, clause) in clauses.enumerated() {
            if i > 0 { expression(clause.iterable, inner) }
            target(clause.target, inner)
            clause.conditions.forEach { expression($0, inner) }
        }
        elements.forEach { expression($0, inner) }
    }
}
