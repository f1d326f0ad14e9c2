import GradTensor

/// The lints on parameter updates written the old or the wrong way:
/// - `w = w - lr * w.grad` outside `torch.no_grad()`: `w` becomes a non-leaf, whose `.grad` the
///   next backward leaves None (PyTorch warns only later, when that `.grad` is read);
/// - `w.data -= lr * w.grad` (also `w.data = ...`, `w.data.sub_(...)`) where `torch.no_grad()`
///   is the modern form.
/// Statements are picked out by their shape when compiled (an update of `X` that reads `X.grad`),
/// so every other statement runs exactly as before; a picked statement checks, after it has run,
/// that `X` is a tensor the mistake applies to, which keeps false alarms away.
extension Compiler {
    func linted(_ s: Stmt, _ code: @escaping StmtCode) -> StmtCode {
        guard let update = ParameterUpdate(s) else { return code }
        let parameter = expression(update.parameter)
        let lints = interpreter.lints, interpreter = interpreter
        let name = update.name
        switch update.way {
        case .rebinding:
            let text = LintText.rebound(name)
            return { f in
                let flow = try code(f)
                if lints.enabled, GradMode.isEnabled, case .tensor(let t) = try parameter(f), !t.isLeaf, t.requiresGrad {
                    try interpreter.lint(text)
                }
                return flow
            }
        case .throughData:
            let text = LintText.updatedThroughData(name)
            return { f in
                let flow = try code(f)
                if lints.enabled, case .tensor(let t) = try parameter(f), t.isLeaf, t.requiresGrad {
                    lints.noteUpdateThroughData(of: t)
                    if GradMode.isEnabled { try interpreter.lint(text) }
                }
                return flow
            }
        }
    }
}

/// A statement that updates a parameter `X` from `X.grad`, as the lints recognise it.
struct ParameterUpdate {
    enum Way {
        /// `X = ... X.grad ...`
        case rebinding
        /// `X.data op= ... .grad ...`, `X.data = ... .grad ...`, `X.data.method_(... .grad ...)`.
        case throughData
    }

    /// `X`: a name or a chain of attributes on one (`w`, `self.w`, `model.fc.weight`).
    let parameter: Expr
    let name: String
    let way: Way

    init?(_ s: Stmt) {
        switch s.kind {
        case .assign(let targets, let value) where targets.count == 1:
            if let base = Self.dataBase(targets[0]), Self.readsGradient(value) {
                self.init(base, .throughData)
            } else if let name = Self.dottedName(targets[0]), Self.readsGradient(value, of: name) {
                self.init(targets[0], .rebinding)
            } else {
                return nil
            }
        case .augmentedAssign(let target, _, let value):
            guard let base = Self.dataBase(target), Self.readsGradient(value) else { return nil }
            self.init(base, .throughData)
        case .expression(let e):
            guard case .call(let function, let arguments) = e.kind, case .attribute(let receiver, let method) = function.kind,
                  method.hasSuffix("_"), !method.hasPrefix("_"), let base = Self.dataBase(receiver),
                  arguments.contains(where: { Self.readsGradient($0.value) }) else { return nil }
            self.init(base, .throughData)
        default:
            return nil
        }
    }

    private init?(_ parameter: Expr, _ way: Way) {
        guard let name = Self.dottedName(parameter) else { return nil }
        self.parameter = parameter
        self.name = name
        self.way = way
    }

    /// `X` of `X.data`, when `X` is a dotted name.
    private static func dataBase(_ e: Expr) -> Expr? {
        guard case .attribute(let base, "data") = e.kind, dottedName(base) != nil else { return nil }
        return base
    }

    /// `w`, `self.w`: the source text of a name or a chain of attributes on one.
    private static func dottedName(_ e: Expr) -> String? {
        switch e.kind {
        case .name(let name): return name
        case .attribute(let base, let name): return dottedName(base).map { $0 + "." + name }
        default: return nil
        }
    }

    /// Whether `e` reads `X.grad` (of any `X` when `name` is nil), looking through arithmetic,
    /// calls, subscripts and attributes.
    private static func readsGradient(_ e: Expr, of name: String? = nil) -> Bool {
        switch e.kind {
        case .attribute(let base, let attribute):
            if attribute == "grad", name == nil || dottedName(base) == name { return true }
            return readsGradient(base, of: name)
        case .binary(_, let a, let b): return readsGradient(a, of: name) || readsGradient(b, of: name)
        case .unary(_, let a): return readsGradient(a, of: name)
        case .call(let function, let arguments):
            return readsGradient(function, of: name) || arguments.contains { readsGradient($0.value, of: name) }
        case .subscript(let base, let index): return readsGradient(base, of: name) || readsGradient(index, of: name)
        case .tuple(let items), .list(let items): return items.contains { readsGradient($0, of: name) }
        default: return false
        }
    }
}
