/// PyTorch's print options (`torch._tensor_str.PRINT_OPTS`), which `torch.set_printoptions`
/// changes for every tensor printed afterwards.
public struct PrintOptions: Equatable, Sendable {
    /// Digits after the point in fixed and scientific notation.
    public var precision = 4
    /// Tensors with more elements than this are summarised (infinity: never).
    public var threshold = 1000.0
    /// Items shown at each end of a summarised dimension.
    public var edgeItems = 3
    /// Column budget for wrapping rows and suffixes.
    public var lineWidth = 80
    /// Scientific notation always (true), never (false), or as the values call for (nil).
    public var scientific: Bool?

    public init() {}

    /// `set_printoptions(profile=...)`'s presets: "default", "short", "full"; nil for any other name
    /// (which PyTorch ignores).
    public static func profile(_ name: String) -> PrintOptions? {
        var options = PrintOptions()
        switch name {
        case "default": break
        case "short":
            options.precision = 2
            options.edgeItems = 2
        case "full": options.threshold = .infinity
        default: return nil
        }
        return options
    }

    /// The options in force. Process-wide as in PyTorch; an interpreter starts from the defaults.
    nonisolated(unsafe) public static var current = PrintOptions()
}
