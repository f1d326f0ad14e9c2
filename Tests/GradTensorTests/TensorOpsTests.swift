import XCTest
@testable import GradTensor

/// Replays each case of Fixtures/ops/generate.py (creation, dtypes, elementwise ops, reductions,
/// views, in-place ops and their errors) and compares with what real PyTorch printed.
final class TensorOpsTests: XCTestCase {
    private let cases: [String: (inout Printer) throws -> Void] = [
        "arange_forms": { out in
            out.print(try Tensor.arange(end: .int(5)), try Tensor.arange(start: .int(2), end: .int(8), step: .int(3)),
                      try Tensor.arange(start: .int(0), end: .int(1), step: .double(0.25)),
                      try Tensor.arange(start: .int(1), end: .double(2.5), step: .double(0.5)),
                      try Tensor.arange(start: .int(5), end: .int(0), step: .int(-2)),
                      try Tensor.arange(start: .double(-1.5), end: .int(1)))
        },
        "arange_errors_step": { _ in _ = try Tensor.arange(start: .int(0), end: .int(1), step: .int(0)) },
        "arange_errors_sign": { _ in _ = try Tensor.arange(start: .int(0), end: .int(1), step: .double(-0.5)) },
        "linspace_eye_full": { out in
            out.print(try Tensor.linspace(0, 1, steps: 5), try Tensor.linspace(-1, 1, steps: 3, dtype: .float64),
                      try Tensor.eye(2, 3), try Tensor.full([2, 2], .int(7)), try Tensor.full([2], .double(0.5)))
        },
        "zeros_ones_like": { out in
            let x = try ints([[1, 2], [3, 4]])
            out.print(try Tensor.zerosLike(x), try Tensor.onesLike(x, dtype: .float32), try Tensor.ones([2, 3], dtype: .float64))
        },
        "dtype_inference": { out in
            out.print(try Tensor.from(.scalar(.double(2))).dtype, try Tensor.from(.scalar(.int(2))).dtype,
                      try Tensor.from(.scalar(.bool(true))).dtype,
                      try Tensor.from(.list([.scalar(.int(1)), .scalar(.double(2.5))])).dtype,
                      try Tensor.from(.list([.scalar(.bool(true)), .scalar(.int(2))])).dtype,
                      try Tensor.from(.list([])).dtype)
        },
        "explicit_dtype": { out in
            out.print(try Tensor.from(.list([.scalar(.double(1.7)), .scalar(.double(-2.7))]), dtype: .int64),
                      try Tensor.from(.list([.scalar(.int(0)), .scalar(.int(2))]), dtype: .bool),
                      try Tensor.from(.list([.scalar(.int(1)), .scalar(.int(2))]), dtype: .float64))
        },
        "ragged": { _ in _ = try Tensor.from(.list([.list([.scalar(.int(1)), .scalar(.int(2))]), .list([.scalar(.int(3))])])) },
        "negative_size": { _ in _ = try Tensor.zeros([2, -3]) },
        "absurd_size": { _ in _ = try Tensor.zeros([1_000_000_000_000]) },
        "overflow_size": { _ in _ = try Tensor.ones([1 << 62, 4]) },
        "promotion_table": { out in
            let i = try ints([3, 4]), f = try vec([0.5, 2.0]), b = try bools([true, false])
            let d = try Tensor.from(.list([.scalar(.double(1)), .scalar(.double(2))]), dtype: .float64)
            out.print(try i.add(n(1.5)), try i.mul(f), try f.add(d), try b.add(b), try b.mul(n(2)), try b.add(n(0.5)),
                      try i.div(i), try i.floorDivide(n(3)),
                      try f.add(Tensor.full([], .double(1), dtype: .float64)).dtype,
                      try Tensor.full([], .double(1), dtype: .float64).add(scalar(2)).dtype)
        },
        "floor_mod_signs": { out in
            let a = try ints([-7, 7, -7, 7]), b = try ints([2, 2, -2, -2])
            out.print(try a.floorDivide(b), try a.remainder(b), try a.to(.float32).floorDivide(b),
                      try a.to(.float32).remainder(b.to(.float32)), try vec([-0.5]).floorDivide(n(1)))
        },
        "int_div_zero": { _ in _ = try ints([1, 2]).floorDivide(ints([1, 0])) },
        "int_pow": { out in
            out.print(try ints([2, 3]).pow(n(3)), try ints([2, 3]).pow(ints([0, 2])), try ints([1, 4]).rpow(.int(2)),
                      try vec([4]).pow(n(0.5)))
        },
        "int_pow_negative": { _ in _ = try ints([2, 3]).pow(n(-1)) },
        "float_div_zero": { out in out.print(try vec([1, -1, 0]).div(n(0)), try vec([1]).remainder(n(0))) },
        "bool_sub": { _ in _ = try bools([true]).sub(bools([false])) },
        "bool_neg": { _ in _ = try bools([true]).neg() },
        "comparisons": { out in
            let x = try vec([1, 2, 3])
            out.print(try x.gt(n(2)), try x.eq(n(2)), try x.ne(n(2)), try x.le(n(2)), try x.lt(vec([3, 2, 1])),
                      try x.gt(n(1)).logicalAnd(x.lt(n(3))), try x.lt(n(2)).logicalOr(x.gt(n(2))), try x.gt(n(2)).logicalNot())
        },
        "unary_math": { out in
            let x = try vec([0.25, 1, 4]), m = try x.sub(n(1))
            out.print(try x.exp(), try x.log(), try x.sqrt(), try x.neg().abs(), try x.sin(), try x.cos(), try m.tanh(),
                      try m.sigmoid(), try m.relu(), try x.square(), try m.sign(), try x.neg())
        },
        "unary_int_promotes": { out in
            let i = try ints([1, 4])
            out.print(try i.exp(), try i.sqrt(), try i.abs(), try i.relu(), try i.square(), try i.sign(), try i.neg())
        },
        "clamp_forms": { out in
            let x = try vec([-2, 0.5, 3])
            out.print(try x.clamp(min: .int(-1), max: .int(1)), try x.clamp(min: .int(0), max: nil),
                      try x.clamp(min: nil, max: .int(0)), try ints([-5, 5]).clamp(min: .int(-1), max: .int(1)))
        },
        "sum_mean": { out in
            let x = try matrix([[1, 2, 3], [4, 5, 6]])
            out.print(try x.sum(), try x.sum(dims: [0]), try x.sum(dims: [1], keepdim: true), try x.sum(dims: [0, 1]),
                      try x.mean(), try x.mean(dims: [0]), try x.mean(dims: [-1], keepdim: true), try ints([1, 2]).sum(),
                      try bools([true, true]).sum())
        },
        "mean_int": { _ in _ = try ints([1, 2]).mean() },
        "max_min_argmax": { out in
            let x = try matrix([[1, 5, 2], [7, 2, 7]])
            out.print(try x.max(), try x.min(), try x.argmax(), try x.argmin(), try x.argmax(dim: 1), try x.argmax(dim: 0, keepdim: true))
            let (v, i) = try x.max(dim: 1); out.print(v, i)
            let (v2, i2) = try x.min(dim: 0, keepdim: true); out.print(v2, i2)
        },
        "max_nan": { out in out.print(try vec([1, .nan, 3]).max(), try vec([1, .nan]).argmax()) },
        "max_empty": { _ in _ = try vec([]).max() },
        "dim_out_of_range": { _ in _ = try vec([1, 2]).sum(dims: [2]) },
        "softmax_values": { out in
            let x = try matrix([[1, 2, 3], [1, 1, 1]])
            out.print(try x.softmax(dim: 1), try x.softmax(dim: 0), try x.logSoftmax(dim: 1), try vec([1000, 0]).softmax(dim: 0))
        },
        "softmax_int": { _ in _ = try ints([1, 2]).softmax(dim: 0) },
        "reshape_view": { out in
            let x = try Tensor.arange(end: .int(6))
            out.print(try x.reshape([2, 3]), try x.view([3, -1]), Size(try x.reshape([-1, 1]).shape), try x.view([2, 3]).flatten(),
                      try x.reshape([1, 2, 3]).flatten(startDim: 1), try x.view([2, 3]).t().reshape([6]))
        },
        "reshape_bad": { _ in _ = try Tensor.arange(end: .int(6)).reshape([4, -1]) },
        "reshape_two_infer": { _ in _ = try Tensor.arange(end: .int(6)).reshape([-1, -1]) },
        "view_noncontiguous": { _ in _ = try Tensor.arange(end: .int(6)).view([2, 3]).t().view([6]) },
        "transpose_permute": { out in
            let x = try Tensor.arange(end: .int(24)).reshape([2, 3, 4])
            let p = try x.permute([2, 0, 1])
            let row = try p.reshape([4, 6]).view([4, 2, 3]).permute([0, 1, 2])
            out.print(Size(p.shape), Size(try x.transpose(0, 2).shape), try Tensor.from(row.tolist().at(1)),
                      Size(try x.T.shape), try Tensor.arange(end: .int(6)).reshape([2, 3]).T)
        },
        "squeeze_unsqueeze": { out in
            let x = try Tensor.zeros([1, 3, 1])
            out.print(Size(try x.squeeze().shape), Size(try x.squeeze(dims: [0]).shape), Size(try x.squeeze(dims: [1]).shape),
                      Size(try x.unsqueeze(0).shape), Size(try x.unsqueeze(-1).shape), try scalar(5).unsqueeze(0))
        },
        "expand_forms": { out in
            let x = try ints([[1], [2]])
            out.print(try x.expand([2, 3]), try x.expand([-1, 2]), try Tensor.from(.scalar(.int(3))).expand([2]),
                      Size(try x.expand([2, 2, 2]).shape))
        },
        "expand_bad": { _ in _ = try ints([[1, 2], [3, 4]]).expand([3, 2, 3]) },
        "t_3d": { _ in _ = try Tensor.zeros([2, 2, 2]).t() },
        "permute_dup": { _ in _ = try Tensor.zeros([2, 2]).permute([0, 0]) },
        "inplace_int_float": { _ in try ints([1, 2]).add_(n(1.5)) },
        "inplace_broadcast_bad": { _ in try vec([1, 2]).add_(Tensor.ones([2, 2])) },
        "inplace_ops": { out in
            let x = try vec([1, 2, 3])
            try x.add_(n(1)); out.print(x); try x.mul_(vec([2, 1, 0.5])); out.print(x); try x.sub_(n(2)); out.print(x)
            try x.div_(n(4)); out.print(x)
            try x.add_(scalar(1), alpha: .int(2)); out.print(x); try x.sub_(n(1)); try x.mul_(n(3)); try x.div_(n(2)); out.print(x)
            try x.zero_(); out.print(x); try x.fill_(.int(7)); out.print(x)
            let y = try ints([1, 2]); try y.mul_(n(3)); out.print(y); try y.copy_(vec([1.9, -1.9])); out.print(y)
        },
        "views_share_storage": { out in
            let x = try Tensor.zeros([2, 3])
            let v = try x.view([6]); try v.add_(n(1)); let t = try x.t(); try t.mul_(vec([1, 2])); out.print(x)
            let d = x.detach(); try d.fill_(.int(3)); out.print(x)
        },
        "item_forms": { out in
            out.print(try vec([2.5]).item(), try Tensor.from(.scalar(.int(3))).item(), try Tensor.from(.scalar(.bool(true))).item(),
                      try matrix([[1]]).item())
        },
        "item_bad": { _ in _ = try vec([1, 2]).item() },
        "numel_dim_shape": { out in
            let x = try Tensor.zeros([2, 3, 4])
            out.print(x.numel, x.rank, Size(x.shape), Size(x.shape), x.shape[1], x.dtype, Size(try scalar(1).shape))
        },
        "clone_contiguous": { out in
            let x = try Tensor.arange(end: .double(6)).reshape([2, 3]).t()
            out.print(x.isContiguous, try x.contiguous().isContiguous, try x.clone())
        },
        "to_dtype": { out in
            let x = try vec([1.7, -0.2])
            out.print(try x.to(.int64), try x.to(.float64), try x.to(.bool), try ints([3, 0]).to(.float32), try x.to(.float64),
                      try x.to(.int64), 0)
        },
        "where_op": { out in
            let x = try vec([1, -2, 3])
            out.print(try Tensor.where(x.gt(n(0)), x, scalar(0)), try Tensor.where(x.gt(n(0)), n(1), n(0)))
        },
        "rand_shapes": { out in
            RandomGenerator.manualSeed(0)
            let r = try Tensor.rand([2, 3]), z = try Tensor.randn([4])
            out.print(Size(r.shape), r.dtype, try r.ge(n(0)).to(.int64).sum().item() == .int(6),
                      try r.lt(n(1)).to(.int64).sum().item() == .int(6), Size(z.shape), try Tensor.rand([2], dtype: .float64).dtype)
        },
        "rand_int_dtype": { _ in _ = try Tensor.rand([2], dtype: .int64) },
    ]

