/// `class` statements and `super()`.
extension Compiler {
    /// Runs the body in a frame of its own whose names fill the class namespace, then makes the
    /// class, fills its `__class__` cell, applies the decorators and binds the name.
    func classDefinition(_ def: ClassDefinition, _ range: SourceRange) -> StmtCode {
        let arguments = argumentList(def.arguments, nil, range)
        let decorators = def.decorators.map(expression)
        let store = store(def.name)
        let qualifiedName = qualifiedPrefix + def.name
        let outer = scope
        let inner = tree.scope(at: range.start) ?? Scope(kind: .classBody, parent: outer)
        scope = inner
        let (prefix, loops) = (qualifiedPrefix, loopDepth)
        qualifiedPrefix = qualifiedName + "."
        loopDepth = 0
        let body = block(def.body)
        (qualifiedPrefix, loopDepth) = (prefix, loops)
        scope = outer
        let captured: [(Frame) -> PyCell] = inner.freeNames.map { name in
            guard let i = outer.capturedCell(name) else { return { _ in PyCell() } }
            return { f in f.cells[i] }
        }
        let ownCells = inner.cellNames.count
        let docstring = def.body.first?.docstring
        let interpreter = interpreter, globals = globals, origin = origin, name = def.name
        return { f in
            let bases = try arguments(f, nil)
            let frame = Frame(slotCount: 0, cells: (0..<ownCells).map { _ in PyCell() } + captured.map { $0(f) }, name: name, origin: origin)
            let namespace = ClassNamespace()
            let moduleName: String
            if case .str(let s)? = globals["__name__"] { moduleName = s.string } else { moduleName = "__main__" }
            namespace.values["__module__"] = .str(moduleName)
            namespace.values["__qualname__"] = .str(qualifiedName)
            if let docstring { namespace.values["__doc__"] = .str(docstring) }
            // The metaclass's `__prepare__` runs before the body, which starts with its entries.
            let prepared = try Compiler.locatingErrors(at: range, in: f) {
                try Metaclasses.prepare(name: name, arguments: bases, interpreter)
            }
            for entry in prepared.map(Metaclasses.entries) ?? [] { namespace.values[entry.name] = entry.value }
            frame.classNamespace = namespace
            _ = try interpreter.nested(in: frame) { try body(frame) }
            var contents = namespace.values
            contents["__qualname__"] = nil
            // The body may rebind `__module__`, as torch.optim's classes do to name PyTorch's modules.
            let definingModule = if case .str(let s)? = contents["__module__"] { s.string } else { moduleName }
            let cls = try Compiler.locatingErrors(at: range, in: f) {
                try Metaclasses.define(name: name, qualifiedName: qualifiedName, moduleName: definingModule,
                                       arguments: bases, namespace: contents, prepared: prepared, interpreter: interpreter)
            }
            if ownCells > 0 { frame.cells[0].value = cls }
            var value = cls
            for decorator in decorators.reversed() {
                value = try interpreter.call(try decorator(f), Arguments([value]))
            }
            try store(f, value)
            return .normal
        }
    }

    /// `super()` in a function: `super(__class__, first argument)` when the built-in `super` is
    /// what the name means there; nil when the call is not a bare `super()`.
    func zeroArgumentSuper(_ callee: Expr, _ arguments: [Argument], _ range: SourceRange) -> ExprCode? {
        guard case .name("super") = callee.kind, arguments.isEmpty, scope.kind == .function else { return nil }
        let function = expression(callee)
        let classCell: ExprCode
        if scope.firstParameter == nil {
            classCell = { _ in throw PyError.runtime("super(): no arguments") }
        } else if case .cell(let i) = scope.resolve("__class__") {
            classCell = { f in
                if let v = f.cells[i].value { return v }
                throw PyError.runtime("super(): empty __class__ cell")
            }
        } else {
            classCell = { _ in throw PyError.runtime("super(): __class__ cell not found") }
        }
        let receiver: ExprCode = scope.firstParameter.map { load($0, range) } ?? { _ in throw PyError.runtime("super(): no arguments") }
        let interpreter = interpreter
        return { f in
            let fn = try function(f)
            guard case .object(let o) = fn, o === ClassBuiltins.superType else {
                return try Compiler.locatingErrors(at: range, in: f) { try interpreter.call(fn, Arguments()) }
            }
            return try Compiler.locatingErrors(at: range, in: f) {
                guard case .object(let start as PyClass) = try classCell(f) else {
                    throw PyError.runtime("super(): __class__ is not a type")
                }
                return .object(try PySuper(start: start, receiver: try receiver(f)))
            }
        }
    }
}
