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

    /// A whole sum or mean of a contiguous tensor is read straight from its buffer; a strided
    /// view of the same values goes through the reduction layout. Both must give the same bits.
    func testWholeSumsAndMeansMatchTheLayoutPathBitForBit() throws {
        for dtype in [DType.float32, .float64] {
            for count in [0, 1, 3, 16, 17, 100, 1000, 5000] {
                let x = try values(count, 2, dtype)
                let strided = x.selectView(1, 0), packed = try strided.contiguous()
                XCTAssertFalse(count > 1 && strided.isContiguous)
                let name = "\(dtype) \(count)"
                try assertSameBits(packed.sum(), strided.sum(), "\(name) sum")
                try assertSameBits(packed.mean(), strided.mean(), "\(name) mean")
                try assertSameBits(packed.sum(dims: [0], keepdim: true), strided.sum(dims: [0], keepdim: true), "\(name) keepdim")
                XCTAssertEqual(try packed.sum(dims: [], keepdim: true).shape, [1])
            }
        }
    }

    /// Gradients computed in one pass when no graph of them is built (a whole mean's, `x ** 2`'s,
    /// a broadcast summed back to a scalar, a 0-dim factor's) equal the general formulas' (taken
    /// with create_graph).
    func testFusedGradientsMatchTheGeneralFormulas() throws {
        for dtype in [DType.float32, .float64] {
            func gradient(createGraph: Bool, _ f: (Tensor) throws -> Tensor) throws -> Tensor {
                let x = try values(7, 3, dtype).detach()
                x.requiresGrad = true
                try Autograd.backward(f(x), createGraph: createGraph)
                return try XCTUnwrap(x.storedGrad)
            }
            let cases: [(String, (Tensor) throws -> Tensor)] = [
                ("mean", { try $0.mean() }),
                ("square", { try $0.pow(.wrapping(.int(2))).mul(.wrapping(.double(0.3))).sum() }),
                ("square of float", { try $0.pow(.wrapping(.double(2))).mean() }),
            ]
            for (name, f) in cases {
                try assertSameBits(gradient(createGraph: false, f), gradient(createGraph: true, f), "\(dtype) \(name)")
            }
            // A gradient summed back to one element (a scalar broadcast in the forward pass).
            let g = try values(7, 3, dtype)
            try assertSameBits(g.sumToShape([]), g.sum(dims: [0, 1], keepdim: true).reshape([]), "\(dtype) to []")
            try assertSameBits(g.sumToShape([1, 1]), g.sum(dims: [0, 1], keepdim: true), "\(dtype) to [1, 1]")
            // A 0-dim factor's gradient (`w * x`): the products summed in one pass, either order.
            for weightFirst in [true, false] {
                func weightGradient(createGraph: Bool) throws -> Tensor {
                    let w = try Tensor.full([], .double(0.3), dtype: dtype)
                    w.requiresGrad = true
                    let x = try values(7, 3, dtype)
                    try Autograd.backward(try (weightFirst ? w.mul(x) : x.mul(w)).sin().sum(), createGraph: createGraph)
                    return try XCTUnwrap(w.storedGrad)
                }
                try assertSameBits(weightGradient(createGraph: false), weightGradient(createGraph: true),
                                   "\(dtype) 0-dim factor, weight first: \(weightFirst)")
            }
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
