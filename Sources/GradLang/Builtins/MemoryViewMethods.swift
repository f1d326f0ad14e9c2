/// `memoryview`'s constructor, methods (`tobytes`, `tolist`, `hex`, `release`, `cast`,
/// `toreadonly`) and attributes (`obj`, `nbytes`, `readonly`, `itemsize`, `format`, `ndim`,
/// `shape`, `strides`, `suboffsets`, the `contiguous` flags), with CPython's messages.
enum MemoryViewMethods {
    nonisolated(unsafe) static let constructor = PyBuiltin("memoryview(object)", style: .clinic) { args in
        switch args["object"] {
        case .object(let b as PyBytes): return .object(PyMemoryView(of: b))
        case .object(let m as PyMemoryView): return .object(try m.copy())
        case let other: throw PyError.type("memoryview: a bytes-like object is required, not '\(other.typeName)'")
        }
    }

    nonisolated(unsafe) static let table: [String: PyBuiltin] = Dictionary(uniqueKeysWithValues: methods.map { ($0.name, $0) })

    private static var methods: [PyBuiltin] {
        [
            PyBuiltin("memoryview.tobytes(self, order=None)", style: .clinic) { args in
                let view = try selfView(args)
                let order = args["order"]
                if !order.isNone {
                    let text = try Arg.string(order, "tobytes() argument 'order' must be str or None, not \(order.typeName)")
                    guard ["C", "F", "A"].contains(text) else { throw PyError.value("order must be 'C', 'F' or 'A'") }
                }
                return .object(PyBytes(try view.windowBytes()))
            },
            PyBuiltin("memoryview.tolist(self, /)") { args in
                .object(PyList(try selfView(args).items()))
            },
            PyBuiltin("memoryview.hex(self, sep=<unset>, bytes_per_sep=1)", style: .clinic) { args in
                .str(try BytesMethods.hex(try selfView(args).windowBytes(), args))
            },
            PyBuiltin("memoryview.release(self, /)") { args in
                try selfView(args).release()
                return .none
            },
            PyBuiltin("memoryview.toreadonly(self, /)") { args in
                .object(try selfView(args).copy(readOnly: true))
            },
            PyBuiltin("memoryview.cast(self, format, shape=<unset>)", style: .clinic) { args in
                let view = try selfView(args)
                let text = try Arg.string(args["format"], "cast() argument 'format' must be str, not \(args["format"].typeName)")
                try view.checkLive()
                if !view.isContiguous { throw PyError.type("memoryview: casts are restricted to C-contiguous views") }
                if args.given("shape") != nil {
                    throw PyError(PyExc.notImplementedError, "grad's memoryview.cast does not take a shape yet")
                }
                let name = text.hasPrefix("@") ? String(text.dropFirst()) : text
                guard let format = PyMemoryView.Format(rawValue: name) else {
                    throw PyError.value("memoryview: destination format must be a native single character format prefixed with an optional '@'")
                }
                return .object(try view.cast(to: format, named: text))
            },
        ]
    }

    private static func selfView(_ args: BoundArguments) throws -> PyMemoryView {
        try Receiver.cast(args["self"], "memoryview", method: args.signature.name)
    }

    /// The read-only attributes, each CPython's ValueError once the view is released.
    static func attribute(_ name: String, of view: PyMemoryView) throws -> Value? {
        let attributes: Set = ["obj", "nbytes", "readonly", "itemsize", "format", "ndim", "shape", "strides",
                               "suboffsets", "c_contiguous", "f_contiguous", "contiguous"]
        guard attributes.contains(name) else {
            return table[name].map { .object(PyBoundMethod(receiver: .object(view), function: $0)) }
        }
        try view.checkLive()
        switch name {
        case "obj": return .object(view.base)
        case "nbytes": return .int(view.count * view.format.itemSize)
        case "readonly": return .bool(view.isReadOnly)
        case "itemsize": return .int(view.format.itemSize)
        case "format": return .str(view.formatName)
        case "ndim": return .int(1)
        case "shape": return .object(PyTuple([.int(view.count)]))
        case "strides": return .object(PyTuple([.int(view.step)]))
        case "suboffsets": return .object(PyTuple([]))
        default: return .bool(view.isContiguous)
        }
    }
}

extension PyMemoryView: PyAttributeProviding {
    func attribute(_ name: String) throws -> Value? { try MemoryViewMethods.attribute(name, of: self) }
}
