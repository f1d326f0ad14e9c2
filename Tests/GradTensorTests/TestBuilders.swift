import XCTest
@testable import GradTensor

/// Collects output the way Python's `print` formats it.
struct Printer {
    var text = ""

    mutating func line(_ s: String) { text += s + "\n" }

    mutating func print(_ items: Any?...) {
        line(items.map(Printer.repr).joined(separator: " "))
    }

    /// A Python tuple of tensors (or None), as `print(tuple)` shows it.
    mutating func printTuple(_ items: [Tensor?]) {
        let inner = items.map { Printer.repr($0) }.joined(separator: ", ")
        line("(" + inner + (items.count == 1 ? ",)" : ")"))
    }

    static func repr(_ item: Any?) -> String {
        guard let item else { return "None" }
        switch item {
        case let t as Tensor: return t.description
        case let b as Bool: return b ? "True" : "False"
        case let i as Int: return String(i)
        case let d as DType: return d.name
        case let size as Size: return TensorFormatter.sizeRepr(size.dims)
        case let s as Scalar:
            switch s {
            case .bool(let b): return b ? "True" : "False"
            case .int(let i): return String(i)
            case .double(let d): return d == d.rounded() && Swift.abs(d) < 1e16 ? String(Int64(d)) + ".0" : String(d)
            }
        case let n as Node: return "<\(n.name) object>"
        case let o as Optional<Any>: return o.map { "\($0)" } ?? "None"
        }
    }
}

/// A shape to print as `torch.Size([...])`.
struct Size {
    let dims: [Int]
    init(_ dims: [Int]) { self.dims = dims }
}

// Builders that keep the replays close to the Python they mirror.
func vec(_ values: [Double], grad: Bool = false) throws -> Tensor {
    try Tensor.from(.list(values.map { .scalar(.double($0)) }), requiresGrad: grad)
}

func matrix(_ rows: [[Double]], grad: Bool = false) throws -> Tensor {
    try Tensor.from(.list(rows.map { .list($0.map { .scalar(.double($0)) }) }), requiresGrad: grad)
}

func scalar(_ v: Double, grad: Bool = false) throws -> Tensor {
    try Tensor.full([], .double(v), requiresGrad: grad)
}

/// A Python number operand: ints stay ints (they promote differently from floats).
func n(_ v: Double) throws -> Tensor {
    try v == v.rounded() && Swift.abs(v) < 1e15 ? .wrapping(.int(Int64(v))) : .wrapping(.double(v))
}
