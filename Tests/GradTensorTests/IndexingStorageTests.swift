import XCTest
@testable import GradTensor

/// Views from indexing share memory and the version counter with their base; advanced indexing
/// copies. Expectations from PyTorch 2.15 for the Python in each comment.
final class IndexingStorageTests: XCTestCase {
    private let all = TensorIndex.slice(start: nil, stop: nil, step: nil)

    private func grid() throws -> Tensor {
        try Tensor.arange(end: .int(12), dtype: .float32).reshape([3, 4]).clone()
    }

    private func elements(_ t: Tensor) -> [Double] { (0..<t.numel).map { t.element(atFlat: $0).doubleValue } }

    func testWritesThroughAViewReachTheBaseAndBack() throws {
        // x = torch.arange(12.).reshape(3,4); v = x[1]; v[0] = 100 → x[1,0] == 100, x._version == v._version == 1
        let x = try grid()
        let v = try x.index([.int(1)])
        try v.indexAssign([.int(0)], .wrapping(.int(100)))
        XCTAssertEqual(x.element(atFlat: 4), .double(100))
        XCTAssertEqual(x.version, 1)
        XCTAssertEqual(v.version, 1)
        // x[:, 2] = 7 → v.tolist() == [100., 5., 7., 7.]
        try x.indexAssign([all, .int(2)], .wrapping(.int(7)))
        XCTAssertEqual(elements(v), [100, 5, 7, 7])
        // in-place ops on a strided view land in the base too
        let column = try x.index([.ellipsis, .slice(start: 1, stop: nil, step: 2)])
        try column.mul_(.wrapping(.int(-1)))
        XCTAssertEqual(elements(x), [0, -1, 7, -3, 100, -5, 7, -7, 8, -9, 7, -11])
    }

    func testAdvancedIndexingCopies() throws {
        // x = torch.arange(12.).reshape(3,4); y = x[[0, 1]]; y[0] = 5 → x[0].tolist() == [0., 1., 2., 3.]
        let x = try grid()
        let rows = try Tensor.from(.list([.scalar(.int(0)), .scalar(.int(1))]))
        let y = try x.index([.tensor(rows)])
        try y.indexAssign([.int(0)], .wrapping(.int(5)))
        XCTAssertEqual(elements(try x.index([.int(0)])), [0, 1, 2, 3])
        XCTAssertFalse(y.storage === x.storage)
        XCTAssertEqual(x.version, 0)
    }

    func testOverlappingCopiesAreRefusedOrExact() throws {
        let message = "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location. Please clone() the tensor before performing the operation."
        // x = torch.arange(4.); x[0:2] = x[1:3] → RuntimeError (partial overlap)
        let x = try Tensor.arange(end: .int(4), dtype: .float32)
        XCTAssertThrowsError(try x.indexAssign([.slice(start: 0, stop: 2, step: nil)], x.index([.slice(start: 1, stop: 3, step: nil)]))) {
            XCTAssertEqual($0 as? TorchError, .runtime(message))
        }
        // x[[0,1]] = x[1:3] → RuntimeError as well (index_put_ refuses any overlap)
        let pair = try Tensor.from(.list([.scalar(.int(0)), .scalar(.int(1))]))
        XCTAssertThrowsError(try x.indexAssign([.tensor(pair)], x.index([.slice(start: 1, stop: 3, step: nil)]))) {
            XCTAssertEqual($0 as? TorchError, .runtime(message))
        }
        // x[0:2] = x[2:4] → tensor([2., 3., 2., 3.]); x[::2] = x[1::2] → tensor([3., 3., 3., 3.])
        try x.indexAssign([.slice(start: 0, stop: 2, step: nil)], x.index([.slice(start: 2, stop: 4, step: nil)]))
        XCTAssertEqual(elements(x), [2, 3, 2, 3])
        try x.indexAssign([.slice(start: nil, stop: nil, step: 2)], x.index([.slice(start: 1, stop: nil, step: 2)]))
        XCTAssertEqual(elements(x), [3, 3, 3, 3])
        // x = torch.zeros(3); x[1:] = x[:2] + 1 → tensor([0., 1., 1.])
        let z = try Tensor.zeros([3])
        try z.indexAssign([.slice(start: 1, stop: nil, step: nil)], z.index([.slice(start: nil, stop: 2, step: nil)]).add(.wrapping(.int(1))))
        XCTAssertEqual(elements(z), [0, 1, 1])
    }

    func testWritingASavedTensorBreaksItsBackward() throws {
        // a = torch.tensor([1., 2., 3.], requires_grad=True); b = a.exp(); b[0] = 1; b.sum().backward()
        // → RuntimeError: one of the variables needed for gradient computation has been modified by an
        //   inplace operation: [torch.FloatTensor [3]], which is output 0 of Exp, is at version 1; ...
        let a = try Tensor.from(.list([1, 2, 3].map { .scalar(.double($0)) }), requiresGrad: true)
        let b = try a.exp()
        try b.indexAssign([.int(0)], .wrapping(.int(1)))
        XCTAssertEqual(b.gradFn?.name, "CopySlices")
        XCTAssertThrowsError(try b.sum().backward()) { error in
            let message = (error as? TorchError)?.message ?? ""
            XCTAssertTrue(message.hasPrefix("one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of Exp"), message)
            XCTAssertTrue(message.contains("is at version 1; expected version 0 instead."), message)
        }
    }

