import XCTest
@testable import GradTensor

/// Float sums follow PyTorch's order, which depends on the layout (golden scripts
/// torch_exact_sum_* hold PyTorch's values); these tests check the loop layout and that the
/// shortcuts give the bits of the general path.
final class ReductionKernelTests: XCTestCase {
    /// TensorIterator's layout: reduced dims first, then by the input's strides, merged where
    /// the strides allow.
    func testLoopLayoutSortsAndMergesAsTensorIterator() {
        func layout(_ shape: [Int], _ strides: [Int], _ reduced: [Int]) -> [[Int]] {
            let loops = ReductionIterator(shape: shape, strides: strides, reduced: reduced)
            return [loops.shape, loops.inputStrides, loops.outputStrides]
        }
        // A whole contiguous or transposed matrix is one run in memory order.
        XCTAssertEqual(layout([4, 5], [5, 1], [0, 1]), [[20], [1], [0]])
        XCTAssertEqual(layout([5, 4], [1, 5], [0, 1]), [[20], [1], [0]])
        // Rows: the reduced inner dim first; columns: the reduced outer dim first, kept dim after.
        XCTAssertEqual(layout([4, 5], [5, 1], [1]), [[5, 4], [1, 5], [0, 1]])
        XCTAssertEqual(layout([4, 5], [5, 1], [0]), [[4, 5], [5, 1], [0, 1]])
        // Two reduced dims that are adjacent in memory merge; a step keeps them apart.
        XCTAssertEqual(layout([2, 3, 4], [12, 4, 1], [1, 2]), [[12, 2], [1, 12], [0, 1]])
        XCTAssertEqual(layout([2, 3, 4], [30, 10, 2], [1, 2]), [[4, 3, 2], [2, 10, 30], [0, 0, 1]])
        // Size-1 dims vanish.
        XCTAssertEqual(layout([3, 1, 7], [7, 7, 1], [1]), [[21], [1], [1]])
    }

    /// A whole sum or mean of a contiguous tensor is read straight from its buffer; the general
    /// loops over the same tensor must give the same bits.
    func testWholeSumsAndMeansMatchTheGeneralLoopsBitForBit() throws {
        for dtype in [DType.float32, .float64] {
            for count in [0, 1, 3, 16, 17, 100, 1000, 5000] {
                let x = try values(count, 3, dtype)
                let layout = try ReductionLayout(x, dims: nil, dtype: dtype)
                let general = dtype == .float32 ? try layout.cascadeSums(Float.self, keepdim: false)
                                                : try layout.cascadeSums(Double.self, keepdim: false)
                try assertSameBits(x.sum(), general, "\(dtype) \(count) sum")
                let divided = try general.div(.wrapping(.int(Int64(Swift.max(x.numel, 1)))))
                if count > 0 { try assertSameBits(x.mean(), divided, "\(dtype) \(count) mean") }
                XCTAssertEqual(try x.sum(dims: [], keepdim: true).shape, [1, 1])
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