    func testEveryCaseMatchesPyTorch() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/ops/cases.json")
        let fixture = try JSONDecoder().decode([String: [String: String]].self, from: Data(contentsOf: url))
        XCTAssertEqual(Set(fixture.keys), Set(cases.keys), "every recorded case has a Swift replay and vice versa")
        for (id, recorded) in fixture.sorted(by: { $0.key < $1.key }) {
            guard let replay = cases[id] else { continue }
            var out = Printer()
            do { try replay(&out) } catch let e as TorchError { out.line(e.description) }
            XCTAssertEqual(out.text, recorded["expected"], "case \(id):\n\(recorded["source"] ?? "")")
        }
    }
}

private func ints(_ values: [Int64]) throws -> Tensor {
    try Tensor.from(.list(values.map { .scalar(.int($0)) }))
}

private func ints(_ rows: [[Int64]]) throws -> Tensor {
    try Tensor.from(.list(rows.map { .list($0.map { .scalar(.int($0)) }) }))
}

private func bools(_ values: [Bool]) throws -> Tensor {
    try Tensor.from(.list(values.map { .scalar(.bool($0)) }))
}

extension NestedData {
    /// Element `i` of a list (the replays' stand-in for Python indexing).
    func at(_ i: Int) throws -> NestedData {
        guard case .list(let items) = self, items.indices.contains(i) else { throw TorchError.index("no element \(i)") }
        return items[i]
    }
}
