import XCTest
@testable import GradTensor

/// The GEMM, GEMV and dot kernels against a plain triple loop, over shapes that cross every
/// block boundary (mr 6, nr 8/16, kc 256, 96-row tasks, nc 2048, 1024-deep packing rounds),
/// sizes 0 and 1, every operand layout (row-major, column-major, strided with an offset,
/// broadcast with stride 0), tasks split by rows and by columns, and the batch split.
extension MatmulTests {
    func testGemmMatchesReferenceForEveryShapeAndLayout() throws {
        // Every layout pair on shapes around the micro-tile and zero sizes...
        let small = [(0, 3, 4), (3, 0, 4), (3, 4, 0), (1, 1, 1), (1, 30, 1), (1, 17, 40), (40, 17, 1),
                     (7, 5, 3), (6, 16, 16), (13, 9, 35)]
        // ...and a few pairs on shapes crossing kc, the row blocks, nc and the packing round.
        let large = Self.largeShapes, somePairs = Self.someLayoutPairs
        let allPairs = Layout.allCases.flatMap { a in Layout.allCases.map { b in (a, b) } }
        for dtype in [DType.float32, .float64] {
            for (shapes, pairs) in [(small, allPairs), (large, somePairs)] {
                for (m, k, n) in shapes {
                    for (layoutA, layoutB) in pairs {
                        let a = try matrix(m, k, layoutA, dtype, seed: 1)
                        let b = try matrix(k, n, layoutB, dtype, seed: 2)
                        try assertProduct(a.mm(b), a, b, "\(dtype) \(m)x\(k)x\(n) \(layoutA) \(layoutB)")
                    }
                }
            }
        }
    }

    func testGemmSplitAmongThreadsMatchesReference() throws {
        // mm runs products this small on one thread; made to share them, the GEMM cuts them into
        // tasks by rows, or (few rows) by columns too.
        for dtype in [DType.float32, .float64] {
            for (m, k, n) in Self.largeShapes {
                for (layoutA, layoutB) in Self.someLayoutPairs {
                    let a = try matrix(m, k, layoutA, dtype, seed: 1)
                    let b = try matrix(k, n, layoutB, dtype, seed: 2)
                    let c = try Tensor.batchedMatrixProduct(a.unsqueeze(0), b.unsqueeze(0), shape: [m, n],
                                                            parallelWork: 1)
                    try assertProduct(c, a, b, "\(dtype) \(m)x\(k)x\(n) \(layoutA) \(layoutB) shared among threads")
                }
            }
        }
    }

    func testBatchedProductsMatchReference() throws {
        // With the threshold for sharing work among threads lowered to 64³ multiply-adds: small
        // matrices in a batch big enough to be split by matrix, and big ones split inside.
        for (batch, m, k, n) in [(600, 8, 8, 8), (3, 70, 90, 80), (0, 2, 3, 4), (2, 0, 3, 4)] {
            for dtype in [DType.float32, .float64, .int64] {
                let a = try batchOf(batch, m, k, dtype, seed: 1), b = try batchOf(batch, k, n, dtype, seed: 2)
                let c = try Tensor.batchedMatrixProduct(a, b, parallelWork: 64 * 64 * 64)
                XCTAssertEqual(c.shape, [batch, m, n])
                for i in stride(from: 0, to: batch, by: max(batch / 7, 1)) {
                    try assertProduct(slice(c, i), slice(a, i), slice(b, i), "\(dtype) batch \(i) of \(batch)x\(m)x\(k)x\(n)")
                }
            }
        }
    }

    func testMatrixVectorAndDotMatchReference() throws {
        for dtype in [DType.float32, .float64, .int64] {
            for (m, k) in [(0, 3), (3, 0), (1, 1), (5, 1), (1, 40), (37, 53)] {
                for layout in Layout.allCases {
                    let a = try matrix(m, k, layout, dtype, seed: 1)
                    for vectorLayout in [Layout.rowMajor, .strided, .broadcast] {
                        let x = try matrix(k, 1, vectorLayout, dtype, seed: 2)
                        let vec = try x.reshape([k])
                        try assertProduct(a.mv(vec), a, x, "mv \(dtype) \(m)x\(k) \(layout) \(vectorLayout)")
                        if m == 1 {
                            try assertProduct(a.reshape([k]).dot(vec), a, x, "dot \(dtype) \(k) \(layout) \(vectorLayout)")
                        }
                    }
                }
            }
        }
        // Big enough to be split over the cores.
        let a = try matrix(1030, 1020, .rowMajor, .float32, seed: 1), x = try matrix(1020, 1, .rowMajor, .float32, seed: 2)
        try assertProduct(a.mv(x.reshape([1020])), a, x, "mv split over cores")
    }

