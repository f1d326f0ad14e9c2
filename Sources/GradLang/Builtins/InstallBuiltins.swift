/// Registers Python's built-in functions, types, methods of built-in types and the `math` module.
extension Interpreter {
    func installBuiltins() {
        for type in PyExc.all { builtins[type.name] = .object(type) }
    }
}
