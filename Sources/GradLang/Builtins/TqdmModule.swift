/// `tqdm` (TqdmModuleSource), with the submodules tutorials import it from: `tqdm.auto`,
/// `tqdm.autonotebook`, `tqdm.asyncio` and `tqdm.std`.
enum TqdmModule {
    static func make(_ interpreter: Interpreter) -> PyModule {
        let module = PyModule(name: "tqdm", attributes: ["_weak": .object(weakReference),
                                                          "_screen_columns": .object(screenColumns)])
        interpreter.addSource(TqdmModuleSource.text, filename: "tqdm/std.py", to: module)
        // Outside a notebook `tqdm.autonotebook` is the console bar, and `tqdm.auto` its subclass
        // from `tqdm.asyncio`.
        let exports: [(submodule: String, names: [String: String])] = [
            ("std", ["tqdm": "tqdm", "trange": "trange", "TqdmWarning": "TqdmWarning", "TqdmKeyError": "TqdmKeyError",
                     "TqdmTypeError": "TqdmTypeError", "EMA": "EMA", "Bar": "Bar"]),
            ("autonotebook", ["tqdm": "tqdm", "trange": "trange"]),
            ("asyncio", ["tqdm_asyncio": "tqdm_asyncio", "tqdm": "tqdm_asyncio", "trange": "_asyncio_trange"]),
            ("auto", ["tqdm": "tqdm_asyncio", "trange": "_asyncio_trange"]),
        ]
        for (name, names) in exports {
            let submodule = PyModule(name: "tqdm.\(name)", attributes: [:])
            submodule.pendingSource = { [weak module] submodule in
                guard let module else { return }
                for (exported, defined) in names { submodule.attributes[exported] = module.attributes[defined] }
            }
            interpreter.moduleTable[submodule.name] = submodule
            module.attributes[name] = .object(submodule)
        }
        return module
    }

    /// `_weak(bar)`: a function returning the bar while something else holds it, else None. The
    /// list of live bars (which gives a new bar its line) holds these, so a bar a program drops
    /// without closing is freed, and closed by its `__del__`, as tqdm's WeakSet lets it be.
    private static var weakReference: PyBuiltin {
        PyBuiltin("_weak(obj, /)") { args in
            guard case .object(let object) = args["obj"] else {
                throw PyError.type("cannot create weak reference to '\(args["obj"].typeName)' object")
            }
            let target = WeakTarget(object)
            return .object(PyBuiltin("ref()") { _ in target.object.map { .object($0) } ?? .none })
        }
    }

    /// `_screen_columns(file)`: the columns a bar on sys.stdout or sys.stderr may fill, as tqdm
    /// finds them: one less than the terminal's width; None when the stream is no terminal.
    private static var screenColumns: PyBuiltin {
        PyBuiltin("_screen_columns(file, /)") { args in
            guard case .object(let stream as PyTextStream) = args["file"],
                  let columns = args.interpreter.terminalColumns(stream.descriptor) else { return .none }
            return .int(columns - 1)
        }
    }

    private final class WeakTarget {
        weak var object: PyObject?
        init(_ object: PyObject) { self.object = object }
    }
}
