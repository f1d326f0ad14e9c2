import GradLang

/// `%why x.grad` (or `%why x`): how backward gave `x.grad` its value, from what the passes
/// recorded (`grad.explain(x)` in a script).
struct WhyMagic {
    let session: Session

    func run(_ argument: String) {
        var chain = argument
        if chain.hasSuffix(".grad") { chain.removeLast(".grad".count) }
        guard !chain.isEmpty else {
            session.writeError("UsageError: %why needs a tensor's gradient: %why x.grad\n")
            return
        }
        guard let value = session.lookUp(chain: chain) else {
            session.writeError("UsageError: %why: `\(chain)` is not a name defined here (%why x.grad)\n")
            return
        }
        guard case .tensor(let leaf) = value else {
            session.writeError("UsageError: %why: `\(chain)` is a \(value.typeName), not a tensor\n")
            return
        }
        do {
            session.writeOutput(try GradModule.explanation(ofGradOf: leaf, name: chain, session.interpreter))
        } catch let error as PyError {
            session.writeError("UsageError: %why: \(error.message)\n")
        } catch {
            session.writeError("UsageError: %why: \(error)\n")
        }
    }
}
