import XCTest
@testable import GradTensor

/// Small buffers live inside their storage object, large ones apart (from 4096 bytes); every
/// element of either must be writable and read back, for every dtype's element size.
final class StorageTests: XCTestCase {
    func testEveryElementIsWritableOnBothSidesOfTheInlineLimit() throws {
        for dtype in DType.allCases {
            for count in [0, 1, 2, 3, 15, 16, 17, 511, 512, 513, 4095, 4096, 4097] {
                let t = try Tensor.full([count], .int(1), dtype: dtype)
                XCTAssertEqual(t.storage.count, count)
                for i in 0..<count { t.setFlat(i, .int(Int64(i % 2))) }
                let ones = try t.to(.int64).sum().element(atFlat: 0)
                XCTAssertEqual(ones, .int(Int64(count / 2)), "\(dtype) \(count)")
            }
        }
    }

    func testLargeBuffersAreCacheLineAligned() throws {
        let t = try Tensor(zeros: [1024], dtype: .float64)
        XCTAssertEqual(Int(bitPattern: t.storage.raw) % 64, 0)
    }
}

/// Python numbers' 0-dim tensors are reused while they still hold the same number untouched.
final class WrappedNumberTests: XCTestCase {
    func testTheSameNumberIsReusedButNeverAnotherOne() throws {
        let a = try Tensor.wrapping(.double(0.01))
        try XCTAssertTrue(Tensor.wrapping(.double(0.01)) === a)
        // -0.0 == 0.0, but they are different numbers to a tensor op (1 / x).
        let zero = try Tensor.wrapping(.double(0)), negativeZero = try Tensor.wrapping(.double(-0.0))
        XCTAssertFalse(zero === negativeZero)
        XCTAssertEqual(negativeZero.element(atFlat: 0).doubleValue.sign, .minus)
        try XCTAssertEqual(Tensor.wrapping(.int(1)).dtype, .int64)
        try XCTAssertEqual(Tensor.wrapping(.double(1)).dtype, .float64)
        try XCTAssertEqual(Tensor.wrapping(.bool(true)).dtype, .bool)
    }

    func testAChangedNumberIsNotHandedOutAgain() throws {
        let a = try Tensor.wrapping(.int(7))
        try a.add_(Tensor.wrapping(.int(1)))
        let b = try Tensor.wrapping(.int(7))
        XCTAssertFalse(a === b)
        XCTAssertEqual(b.element(atFlat: 0), .int(7))
    }
}
