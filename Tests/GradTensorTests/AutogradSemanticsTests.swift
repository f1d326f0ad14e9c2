import XCTest
@testable import GradTensor

/// Replays each case of Fixtures/autograd/generate.py through the Swift API and compares what it
/// prints with what real PyTorch printed (Fixtures/autograd/cases.json).
final class AutogradSemanticsTests: XCTestCase {
    /// Case id → the same steps as the Python source, printing through `out`.
    private let cases: [String: (inout Printer) throws -> Void] = [
        "accumulate_then_zero": { out in
            let x = try vec([1, 2], grad: true)
            try x.mul(x).sum().backward(); out.print(x.grad)
            try x.mul(n(3)).sum().backward(); out.print(x.grad)
            try x.grad?.zero_(); try x.pow(n(3)).sum().backward(); out.print(x.grad)
            try x.setGrad(nil); out.print(x.grad)
        },
        "retain_grad_nonleaf": { out in
            let x = try vec([1, 2], grad: true)
            let y = try x.mul(n(2)); try y.retainGrad(); try y.mul(y).sum().backward()
            out.print(y.grad, x.grad, y.retainsGradient, x.isLeaf, y.isLeaf)
        },
        "nonleaf_grad_is_none": { out in
            let x = try scalar(2, grad: true)
            let y = try x.mul(n(3)); try y.backward(); out.print(y.grad, x.grad)
        },
        "no_grad_blocks_recording": { out in
            let x = try vec([1], grad: true)
            try GradMode.with(enabled: false) {
                let y = try x.mul(n(2))
                out.print(y.requiresGrad, y.gradFn, GradMode.isEnabled)
                try GradMode.with(enabled: true) {
                    let z = try x.mul(n(2))
                    out.print(z.requiresGrad, z)
                }
            }
            out.print(GradMode.isEnabled)
        },
        "set_grad_enabled": { out in
            let x = try vec([1], grad: true)
            GradMode.set(false); out.print(try x.add(n(1))); GradMode.set(true)
            try GradMode.with(enabled: false) { out.print(try x.add(n(1)).requiresGrad) }
            out.print(try x.add(n(1)))
        },
        "update_in_no_grad_stays_leaf": { out in
            let w = try vec([1, 2], grad: true)
            try w.mul(w).sum().backward()
            try GradMode.with(enabled: false) { try w.sub_(n(0.1).mul(XCTUnwrap(w.grad))) }
            out.print(w, w.isLeaf, w.grad)
        },
        "update_outside_no_grad_makes_nonleaf": { out in
            var w = try vec([1, 2], grad: true)
            try w.mul(w).sum().backward()
            w = try w.sub(n(0.1).mul(XCTUnwrap(w.grad)))
            out.print(w, w.isLeaf, w.grad)
        },
        "broadcast_grad_summed_back": { out in
            let a = try Tensor.from(.list([[1.0], [2.0], [3.0]].map { .list($0.map { .scalar(.double($0)) }) }), requiresGrad: true)
            let b = try vec([10, 20], grad: true)
            try a.mul(b).sum().backward(); out.print(a.grad); out.print(b.grad)
        },
        "scalar_tensor_broadcast": { out in
            let s = try scalar(2, grad: true), v = try vec([1, 2, 3], grad: true)
            try s.mul(v).add(s).sum().backward(); out.print(s.grad, v.grad)
        },
        "backward_with_gradient": { out in
            let x = try vec([1, 2, 3], grad: true)
            try x.mul(x).backward(gradient: vec([1, 0.1, 0.01])); out.print(x.grad)
        },
        "retain_graph_twice": { out in
            let x = try scalar(3, grad: true)
            let y = try x.pow(n(2))
            try y.backward(retainGraph: true); try y.backward(); out.print(x.grad)
        },
        "second_backward_error": { _ in
            let x = try scalar(3, grad: true)
            let y = try x.exp().mul(x)
            try y.backward(); try y.backward()
        },
        "create_graph_second_derivative": { out in
            let x = try scalar(2, grad: true)
            let y = try x.pow(n(3))
            let g = try XCTUnwrap(Autograd.grad(outputs: [y], inputs: [x], createGraph: true)[0]); out.print(g)
            let h = try XCTUnwrap(Autograd.grad(outputs: [g], inputs: [x])[0]); out.print(h)
        },
        "create_graph_backward_twice": { out in
            let x = try scalar(1.5, grad: true)
            let y = try x.sin().mul(x)
            try y.backward(createGraph: true); let g = try XCTUnwrap(x.grad); out.print(g)
            try x.setGrad(nil); try g.backward(); out.print(x.grad)
        },
        "third_derivative_tanh": { out in
            let x = try Tensor.full([], .double(0.3), dtype: .float64, requiresGrad: true)
            let y = try x.tanh()
            let g1 = try XCTUnwrap(Autograd.grad(outputs: [y], inputs: [x], createGraph: true)[0])
            let g2 = try XCTUnwrap(Autograd.grad(outputs: [g1], inputs: [x], createGraph: true)[0])
            let g3 = try XCTUnwrap(Autograd.grad(outputs: [g2], inputs: [x])[0])
            out.print(g1, g2, g3)
        },
        "autograd_grad_multiple": { out in
            let a = try vec([1, 2], grad: true), b = try vec([3, 4], grad: true)
            let g = try Autograd.grad(outputs: [a.mul(b).sum()], inputs: [a, b]); out.print(g[0], g[1], a.grad)
        },
        "autograd_grad_outputs": { out in
            let a = try vec([1, 2], grad: true)
            out.print(try Autograd.grad(outputs: [a.mul(a)], inputs: [a], gradOutputs: [vec([1, -1])])[0])
        },
        "autograd_grad_unused": { out in
            let a = try scalar(1, grad: true), b = try scalar(2, grad: true)
            out.printTuple(try Autograd.grad(outputs: [a.mul(n(2))], inputs: [a, b], allowUnused: true))
            _ = try Autograd.grad(outputs: [a.mul(n(2))], inputs: [a, b])
        },
        "autograd_grad_nonleaf_input": { out in
            let x = try scalar(2, grad: true)
            let y = try x.mul(x)
            let z = try y.mul(n(3))
            out.printTuple(try Autograd.grad(outputs: [z], inputs: [y]))
        },
        "error_nonscalar": { _ in try vec([1, 2], grad: true).mul(n(2)).backward() },
        "error_no_grad_fn": { _ in try vec([1, 2]).sum().backward() },
        "error_leaf_inplace": { _ in try vec([1, 2], grad: true).add_(n(1)) },
        "error_saved_modified_exp": { _ in
            let x = try vec([1, 2], grad: true)
            let a = try x.exp(); try a.add_(n(1)); try a.sum().backward()
        },
        "error_saved_modified_leaf": { _ in
            let x = try vec([1, 2], grad: true)
            let z = try x.mul(x)
            try GradMode.with(enabled: false) { _ = try x.mul_(n(2)) }
            try z.sum().backward()
        },
        "error_saved_modified_renamed": { _ in
            let x = try vec([1, 2], grad: true)
            let y = try x.mul(n(1)); let z = try y.mul(y); try y.add_(n(1)); try z.sum().backward()
        },
        "error_requires_grad_int": { _ in _ = try Tensor.from(.list([.scalar(.int(1)), .scalar(.int(2))]), requiresGrad: true) },
        "error_requires_grad_attr_int": { _ in
            try Tensor.from(.list([.scalar(.int(1)), .scalar(.int(2))])).setRequiresGrad(true, source: .attribute)
        },
        "error_requires_grad_method_int": { _ in try Tensor.from(.list([.scalar(.int(1)), .scalar(.int(2))])).requiresGrad_() },
        "error_requires_grad_nonleaf": { _ in
            try vec([1, 2], grad: true).mul(n(2)).setRequiresGrad(false, source: .attribute)
        },
        "error_shape_mismatch": { _ in _ = try vec([1, 2, 3]).add(Tensor.ones([2, 4])) },
        "error_grad_shape": { _ in try vec([1, 2], grad: true).mul(n(2)).backward(gradient: Tensor.ones([3])) },
        "error_grad_assign_shape": { _ in try vec([1, 2], grad: true).setGrad(Tensor.zeros([3])) },
        "error_grad_assign_dtype": { _ in try vec([1, 2], grad: true).setGrad(Tensor.zeros([2], dtype: .float64)) },
        "inplace_nonleaf_graph": { out in
            let x = try vec([1, 2], grad: true)
            let y = try x.mul(n(2))
            try y.mul_(x)
            out.print(y)
            try y.sum().backward(); out.print(x.grad)
        },
        "inplace_through_view": { out in
            let x = try matrix([[1, 2], [3, 4]], grad: true)
            let y = try x.mul(n(1))
            try y.t().mul_(vec([2, 3]))
            out.print(y); try y.sum().backward(); out.print(x.grad)
        },
        "inplace_view_then_use": { out in
            let x = try vec([1, 2], grad: true)
            let y = try x.mul(n(1)), v = try y.view([2, 1]); try v.add_(n(1))
            out.line("\(v.gradFn?.name ?? "NoneType") \(y.gradFn?.name ?? "NoneType")")
            let w = try v.mul(x); out.print(w); try w.mul(w).sum().backward(); out.print(x.grad)
        },
        "inplace_view_of_constant": { out in
            let x = try scalar(3, grad: true)
            let buf = try Tensor.zeros([3])
            try buf.view([3, 1]).mul_(x)
            try buf.add_(x)
            out.print(buf); try buf.mul(buf).sum().backward(); out.print(x.grad)
        },
        "detach_and_data": { out in
            let x = try vec([1, 2], grad: true)
            let d = x.detach(); out.print(d, d.requiresGrad)
            let z = try x.mul(x).sum(); try x.data.add_(n(1)); try z.backward(); out.print(x.grad, x)
        },
        "detach_shares_version": { _ in
            let x = try vec([1, 2], grad: true)
            let z = try x.mul(x).sum(); try x.detach().add_(n(1)); try z.backward()
        },
        "int_promotion": { out in
            let i = try Tensor.from(.list([.scalar(.int(1)), .scalar(.int(2))])), f = try vec([0.5, 0.25])
            out.print(try i.mul(n(2.5)), try i.div(n(2)), try i.floorDivide(n(2)), try i.add(f),
                      try Tensor.from(.list([.scalar(.double(1)), .scalar(.double(2))]), dtype: .float64).add(scalar(1)),
                      try Tensor.full([], .double(2), dtype: .float64).mul(scalar(3)))
        },
        "grad_fn_names": { out in
            let x = try vec([1, 2], grad: true)
            let results: [Tensor] = [
                try x.add(n(1)), try x.sub(n(1)), try x.rsub(.int(1)), try x.mul(n(2)), try x.div(n(2)), try x.rdiv(.int(2)),
                try x.pow(n(2)), try x.pow(x), try x.rpow(.int(2)), try x.neg(), try x.sum(), try x.sum(dims: [0]),
                try x.mean(), try x.max(), try x.exp(), try x.log(), try x.sqrt(), try x.abs(), try x.sin(), try x.cos(),
                try x.tanh(), try x.sigmoid(), try x.relu(), try x.view([2, 1]), try x.reshape([1, 2]), try x.unsqueeze(0),
                try x.unsqueeze(0).squeeze(), try x.unsqueeze(0).squeeze(dims: [0]), try x.clone(),
                try x.clamp(min: .int(0), max: .int(1)), try x.expand([3, 2]), try x.softmax(dim: 0),
                try x.logSoftmax(dim: 0), try x.to(.float64),
            ]
            for t in results { out.line(t.gradFn?.name ?? "NoneType") }
        },
        "max_dim_backward": { out in
            let x = try matrix([[1, 5], [7, 2]], grad: true)
            let (v, i) = try x.max(dim: 1); out.print(v, i); try v.sum().backward(); out.print(x.grad)
        },
        "max_ties_share": { out in
            let x = try vec([3, 1, 3], grad: true)
            try x.max().backward(); out.print(x.grad)
        },
        "softmax_backward": { out in
            let x = try vec([1, 2, 3], grad: true)
            try x.softmax(dim: 0).mul(vec([1, 0, 0])).sum().backward(); out.print(x.grad)
        },
        "mean_dims_keepdim": { out in
            let x = try matrix([[1, 2, 3], [4, 5, 6]], grad: true)
            let m = try x.mean(dims: [1], keepdim: true); out.print(m); try m.sum().backward(); out.print(x.grad)
        },
    ]

