/// Floats are unboxed, so two float objects can be told apart only by their bits. Equal floats
/// that are not NaN are interchangeable, but a NaN is unequal to itself while Python's containers
/// compare identity first (`n in [n]` is True, `float("nan") in [float("nan")]` False): each
/// `float("nan")` gets a NaN payload of its own, and identity of floats is equality of bits.
/// (NaNs made by arithmetic carry the hardware's payload and so count as one object.)
enum NaNIdentity {
    nonisolated(unsafe) private static var issued: UInt64 = 0
    private static let payloadMask: UInt64 = (1 << 51) - 1

    /// A quiet, positive NaN no earlier call returned (until 2**51 calls wrap around).
    static func fresh() -> Double {
        issued = issued % payloadMask + 1
        return Double(bitPattern: Double.nan.bitPattern | issued)
    }
}
