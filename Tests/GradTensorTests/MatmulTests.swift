import Foundation
import XCTest
@testable import GradTensor

/// matmul / mm / bmm / mv / dot against what real PyTorch 2.15 did with the same operands
/// (Fixtures/matmul/cases.json, written by Fixtures/matmul/generate.py; PyTorch is not needed to
/// run these tests): result reprs, versions, the graph down to the leaves, leaf gradients after
/// backward(gradient=G), and the exact exception for each mistake.
/// Gradient checks and kernel checks are in the MatmulTests+*.swift extensions.
final class MatmulTests: XCTestCase {
    func testAgainstPyTorchFixtures() throws {
        let fixture = try Self.loadFixture()
        XCTAssertGreaterThan(fixture.cases.count, 150)
        for c in fixture.cases {
            try check(c)
        }
    }

    private func check(_ c: MatmulCase) throws {
        let (x, xLeaf) = try c.inputs[0].build()
        let (y, yLeaf) = try c.inputs[1].build()
        let out: Tensor
        do {
            out = try c.apply(x, y)
        } catch let error as TorchError {
            guard let expected = c.error else {
                return XCTFail("\(c.name): unexpected \(error)")
            }
            XCTAssertEqual(error.kind.rawValue, expected.type, c.name)
            XCTAssertEqual(error.message, expected.message, c.name)
            return
        }
        if let expected = c.error {
            return XCTFail("\(c.name): expected \(expected.type): \(expected.message), got \(out)")
        }
        XCTAssertEqual(out.shape, c.shape, c.name)
        XCTAssertEqual(out.description, c.repr, c.name)
        XCTAssertEqual(out.version, c.version, "\(c.name): version")
        XCTAssertEqual(graphDump(out.gradFn), c.graph, "\(c.name): graph")
        guard let values = c.gradient, let expectedGrads = c.grads else { return }
        let g = try Tensor(zeros: out.shape, dtype: out.dtype)
        for (i, v) in values.enumerated() { g.setFlat(i, v.scalar) }
        try out.backward(gradient: g)
        for (leaf, expected) in zip([xLeaf, yLeaf], expectedGrads) {
            XCTAssertEqual(leaf.requiresGrad ? leaf.grad?.description : nil, expected, "\(c.name): grad")
        }
    }

    /// The 1-D @ 2-D result is squeezed in place (version 1, as PyTorch's `squeeze_`), while
    /// `_unsafe_view` results start a fresh version count.
    func testVersionsOfResults() throws {
        let v = try Tensor.ones([3]), m = try Tensor.ones([3, 4]), b = try Tensor.ones([2, 2, 3])
        XCTAssertEqual(try v.matmul(m).version, 1)
        XCTAssertEqual(try b.matmul(m).version, 0)
        XCTAssertNil(try b.matmul(m).viewBase)
    }

    /// A saved operand changed in place is reported at backward; an operand nobody saved is not.
    /// PyTorch:
    ///   x = torch.randn(2, 3, requires_grad=True); W = torch.randn(3, 4); y = x @ W; W.add_(1)
    ///   y.sum().backward()  →  RuntimeError: one of the variables needed for gradient computation
    ///   has been modified by an inplace operation: [torch.FloatTensor [3, 4]] is at version 1; ...
    ///   x = torch.randn(2, 3); W = torch.randn(3, requires_grad=True); y = x @ W ... (mv saves x) → [2, 3]
    ///   x = torch.randn(5, 2, 3); W = torch.randn(3, 4, requires_grad=True); x.add_(1) → [10, 3] (the folded view)
    ///   x = torch.randn(3); W = torch.randn(3, 4, requires_grad=True); x.add_(1) → [1, 3] (the unsqueezed view)
    ///   x = torch.randn(2, 3, requires_grad=True) * 1; W = torch.randn(3, 4); x.add_(1) → no error (x not saved)
    func testInPlaceChangesToSavedOperands() throws {
        func message(_ shape: String) -> String {
            "one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor \(shape)] is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False)."
        }
        func expectError(_ shape: String, _ body: () throws -> Void) {
            XCTAssertThrowsError(try body()) { XCTAssertEqual(($0 as? TorchError)?.message, message(shape)) }
        }
        expectError("[3, 4]") {
            let x = try Tensor.ones([2, 3], requiresGrad: true), w = try Tensor.ones([3, 4])
            let y = try x.matmul(w)
            try w.add_(.wrapping(.int(1)))
            try y.sum().backward()
        }
        expectError("[2, 3]") {
            let x = try Tensor.ones([2, 3]), w = try Tensor.ones([3], requiresGrad: true)
            let y = try x.matmul(w)
            try x.add_(.wrapping(.int(1)))
            try y.sum().backward()
        }
        expectError("[10, 3]") {
            let x = try Tensor.ones([5, 2, 3]), w = try Tensor.ones([3, 4], requiresGrad: true)
            let y = try x.matmul(w)
            try x.add_(.wrapping(.int(1)))
            try y.sum().backward()
        }
        expectError("[1, 3]") {
            let x = try Tensor.ones([3]), w = try Tensor.ones([3, 4], requiresGrad: true)
            let y = try x.matmul(w)
            try x.add_(.wrapping(.int(1)))
            try y.sum().backward()
        }
        let x = try Tensor.ones([2, 3], requiresGrad: true).mul(.wrapping(.int(1)))
        let y = try x.matmul(Tensor.ones([3, 4]))
        try x.add_(.wrapping(.int(1)))
        XCTAssertNoThrow(try y.sum().backward())
    }

