import GradTensor

/// `torch.preserve_format`, `torch.contiguous_format` and `torch.channels_last`: the values that
/// `memory_format=` arguments take (`clone`, `contiguous`, `is_contiguous`, `to`, `*_like`).
final class PyMemoryFormat: PyObject, PyCustomRepr {
    let format: MemoryFormat
    private let name: String

    private init(_ name: String, _ format: MemoryFormat) {
        self.name = name
        self.format = format
    }

    override var typeName: String { "memory_format" }
    var reprText: String { "torch." + name }

    /// One object per format, as `torch.contiguous_format is torch.contiguous_format` holds.
    nonisolated(unsafe) static let all = [
        PyMemoryFormat("preserve_format", .preserve), PyMemoryFormat("contiguous_format", .contiguous),
        PyMemoryFormat("channels_last", .channelsLast),
    ]

    /// The `torch` attributes naming them.
    static var attributes: [(String, Value)] { all.map { ($0.name, .object($0)) } }
}

extension BoundArguments {
    /// A `memory_format=` argument, `absent` when it is None or not given.
    func memoryFormat(default absent: MemoryFormat) throws -> MemoryFormat {
        switch self["memory_format"] {
        case .none: return absent
        case .object(let f as PyMemoryFormat): return f.format
        case let other: throw mismatch("memory_format", expected: "torch.memory_format", got: other)
        }
    }
}
