import BigInt

/// Registers Python's built-in functions, types, methods of built-in types and the `math` and
/// `gc` modules.
extension Interpreter {
    func installBuiltins() {
        for type in PyExc.all { builtinTable[type.name] = .object(type) }
        for type in BuiltinTypes.named { builtinTable[type.name] = .object(type) }
        let functions = IteratorFunctions.all + NumericFunctions.all + MinMax.all + IntrospectionFunctions.all
            + TextFunctions.all + [Help.function]
        for f in functions { builtinTable[f.name] = .object(f) }
        // grad runs one module, the script or the REPL, which CPython names `__main__`; a
        // global `__name__` of its own still shadows this.
        builtinTable["__name__"] = .str("__main__")

        attributeTable.addMethods(.str, StrSearchMethods.all + StrSplitMethods.all + StrEditMethods.all
            + StrCaseMethods.all + [StrFormatMethod.method])
        attributeTable.addMethods(.list, ListMethods.all)
        attributeTable.addMethods(.tuple, TupleMethods.all)
        attributeTable.addMethods(.dict, DictMethods.all)
        attributeTable.addMethods(.set, SetMethods.all)
        attributeTable.addMethods(.range, RangeMethods.all)
        GeneratorMethods.install(&attributeTable)
        attributeTable.addClassMethods("dict", [DictMethods.fromkeys])
        installRangeAttributes()
        installNameAttributes()

        moduleTable["math"] = MathModule.make()
        moduleTable["gc"] = GCModule.make()
    }

    /// `range(...).start`, `.stop`, `.step`.
    private func installRangeAttributes() {
        let parts: [(String, (PyRange) -> BigInt)] = [("start", \.start), ("stop", \.stop), ("step", \.step)]
        for (name, part) in parts {
            attributeTable.addGetter(.range, name) { value in
                guard case .object(let r as PyRange) = value else { throw PyError.attribute("'\(value.typeName)' object has no attribute '\(name)'") }
                return .integer(part(r))
            }
        }
    }

    /// `type(x).__name__` and `len.__name__`.
    private func installNameAttributes() {
        attributeTable.addGetter(.other, "__name__") { value in
            switch value {
            case .object(let t as PyTypeObject): return .str(t.name)
            case .object(let e as PyExceptionType): return .str(e.name)
            default: throw PyError.attribute("'\(value.typeName)' object has no attribute '__name__'")
            }
        }
        attributeTable.addGetter(.function, "__name__") { value in
            switch value {
            case .object(let b as PyBuiltin): return .str(b.name)
            case .object(let m as PyBoundMethod): return .str(m.function.name)
            default: throw PyError.attribute("'\(value.typeName)' object has no attribute '__name__'")
            }
        }
    }
}