    /// Under no_grad nothing is recorded, but the path (and so the result) is the same.
    func testNoGradRecordsNothing() throws {
        let a = try Tensor.ones([2, 2, 3], requiresGrad: true), b = try Tensor.ones([3, 4], requiresGrad: true)
        let out = try GradMode.with(enabled: false) { try a.matmul(b) }
        XCTAssertNil(out.gradFn)
        XCTAssertFalse(out.requiresGrad)
        XCTAssertEqual(out.shape, [2, 2, 4])
    }

    /// Huge sizes never trap: empty operands give empty results, and a result or broadcast
    /// copy too large for memory is refused with PyTorch's error. PyTorch 2.15:
    ///   torch.zeros(0, 2**40) @ torch.zeros(2**40, 0)  →  shape [0, 0]
    ///   torch.zeros(2**40, 0) @ torch.zeros(0, 2**40)  →  RuntimeError: Storage size calculation
    ///       overflowed with sizes=[1099511627776, 1099511627776]
    ///   a = torch.zeros(2**20, 2**20, 0, 2); a @ torch.zeros(2, 3)  →  shape [1048576, 1048576, 0, 3]
    ///   a @ torch.zeros(2**20, 1, 2, 3)  →  RuntimeError: [enforce fail at alloc_cpu.cpp:127] ...
    func testHugeSizesDoNotTrap() throws {
        let huge = 1 << 40, big = 1 << 20
        XCTAssertEqual(try Tensor.zeros([0, huge]).matmul(Tensor.zeros([huge, 0])).shape, [0, 0])
        XCTAssertThrowsError(try Tensor.zeros([huge, 0]).matmul(Tensor.zeros([0, huge]))) {
            XCTAssertEqual(($0 as? TorchError)?.message, "Storage size calculation overflowed with sizes=[1099511627776, 1099511627776]")
        }
        let a = try Tensor.zeros([big, big, 0, 2])
        XCTAssertEqual(try a.matmul(Tensor.zeros([2, 3])).shape, [big, big, 0, 3])
        XCTAssertThrowsError(try a.matmul(Tensor.zeros([big, 1, 2, 3]))) {
            XCTAssertEqual(($0 as? TorchError)?.message, "[enforce fail at alloc_cpu.cpp:127] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to allocate 26388279066624 bytes. Error code 12 (Cannot allocate memory)")
        }
        // Broadcast operands are read in place, never copied: a 2**40-long expanded dot is
        // refused only by the time it would take, so use a modest one.
        let ones = try Tensor.ones([1]).expand([1 << 16])
        XCTAssertEqual(try ones.dot(ones).item(), .double(65536))
    }
}

// MARK: - Fixture model

struct MatmulFixture: Decodable {
    let cases: [MatmulCase]
}

struct MatmulCase: Decodable {
    struct Failure: Decodable {
        let type: String
        let message: String
    }

