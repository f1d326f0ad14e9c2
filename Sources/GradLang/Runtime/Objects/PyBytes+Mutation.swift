/// A bytearray's item and slice assignment and deletion (`ba[0] = 65`, `ba[1:3] = b"xy"`,
/// `del ba[::2]`), with CPython's messages; bytes refuses them as CPython does.
extension PyBytes: PyItemAssignable {
    public func setItem(_ key: Value, to value: Value) throws {
        guard isMutable else { throw PyError.type("'bytes' object does not support item assignment") }
        guard case .object(let slice as PySlice) = key else {
            let i = try position(key)
            bytes[i] = try Self.byte(value)
            return
        }
        let replacement: [UInt8]
        switch value {
        case .object(let other as PyBytes): replacement = other.bytes
        case .object, .tensor: replacement = try Iteration.collect(value).map(Self.byte)
        default:
            // Numbers, None and strs (which are iterable, but not of ints).
            throw PyError.type("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
        }
        let (start, stop, step) = try Subscript.sliceIndices(slice, count: bytes.count)
        if step == 1 {
            if max(start, stop) - start != replacement.count { try checkResizable() }
            bytes.replaceSubrange(start..<max(start, stop), with: replacement)
            return
        }
        let positions = Array(stride(from: start, to: stop, by: step))
        guard replacement.count == positions.count else {
            throw PyError.value("attempt to assign bytes of size \(replacement.count) to extended slice of size \(positions.count)")
        }
        for (p, byte) in zip(positions, replacement) { bytes[p] = byte }
    }

    func deleteItem(_ key: Value) throws {
        guard case .object(let slice as PySlice) = key else {
            let at = try position(key)
            try checkResizable()
            bytes.remove(at: at)
            return
        }
        let doomed = Set(try Subscript.slicePositions(slice, count: bytes.count))
        if !doomed.isEmpty { try checkResizable() }
        bytes = bytes.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
    }

    /// An int stored as one byte (`ba[0] = 65`, `ba.append(65)`).
    static func byte(_ v: Value) throws -> UInt8 {
        guard let byte = UInt8(exactly: try Arg.integer(v)) else { throw PyError.value("byte must be in range(0, 256)") }
        return byte
    }
}
