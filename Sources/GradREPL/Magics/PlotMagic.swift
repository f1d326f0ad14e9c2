import GradLang

/// `%plot EXPR` (`%plot losses`, `%plot torch.sin(x)`, `%plot x, y`): plots the value as
/// `plt.plot(EXPR)` would, on a figure of its own, and draws it at once: on the terminal in
/// braille and colour, elsewhere in ASCII.
struct PlotMagic {
    let session: Session
    static let function = "__grad_plot__"

    func run(_ argument: String) -> RunOutcome {
        guard !argument.isBlank else {
            session.writeError("UsageError: %plot needs data: %plot EXPR or %plot X, Y\n")
            return .finished
        }
        let interpreter = session.interpreter
        let hostTerminal = interpreter.plotTerminal
        interpreter.plotTerminal = { Terminal.plotOutput() ?? .plainText }
        defer {
            interpreter.plotTerminal = hostTerminal
            session.globals[Self.function] = nil
        }
        // pyplot's `_draw_value(*data)`, under a name of its own for the one call.
        let call = "from matplotlib.pyplot import _draw_value as \(Self.function)\n\(Self.function)(\(argument))\n"
        return session.runScript(source: call, filename: "<magic-plot>")
    }
}
