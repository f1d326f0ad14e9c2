import GradTensor

/// `torch.set_printoptions`: PyTorch's profiles and options, kept in `PrintOptions.current`.
/// grad refuses values its printer cannot follow PyTorch with (precision below 0, fewer than one
/// edge item) instead of printing something else.
enum TorchPrintOptions {
    static var functions: [PyBuiltin] {
        [
            PyBuiltin("set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None)", style: .torch) { args in
                var options = PrintOptions.current
                if case .str(let name) = args["profile"], let preset = PrintOptions.profile(name.string) { options = preset }
                if let precision = try args.optionalInt("precision") {
                    guard precision >= 0 else { throw unsupported("precision", precision) }
                    options.precision = precision
                }
                if let threshold = try args.optionalScalar("threshold") { options.threshold = threshold.doubleValue }
                if let edgeItems = try args.optionalInt("edgeitems") {
                    guard edgeItems >= 1 else { throw unsupported("edgeitems", edgeItems) }
                    options.edgeItems = edgeItems
                }
                if let lineWidth = try args.optionalInt("linewidth") { options.lineWidth = lineWidth }
                // Always set, as in PyTorch: leaving it out means automatic again.
                options.scientific = args["sci_mode"].isNone ? nil : try Operators.truthy(args["sci_mode"])
                PrintOptions.current = options
                return .none
            },
        ]
    }

    private static func unsupported(_ name: String, _ value: Int) -> PyError {
        PyError(PyExc.notImplementedError, "set_printoptions(\(name)=\(value)) is not supported by grad")
    }
}
