import XCTest
@testable import GradTensor

/// `torch.cat` / `torch.stack`: expectations printed by PyTorch 2.15 for the Python in each comment.
final class JoinTests: XCTestCase {
    private func vector(_ values: [Double], _ dtype: DType = .float32) throws -> Tensor {
        try Tensor.from(.list(values.map { .scalar(.double($0)) }), dtype: dtype)
    }

    private func filled(_ shape: [Int], _ value: Double, _ dtype: DType = .float32) throws -> Tensor {
        try Tensor.full(shape, .double(value), dtype: dtype)
    }

    private func elements(_ t: Tensor) -> [Double] { (0..<t.numel).map { t.element(atFlat: $0).doubleValue } }

    private func assertThrows(_ kind: TorchError.Kind, _ message: String, file: StaticString = #filePath,
                              line: UInt = #line, _ body: () throws -> Tensor) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual(error as? TorchError, TorchError(kind, message), file: file, line: line)
        }
    }

    func testCatValuesAndShapes() throws {
        // torch.cat([torch.zeros(2,2), torch.ones(2,3)], 1) → [[0,0,1,1,1],[0,0,1,1,1]]
        let a = try Tensor.cat([filled([2, 2], 0), filled([2, 3], 1)], dim: 1)
        XCTAssertEqual(a.shape, [2, 5])
        XCTAssertEqual(elements(a), [0, 0, 1, 1, 1, 0, 0, 1, 1, 1])
        // torch.cat([torch.zeros(2), torch.ones(3)], -1) → tensor([0., 0., 1., 1., 1.])
        XCTAssertEqual(elements(try Tensor.cat([filled([2], 0), filled([3], 1)], dim: -1)), [0, 0, 1, 1, 1])
        // torch.cat([torch.zeros(2, 3).t(), torch.zeros(3, 2) + 1], 1): non-contiguous inputs
        let t = try Tensor.arange(end: .int(6), dtype: .float32).reshape([2, 3]).t()
        XCTAssertEqual(elements(try Tensor.cat([t, filled([3, 2], 9)], dim: 1)), [0, 3, 9, 9, 1, 4, 9, 9, 2, 5, 9, 9])
        // torch.cat([torch.zeros(2, 3), torch.zeros(0, 3), torch.zeros(1, 3)], 0).shape → [3, 3]
        XCTAssertEqual(try Tensor.cat([filled([2, 3], 0), filled([0, 3], 0), filled([1, 3], 0)]).shape, [3, 3])
        // torch.cat([torch.zeros(0), torch.ones(2, 3)], 1) → the 2x3 ones (1-D empty tensors are skipped)
        XCTAssertEqual(try Tensor.cat([filled([0], 0), filled([2, 3], 1)], dim: 1).shape, [2, 3])
        // torch.cat([torch.zeros(0, 2), torch.zeros(0)]) → tensor([], size=(0, 2))
        XCTAssertEqual(try Tensor.cat([filled([0, 2], 0), filled([0], 0)]).shape, [0, 2])
        // torch.cat([torch.zeros(0), torch.zeros(0)], 5) → tensor([])
        XCTAssertEqual(try Tensor.cat([filled([0], 0), filled([0], 0)], dim: 5).shape, [0])
    }

    func testCatPromotesDtypes() throws {
        // torch.cat([torch.zeros(2, dtype=torch.long), torch.ones(3)]).dtype → torch.float32
        XCTAssertEqual(try Tensor.cat([filled([2], 0, .int64), filled([3], 1)]).dtype, .float32)
        // torch.cat([torch.zeros(2, dtype=torch.long), torch.ones(3, dtype=torch.bool)]) → tensor([0, 0, 1, 1, 1])
        let ints = try Tensor.cat([filled([2], 0, .int64), filled([3], 1, .bool)])
        XCTAssertEqual(ints.dtype, .int64)
        XCTAssertEqual(elements(ints), [0, 0, 1, 1, 1])
        // torch.cat([torch.zeros(2, dtype=torch.float64), torch.ones(3)]).dtype → torch.float64
        XCTAssertEqual(try Tensor.cat([filled([2], 0, .float64), filled([3], 1)]).dtype, .float64)
        // torch.cat([torch.zeros(0, dtype=torch.float64), torch.ones(2, 3)]).dtype → float64 (skipped still counts)
        XCTAssertEqual(try Tensor.cat([filled([0], 0, .float64), filled([2, 3], 1)]).dtype, .float64)
    }

    func testCatErrors() {
        assertThrows(.runtimeError, "Sizes of tensors must match except in dimension 1. Expected size 2 but got size 3 for tensor number 1 in the list.") {
            try Tensor.cat([filled([2, 2], 0), filled([3, 3], 1)], dim: 1)
        }
        assertThrows(.runtimeError, "Sizes of tensors must match except in dimension 0. Expected size 2 but got size 3 for tensor number 1 in the list.") {
            try Tensor.cat([filled([2, 2], 0), filled([2, 3], 1)])
        }
        assertThrows(.runtimeError, "Sizes of tensors must match except in dimension 1. Expected size 2 but got size 3 for tensor number 2 in the list.") {
            try Tensor.cat([filled([2, 2], 0), filled([2, 3], 1), filled([3, 3], 1)], dim: 1)
        }
        assertThrows(.runtimeError, "Sizes of tensors must match except in dimension 0. Expected size 3 but got size 0 for tensor number 1 in the list.") {
            try Tensor.cat([filled([2, 3], 0), filled([3, 0], 1)])
        }
        assertThrows(.runtimeError, "Tensors must have same number of dimensions: got 2 and 1") {
            try Tensor.cat([filled([2, 2], 0), filled([2], 1)])
        }
        assertThrows(.valueError, "torch.cat(): expected a non-empty list of Tensors") { try Tensor.cat([]) }
        assertThrows(.runtimeError, "zero-dimensional tensor (at position 0) cannot be concatenated") {
            try Tensor.cat([filled([], 1), filled([], 2)])
        }
        assertThrows(.runtimeError, "zero-dimensional tensor (at position 1) cannot be concatenated") {
            try Tensor.cat([filled([2], 1), filled([], 2)], dim: 5)
        }
        assertThrows(.indexError, "Dimension out of range (expected to be in range of [-1, 0], but got 1)") {
            try Tensor.cat([filled([2], 0), filled([3], 1)], dim: 1)
        }
        assertThrows(.indexError, "Dimension out of range (expected to be in range of [-2, 1], but got 2)") {
            try Tensor.cat([filled([0], 0), filled([2, 3], 1)], dim: 2)
        }
    }

    func testCatGradients() throws {
        // a = torch.arange(3., requires_grad=True); b = torch.arange(2., dtype=torch.float64, requires_grad=True)
        // c = torch.cat([a, b]) → float64, grad_fn=<CatBackward0>
        // (c * torch.arange(5.)).sum().backward() → a.grad tensor([0., 1., 2.]), b.grad tensor([3., 4.], dtype=torch.float64)
        let a = try Tensor.arange(end: .int(3), dtype: .float32, requiresGrad: true)
        let b = try Tensor.arange(end: .int(2), dtype: .float64, requiresGrad: true)
        let c = try Tensor.cat([a, b])
        XCTAssertEqual(c.dtype, .float64)
        XCTAssertEqual(c.gradFn?.name, "CatBackward0")
        try c.mul(Tensor.arange(end: .int(5), dtype: .float32)).sum().backward()
        XCTAssertEqual(a.grad.map(elements), [0, 1, 2])
        XCTAssertEqual(a.grad?.dtype, .float32)
        XCTAssertEqual(b.grad.map(elements), [3, 4])
        XCTAssertEqual(b.grad?.dtype, .float64)
        // a = torch.zeros(2, requires_grad=True); b = torch.zeros(0, requires_grad=True)
        // torch.cat([a, b, a]).sum().backward() → a.grad tensor([2., 2.]), b.grad tensor([])
        let p = try Tensor.zeros([2], requiresGrad: true), q = try Tensor.zeros([0], requiresGrad: true)
        try Tensor.cat([p, q, p]).sum().backward()
        XCTAssertEqual(p.grad.map(elements), [2, 2])
        XCTAssertEqual(q.grad?.shape, [0])
        // torch.cat([torch.zeros(2, requires_grad=True)]).grad_fn → <CatBackward0>; an int input gets no grad
        XCTAssertEqual(try Tensor.cat([p]).gradFn?.name, "CatBackward0")
        XCTAssertEqual(try Tensor.cat([a, filled([2], 5, .int64)]).gradFn?.name, "CatBackward0")
    }

    func testCatDoesNotAliasItsInputs() throws {
        // x = torch.zeros(3); y = torch.cat([x, x[1:]]); x[0] = 7 leaves y unchanged
        let x = try filled([3], 0)
        let y = try Tensor.cat([x, x.index([.slice(start: 1, stop: nil, step: nil)])])
        try x.indexAssign([.int(0)], .wrapping(.int(7)))
        XCTAssertEqual(elements(y), [0, 0, 0, 0, 0])
    }

    func testStackValuesAndShapes() throws {
        // torch.stack([torch.zeros(2), torch.ones(2)]) → [[0., 0.], [1., 1.]]
        let s0 = try Tensor.stack([filled([2], 0), filled([2], 1)])
        XCTAssertEqual(s0.shape, [2, 2])
        XCTAssertEqual(elements(s0), [0, 0, 1, 1])
        // torch.stack([torch.zeros(2), torch.ones(2)], 1) and dim=-1 → [[0., 1.], [0., 1.]]
        XCTAssertEqual(elements(try Tensor.stack([filled([2], 0), filled([2], 1)], dim: 1)), [0, 1, 0, 1])
        XCTAssertEqual(elements(try Tensor.stack([filled([2], 0), filled([2], 1)], dim: -1)), [0, 1, 0, 1])
        // torch.stack([torch.tensor(1.), torch.tensor(2)]) → tensor([1., 2.])
        let scalars = try Tensor.stack([filled([], 1), filled([], 2, .int64)])
        XCTAssertEqual(scalars.shape, [2])
        XCTAssertEqual(scalars.dtype, .float32)
        // torch.stack([torch.tensor(1), torch.tensor(True)]) → tensor([1, 1])
        XCTAssertEqual(try Tensor.stack([filled([], 1, .int64), filled([], 1, .bool)]).dtype, .int64)
        // torch.stack([torch.zeros(2, dtype=torch.float64), torch.ones(2)]).dtype → torch.float64
        XCTAssertEqual(try Tensor.stack([filled([2], 0, .float64), filled([2], 1)]).dtype, .float64)
        // torch.stack([torch.zeros(0), torch.zeros(0)]).shape → torch.Size([2, 0])
        XCTAssertEqual(try Tensor.stack([filled([0], 0), filled([0], 0)]).shape, [2, 0])
        // torch.stack([a, b], 1) for a = arange(6).reshape(2, 3), b = a + 10 → [[[0,1,2],[10,11,12]],[[3,4,5],[13,14,15]]]
        let a = try Tensor.arange(end: .int(6), dtype: .float32).reshape([2, 3])
        let mid = try Tensor.stack([a, a.add(.wrapping(.int(10)))], dim: 1)
        XCTAssertEqual(mid.shape, [2, 2, 3])
        XCTAssertEqual(elements(mid), [0, 1, 2, 10, 11, 12, 3, 4, 5, 13, 14, 15])
    }

    func testStackErrors() {
        assertThrows(.runtimeError, "stack expects each tensor to be equal size, but got [2] at entry 0 and [3] at entry 1") {
            try Tensor.stack([filled([2], 0), filled([3], 1)])
        }
        assertThrows(.runtimeError, "stack expects each tensor to be equal size, but got [2] at entry 0 and [3] at entry 2") {
            try Tensor.stack([filled([2], 0), filled([2], 1), filled([3], 1)])
        }
        assertThrows(.runtimeError, "stack expects each tensor to be equal size, but got [2, 2] at entry 0 and [2] at entry 1") {
            try Tensor.stack([filled([2, 2], 0), filled([2], 1)])
        }
        assertThrows(.runtimeError, "stack expects a non-empty TensorList") { try Tensor.stack([]) }
        assertThrows(.indexError, "Dimension out of range (expected to be in range of [-2, 1], but got 2)") {
            try Tensor.stack([filled([2], 0), filled([2], 1)], dim: 2)
        }
        assertThrows(.indexError, "Dimension out of range (expected to be in range of [-2, 1], but got -3)") {
            try Tensor.stack([filled([2], 0), filled([2], 1)], dim: -3)
        }
        // the dimension is checked before the sizes
        assertThrows(.indexError, "Dimension out of range (expected to be in range of [-2, 1], but got 5)") {
            try Tensor.stack([filled([2], 0), filled([3], 1)], dim: 5)
        }
    }

    func testStackGradients() throws {
        // a = torch.arange(2., requires_grad=True); s = torch.stack([a, a * 2]) → grad_fn=<StackBackward0>
        // (s * torch.tensor([[1., 2.], [3., 4.]])).sum().backward() → a.grad tensor([7., 10.])
        let a = try Tensor.arange(end: .int(2), dtype: .float32, requiresGrad: true)
        let s = try Tensor.stack([a, a.mul(.wrapping(.int(2)))])
        XCTAssertEqual(s.gradFn?.name, "StackBackward0")
        try s.mul(Tensor.arange(start: .int(1), end: .int(5), dtype: .float32).reshape([2, 2])).sum().backward()
        XCTAssertEqual(a.grad.map(elements), [7, 10])
    }
}
