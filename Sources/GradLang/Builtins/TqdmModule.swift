/// `tqdm` (TqdmModuleSource), with the submodules tutorials import it from: `tqdm.auto`,
/// `tqdm.autonotebook`, `tqdm.asyncio` and `tqdm.std`.
enum TqdmModule {
    static func make(_ interpreter: Interpreter) -> PyModule {
        let module = PyModule(name: "tqdm", attributes: ["_screen_columns": .object(screenColumns)])
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

    /// `_screen_columns(file)`: the columns a bar on sys.stdout or sys.stderr may fill, as tqdm
    /// finds them: one less than the terminal's width; None when the stream is no terminal.
    private static var screenColumns: PyBuiltin {
        PyBuiltin("_screen_columns(file, /)") { args in
            guard case .object(let stream as PyTextStream) = args["file"],
                  let columns = args.interpreter.terminalColumns(stream.descriptor) else { return .none }
            return .int(columns - 1)
        }
    }
}
