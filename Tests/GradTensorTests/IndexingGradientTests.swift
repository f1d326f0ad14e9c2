import XCTest
@testable import GradTensor

/// Gradients of indexing against central finite differences (float64), first and second order,
/// and where a slice's gradient lands.
final class IndexingGradientTests: XCTestCase {
    func testSelectSliceAliasUnsqueezeGradients() throws {
        try IndexingGradCheck.check([[3, 4]]) { try $0[0].index([.int(1)]) }
        try IndexingGradCheck.check([[3, 4]]) { try $0[0].index([.slice(start: nil, stop: nil, step: nil), .int(-1)]) }
        try IndexingGradCheck.check([[3, 4]]) { try $0[0].index([.slice(start: 1, stop: nil, step: 2), .slice(start: -3, stop: 3, step: nil)]) }
        try IndexingGradCheck.check([[2, 3, 4]]) { try $0[0].index([.ellipsis, .none, .int(2)]) }
        try IndexingGradCheck.check([[2, 3]]) { try $0[0].index([.ellipsis]) }
        try IndexingGradCheck.check([[5]]) { try $0[0].index([.slice(start: 1, stop: 4, step: nil)]).index([.int(0)]) }
    }

    func testAdvancedIndexGradients() throws {
        let rows = try Tensor.from(.list([2, 0, 2].map { .scalar(.int($0)) }))
        let cols = try Tensor.from(.list([[1], [3]].map { .list($0.map { .scalar(.int($0)) }) }))
        try IndexingGradCheck.check([[3, 4]]) { try $0[0].index([.tensor(rows)]) }
        try IndexingGradCheck.check([[3, 4]]) { try $0[0].index([.tensor(rows), .tensor(cols)]) }
        let firsts = try Tensor.from(.list([[1], [0]].map { .list($0.map { .scalar(.int($0)) }) }))
        try IndexingGradCheck.check([[2, 3, 4]]) { try $0[0].index([.tensor(firsts), .slice(start: nil, stop: nil, step: nil), .tensor(rows)]) }
        let mask = try IndexingGradCheck.input([3, 4]).gt(.wrapping(.double(0.3)))
        try IndexingGradCheck.check([[3, 4]]) { try $0[0].index([.tensor(mask)]) }
        try IndexingGradCheck.check([[3, 4]]) { try $0[0].index([.slice(start: nil, stop: nil, step: nil), .tensor(mask.index([.int(0)]))]) }
    }

    func testJoinGradients() throws {
        try IndexingGradCheck.check([[2, 3], [2, 1], [2, 2]]) { try Tensor.cat($0, dim: 1) }
        try IndexingGradCheck.check([[2, 3], [1, 3], [0]]) { try Tensor.cat($0) }
        try IndexingGradCheck.check([[2, 3], [2, 3]]) { try Tensor.stack($0, dim: 1) }
        try IndexingGradCheck.check([[3], [3], [3]]) { try Tensor.stack($0, dim: -1) }
    }

    func testAssignmentGradients() throws {
        // t = 2x; t[1, ::2] = x[0, :2] * 3: the overwritten places pass nothing to x through t.
        try IndexingGradCheck.check([[2, 3]]) { xs in
            let t = try xs[0].mul(.wrapping(.int(2)))
            let value = try xs[0].index([.int(0), .slice(start: nil, stop: 2, step: nil)]).mul(.wrapping(.int(3)))
            try t.indexAssign([.int(1), .slice(start: nil, stop: nil, step: 2)], value)
            return t
        }
        let index = try Tensor.from(.list([.scalar(.int(2)), .scalar(.int(0))]))
        try IndexingGradCheck.check([[3, 2], [2]]) { xs in
            let t = try xs[0].mul(.wrapping(.int(1)))
            try t.indexAssign([.tensor(index)], xs[1].index([.none]).t())
            return t
        }
    }

