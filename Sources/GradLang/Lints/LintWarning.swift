/// `GradLintWarning`, the category of the learner lints: a `UserWarning`, so that they show by
/// default and `warnings.filterwarnings("ignore", category=...)`, `-W ignore` and
/// `-W ignore::UserWarning` silence them. Defined in Python in a small module of its own, made on
/// first use; its `__module__` is `grad`, where `LintWarning.install(into:)` puts it.
enum LintWarning {
    static let moduleName = "_grad_lint"
    static let className = "GradLintWarning"

    static func make(_ interpreter: Interpreter) -> PyModule {
        let module = PyModule(name: moduleName, attributes: [:])
        interpreter.addSource(source, filename: "_grad_lint.py", to: module)
        interpreter.filesHiddenFromTracebacks.insert("_grad_lint.py")
        return module
    }

    /// Adds `GradLintWarning` to the `grad` module.
    static func install(into module: PyModule, _ interpreter: Interpreter) throws {
        module.attributes[className] = try interpreter.lintCategory()
    }

    private static let source = #"""
class GradLintWarning(UserWarning):
    """A learner lint: grad's warning, in plain words, about a classic autograd mistake."""
    __module__ = "grad"
"""#
}

extension Interpreter {
    /// The `GradLintWarning` class.
    func lintCategory() throws -> Value {
        guard let category = try importModule(LintWarning.moduleName).attributes[LintWarning.className] else {
            throw PyError.runtime("grad's \(LintWarning.className) failed to load")
        }
        return category
    }

    /// Gives a learner lint through the warnings filters, placed at the line running now.
    func lint(_ message: String) throws {
        try warn(message, category: try lintCategory())
    }
}
