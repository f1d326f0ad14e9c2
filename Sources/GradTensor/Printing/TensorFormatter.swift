/// PyTorch's tensor repr (`torch._tensor_str`), independent of the tensor class.
public enum TensorFormatter {
    private static let prefix = "tensor("

    /// The full repr, e.g. "tensor([[1., 2.],\n        [3., 4.]], requires_grad=True)".
    public static func repr(_ input: TensorPrintInput) -> String {
        // A negative extent is not a real shape; it is shown as empty rather than trapping.
        let shape = input.shape.map { max(0, $0) }
        let count = shape.reduce(1, ShownElements.saturatingProduct)
        let indent = prefix.count
        let body: String
        if count == 0 {
            body = "[]"
        } else {
            let shown = ShownElements(shape: shape, summarise: Double(count) > PrintOptions.current.threshold, element: input.element)
            let formatter = ElementFormatter(dtype: input.dtype, shown: shown.values)
            let layout = NestedLayout(axes: shown.axes, texts: shown.values.map(formatter.format), width: formatter.width)
            body = layout.render(indent: indent)
        }
        let suffixes = Suffixes.list(for: input, shape: shape, isEmpty: count == 0)
        return Suffixes.attach(suffixes, to: prefix + body, indent: indent)
    }

    /// `torch.Size([2, 3])`
    public static func sizeRepr(_ shape: [Int]) -> String {
        "torch.Size([" + shape.map(String.init).joined(separator: ", ") + "])"
    }
}
