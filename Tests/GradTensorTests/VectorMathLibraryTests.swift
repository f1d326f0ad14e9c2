import XCTest
@testable import GradTensor

/// MKL's vector functions through `VectorMathLibrary`: that scripts/setup's library loads, and
/// that a strided, a transposed and an integer input give the values of their contiguous float
/// copies (PyTorch passes MKL a contiguous buffer of each). Their bits against PyTorch are the
/// golden scripts `torch_mkl_*`.
final class VectorMathLibraryTests: XCTestCase {
    func testLibraryLoads() throws {
        let library = try XCTUnwrap(VectorMathLibrary.loaded, "MKL not installed: run scripts/setup (or set GRAD_MKL to a libmkl_rt.so.2)")
        XCTAssertTrue(library.path.contains("libmkl_rt"), library.path)
    }

    func testLayoutsGiveTheContiguousValues() throws {
        try XCTSkipIf(VectorMathLibrary.loaded == nil, "MKL not installed: run scripts/setup")
        for dtype in [DType.float32, .float64] {
            let matrix = try Tensor.arange(end: .int(60), dtype: dtype).sub(.wrapping(.int(29))).div(.wrapping(.int(7))).reshape([6, 10])
            for view in [try matrix.transpose(0, 1), try matrix.sliceView(1, start: 0, stop: 10, step: 3)] {
                for f in [{ (t: Tensor) in try t.exp() }, { try $0.sin() }, { try $0.cos() }, { try $0.erf() }] {
                    let strided = try f(view), dense = try f(view.contiguous())
                    XCTAssertEqual(strided.shape, dense.shape)
                    XCTAssertEqual(bits(strided), bits(dense))
                }
            }
        }
        let integers = try Tensor.arange(start: .int(-3), end: .int(4))
        XCTAssertEqual(bits(try integers.exp()), bits(try integers.to(.float32).exp()))
        XCTAssertEqual(try integers.exp().dtype, .float32)
    }

    func testEmptyInput() throws {
        try XCTSkipIf(VectorMathLibrary.loaded == nil, "MKL not installed: run scripts/setup")
        let empty = try Tensor.zeros([0, 3], dtype: .float64)
        XCTAssertEqual(try empty.log().shape, [0, 3])
    }

    /// The elements' bit patterns in row-major order, read through the strides (float32 values
    /// widen exactly).
    private func bits(_ t: Tensor) -> [UInt64] {
        (0..<t.numel).map { t.element(atFlat: $0).doubleValue.bitPattern }
    }
}