    func testInt64ProductsWrapOnOverflow() throws {
        let a = try Tensor.full([1, 2], .int(1 << 62), dtype: .int64), b = try Tensor.full([2, 1], .int(2), dtype: .int64)
        XCTAssertEqual(try a.mm(b).item(), .int(0))
        XCTAssertEqual(try a.reshape([2]).dot(b.reshape([2])).item(), .int(0))
    }

    // MARK: helpers

    enum Layout: CaseIterable {
        /// Contiguous; transposed (unit row stride); every other element of a larger buffer, at an
        /// offset; one row (or column) broadcast with stride 0.
        case rowMajor, columnMajor, strided, broadcast
    }

    /// (m, k, n) crossing kc (256), the 96-row blocks, nc (2048) and the 1024-deep packing round,
    /// and layout pairs to try them with.
    static let largeShapes = [(97, 257, 17), (17, 257, 97), (5, 3, 2100), (9, 1300, 21)]
    static let someLayoutPairs: [(Layout, Layout)] = [(.rowMajor, .rowMajor), (.columnMajor, .columnMajor),
                                                      (.strided, .broadcast)]

    /// An m×k matrix of small integers (exact in any summation order) laid out as asked.
    private func matrix(_ m: Int, _ k: Int, _ layout: Layout, _ dtype: DType, seed: Int) throws -> Tensor {
        func fill(_ t: Tensor) -> Tensor {
            for i in 0..<t.numel { t.setFlat(i, .int(Int64((i * 7 + seed * 3) % 11 - 5))) }
            return t
        }
        switch layout {
        case .rowMajor: return fill(try Tensor.zeros([m, k], dtype: dtype))
        case .columnMajor: return try fill(Tensor.zeros([k, m], dtype: dtype)).transpose(0, 1)
        case .strided:
            let base = fill(try Tensor.zeros([2 * m * k + 3], dtype: dtype))
            return Tensor(storage: base.storage, shape: [m, k], strides: [2 * k, 2], offset: 3, version: base.versionCounter)
        case .broadcast:
            return try fill(Tensor.zeros([1, k], dtype: dtype)).expand([m, k])
        }
    }

    private func batchOf(_ batch: Int, _ m: Int, _ k: Int, _ dtype: DType, seed: Int) throws -> Tensor {
        let t = try Tensor.zeros([batch, m, k], dtype: dtype)
        for i in 0..<t.numel { t.setFlat(i, .int(Int64((i * 5 + seed) % 9 - 4))) }
        return t
    }

    private func slice(_ t: Tensor, _ i: Int) -> Tensor {
        Tensor(storage: t.storage, shape: Array(t.shape.dropFirst()), strides: Array(t.strides.dropFirst()),
               offset: t.offset + i * t.strides[0], version: t.versionCounter)
    }

    /// Checks c == a·b elementwise (exact: the inputs are small integers), reading a and b
    /// through their strides; c is 2-D, 1-D (mv) or 0-D (dot).
    private func assertProduct(_ c: Tensor, _ a: Tensor, _ b: Tensor, _ name: String) throws {
        let m = a.shape[0], k = a.shape[1], n = b.shape[1]
        XCTAssertEqual(c.numel, m * n, name)
        let av = (0..<a.numel).map { a.element(atFlat: $0).doubleValue }
        let bv = (0..<b.numel).map { b.element(atFlat: $0).doubleValue }
        for i in 0..<m {
            for j in 0..<n {
                var expected = 0.0
                for p in 0..<k { expected += av[i * k + p] * bv[p * n + j] }
                let got = c.element(atFlat: i * n + j).doubleValue
                if got != expected {
                    return XCTFail("\(name): [\(i), \(j)] is \(got), expected \(expected)")
                }
            }
        }
    }
}
