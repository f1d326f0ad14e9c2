import XCTest
import GradTestSupport
@testable import GradTensor

/// Gradient checking in float64: autograd's vector-Jacobian products against central finite
/// differences, in the manner of `torch.autograd.gradcheck` / `gradgradcheck`.
///
/// First order: for `out = f(inputs)` and fixed random weights `W` shaped like `out`, the analytical
/// gradient of `(out * W).sum()` (asked of `Autograd.grad` as the vector-Jacobian product with
/// `gradOutputs: [W]`) must match `(L(x + eps) - L(x - eps)) / 2eps` element by element, and have
/// the input's shape and dtype; `backward(gradient: W)` must accumulate the same values into `.grad`.
/// Second order: the first-order gradients `g_i` are built with `createGraph: true`; the gradient of
/// `sum_i (g_i * V_i).sum()` must match finite differences of the first-order analytical gradients.

/// How a case's input values are drawn.
enum Draw: Sendable {
    /// Uniform in `lo...hi`.
    case uniform(Double, Double)
    /// Magnitude uniform in `lo...hi`, random sign (keeps values away from a kink at zero).
    case signed(Double, Double)
}

/// One input of a case: a float64 leaf that requires grad.
struct InputSpec: Sendable {
    let shape: [Int]
    let draw: Draw

    init(_ shape: [Int], _ draw: Draw = .uniform(-1.5, 1.5)) {
        self.shape = shape
        self.draw = draw
    }
}

/// One row of a gradcheck table.
struct GradcheckCase: Sendable {
    let name: String
    let inputs: [InputSpec]
    let eps: Double
    let atol: Double
    let rtol: Double
    let fn: @Sendable ([Tensor]) throws -> Tensor

    init(_ name: String, _ inputs: [InputSpec], eps: Double = 1e-6, atol: Double = 1e-5, rtol: Double = 1e-4,
         fn: @escaping @Sendable ([Tensor]) throws -> Tensor) {
        self.name = name
        self.inputs = inputs
        self.eps = eps
        self.atol = atol
        self.rtol = rtol
        self.fn = fn
    }
}

/// The cases' values come from the shared seeded generator, seeded from the case name so every
/// case draws the same values on every run, whatever else is in the table.
extension SplitMix64 {
    mutating func draw(_ d: Draw) -> Double {
        switch d {
        case .uniform(let lo, let hi): return lo + (hi - lo) * unit()
        case .signed(let lo, let hi):
            let m = lo + (hi - lo) * unit()
            return unit() < 0.5 ? -m : m
        }
    }

    /// A contiguous tensor of `dtype` filled from `draw`.
    mutating func tensor(_ shape: [Int], _ d: Draw, dtype: DType = .float64, requiresGrad: Bool = false) throws -> Tensor {
        let t = try Tensor.zeros(shape, dtype: dtype)
        for i in 0..<t.numel { t.setFlat(i, .double(draw(d))) }
        try t.setRequiresGrad(requiresGrad)
        return t
    }
}

enum Gradcheck {
    /// The case's leaves, freshly drawn.
    static func makeInputs(_ c: GradcheckCase, _ rng: inout SplitMix64) throws -> [Tensor] {
        try c.inputs.map { try rng.tensor($0.shape, $0.draw, requiresGrad: true) }
    }

    /// Element values of any tensor, row-major, as doubles.
    static func values(_ t: Tensor) -> [Double] {
        (0..<t.numel).map { t.element(atFlat: $0).doubleValue }
    }