    let name: String
    let op: String
    let inputs: [OperandSpec]
    let error: Failure?
    let shape: [Int]?
    let repr: String?
    let version: Int?
    let graph: String?
    let gradient: [JSONNumber]?
    let grads: [String?]?

    func apply(_ x: Tensor, _ y: Tensor) throws -> Tensor {
        switch op {
        case "matmul": return try x.matmul(y)
        case "mm": return try x.mm(y)
        case "bmm": return try x.bmm(y)
        case "mv": return try x.mv(y)
        case "dot": return try x.dot(y)
        default: throw TorchError.runtime("unknown op \(op)")
        }
    }
}

/// One operand: a base tensor from flat values, then views; see generate.py.
struct OperandSpec: Decodable {
    enum View {
        case mT
        case expand([Int])
        case unsqueeze(Int)
    }

    let shape: [Int]
    let dtype: String
    let values: [JSONNumber]
    let requiresGrad: Bool
    let views: [View]
    let detach: Bool

    enum CodingKeys: String, CodingKey {
        case shape, dtype, values, requiresGrad = "requires_grad", views, detach
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        shape = try c.decode([Int].self, forKey: .shape)
        dtype = try c.decode(String.self, forKey: .dtype)
        values = try c.decode([JSONNumber].self, forKey: .values)
        requiresGrad = try c.decode(Bool.self, forKey: .requiresGrad)
        detach = try c.decode(Bool.self, forKey: .detach)
        var list = try c.nestedUnkeyedContainer(forKey: .views)
        var views: [View] = []
        while !list.isAtEnd {
            var item = try list.nestedUnkeyedContainer()
            switch try item.decode(String.self) {
            case "mT": views.append(.mT)
            case "expand": views.append(.expand(try item.decode([Int].self)))
            case "unsqueeze": views.append(.unsqueeze(try item.decode(Int.self)))
            case let other: throw DecodingError.dataCorruptedError(in: item, debugDescription: "view \(other)")
            }
        }
        self.views = views
    }

    /// The operand and the leaf whose `.grad` PyTorch reported.
    func build() throws -> (input: Tensor, leaf: Tensor) {
        let dtypes: [String: DType] = ["float32": .float32, "float64": .float64, "int64": .int64, "bool": .bool]
        let base = try Tensor(zeros: shape, dtype: try XCTUnwrap(dtypes[dtype]))
        for (i, v) in values.enumerated() { base.setFlat(i, v.scalar) }
        func applyViews(_ t: Tensor) throws -> Tensor {
            var t = t
            for v in views {
                switch v {
                case .mT: t = try t.transpose(-2, -1)
                case .expand(let sizes): t = try t.expand(sizes)
                case .unsqueeze(let d): t = try t.unsqueeze(d)
                }
            }
            return t
        }
        if detach {
            let x = try applyViews(base).detach()
            if requiresGrad { try x.requiresGrad_() }
            return (x, x)
        }
        if requiresGrad { try base.requiresGrad_() }
        return (try applyViews(base), base)
    }
}

/// A JSON number or bool, kept exact (int64 values such as 2**62 do not survive a Double);
/// the strings "inf", "-inf", "nan" stand for the floats JSON cannot write.
enum JSONNumber: Decodable {
    case bool(Bool), int(Int64), double(Double)

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else {
            switch try c.decode(String.self) {
            case "inf": self = .double(.infinity)
            case "-inf": self = .double(-.infinity)
            case "nan": self = .double(.nan)
            case let other: throw DecodingError.dataCorruptedError(in: c, debugDescription: "number \(other)")
            }
        }
    }

    var scalar: Scalar {
        switch self {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        }
    }
}

extension MatmulTests {
    static func loadFixture() throws -> MatmulFixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/matmul/cases.json")
        return try JSONDecoder().decode(MatmulFixture.self, from: Data(contentsOf: url))
    }
}

/// The graph under a node as generate.py prints it: `Name(child, ...)`, `Leaf[shape]`, `None`.
func graphDump(_ node: Node?) -> String {
    guard let node else { return "None" }
    let children = node.inputs.map { input -> String in
        switch input.edge {
        case .none: return "None"
        case .leaf(let t): return "Leaf" + Shape.sizeList(t.shape)
        case .node(let n): return graphDump(n)
        }
    }
    return "\(node.name)(\(children.joined(separator: ", ")))"
}
