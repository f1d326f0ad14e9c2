import BigInt

/// Registers Python's built-in functions, types, methods of built-in types and the `math`, `gc`
/// and `random` modules.
extension Interpreter {
    func installBuiltins() {
        for type in PyExc.all { builtinTable[type.name] = .object(type) }
        // CPython's older names for OSError.
        builtinTable["EnvironmentError"] = .object(PyExc.osError)
        builtinTable["IOError"] = .object(PyExc.osError)
        for type in BuiltinTypes.named + ClassBuiltins.types { builtinTable[type.name] = .object(type) }
        builtinTable["NotImplemented"] = .object(SpecialMethods.notImplemented)
        builtinTable["Ellipsis"] = .object(PyEllipsis.shared)
        attributeTable.addClassMethods("object", ClassBuiltins.objectMethods)
        ClassBuiltins.installPropertyAttributes(&attributeTable)
        ClassBuiltins.installExceptionMethods()
        let functions = IteratorFunctions.all + NumericFunctions.all + MinMax.all + IntrospectionFunctions.all
            + TextFunctions.all + NamespaceFunctions.all + [Help.function]
        for f in functions { builtinTable[f.name] = .object(f) }
        // grad runs one module, the script or the REPL, which CPython names `__main__`; a
        // global `__name__` of its own still shadows this.
        builtinTable["__name__"] = .str("__main__")

        attributeTable.addMethods(.str, StrSearchMethods.all + StrSplitMethods.all + StrEditMethods.all
            + StrCaseMethods.all + StrFormatMethod.methods + StrTranslate.methods + [TextCodecs.encodeMethod])
        let bytesMethods = BytesMethods.all + BytesSplitMethods.all + BytesCaseMethods.all + BytesTranslate.methods
        attributeTable.addMethods(.bytes, bytesMethods)
        attributeTable.addMethods(.bytearray, bytesMethods + ByteArrayMethods.all)
        attributeTable.addMethods(.int, IntMethods.all + IntBytes.methods)
        attributeTable.addMethods(.bool, IntMethods.all + IntBytes.methods)
        attributeTable.addMethods(.list, ListMethods.all)
        attributeTable.addMethods(.tuple, TupleMethods.all)
        attributeTable.addMethods(.dict, DictMethods.all)
        attributeTable.addMethods(.set, SetMethods.all)
        attributeTable.addMethods(.range, RangeMethods.all)
        GeneratorMethods.install(&attributeTable)
        attributeTable.addClassMethods("dict", [DictMethods.fromkeys])
        attributeTable.addClassMethods("str", [StrTranslate.staticMaketrans])
        attributeTable.addClassMethods("bytes", BytesMethods.classMethods(mutable: false) + [BytesTranslate.staticMaketrans])
        attributeTable.addClassMethods("bytearray", BytesMethods.classMethods(mutable: true) + [BytesTranslate.staticMaketrans])
        attributeTable.addClassMethods("int", [IntBytes.fromBytes])
        for (type, new) in NativeBases.typesWithNew { attributeTable.addClassMethods(type.name, [new]) }
        attributeTable.addClassMethods("object", [InstanceCreation.objectNew])
        attributeTable.addClassMethods("type", Metaclasses.typeMethods + [Metaclasses.typeNew])
        NumberAttributes.install(&attributeTable)
        installRangeAttributes()
        installNameAttributes()
        installGlobalsAttribute()
        installTypeHierarchyAttributes()
        BuiltinSlots.install(&attributeTable)

        moduleTable["math"] = MathModule.make()
        moduleTable["cmath"] = CmathModule.make()
        moduleTable["gc"] = GCModule.make()
        moduleTable["time"] = TimeModule.make()
        moduleTable["operator"] = OperatorModule.make()
        moduleTable["itertools"] = ItertoolsModule.make()
        moduleMakers["functools"] = FunctoolsModule.make
        // Made on first import: its classes are objects of this interpreter's.
        moduleMakers["collections"] = CollectionsModule.make
        moduleMakers["dataclasses"] = DataclassesModule.make
        moduleMakers["abc"] = AbcModule.make
        moduleMakers["enum"] = EnumModule.make
        moduleMakers["warnings"] = WarningsModule.make
        moduleMakers["io"] = IOModule.make
        moduleMakers["os"] = OSModule.make
        moduleMakers["copy"] = CopyModule.make
        moduleMakers["traceback"] = TracebackModule.make
        moduleMakers["json"] = JSONModule.make
        moduleMakers["re"] = ReModule.make
        builtinTable["open"] = .object(IOModule.open)
        builtinTable["input"] = .object(StandardInput.input)
        moduleMakers[LintWarning.moduleName] = LintWarning.make
        moduleMakers["grad"] = GradModule.make
        attributeTable.addClassMethods("chain", [ItertoolsModule.fromIterable])
        moduleTable["random"] = RandomModule.make()
        moduleTable["typing"] = TypingModule.make()
        moduleMakers["torchviz"] = TorchvizModule.make
        moduleMakers["numpy"] = NumpyModule.make
        moduleMakers["tqdm"] = TqdmModule.make
        moduleMakers["weakref"] = WeakrefModule.make
        moduleMakers["unicodedata"] = { _ in UnicodedataModule.make() }
        installPlot()
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

    /// `int.__mro__` and `bool.__bases__`: a built-in type's chain of bases.
    private func installTypeHierarchyAttributes() {
        func type(_ value: Value, _ name: String) throws -> PyTypeObject {
            guard case .object(let t as PyTypeObject) = value else {
                throw PyError.attribute("'\(value.typeName)' object has no attribute '\(name)'")
            }
            return t
        }
        attributeTable.addGetter(.other, "__mro__") { value in
            .object(PyTuple(sequence(first: try type(value, "__mro__"), next: BuiltinTypes.base).map { .object($0) }))
        }
        attributeTable.addGetter(.other, "__bases__") { value in
            .object(PyTuple(BuiltinTypes.base(of: try type(value, "__bases__")).map { [.object($0)] } ?? []))
        }
    }

    /// `type(x).__name__` and `len.__name__`.
    private func installNameAttributes() {
        attributeTable.addGetter(.other, "__name__") { value in
            switch value {
            case .object(let t as PyTypeObject): return .str(t.name)
            case .object(let e as PyClass): return .str(e.name)
            default: throw PyError.attribute("'\(value.typeName)' object has no attribute '__name__'")
            }
        }
        attributeTable.addGetter(.function, "__name__") { value in
            switch value {
            case .object(let b as PyBuiltin): return .str(b.name)
            case .object(let m as PyBoundMethod): return .str(m.function.name)
            case .object(let d as PyMethodDescriptor): return .str(d.function.name)
            default:
                if let f = Interpreter.pythonFunction(value) { return .str(f.name) }
                throw PyError.attribute("'\(value.typeName)' object has no attribute '__name__'")
            }
        }
        attributeTable.addGetter(.function, "__qualname__") { value in
            if case .object(let d as PyMethodDescriptor) = value { return .str(d.qualifiedName) }
            guard let f = Interpreter.pythonFunction(value) else {
                throw PyError.attribute("'\(value.typeName)' object has no attribute '__qualname__'")
            }
            return .str(f.qualifiedName)
        }
        attributeTable.addGetter(.function, "__doc__") { value in
            Interpreter.pythonFunction(value)?.docstring.map { .str($0) } ?? .none
        }
    }

    /// A function's `__globals__`: the dict of the module it was defined in, or the dict `exec`
    /// ran its `def` in.
    private func installGlobalsAttribute() {
        attributeTable.addGetter(.function, "__globals__") { [unowned self] value in
            guard let f = Interpreter.pythonFunction(value) else {
                throw PyError.attribute("'\(value.typeName)' object has no attribute '__globals__'")
            }
            switch f.globals {
            case .dict(let d):
                return .object(d)
            case .module(let reference):
                guard let globals = reference.globals else {
                    throw PyError.runtime("the module '\(f.qualifiedName)' was defined in is gone")
                }
                return .object(try globals.dict(self))
            }
        }
    }

    /// The `def` a value is, directly or as a bound method.
    private static func pythonFunction(_ value: Value) -> PyFunction? {
        switch value {
        case .object(let f as PyFunction): return f
        case .object(let m as PyMethod): return pythonFunction(m.function)
        default: return nil
        }
    }
}
