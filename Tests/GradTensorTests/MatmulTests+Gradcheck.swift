import XCTest
@testable import GradTensor

/// Analytical gradients of every matmul form against central finite differences in float64
/// (torch.autograd.gradcheck's eps 1e-6, atol 1e-5, rtol 1e-3), and mm's second derivative
/// through create_graph.
extension MatmulTests {
    func testGradcheckEveryForm() throws {
        let forms: [(String, [Int], [Int], (Tensor, Tensor) throws -> Tensor)] = [
            ("dot", [4], [4], { try $0.matmul($1) }),
            ("mv", [3, 4], [4], { try $0.matmul($1) }),
            ("vec_mat", [4], [4, 3], { try $0.matmul($1) }),
            ("mm", [3, 4], [4, 2], { try $0.matmul($1) }),
            ("bmm", [2, 3, 4], [2, 4, 2], { try $0.matmul($1) }),
            ("fold_3_2", [2, 3, 4], [4, 2], { try $0.matmul($1) }),
            ("fold_2_3", [3, 4], [2, 4, 2], { try $0.matmul($1) }),
            ("fold_3_1", [2, 3, 4], [4], { try $0.matmul($1) }),
            ("fold_1_3", [4], [2, 4, 2], { try $0.matmul($1) }),
            ("broadcast_4_3", [2, 1, 3, 4], [3, 4, 2], { try $0.matmul($1) }),
            ("squeezed_batch", [1, 3, 4], [2, 4, 2], { try $0.matmul($1) }),
            ("transposed_views", [4, 3], [2, 4], { try $0.transpose(-2, -1).matmul($1.transpose(-2, -1)) }),
            ("transposed_batch", [2, 4, 3], [2, 2, 4], { try $0.transpose(-2, -1).matmul($1.transpose(-2, -1)) }),
            ("expanded", [1, 4], [4, 2], { try $0.expand([3, 4]).mm($1) }),
            ("direct_bmm", [2, 3, 4], [2, 4, 2], { try $0.bmm($1) }),
        ]
        for (name, sa, sb, op) in forms {
            // Both operands, then each alone: matmul takes a different path for each.
            for grads in [(true, true), (true, false), (false, true)] {
                let a = try sample(sa, seed: 1), b = try sample(sb, seed: 2)
                try a.requiresGrad_(grads.0)
                try b.requiresGrad_(grads.1)
                try gradcheck("\(name) \(grads)", [a, b].filter(\.requiresGrad)) {
                    try op(a, b)
                }
            }
        }
    }

    /// d/dW of ⟨∂f/∂x, V⟩ for f = Σ (x@W)² · R: analytical (backward through the graph of the
    /// first gradient) against finite differences of the first gradient.
    func testSecondDerivativeOfMm() throws {
        let x = try sample([3, 4], seed: 1).requiresGrad_(), w = try sample([4, 2], seed: 2).requiresGrad_()
        let r = try sample([3, 2], seed: 3), v = try sample([3, 4], seed: 4)
        func innerProduct(createGraph: Bool) throws -> Tensor {
            let f = try x.matmul(w).pow(.wrapping(.int(2))).mul(r).sum()
            let gx = try XCTUnwrap(Autograd.grad(outputs: [f], inputs: [x], createGraph: createGraph)[0])
            if createGraph { XCTAssertEqual(gx.gradFn?.name, "MmBackward0") }
            return try gx.mul(v).sum()
        }
        let h = try innerProduct(createGraph: true)
        let analytical = try Autograd.grad(outputs: [h], inputs: [x, w])
        for (t, g) in zip([x, w], analytical) {
            let numeric = try finiteDifferences(t) { try innerProduct(createGraph: false) }
            try assertClose(XCTUnwrap(g), numeric, "second derivative")
        }
    }