    func testAssignmentMakesALeafWithoutGradPartOfTheGraph() throws {
        // x = torch.zeros(2, 3); x[0] = torch.tensor([1., 2, 3], requires_grad=True) * 1
        // → grad_fn=<CopySlices>, x.requires_grad True, x.is_leaf False
        let x = try Tensor.zeros([2, 3])
        let v = try Tensor.from(.list([1, 2, 3].map { .scalar(.double($0)) }), requiresGrad: true)
        try x.indexAssign([.int(0)], v.mul(.wrapping(.int(1))))
        XCTAssertEqual(x.gradFn?.name, "CopySlices")
        XCTAssertTrue(x.requiresGrad)
        XCTAssertFalse(x.isLeaf)
        // x = torch.arange(3., requires_grad=True); y = torch.zeros(2); y[0] = x[0] ** 2; y[1] = x[1] * x[2]
        // y.sum().backward() → x.grad tensor([0., 2., 1.])
        let w = try Tensor.arange(end: .int(3), dtype: .float32, requiresGrad: true)
        let y = try Tensor.zeros([2])
        try y.indexAssign([.int(0)], w.index([.int(0)]).pow(.wrapping(.int(2))))
        try y.indexAssign([.int(1)], w.index([.int(1)]).mul(w.index([.int(2)])))
        try y.sum().backward()
        XCTAssertEqual(w.grad.map(elements), [0, 2, 1])
    }

    func testWritesUnderNoGradStayOutOfTheGraph() throws {
        // x = torch.zeros(3, requires_grad=True); with torch.no_grad(): x[0] = 1 → tensor([1., 0., 0.], requires_grad=True)
        let x = try Tensor.zeros([3], requiresGrad: true)
        try GradMode.with(enabled: false) { try x.indexAssign([.int(0)], .wrapping(.int(1))) }
        XCTAssertEqual(elements(x), [1, 0, 0])
        XCTAssertTrue(x.isLeaf)
        XCTAssertTrue(x.requiresGrad)
        XCTAssertNil(x.gradFn)
    }

    func testFalseWritesNothingAndKeepsTheVersion() throws {
        // x = torch.zeros(3); x[False] = 4 → x._version == 0
        let x = try Tensor.zeros([3])
        try x.indexAssign([.bool(false)], .wrapping(.int(4)))
        XCTAssertEqual(x.version, 0)
        // but x[[0]] = 4 and x[x == 0] = 4 each count one version
        try x.indexAssign([.tensor(Tensor.from(.list([.scalar(.int(0))])))], .wrapping(.int(4)))
        try x.indexAssign([.tensor(x.eq(.wrapping(.int(0))))], .wrapping(.int(4)))
        XCTAssertEqual(x.version, 2)
        XCTAssertEqual(elements(x), [4, 4, 4])
    }

    func testHugeBroadcastIndicesAreRefusedBeforeAllocating() throws {
        // x = torch.zeros(3, 4); x[torch.zeros(200000, 1, dtype=torch.long), torch.zeros(1, 200000, dtype=torch.long)]
        // → RuntimeError: [enforce fail at alloc_cpu.cpp:...] ... you tried to allocate 160000000000 bytes. ...
        let x = try Tensor.zeros([3, 4])
        let a = try Tensor.zeros([200_000, 1], dtype: .int64), b = try Tensor.zeros([1, 200_000], dtype: .int64)
        XCTAssertThrowsError(try x.index([.tensor(a), .tensor(b)])) { error in
            let e = error as? TorchError
            XCTAssertEqual(e?.kind, .runtimeError)
            XCTAssertTrue(e?.message.contains("you tried to allocate 160000000000 bytes") ?? false, "\(error)")
        }
    }

    func testExtremeSubscriptsNeverTrap() throws {
        let x = try grid()
        let extremes = [Int.max, Int.min, Int.max - 1, Int.min + 1, 1 << 62, -(1 << 62), 0, -1]
        for a in extremes {
            _ = try? x.index([.int(a)])
            _ = try? x.index([all, .int(a)])
            _ = try? x.index([.tensor(Tensor.from(.list([.scalar(.int(Int64(a)))])))])
            _ = try? x.indexAssign([.int(a)], .wrapping(.int(1)))
            for b in extremes {
                _ = try? x.index([.slice(start: a, stop: b, step: nil)])
                for c in extremes {
                    _ = try? x.index([.slice(start: a, stop: b, step: c), .slice(start: b, stop: a, step: c)])
                    _ = try? x.indexAssign([all, .slice(start: a, stop: b, step: c)], .wrapping(.double(0.5)))
                }
            }
        }
        XCTAssertEqual(x.shape, [3, 4])
    }
}
