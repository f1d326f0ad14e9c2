/// The `, dtype=…`, `, requires_grad=True` tail of a repr (PyTorch's `_str_intern` and
/// `_add_suffixes`).
enum Suffixes {
    /// The suffixes in PyTorch's order: size and dtype, then the autograd one.
    static func list(for input: TensorPrintInput, shape: [Int], isEmpty: Bool) -> [String] {
        var suffixes: [String] = []
        if isEmpty {
            // An empty tensor has no elements to show its shape or kind: the shape is spelled out
            // unless it is `(0,)`, and any dtype but the default float one is named, int64 and bool
            // included.
            if shape.count != 1 {
                suffixes.append("size=(" + shape.map(String.init).joined(separator: ", ") + ")")
            }
            if input.dtype != DType.defaultFloat {
                suffixes.append("dtype=" + input.dtype.name)
            }
        } else if let dtypeName = input.dtype.reprSuffix {
            suffixes.append("dtype=" + dtypeName)
        }
        if let gradFn = input.gradFnName {
            suffixes.append("grad_fn=<" + gradFn + ">")
        } else if input.requiresGradLeaf {
            suffixes.append("requires_grad=True")
        }
        return suffixes
    }

    /// Appends each suffix after `, `, or on a new line indented to `indent` when it would overflow.
    static func attach(_ suffixes: [String], to body: String, indent: Int) -> String {
        // PyTorch measures the last line as two characters longer than it is (its
        // `len - rfind("\n") + 1`); the overestimate is kept so lines break where PyTorch's do.
        let lastLine = body.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        var lineLength = lastLine.count + 2
        var result = body
        for suffix in suffixes {
            if lineLength + suffix.count + 2 > PrintOptions.current.lineWidth {
                result += ",\n" + String(repeating: " ", count: indent) + suffix
                lineLength = indent + suffix.count
            } else {
                result += ", " + suffix
                lineLength += suffix.count + 2
            }
        }
        return result + ")"
    }
}
