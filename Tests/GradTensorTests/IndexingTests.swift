import XCTest
@testable import GradTensor

/// `t[...]` and `t[...] = v` against what real PyTorch did for the same subscripts
/// (Fixtures/indexing/cases.json; its generate.py says exactly what each field is).
final class IndexingTests: XCTestCase {
    private func fixture() throws -> IndexingFixture { try IndexingFixture.load() }

    func testFixtureCoversTheBrief() throws {
        let f = try fixture()
        XCTAssertGreaterThanOrEqual(f.get.count, 150)
        XCTAssertGreaterThanOrEqual(f.set.count, 100)
        XCTAssertEqual(Set(f.get.compactMap { $0.result?.grad_fn }),
                       ["SelectBackward0", "SliceBackward0", "AliasBackward0", "UnsqueezeBackward0", "IndexBackward0"])
    }

    func testGetMatchesPyTorch() throws {
        for c in try fixture().get {
            let x = try Tensor.fixtureSource(c.shape, c.dtype)
            if x.dtype.isFloatingPoint { try x.requiresGrad_() }
            let out: Tensor
            do {
                out = try x.index(c.items.map(\.index), tuple: c.tuple)
            } catch let e as TorchError {
                expectError(e, c.error, c.python)
                continue
            }
            guard let r = c.result else {
                XCTFail("\(c.python): expected \(c.error.map { "\($0.type): \($0.message)" } ?? "?"), got \(out.shape)")
                continue
            }
            XCTAssertEqual(out.shape, r.shape, c.python)
            XCTAssertEqual(out.dtype.name, "torch." + r.dtype, c.python)
            XCTAssertTrue(out.elementsMatch(r.values), "\(c.python): \(out.flatDescription)")
            XCTAssertEqual(out.gradFn?.name, r.grad_fn, c.python)
            XCTAssertEqual(out.storage === x.storage, r.shares, "\(c.python): shares storage")
            if r.shares {
                XCTAssertEqual(out.strides, r.strides, "\(c.python): strides")
                XCTAssertEqual(out.offset, r.offset, "\(c.python): offset")
            }
            if let grad = r.grad {
                try out.mul(out.fixtureWeights()).sum().backward()
                XCTAssertTrue(x.grad?.elementsMatch(grad) ?? false, "\(c.python): grad \(x.grad?.flatDescription ?? "nil")")
            }
        }
    }

    func testSetWithoutGradMatchesPyTorch() throws {
        for c in try fixture().set {
            let t = try Tensor.fixtureSource(c.shape, c.dtype)
            do {
                try t.indexAssign(c.items.map(\.index), c.value.make())
            } catch let e as TorchError {
                expectError(e, c.plain.error, c.python)
                continue
            }
            guard let values = c.plain.values else {
                XCTFail("\(c.python): expected \(c.plain.error?.message ?? "?"), got \(t.flatDescription)")
                continue
            }
            XCTAssertTrue(t.elementsMatch(values), "\(c.python): \(t.flatDescription)")
            XCTAssertEqual(t.version, c.plain.version, "\(c.python): version")
        }
    }

    func testSetInGraphMatchesPyTorch() throws {
        for c in try fixture().set {
            guard let expected = c.graph else { continue }
            let leaf = try Tensor.fixtureSource(c.shape, c.dtype).requiresGrad_()
            let t = try leaf.mul(.wrapping(.int(1)))
            let value = try c.value.make()
            if !value.isWrappedNumber && value.dtype.isFloatingPoint { try value.requiresGrad_() }
            do {
                try t.indexAssign(c.items.map(\.index), value)
            } catch let e as TorchError {
                expectError(e, expected.error, c.python)
                continue
            }
            XCTAssertNil(expected.error, c.python)
            XCTAssertEqual(t.gradFn?.name, expected.grad_fn, c.python)
            try t.mul(t.fixtureWeights()).sum().backward()
            if let grad = expected.grad {
                XCTAssertTrue(leaf.grad?.elementsMatch(grad) ?? false, "\(c.python): leaf grad \(leaf.grad?.flatDescription ?? "nil")")
            }
            if let grad = expected.value_grad {
                XCTAssertTrue(value.grad?.elementsMatch(grad) ?? false, "\(c.python): value grad \(value.grad?.flatDescription ?? "nil")")
            }
        }
    }

    func testSetOnLeafRequiringGradMatchesPyTorch() throws {
        for c in try fixture().set {
            guard let expected = c.leaf else { continue }
            let leaf = try Tensor.fixtureSource(c.shape, c.dtype).requiresGrad_()
            do {
                try leaf.indexAssign(c.items.map(\.index), c.value.make())
                XCTAssertNil(expected.error, c.python)
            } catch let e as TorchError {
                expectError(e, expected.error, c.python)
            }
        }
    }

    func testSetThroughAViewMatchesPyTorch() throws {
        for c in try fixture().view_set {
            let leaf = try Tensor.fixtureSource(c.shape, "float32").requiresGrad_()
            let t = try leaf.mul(.wrapping(.int(1)))
            let v = try t.index(c.view.items.map(\.index))
            try v.indexAssign(c.write.items.map(\.index), c.value.make())
            XCTAssertEqual(t.gradFn?.name, c.t_grad_fn, c.python)
            XCTAssertEqual(v.gradFn?.name, c.v_grad_fn, c.python)
            XCTAssertTrue(t.elementsMatch(c.values), "\(c.python): \(t.flatDescription)")
            XCTAssertTrue(v.elementsMatch(c.view_values), "\(c.python): view \(v.flatDescription)")
            try t.mul(t.fixtureWeights()).sum().backward()
            XCTAssertTrue(leaf.grad?.elementsMatch(c.grad) ?? false, "\(c.python): grad \(leaf.grad?.flatDescription ?? "nil")")
        }
    }

    private func expectError(_ e: TorchError, _ expected: IndexingFixture.Failure?, _ python: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        guard let expected else {
            XCTFail("\(python): unexpected \(e)", file: file, line: line)
            return
        }
        XCTAssertEqual(e.kind.rawValue, expected.type, python, file: file, line: line)
        XCTAssertEqual(e.message, expected.message, python, file: file, line: line)
    }
}
