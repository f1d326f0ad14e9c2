import XCTest
@testable import GradTensor
@testable import GradKernels

/// The extent arithmetic behind the matrix-product kernels' bounds checks (CheckedRegion): what
/// it accepts must include every block the kernels touch (the product tests would trap
/// otherwise) and exclude anything past the buffer, overflow included.
extension MatmulTests {
    func testSpansAcceptsExactlyTheBlocksInsideTheBuffer() {
        // A 3×4 row-major block needs 12 elements; a 3×4 block with row stride 10 needs 24.
        XCTAssertTrue(spans(12, rows: 3, cols: 4, rowStride: 4, colStride: 1))
        XCTAssertFalse(spans(11, rows: 3, cols: 4, rowStride: 4, colStride: 1))
        XCTAssertTrue(spans(24, rows: 3, cols: 4, rowStride: 10, colStride: 1))
        XCTAssertFalse(spans(23, rows: 3, cols: 4, rowStride: 10, colStride: 1))
        // Column-major and broadcast (stride 0) blocks.
        XCTAssertTrue(spans(12, rows: 3, cols: 4, rowStride: 1, colStride: 3))
        XCTAssertTrue(spans(1, rows: 1000, cols: 1000, rowStride: 0, colStride: 0))
        XCTAssertFalse(spans(0, rows: 1, cols: 1, rowStride: 0, colStride: 0))
        // Empty blocks need nothing; negative sizes and strides are refused.
        XCTAssertTrue(spans(0, rows: 0, cols: 5, rowStride: 5, colStride: 1))
        XCTAssertTrue(spans(0, rows: 5, cols: 0, rowStride: 5, colStride: 1))
        XCTAssertFalse(spans(10, rows: -1, cols: 2, rowStride: 1, colStride: 1))
        XCTAssertFalse(spans(10, rows: 2, cols: 2, rowStride: -1, colStride: 1))
        // Extents that overflow Int are outside any buffer.
        XCTAssertFalse(spans(Int.max, rows: Int.max, cols: 2, rowStride: 2, colStride: 1))
        XCTAssertFalse(spans(Int.max, rows: 2, cols: 2, rowStride: Int.max, colStride: 1))
    }

    func testElementRunSpansAndBlocksStayInside() {
        let memory = UnsafeMutablePointer<Float>.allocate(capacity: 20)
        defer { memory.deallocate() }
        let run = ElementRun(base: memory, count: 20)
        XCTAssertEqual(run.span(at: 5, count: 15).base, memory + 5)
        XCTAssertEqual(run.span(at: 5, count: 15).count, 15)
        XCTAssertEqual(run.span(at: 20, count: 0).count, 0)
        // A 3×4 block with row stride 8 reaches 2·8 + 3 = 19 elements on: it fits 20 elements
        // from element 0, not from element 1 (19 left).
        let block = run.block(at: 0, rows: 3, cols: 4, rowStride: 8)
        XCTAssertEqual(block.base, memory)
        XCTAssertEqual(block.count, 20)
        XCTAssertFalse(spans(19, rows: 3, cols: 4, rowStride: 8, colStride: 1))
        let operand = MatrixOperand(base: UnsafePointer(memory), available: 20, rowStride: 5, colStride: 1)
        XCTAssertEqual(operand.shifted(rows: 1, cols: 2).available, 13)
        XCTAssertEqual(operand.shifted(rows: 1, cols: 2).checked(rows: 3, cols: 3), UnsafePointer(memory + 7))
        XCTAssertEqual(operand.transposed.rowStride, 1)
        XCTAssertEqual(operand.advanced(by: 20).available, 0)
    }
}
