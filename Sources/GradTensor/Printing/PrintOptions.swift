/// PyTorch's default print options (`torch._tensor_str.PRINT_OPTS`); grad has no `set_printoptions`.
enum PrintOptions {
    /// Digits after the point in fixed and scientific notation.
    static let precision = 4
    /// Tensors with more elements than this are summarised.
    static let threshold = 1000
    /// Items shown at each end of a summarised dimension.
    static let edgeItems = 3
    /// Column budget for wrapping rows and suffixes.
    static let lineWidth = 80
}