    static func dot(_ t: Tensor, _ w: [Double]) -> Double {
        zip(values(t), w).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// `d(sum_k f_k(x) * w_k)/dx` by central differences, perturbing each element of each input in
    /// place through a detached alias (same storage, no graph), then restoring it.
    static func numerical(_ inputs: [Tensor], eps: Double, _ objective: () throws -> Double) throws -> [[Double]] {
        try inputs.map { x in
            let raw = x.detach()
            return try (0..<raw.numel).map { i in
                let v = raw.element(atFlat: i).doubleValue
                raw.setFlat(i, .double(v + eps))
                let plus = try objective()
                raw.setFlat(i, .double(v - eps))
                let minus = try objective()
                raw.setFlat(i, .double(v))
                return (plus - minus) / (2 * eps)
            }
        }
    }

    /// Gradients of `outputs` w.r.t. `inputs` weighted by `weights`; an input that receives no
    /// gradient gets zeros.
    static func vjp(_ outputs: [Tensor], _ inputs: [Tensor], _ weights: [Tensor], createGraph: Bool) throws -> [Tensor] {
        let grads = try Autograd.grad(outputs: outputs, inputs: inputs, gradOutputs: weights,
                                      createGraph: createGraph, allowUnused: true)
        return try zip(grads, inputs).map { g, x in try g ?? Tensor.zerosLike(x) }
    }

    /// Compares one input's analytical gradient with the numerical one; describes every mismatch.
    static func compare(_ label: String, _ input: Tensor, _ analytical: Tensor, _ numerical: [Double],
                        _ c: GradcheckCase) -> [String] {
        if analytical.shape != input.shape {
            return ["\(label): gradient shape \(analytical.shape), input shape \(input.shape)"]
        }
        if analytical.dtype != input.dtype {
            return ["\(label): gradient dtype \(analytical.dtype), input dtype \(input.dtype)"]
        }
        var problems: [String] = []
        for (i, (a, n)) in zip(values(analytical), numerical).enumerated()
        where !(Swift.abs(a - n) <= c.atol + c.rtol * Swift.abs(n)) {
            problems.append("\(label)[flat \(i)]: analytical \(a), numerical \(n)")
        }
        return problems
    }

    /// First-order check: an empty list when every gradient matches.
    static func firstOrderProblems(_ c: GradcheckCase) throws -> [String] {
        var rng = SplitMix64(seed: c.name)
        let inputs = try makeInputs(c, &rng)
        let out = try c.fn(inputs)
        guard out.requiresGrad else { return ["output does not require grad"] }
        let w = try rng.tensor(out.shape, .uniform(-1, 1), dtype: out.dtype)
        let weights = values(w)
        let analytical = try vjp([out], inputs, [w], createGraph: false)
        let numerical = try numerical(inputs, eps: c.eps) {
            try GradMode.with(enabled: false) { dot(try c.fn(inputs), weights) }
        }
        var problems = inputs.indices.flatMap { i in
            compare("d/dinput\(i)", inputs[i], analytical[i], numerical[i], c)
        }
        // `backward()` accumulates into `.grad` through the engine's other path: same values.
        try c.fn(inputs).backward(gradient: w)
        for (i, x) in inputs.enumerated() {
            let accumulated = try x.grad ?? Tensor.zerosLike(x)
            if accumulated.shape != x.shape || values(accumulated) != values(analytical[i]) {
                problems.append("input\(i).grad after backward() \(values(accumulated)) != autograd.grad \(values(analytical[i]))")
            }
        }
        return problems
    }

    /// Second-order check: the derivative of the (createGraph) first-order gradients.
    static func secondOrderProblems(_ c: GradcheckCase) throws -> [String] {
        var rng = SplitMix64(seed: c.name)
        let inputs = try makeInputs(c, &rng)
        let out = try c.fn(inputs)
        guard out.requiresGrad else { return ["output does not require grad"] }
        let w = try rng.tensor(out.shape, .uniform(-1, 1), dtype: out.dtype)
        let vs = try inputs.map { try rng.tensor($0.shape, .uniform(-1, 1)) }
        let vWeights = vs.map(values)

        let grads = try vjp([out], inputs, [w], createGraph: true)
        // Gradients that do not depend on the inputs (not recorded) have a zero derivative.
        let live = grads.indices.filter { grads[$0].requiresGrad }
        let analytical = live.isEmpty
            ? try inputs.map { try Tensor.zerosLike($0) }
            : try vjp(live.map { grads[$0] }, inputs, live.map { vs[$0] }, createGraph: false)

        let numerical = try numerical(inputs, eps: c.eps) {
            let g = try vjp([try c.fn(inputs)], inputs, [w], createGraph: false)
            return zip(g, vWeights).reduce(0) { $0 + dot($1.0, $1.1) }
        }
        return inputs.indices.flatMap { i in
            compare("d/dinput\(i) of the gradient", inputs[i], analytical[i], numerical[i], c)
        }
    }

    /// Runs a table; each failing case is reported with its name and what differed.
    static func run(_ table: [GradcheckCase], secondOrder: Bool = false,
                    file: StaticString = #filePath, line: UInt = #line) {
        for c in table {
            do {
                let problems = secondOrder ? try secondOrderProblems(c) : try firstOrderProblems(c)
                if !problems.isEmpty {
                    XCTFail("\(c.name): \(problems.prefix(4).joined(separator: "; "))"
                            + (problems.count > 4 ? " (+\(problems.count - 4) more)" : ""), file: file, line: line)
                }
            } catch {
                XCTFail("\(c.name): threw \(error)", file: file, line: line)
            }
        }
    }

    /// Cases `ops × shapes` for one-input ops.
    static func unary(_ ops: [(String, Draw, @Sendable (Tensor) throws -> Tensor)], shapes: [[Int]]) -> [GradcheckCase] {
        ops.flatMap { name, draw, f in
            shapes.map { s in GradcheckCase("\(name) \(s)", [InputSpec(s, draw)]) { try f($0[0]) } }
        }
    }

    /// Cases `ops × shape pairs` for two-input ops.
    static func binary(_ ops: [(String, Draw, Draw, @Sendable (Tensor, Tensor) throws -> Tensor)],
                       shapes: [([Int], [Int])]) -> [GradcheckCase] {
        ops.flatMap { name, da, db, f in
            shapes.map { a, b in
                GradcheckCase("\(name) \(a) with \(b)", [InputSpec(a, da), InputSpec(b, db)]) { try f($0[0], $0[1]) }
            }
        }
    }
}

/// Python-number operands, as the language passes them: `num(2)` is the int 2, `num(2.5)` a float.
func num(_ d: Double) throws -> Tensor { try .wrapping(.double(d)) }
func num(_ i: Int) throws -> Tensor { try .wrapping(.int(Int64(i))) }

/// The harness must be able to fail: a detached factor hides half of `x * x`'s derivative.
final class GradcheckHarnessTests: XCTestCase {
    func testDetectsWrongGradients() throws {
        let wrong = GradcheckCase("x * x.detach()", [InputSpec([2, 3])]) { try $0[0].mul($0[0].detach()) }
        XCTAssertFalse(try Gradcheck.firstOrderProblems(wrong).isEmpty)
        let wrongSecond = GradcheckCase("x * (x.detach() * x)", [InputSpec([3])]) {
            try $0[0].mul($0[0].detach().mul($0[0]))
        }
        XCTAssertFalse(try Gradcheck.secondOrderProblems(wrongSecond).isEmpty)
        let right = GradcheckCase("x * x", [InputSpec([2, 3])]) { try $0[0].mul($0[0]) }
        XCTAssertEqual(try Gradcheck.firstOrderProblems(right), [])
        XCTAssertEqual(try Gradcheck.secondOrderProblems(right), [])
    }
}
