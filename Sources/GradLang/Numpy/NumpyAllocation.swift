import GradTensor

/// numpy's refusals of arrays too large to make, checked before anything is allocated.
enum NumpyAllocation {
    /// The element count of `shape`, or numpy's MemoryError for more than a storage may hold.
    @discardableResult
    static func count(_ shape: [Int], _ dtype: DType) throws -> Int {
        if let n = try? Shape.checkedCount(shape, dtype: dtype) { return n }
        let elements = shape.reduce(1.0) { $0 * Double($1) }
        throw PyError.memory("Unable to allocate \(size(elements * Double(dtype.itemSize))) for an array with shape \(NumpyArrayText.shapeText(shape)) and data type \(NumpyDTypes.name(dtype))")
    }

    /// `72.8 TiB`: three significant digits in the largest binary unit below the size.
    private static func size(_ bytes: Double) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var unit = 0, amount = bytes
        while amount >= 1024 && unit < units.count - 1 {
            amount /= 1024
            unit += 1
        }
        if unit == 0 { return "\(Int(amount)) bytes" }
        return PythonFloatText.printf(amount, conversion: "g", digits: 3) + " " + units[unit]
    }
}
