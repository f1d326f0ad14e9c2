import XCTest
@testable import GradTensor

/// Gradient checks for the indexing and join ops: autograd against central finite differences,
/// in float64, for first derivatives and (through create_graph) second derivatives.
enum IndexingGradCheck {
    /// Deterministic, distinct, non-integer float64 values.
    static func input(_ shape: [Int]) throws -> Tensor {
        let t = try Tensor(zeros: shape, dtype: .float64)
        for i in 0..<t.numel { t.setFlat(i, .double(sin(Double(i) * 1.3) + 0.25 * Double(i % 3))) }
        return t
    }

    /// Loss weights 0.5, 1.5, 2.5, ...: every output element counts differently.
    static func weights(_ shape: [Int]) throws -> Tensor {
        let t = try Tensor(zeros: shape, dtype: .float64)
        for i in 0..<t.numel { t.setFlat(i, .double(Double(i) + 0.5)) }
        return t
    }

    /// `sum(f(x[0]) * w)` for each input tensor list, without recording.
    private static func loss(_ f: ([Tensor]) throws -> Tensor, _ xs: [Tensor], _ w: Tensor) throws -> Double {
        try GradMode.with(enabled: false) { try f(xs).mul(w).sum().item().doubleValue }
    }

    /// Checks d/dx_k sum(f(xs) * w) for every input against central differences.
    static func check(_ shapes: [[Int]], file: StaticString = #filePath, line: UInt = #line,
                      _ f: @escaping ([Tensor]) throws -> Tensor) throws {
        let xs = try shapes.map { try input($0).requiresGrad_() }
        let out = try f(xs)
        let w = try weights(out.shape)
        let analytic = try Autograd.grad(outputs: [out.mul(w).sum()], inputs: xs)
        try compare(analytic, xs, file: file, line: line) { try loss(f, $0, w) }
    }

    /// Second order: with g = d/dx sum(f(x)^2 * w) built with create_graph, checks
    /// d/dx sum(g * u) against central differences of that same scalar.
    static func checkSecondOrder(_ shape: [Int], file: StaticString = #filePath, line: UInt = #line,
                                 _ f: @escaping (Tensor) throws -> Tensor) throws {
        let x = try input(shape).requiresGrad_()
        let out = try f(x)
        let w = try weights(out.shape), u = try weights(shape)
        func firstGradient(_ x: Tensor, createGraph: Bool) throws -> Tensor {
            let y = try f(x)
            let grads = try Autograd.grad(outputs: [y.mul(y).mul(w).sum()], inputs: [x], createGraph: createGraph)
            return try XCTUnwrap(grads.first ?? nil)
        }
        let g = try firstGradient(x, createGraph: true)
        let analytic = try Autograd.grad(outputs: [g.mul(u).sum()], inputs: [x])
        try compare(analytic, [x], file: file, line: line) { xs in
            let probe = try xs[0].detach().requiresGrad_()
            return try firstGradient(probe, createGraph: false).mul(u).sum().item().doubleValue
        }
    }

    private static func compare(_ analytic: [Tensor?], _ xs: [Tensor], file: StaticString, line: UInt,
                                _ scalar: ([Tensor]) throws -> Double) throws {
        let eps = 1e-6
        for (k, x) in xs.enumerated() {
            let grad = try XCTUnwrap(analytic[k], file: file, line: line)
            XCTAssertEqual(grad.shape, x.shape, file: file, line: line)
            for i in 0..<x.numel {
                func shifted(_ delta: Double) throws -> Double {
                    let inputs = try xs.map { try $0.detach().cloneDetached() }
                    let v = x.element(atFlat: i).doubleValue
                    inputs[k].setFlat(i, .double(v + delta))
                    return try scalar(inputs)
                }
                let numeric = (try shifted(eps) - shifted(-eps)) / (2 * eps)
                XCTAssertEqual(grad.element(atFlat: i).doubleValue, numeric, accuracy: 1e-5,
                               "input \(k) element \(i)", file: file, line: line)
            }
        }
    }
}
