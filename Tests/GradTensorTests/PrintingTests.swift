import Foundation
import XCTest
@testable import GradTensor

/// Checks `TensorFormatter` against reprs printed by real PyTorch (Fixtures/printing/cases.json,
/// written by Fixtures/printing/generate.py; PyTorch is not needed to run these tests).
final class PrintingTests: XCTestCase {
    private struct Fixture: Decodable {
        let torch_version: String
        let cases: [Case]
        let sizes: [SizeCase]
    }

    private struct Case: Decodable {
        let id: String
        let expression: String
        let shape: [Int]
        let dtype: String
        let requires_grad_leaf: Bool
        let grad_fn: String?
        let repr: String
        /// Flat row-major elements as text, or nil when `rule` describes them.
        let elements: [String]?
        /// "arange": element i equals i.
        let rule: String?
    }

    private struct SizeCase: Decodable {
        let shape: [Int]
        let repr: String
    }

    private static let fixture: Result<Fixture, Error> = Result {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/printing/cases.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    private func loadFixture() throws -> Fixture {
        try Self.fixture.get()
    }

    func testFixtureIsComprehensive() throws {
        let fixture = try loadFixture()
        XCTAssertGreaterThanOrEqual(fixture.cases.count, 60)
        XCTAssertEqual(Set(fixture.cases.map(\.id)).count, fixture.cases.count, "case ids must be unique")
    }

    func testReprMatchesPyTorch() throws {
        let fixture = try loadFixture()
        for testCase in fixture.cases {
            guard let dtype = DType.allCases.first(where: { $0.name == testCase.dtype }) else {
                XCTFail("\(testCase.id): unknown dtype \(testCase.dtype)")
                continue
            }
            let elements: (Int) -> PrintScalar
            do {
                elements = try elementReader(for: testCase, dtype: dtype)
            } catch {
                XCTFail("\(testCase.id): \(error)")
                continue
            }
            let reads = ReadLog()
            let input = TensorPrintInput(
                shape: testCase.shape,
                dtype: dtype,
                element: { index in
                    reads.record(index)
                    return elements(index)
                },
                requiresGradLeaf: testCase.requires_grad_leaf,
                gradFnName: testCase.grad_fn
            )
            let actual = TensorFormatter.repr(input)
            XCTAssertEqual(
                actual, testCase.repr,
                "\(testCase.id) (\(testCase.expression)) differs from PyTorch \(fixture.torch_version):\n"
                    + "expected:\n\(testCase.repr)\nactual:\n\(actual)"
            )
            XCTAssertEqual(
                reads.indices.count, Self.shownCount(testCase.shape),
                "\(testCase.id): must read exactly the printed elements"
            )
            XCTAssertEqual(Set(reads.indices).count, reads.indices.count, "\(testCase.id): read an element twice")
        }
    }

    func testSizeReprMatchesPyTorch() throws {
        for size in try loadFixture().sizes {
            XCTAssertEqual(TensorFormatter.sizeRepr(size.shape), size.repr)
        }
    }

    func testSizeRepr() {
        XCTAssertEqual(TensorFormatter.sizeRepr([2, 3]), "torch.Size([2, 3])")
        XCTAssertEqual(TensorFormatter.sizeRepr([]), "torch.Size([])")
        XCTAssertEqual(TensorFormatter.sizeRepr([0]), "torch.Size([0])")
        XCTAssertEqual(TensorFormatter.sizeRepr([7]), "torch.Size([7])")
        XCTAssertEqual(TensorFormatter.sizeRepr([1, 0, 5, 1]), "torch.Size([1, 0, 5, 1])")
    }

    /// Shapes and elements no real tensor has must still print, never trap.
    func testNonsenseInputDoesNotTrap() {
        func repr(_ shape: [Int], _ dtype: DType, _ value: PrintScalar) -> String {
            TensorFormatter.repr(TensorPrintInput(
                shape: shape, dtype: dtype, element: { _ in value }, requiresGradLeaf: false, gradFnName: nil
            ))
        }
        XCTAssertEqual(repr([-3], .float32, .float(1)), "tensor([])")
        XCTAssertEqual(repr([2, -1], .int64, .int(1)), "tensor([], size=(2, 0), dtype=torch.int64)")
        XCTAssertEqual(repr([], .int64, .float(.nan)), "tensor(0)")
        XCTAssertEqual(repr([], .int64, .float(1e300)), "tensor(9223372036854775807)")
        XCTAssertEqual(repr([], .bool, .int(2)), "tensor(True)")
        XCTAssertEqual(repr([], .float64, .int(-3)), "tensor(-3., dtype=torch.float64)")
        XCTAssertFalse(repr([Int.max, Int.max, 2], .float32, .float(0.5)).isEmpty)
    }

    /// Builds the element reader for a case, parsing every stored element up front.
    private func elementReader(for testCase: Case, dtype: DType) throws -> (Int) -> PrintScalar {
        if testCase.rule == "arange" {
            return dtype.isFloatingPoint ? { .float(Double($0)) } : { .int(Int64($0)) }
        }
        guard let texts = testCase.elements else { throw FixtureError.noElements }
        let values = try texts.map { try Self.parse($0, dtype: dtype) }
        return { values[$0] }
    }

    private static func parse(_ text: String, dtype: DType) throws -> PrintScalar {
        switch dtype {
        case .bool:
            return .bool(text == "True")
        case .uint8, .int8, .int16, .int32, .int64:
            guard let value = Int64(text) else { throw FixtureError.badElement(text) }
            return .int(value)
        case .float16, .bfloat16, .float32, .float64:
            // Python's repr never writes a sign on nan; the fixture does, to keep -nan distinct.
            if text == "nan" { return .float(.nan) }
            if text == "-nan" { return .float(-.nan) }
            guard let value = Double(text) else { throw FixtureError.badElement(text) }
            return .float(value)
        }
    }

    /// How many elements PyTorch's printer shows (and so reads) for a shape.
    private static func shownCount(_ shape: [Int]) -> Int {
        let count = shape.reduce(1, *)
        guard count > 1000 else { return count }
        return shape.reduce(1) { $0 * min($1, 6) }
    }

    private enum FixtureError: Error {
        case noElements
        case badElement(String)
    }
}

/// Records which element indices the formatter asked for.
private final class ReadLog {
    private(set) var indices: [Int] = []
    func record(_ index: Int) { indices.append(index) }
}