    func testEveryCaseMatchesPyTorch() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/autograd/cases.json")
        let fixture = try JSONDecoder().decode([String: Recorded].self, from: Data(contentsOf: url))
        XCTAssertEqual(Set(fixture.keys), Set(cases.keys), "every recorded case has a Swift replay and vice versa")
        for (id, recorded) in fixture.sorted(by: { $0.key < $1.key }) {
            guard let replay = cases[id] else { continue }
            var out = Printer()
            GradMode.set(true)
            do { try replay(&out) } catch let e as TorchError { out.line(e.description) }
            XCTAssertEqual(out.text, recorded.expected, "case \(id):\n\(recorded.source)")
        }
    }

    private struct Recorded: Decodable {
        let source: String
        let expected: String
    }
}

/// Collects output the way Python's `print` formats it.
struct Printer {
    var text = ""

    mutating func line(_ s: String) { text += s + "\n" }

    mutating func print(_ items: Any?...) {
        line(items.map(Printer.repr).joined(separator: " "))
    }

    /// A Python tuple of tensors (or None), as `print(tuple)` shows it.
    mutating func printTuple(_ items: [Tensor?]) {
        let inner = items.map { Printer.repr($0) }.joined(separator: ", ")
        line("(" + inner + (items.count == 1 ? ",)" : ")"))
    }

