/// Where a figure is drawn as text, and how: its room, ANSI colour or not, Unicode braille and
/// box drawing or plain ASCII (for output that is not a terminal).
public struct PlotTerminal: Sendable {
    public var columns: Int
    public var rows: Int
    public var colored: Bool
    public var ascii: Bool

    public init(columns: Int, rows: Int, colored: Bool, ascii: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.colored = colored
        self.ascii = ascii
    }

    /// For output that is not a terminal: 80 × 24, ASCII, no colour.
    public static let plainText = PlotTerminal(columns: 80, rows: 24, colored: false, ascii: true)
}

/// `matplotlib` and `matplotlib.pyplot`: pyplot's Python part (PyplotSource) over the Swift
/// functions here, which read its figure description into a `FigureModel` and render it.
extension Interpreter {
    func installPlot() {
        let backend = PlotBackend()
        let pyplot = PyModule(name: "matplotlib.pyplot", attributes: [
            "_can_draw": .object(PyBuiltin("_can_draw()") { args in
                .bool(backend.name == nil && args.interpreter.plotTerminal() != nil)
            }),
            "_draw": .object(PyBuiltin("_draw(spec)") { args in
                try args.interpreter.drawOnTerminal(try FigureModel(args["spec"]))
                return .none
            }),
            "_save": .object(PyBuiltin("_save(spec, path, kind)") { args in
                let figure = try FigureModel(args["spec"])
                guard case .str(let path) = args["path"], case .str(let kind) = args["kind"] else {
                    throw PyError.type("savefig: the file name must be a str")
                }
                let bytes = kind.string == "svg" ? Array(SVGWriter.document(figure).utf8) : PNGWriter.encode(FigureRaster.draw(figure))
                try PlotFile.write(bytes, to: path.string)
                return .none
            }),
            "_autolimits": .object(PyBuiltin("_autolimits(spec)") { args in
                let axes = try AxesModel(args["spec"])
                let limits = [axes.scale(.x), axes.scale(.y)].map { scale -> Value in
                    .object(PyTuple([.float(scale.low), .float(scale.high)]))
                }
                return .object(PyTuple(limits))
            }),
        ])
        addSource(PyplotSource.text, filename: "matplotlib/pyplot.py", to: pyplot)
        let matplotlib = PyModule(name: "matplotlib", attributes: [
            "pyplot": .object(pyplot),
            "__version__": .str("3.8.0"),
            "use": .object(PyBuiltin("use(backend, *, force=True)") { args in
                guard case .str(let name) = args["backend"] else { throw PyError.type("backend must be a str") }
                backend.name = name.string
                return .none
            }),
            "get_backend": .object(PyBuiltin("get_backend()") { args in
                .str(backend.name ?? (args.interpreter.plotTerminal() == nil ? "agg" : "grad-terminal"))
            }),
        ])
        moduleTable[matplotlib.name] = matplotlib
        moduleTable[pyplot.name] = pyplot
    }

    /// Writes the figure's terminal drawing to the program's output (nothing off a terminal).
    func drawOnTerminal(_ figure: FigureModel) throws {
        guard let terminal = plotTerminal() else { return }
        try writeOutput(TerminalRenderer(terminal).render(figure))
    }
}

/// The backend `matplotlib.use` chose; nil until then (grad's terminal drawing).
private final class PlotBackend {
    var name: String?
}
