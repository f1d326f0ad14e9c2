/// Annotations in a class body (`x: int = 0`), which CPython evaluates and records in the
/// class's `__annotations__` (what `dataclasses` and `typing.NamedTuple` read). Annotations
/// elsewhere mean nothing to grad.
extension Compiler {
    /// `name: annotation [= value]` in a class body: the value is stored first, then the
    /// annotation evaluated into `__annotations__[name]`, made when the first one is recorded.
    func classAnnotation(_ target: Expr, named name: String, _ annotation: Expr, _ value: Expr?, line: Int) -> StmtCode {
        let store = value.map { _ in assignment(target) }
        let value = value.map(expression), annotation = expression(annotation)
        return { f in
            f.line = line
            if let value, let store { try store(f, try value(f)) }
            let evaluated = try annotation(f)
            guard let namespace = f.classNamespace else { return .normal }
            let annotations: PyDict
            if case .object(let d as PyDict)? = namespace.values["__annotations__"] {
                annotations = d
            } else {
                annotations = PyDict()
                namespace.values["__annotations__"] = .object(annotations)
            }
            try annotations.set(.str(name), evaluated)
            return .normal
        }
    }
}
