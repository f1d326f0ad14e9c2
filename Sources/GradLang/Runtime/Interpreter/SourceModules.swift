/// Modules (or parts of them) written in Python and compiled into grad, as CPython's standard
/// library is largely Python: `torch.nn`'s and `torch.optim`'s classes, whose source a learner can
/// read with `help` and `??`.
extension Interpreter {
    /// Adds the names `source` defines to `module`, running it the first time the module's names
    /// are read. The source runs in globals of its own, named `module`'s name, that live as long
    /// as the interpreter: its functions read them when called later, as a module's functions read
    /// the module's dict. Names the module already has (its Swift part) are visible to the source
    /// under the same names, and stay unless the source rebinds them. `source` is made then too,
    /// so that joining a module's texts costs start-up nothing.
    func addSource(_ source: @autoclosure @escaping () -> String, filename: String, to module: PyModule) {
        moduleNamesByFile[filename] = module.name
        // Unowned, not weak: a weak reference gives the interpreter a side table, which sends
        // every retain and release of it down Swift's slow path (+370 instructions per linreg
        // step). The interpreter owns the module: a program reads the module only while it runs.
        module.pendingSource = { [unowned self] module in
            let globals = Globals()
            globals["__name__"] = .str(module.name)
            for (name, value) in module.attributes { globals[name] = value }
            self.sourceModuleGlobals.append(globals)
            let source = source()
            do {
                let parsed = try parseModule(source: source)
                sourceLinesByFile[filename] = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                try execute(parsed, filename: filename, in: globals, echo: false, namesInScope: false)
            } catch {
                // The source is part of grad: a failure is grad's bug, which the tests that import
                // every such module catch. The names defined before it stay usable.
                writeWarning("grad: \(filename) failed to load: \(error)\n")
            }
            for name in globals.definedNames where !name.hasPrefix("__") { module.attributes[name] = globals[name] }
        }
    }
}