    func testSecondOrderGradients() throws {
        let rows = try Tensor.from(.list([2, 0, 2].map { .scalar(.int($0)) }))
        try IndexingGradCheck.checkSecondOrder([3, 4]) { try $0.index([.int(1)]) }
        try IndexingGradCheck.checkSecondOrder([3, 4]) { try $0.index([.slice(start: nil, stop: nil, step: nil), .slice(start: 1, stop: nil, step: 2)]) }
        try IndexingGradCheck.checkSecondOrder([3, 4]) { try $0.index([.tensor(rows)]) }
        try IndexingGradCheck.checkSecondOrder([3, 2]) { try Tensor.cat([$0, $0.index([.int(0)]).index([.none])]) }
        try IndexingGradCheck.checkSecondOrder([2, 3]) { try Tensor.stack([$0, $0.mul($0)], dim: 2) }
        // t = x * x; t[0, 1:] = x[1, :2] * x[0, 0]: CopySlices inside a graph of the gradient
        try IndexingGradCheck.checkSecondOrder([2, 3]) { x in
            let t = try x.mul(x)
            let value = try x.index([.int(1), .slice(start: nil, stop: 2, step: nil)]).mul(x.index([.int(0), .int(0)]))
            try t.indexAssign([.int(0), .slice(start: 1, stop: nil, step: nil)], value)
            return t
        }
        // the same write through a view of t (AsStridedBackward0 on the view)
        try IndexingGradCheck.checkSecondOrder([2, 3]) { x in
            let t = try x.mul(x)
            let row = try t.index([.int(1)])
            try row.indexAssign([.tensor(Tensor.from(.list([.scalar(.int(2)), .scalar(.int(0))])))], x.index([.int(0), .slice(start: nil, stop: 2, step: nil)]))
            return try row.mul(t.index([.int(0)]))
        }
    }

    func testSliceGradientLandsInPlaceWithZerosElsewhere() throws {
        let x = try Tensor.ones([4, 5], requiresGrad: true)
        try x.index([.slice(start: 1, stop: 3, step: nil), .slice(start: nil, stop: nil, step: 2)]).sum().backward()
        let grad = try XCTUnwrap(x.grad)
        // torch.ones(4, 5, requires_grad=True)[1:3, ::2].sum().backward() → x.grad:
        let expected: [Double] = [0, 0, 0, 0, 0,
                                  1, 0, 1, 0, 1,
                                  1, 0, 1, 0, 1,
                                  0, 0, 0, 0, 0]
        XCTAssertEqual(grad.shape, [4, 5])
        XCTAssertEqual((0..<20).map { grad.element(atFlat: $0).doubleValue }, expected)
    }

    func testNodesOfGradientGraphs() throws {
        // x = torch.arange(6., requires_grad=True).reshape(2,3)
        // torch.autograd.grad((f(x)**2).sum(), x, create_graph=True)[0].grad_fn for f =
        // x[0] → SelectBackwardBackward0, x[:, 1:] → SliceBackwardBackward0, x[[0, 0]] → IndexPutImplBackward0
        let rows = try Tensor.from(.list([.scalar(.int(0)), .scalar(.int(0))]))
        let cases: [(String, (Tensor) throws -> Tensor)] = [
            ("SelectBackwardBackward0", { try $0.index([.int(0)]) }),
            ("SliceBackwardBackward0", { try $0.index([.slice(start: nil, stop: nil, step: nil), .slice(start: 1, stop: nil, step: nil)]) }),
            ("IndexPutImplBackward0", { try $0.index([.tensor(rows)]) }),
        ]
        for (name, f) in cases {
            let x = try Tensor.arange(end: .int(6), dtype: .float32, requiresGrad: true).reshape([2, 3])
            let y = try f(x)
            let g = try XCTUnwrap(Autograd.grad(outputs: [y.mul(y).sum()], inputs: [x], createGraph: true).first ?? nil)
            XCTAssertEqual(g.gradFn?.name, name)
        }
    }

    func testCreateGraphGradientOfASelect() throws {
        // x = torch.arange(6.).reshape(2,3).requires_grad_(); torch.autograd.grad(x[0].sum(), x, create_graph=True)
        // → tensor([[1., 1., 1.], [0., 0., 0.]])
        let x = try Tensor.arange(end: .int(6), dtype: .float32).reshape([2, 3]).detach().requiresGrad_()
        let g = try XCTUnwrap(Autograd.grad(outputs: [x.index([.int(0)]).sum()], inputs: [x], createGraph: true).first ?? nil)
        XCTAssertEqual((0..<6).map { g.element(atFlat: $0).doubleValue }, [1, 1, 1, 0, 0, 0])
    }
}
