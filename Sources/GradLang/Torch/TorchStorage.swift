import GradTensor

/// `tensor.storage()`: PyTorch 2.x's (deprecated) `TypedStorage`, a flat view of every element of
/// the tensor's memory, whatever part of it the tensor sees.
final class PyTypedStorage: PyObject, PyCustomRepr, PySized, PySubscriptable, PyAttributeProviding {
    /// The storage's elements as a 1-D tensor sharing its memory.
    let elements: Tensor
    init(_ tensor: Tensor) { elements = tensor.storageElements }

    override var typeName: String { "TypedStorage" }
    var length: Int { elements.numel }

    /// One element per line after a space, then `[torch.storage.TypedStorage(dtype=…, device=cpu) of size n]`.
    var reprText: String {
        let lines = (0..<length).map { Repr.repr(Conversions.value(of: elements.element(atFlat: $0))) }
        return " " + lines.joined(separator: "\n ")
            + "\n[torch.storage.TypedStorage(dtype=\(elements.dtype.name), device=cpu) of size \(length)]"
    }

    func item(at key: Value) throws -> Value {
        guard case .int(let i) = key else { throw PyError.type("can't index a torch.storage.TypedStorage with \(key.typeName)") }
        let position = i < 0 ? i + length : i
        guard (0..<length).contains(position) else {
            throw PyError.index("index \(i) out of range for storage of size \(length)")
        }
        return Conversions.value(of: elements.element(atFlat: position))
    }

    func attribute(_ name: String) throws -> Value? {
        let dtype = elements.dtype, elements = elements, length = length
        let method: (() -> Value)?
        switch name {
        case "dtype": return TorchDTypes.object(dtype)
        case "device": return .object(PyDevice.cpu)
        case "size": method = { .int(length) }
        case "tolist": method = { TorchData.value(elements.tolist()) }
        case "element_size": method = { .int(dtype.itemSize) }
        case "nbytes": method = { .int(length * dtype.itemSize) }
        case "data_ptr": method = { .int(elements.dataAddress) }
        default: method = nil
        }
        return method.map { body in .object(PyBuiltin("\(name)()", style: .torch) { _ in body() }) }
    }
}