    /// The graphs of create_graph gradients, as PyTorch builds them:
    ///   def dd(a, b, op=lambda a, b: a @ b):
    ///       gs = torch.autograd.grad(op(a, b).sum(), [a, b], create_graph=True)
    ///       return [dump(g.grad_fn) for g in gs]      # dump as in Fixtures/matmul/generate.py
    ///   dd(randn(2, 3), randn(3, 4))  (both requires_grad=True), and so on below.
    func testDoubleBackwardGraphsMatchPyTorch() throws {
        let cases: [(String, [Int], [Int], Bool, (Tensor, Tensor) throws -> Tensor, [String])] = [
            ("mm", [2, 3], [3, 4], false, { try $0.matmul($1) },
             ["MmBackward0(None, TBackward0(Leaf[3, 4]))", "MmBackward0(TBackward0(Leaf[2, 3]), None)"]),
            // a = randn(3, 2).t().detach().requires_grad_(): column-major, so its gradient is too.
            ("mm column-major", [3, 2], [3, 4], true, { try $0.matmul($1) },
             ["TBackward0(MmBackward0(Leaf[3, 4], None))", "MmBackward0(TBackward0(Leaf[2, 3]), None)"]),
            ("mv", [2, 3], [3], false, { try $0.matmul($1) },
             ["MulBackward0(None, Leaf[3])", "MvBackward0(TBackward0(Leaf[2, 3]), None)"]),
            ("dot", [3], [3], false, { try $0.matmul($1) },
             ["MulBackward0(None, Leaf[3])", "MulBackward0(None, Leaf[3])"]),
            ("bmm", [2, 2, 3], [2, 3, 4], false, { try $0.bmm($1) },
             ["BmmBackward0(None, TransposeBackward0(Leaf[2, 3, 4]))", "BmmBackward0(TransposeBackward0(Leaf[2, 2, 3]), None)"]),
            ("vec_mat", [3], [3, 4], false, { try $0.matmul($1) },
             ["SqueezeBackward1(MmBackward0(None, TBackward0(Leaf[3, 4])))", "MmBackward0(TBackward0(UnsqueezeBackward0(Leaf[3])), None)"]),
        ]
        for (name, sa, sb, transposeA, op, expected) in cases {
            var a = try sample(sa, seed: 1)
            if transposeA { a = try a.transpose(0, 1).detach() }
            try a.requiresGrad_()
            let b = try sample(sb, seed: 2).requiresGrad_()
            let grads = try Autograd.grad(outputs: [op(a, b).sum()], inputs: [a, b], createGraph: true)
            XCTAssertEqual(grads.map { graphDump($0?.gradFn) }, expected, name)
        }
    }

    // MARK: helpers

    /// A float64 tensor of distinct, irregular values in [-1, 1].
    func sample(_ shape: [Int], seed: Int) throws -> Tensor {
        let t = try Tensor.zeros(shape, dtype: .float64)
        for i in 0..<t.numel {
            t.setFlat(i, .double(sin(Double(i * 7 + seed * 13) * 0.37 + Double(seed))))
        }
        return t
    }

    /// Checks ∂(Σ out·R)/∂input for each input against central differences.
    private func gradcheck(_ name: String, _ inputs: [Tensor], _ f: () throws -> Tensor) throws {
        let out = try f()
        let r = try sample(out.shape, seed: 5)
        let analytical = try Autograd.grad(outputs: [out.mul(r).sum()], inputs: inputs)
        for (t, g) in zip(inputs, analytical) {
            let numeric = try finiteDifferences(t) { try f().mul(r).sum() }
            try assertClose(XCTUnwrap(g, name), numeric, name)
        }
    }

    /// ∂value/∂t by central differences, perturbing t's elements in place (unrecorded writes).
    private func finiteDifferences(_ t: Tensor, _ value: () throws -> Tensor) throws -> Tensor {
        let eps = 1e-6
        let out = try Tensor.zeros(t.shape, dtype: .float64)
        for i in 0..<t.numel {
            let x = t.element(atFlat: i).doubleValue
            t.setFlat(i, .double(x + eps))
            let plus = try value().item().doubleValue
            t.setFlat(i, .double(x - eps))
            let minus = try value().item().doubleValue
            t.setFlat(i, .double(x))
            out.setFlat(i, .double((plus - minus) / (2 * eps)))
        }
        return out
    }

    private func assertClose(_ a: Tensor, _ b: Tensor, _ name: String,
                             file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(a.shape, b.shape, name, file: file, line: line)
        for i in 0..<min(a.numel, b.numel) {
            let x = a.element(atFlat: i).doubleValue, y = b.element(atFlat: i).doubleValue
            XCTAssertLessThanOrEqual(abs(x - y), 1e-5 + 1e-3 * abs(y), "\(name) [\(i)]: \(x) vs \(y)", file: file, line: line)
        }
    }
}