    static func repr(_ item: Any?) -> String {
        guard let item else { return "None" }
        switch item {
        case let t as Tensor: return t.description
        case let b as Bool: return b ? "True" : "False"
        case let i as Int: return String(i)
        case let d as DType: return d.name
        case let size as Size: return TensorFormatter.sizeRepr(size.dims)
        case let s as Scalar:
            switch s {
            case .bool(let b): return b ? "True" : "False"
            case .int(let i): return String(i)
            case .double(let d): return d == d.rounded() && Swift.abs(d) < 1e16 ? String(Int64(d)) + ".0" : String(d)
            }
        case let n as Node: return "<\(n.name) object>"
        case let o as Optional<Any>: return o.map { "\($0)" } ?? "None"
        }
    }
}

/// A shape to print as `torch.Size([...])`.
struct Size {
    let dims: [Int]
    init(_ dims: [Int]) { self.dims = dims }
}

// Builders that keep the replays close to the Python they mirror.
func vec(_ values: [Double], grad: Bool = false) throws -> Tensor {
    try Tensor.from(.list(values.map { .scalar(.double($0)) }), requiresGrad: grad)
}

func matrix(_ rows: [[Double]], grad: Bool = false) throws -> Tensor {
    try Tensor.from(.list(rows.map { .list($0.map { .scalar(.double($0)) }) }), requiresGrad: grad)
}

func scalar(_ v: Double, grad: Bool = false) throws -> Tensor {
    try Tensor.full([], .double(v), requiresGrad: grad)
}

/// A Python number operand: ints stay ints (they promote differently from floats).
func n(_ v: Double) -> Tensor {
    v == v.rounded() && Swift.abs(v) < 1e15 ? .wrapping(.int(Int64(v))) : .wrapping(.double(v))
}
