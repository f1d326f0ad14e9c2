import GradTensor

/// grad's own module, `import grad`: `grad.explain(x)` tells how `x.grad` got its value, and
/// `grad.explain(y, x)` how a backward from `y` reaches `x`, from what the graph recorded;
/// `grad.GradLintWarning` is the learner lints' warning category.
/// Importing it turns on pass records (`PassRecords`), which explanations read; the REPL turns
/// them on at start.
public enum GradModule {
    static func make(_ interpreter: Interpreter) -> PyModule {
        recordPasses()
        let explain = PyBuiltin("explain(output, input=None, /)") { args in
            let interpreter = args.interpreter
            let text: String
            if case .none = args["input"] {
                text = try explanation(ofGradOf: try tensor(args["output"], "output"), name: nil, interpreter)
            } else {
                text = try explanation(of: try tensor(args["output"], "output"), try tensor(args["input"], "input"), interpreter)
            }
            try interpreter.writeOutput(text)
            return .none
        }
        let module = PyModule(name: "grad", attributes: ["explain": .object(explain)])
        // `grad.GradLintWarning`, the learner lints' category (for filters and `-W`).
        try? LintWarning.install(into: module, interpreter)
        return module
    }

    /// Turns on what explanations read: from now on nodes keep their saved state after backward,
    /// and leaves remember what each pass added to their `.grad`.
    public static func recordPasses() {
        PassRecords.enable()
    }

    /// Turns pass records off and forgets them, as for a new process (`PassRecords.disable`).
    public static func stopRecordingPasses() {
        PassRecords.disable()
    }

    /// How `leaf.grad` got its value, written in the interpreter's style; `name` is what the
    /// user called it (`%why w.grad`), else the variable bound to it.
    public static func explanation(ofGradOf leaf: Tensor, name: String?, _ interpreter: Interpreter) throws -> String {
        try checkLeaf(leaf)
        let names = ExplanationNames(globals: interpreter.programGlobals, interpreter: interpreter)
        let explanation = try TorchBridge.run { try Explanation.ofGrad(leaf, names: names, target: name) }
        return ExplanationText.render(explanation, style: interpreter.explanationStyle)
    }

    /// How a backward from `output` reaches `leaf`.
    static func explanation(of output: Tensor, _ leaf: Tensor, _ interpreter: Interpreter) throws -> String {
        try checkLeaf(leaf)
        let names = ExplanationNames(globals: interpreter.programGlobals, interpreter: interpreter)
        do {
            let explanation = try TorchBridge.run { try Explanation.ofOutput(output, leaf, names: names) }
            return ExplanationText.render(explanation, style: interpreter.explanationStyle)
        } catch let refusal as Explanation.Refusal {
            throw PyError.value(refusal.message)
        }
    }

    private static func tensor(_ value: Value, _ argument: String) throws -> Tensor {
        guard case .tensor(let t) = value else {
            throw PyError.type("explain(): argument '\(argument)' must be Tensor, not \(value.typeName)")
        }
        return t
    }

    private static func checkLeaf(_ leaf: Tensor) throws {
        guard leaf.isLeaf && leaf.requiresGrad else {
            throw PyError.value("explain(): the input must be a leaf tensor that requires grad")
        }
    }
}
