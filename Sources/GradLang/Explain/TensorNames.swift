import GradTensor

/// The user's names for tensors, for pictures of the graph and explanations of gradients: each
/// global bound to a tensor (the first assigned, when several are), and the parameters of each
/// global `nn.Module` as `model.0.weight`. Names starting with `_` (the prompt's `_` and `__`)
/// are not the user's choice and are skipped.
public enum TensorNames {
    public static func names(in globals: Globals, interpreter: Interpreter) -> [ObjectIdentifier: String] {
        var names: [ObjectIdentifier: String] = [:]
        let defined = globals.namesInOrder.filter { !$0.hasPrefix("_") }
        for name in defined {
            if case .tensor(let tensor)? = globals[name], names[ObjectIdentifier(tensor)] == nil {
                names[ObjectIdentifier(tensor)] = name
            }
        }
        for name in defined {
            guard case .object(let object as PyInstance)? = globals[name],
                  object.cls.lookup("named_parameters") != nil,
                  let parameters = try? namedParameters(of: .object(object), interpreter) else { continue }
            for (parameter, tensor) in parameters where names[ObjectIdentifier(tensor)] == nil {
                names[ObjectIdentifier(tensor)] = name + "." + parameter
            }
        }
        return names
    }

    /// `list(module.named_parameters())`.
    private static func namedParameters(of module: Value, _ interpreter: Interpreter) throws -> [(String, Tensor)] {
        let method = try interpreter.getAttribute(module, "named_parameters")
        guard let list = interpreter.builtins["list"],
              case .object(let pairs as PyList) = try interpreter.call(list, Arguments([try interpreter.call(method, Arguments())])) else { return [] }
        return pairs.items.compactMap { pair in
            guard case .object(let tuple as PyTuple) = pair, tuple.items.count == 2,
                  case .str(let name) = tuple.items[0], case .tensor(let tensor) = tuple.items[1] else { return nil }
            return (name.string, tensor)
        }
    }
}
