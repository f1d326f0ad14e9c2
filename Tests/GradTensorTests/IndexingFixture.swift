import Foundation
@testable import GradTensor

/// The cases in Fixtures/indexing/cases.json (written by its generate.py under real PyTorch),
/// decoded into the values the Swift API takes.
struct IndexingFixture: Decodable {
    let torch_version: String
    let get: [GetCase]
    let set: [SetCase]
    let view_set: [ViewSetCase]

    /// Decoded afresh for each test: the cases hold tensors, which tests must not share.
    static func load() throws -> IndexingFixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/indexing/cases.json")
        return try JSONDecoder().decode(IndexingFixture.self, from: Data(contentsOf: url))
    }

    struct Failure: Decodable {
        let type: String
        let message: String
    }

    struct GetCase: Decodable {
        let python: String
        let shape: [Int]
        let dtype: String
        let tuple: Bool
        let items: [FixtureItem]
        let error: Failure?
        let result: GetResult?
    }

    struct GetResult: Decodable {
        let shape: [Int]
        let dtype: String
        let values: [FixtureNumber]
        let strides: [Int]
        let offset: Int
        let shares: Bool
        let grad_fn: String?
        let grad: [FixtureNumber]?
    }

    struct SetCase: Decodable {
        let python: String
        let shape: [Int]
        let dtype: String
        let items: [FixtureItem]
        let value: FixtureValue
        let plain: Outcome
        let graph: Outcome?
        let leaf: Outcome?
    }

    /// One setting's result: an error, or what was observed after the assignment.
    struct Outcome: Decodable {
        let error: Failure?
        let values: [FixtureNumber]?
        let version: Int?
        let grad_fn: String?
        let grad: [FixtureNumber]?
        let value_grad: [FixtureNumber]?
    }

    struct ViewSetCase: Decodable {
        let python: String
        let shape: [Int]
        let view: Subscript
        let write: Subscript
        let value: FixtureValue
        let t_grad_fn: String?
        let v_grad_fn: String?
        let values: [FixtureNumber]
        let view_values: [FixtureNumber]
        let grad: [FixtureNumber]
    }

    struct Subscript: Decodable {
        let items: [FixtureItem]
    }
}

/// A JSON element: an integer (kept exact), a float, a bool, or "nan" / "inf" / "-inf".
enum FixtureNumber: Decodable, Equatable {
    case int(Int64)
    case number(Double)
    case bool(Bool)

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else { self = .number(Double(try c.decode(String.self)) ?? .nan) }
    }

    /// Whether a tensor element equals this (NaN equals NaN).
    func matches(_ s: Scalar) -> Bool {
        switch (self, s) {
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.int(let a), .double(let b)): return Double(a) == b
        case (.number(let a), _): return a == s.doubleValue || (a.isNaN && s.doubleValue.isNaN)
        default: return false
        }
    }
}

/// A tensor written out by the generator: dtype name, shape, row-major data.
struct TensorSpec: Decodable {
    let dtype: String
    let shape: [Int]
    let data: [FixtureNumber]

    func make() throws -> Tensor {
        let t = try Tensor(zeros: shape, dtype: try DType(fixtureName: dtype))
        for (i, v) in data.enumerated() {
            switch v {
            case .bool(let b): t.setFlat(i, .bool(b))
            case .int(let v): t.setFlat(i, .int(v))
            case .number(let d): t.setFlat(i, .double(d))
            }
        }
        return t
    }
}

struct FixtureItem: Decodable {
    let index: TensorIndex

    private enum Key: String, CodingKey { case int, slice, bool, tensor }

    init(from decoder: Decoder) throws {
        if let word = try? decoder.singleValueContainer().decode(String.self) {
            index = word == "none" ? .none : .ellipsis
            return
        }
        let c = try decoder.container(keyedBy: Key.self)
        if let i = try c.decodeIfPresent(Int.self, forKey: .int) { index = .int(i) }
        else if let b = try c.decodeIfPresent(Bool.self, forKey: .bool) { index = .bool(b) }
        else if let s = try c.decodeIfPresent([Int?].self, forKey: .slice) { index = .slice(start: s[0], stop: s[1], step: s[2]) }
        else { index = .tensor(try c.decode(TensorSpec.self, forKey: .tensor).make()) }
    }
}

/// The right-hand side of an assignment: a Python number or a tensor.
struct FixtureValue: Decodable {
    private enum Key: String, CodingKey { case int, float, bool, tensor }
    private let number: Scalar?
    private let tensor: TensorSpec?

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        tensor = try c.decodeIfPresent(TensorSpec.self, forKey: .tensor)
        if let i = try c.decodeIfPresent(Int64.self, forKey: .int) { number = .int(i) }
        else if let b = try c.decodeIfPresent(Bool.self, forKey: .bool) { number = .bool(b) }
        else if let f = try c.decodeIfPresent(String.self, forKey: .float) { number = .double(Double(f) ?? .nan) }
        else { number = nil }
    }

    /// A fresh value tensor (`Tensor.wrapping` for numbers, as the language layer passes them).
    func make() throws -> Tensor {
        if let number { return try Tensor.wrapping(number) }
        return try tensor?.make() ?? Tensor.wrapping(.int(0))
    }
}

extension DType {
    init(fixtureName: String) throws {
        guard let d = DType.allCases.first(where: { $0.name == "torch." + fixtureName }) else {
            throw TorchError.value("unknown dtype \(fixtureName)")
        }
        self = d
    }
}

extension Tensor {
    /// `arange(numel).reshape(shape)` in `dtype`: the generator's source tensors.
    static func fixtureSource(_ shape: [Int], _ dtype: String) throws -> Tensor {
        let t = try Tensor(zeros: shape, dtype: try DType(fixtureName: dtype))
        for i in 0..<t.numel { t.setFlat(i, .int(Int64(i))) }
        return t
    }

    /// 1, 2, 3, ... shaped like this tensor, in its dtype: the weights of the checked loss.
    func fixtureWeights() throws -> Tensor {
        let w = try Tensor(zeros: shape, dtype: dtype)
        for i in 0..<numel { w.setFlat(i, .int(Int64(i + 1))) }
        return w
    }

    /// Whether the row-major elements equal `expected`.
    func elementsMatch(_ expected: [FixtureNumber]) -> Bool {
        expected.count == numel && expected.enumerated().allSatisfy { $1.matches(element(atFlat: $0)) }
    }

    var flatDescription: String {
        "[" + (0..<numel).map { "\(element(atFlat: $0))" }.joined(separator: ", ") + "]"
    }
}
