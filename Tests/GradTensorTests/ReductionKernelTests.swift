import XCTest
@testable import GradTensor

/// Sums over the leading dimensions of a contiguous tensor are added column by column in place;
/// they must give the same bits as the path that copies each column into a row first (which a
/// transposed copy of the same values takes), whatever the counts of rows and columns.
final class ReductionKernelTests: XCTestCase {
    func testColumnSumsMatchRowSumsBitForBit() throws {
        for dtype in [DType.float32, .float64] {
            for rows in [0, 1, 16, 17, 40, 300] {
                for columns in [1, 7, 8, 9, 20] {
                    let x = try values(rows, columns, dtype)
                    let copied = try x.transpose(0, 1).contiguous().transpose(0, 1)
                    if rows > 1 && columns > 1 { XCTAssertFalse(copied.isContiguous) }
                    for keepdim in [false, true] {
                        let name = "\(dtype) \(rows)x\(columns) keepdim \(keepdim)"
                        try assertSameBits(x.sum(dims: [0], keepdim: keepdim),
                                           copied.sum(dims: [0], keepdim: keepdim), name)
                    }
                }
            }
            // Several leading dims, and a mean (a sum divided).
            let x = try values(6 * 5, 9, dtype).reshape([6, 5, 9])
            let copied = try x.permute([2, 0, 1]).contiguous().permute([1, 2, 0])
            try assertSameBits(x.sum(dims: [0, 1]), copied.sum(dims: [0, 1]), "\(dtype) 6x5x9 over two dims")
            try assertSameBits(x.mean(dims: [0]), copied.mean(dims: [0]), "\(dtype) 6x5x9 mean")
        }
    }

    // MARK: helpers

    /// A rows×columns matrix of values with full mantissas, so any change of order shows.
    private func values(_ rows: Int, _ columns: Int, _ dtype: DType) throws -> Tensor {
        try Tensor.arange(end: .int(Int64(rows * columns)), dtype: dtype).mul(.wrapping(.double(0.7))).sin()
            .reshape([rows, columns])
    }

    private func assertSameBits(_ a: Tensor, _ b: Tensor, _ name: String) {
        XCTAssertEqual(a.shape, b.shape, name)
        for i in 0..<a.numel {
            let (x, y) = (a.element(atFlat: i).doubleValue, b.element(atFlat: i).doubleValue)
            if x.bitPattern != y.bitPattern { return XCTFail("\(name): element \(i) is \(x), copied path \(y)") }
        }
    }
}
