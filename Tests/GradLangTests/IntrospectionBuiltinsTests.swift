import GradTensor
import XCTest
@testable import GradLang

/// What has no CPython counterpart to record: grad's `help` text, `dir` of built-in types, and
/// the built-ins applied to tensors (expected values as PyTorch 2.x prints them).
final class IntrospectionBuiltinsTests: XCTestCase {
    let h = PythonHarness()

    func testHelpOnABuiltinShowsItsSignature() throws {
        _ = try h.call("help", h.builtin("getattr"))
        XCTAssertEqual(h.output, "Help on built-in function getattr:\n\ngetattr(object, name, [default], /)\n")
    }

    func testHelpOnAMethodAndAKeywordSignature() throws {
        _ = try h.call("help", h.interpreter.getAttribute("a", "split"))
        _ = try h.call("help", h.builtin("sorted"))
        XCTAssertEqual(h.output, """
            Help on built-in method split of str object:

            split(self, sep=None, maxsplit=-1)
            Help on built-in function sorted:

            sorted(iterable, /, *, key=None, reverse=False)

            """)
    }

    func testHelpOverviewListsFunctionsTypesAndModules() throws {
        _ = try h.call("help")
        for expected in ["Built-in functions:", "len,", "Built-in types:", "dict,", "ValueError", "math"] {
            XCTAssertTrue(h.output.contains(expected), "help() should mention \(expected):\n\(h.output)")
        }
    }

    func testHelpOnATypeAndAModule() throws {
        _ = try h.call("help", h.builtin("list"))
        XCTAssertTrue(h.output.hasPrefix("Help on class list:\n\nclass list\n |  list([iterable], /)"), h.output)
        XCTAssertTrue(h.output.contains("append, clear, copy, count"), h.output)
        let math = Value.object(h.interpreter.modules["math"] ?? PyModule(name: "math"))
        _ = try h.call("help", math)
        XCTAssertTrue(h.output.contains("Help on module math:\n\nNAME\n    math\n\nCONTENTS\n    acos, acosh,"), h.output)
    }

    func testDir() throws {
        // CPython 3.11's dir(tuple), special methods first.
        let tupleNames = "['__add__', '__class__', '__class_getitem__', '__contains__', '__delattr__', '__dir__', '__doc__', "
            + "'__eq__', '__format__', '__ge__', '__getattribute__', '__getitem__', '__getnewargs__', '__getstate__', '__gt__', "
            + "'__hash__', '__init__', '__init_subclass__', '__iter__', '__le__', '__len__', '__lt__', '__mul__', '__ne__', "
            + "'__new__', '__reduce__', '__reduce_ex__', '__repr__', '__rmul__', '__setattr__', '__sizeof__', '__str__', "
            + "'__subclasshook__', 'count', 'index']"
        XCTAssertEqual(Repr.repr(try h.call("dir", h.builtin("tuple"))), tupleNames)
        XCTAssertEqual(Repr.repr(try h.call("dir", T())), tupleNames)
        XCTAssertEqual(Repr.repr(try h.call("dir")), "[]")
        h.interpreter.namesInScope = { ["x", "a"] }
        XCTAssertEqual(Repr.repr(try h.call("dir")), "['a', 'x']")
    }

    func testTensorsThroughTheBuiltins() throws {
        let t = Value.tensor(try Tensor.arange(end: .int(3), dtype: .float32))
        let scalar = Value.tensor(try Tensor.full([], .double(2.75)))
        XCTAssertEqual(pythonOutcome { try self.h.call("type", t) }, "<class 'torch.Tensor'>")
        XCTAssertEqual(pythonOutcome { try self.h.call("isinstance", t, .object(BuiltinTypes.tensor)) }, "True")
        XCTAssertEqual(pythonOutcome { try self.h.call("len", t) }, "3")
        XCTAssertEqual(pythonOutcome { try self.h.call("len", scalar) }, "TypeError: len() of a 0-d tensor")
        XCTAssertEqual(pythonOutcome { try self.h.call("int", scalar) }, "2")
        XCTAssertEqual(pythonOutcome { try self.h.call("float", scalar) }, "2.75")
        XCTAssertEqual(pythonOutcome { try self.h.call("float", t) }, "ValueError: only one element tensors can be converted to Python scalars")
        XCTAssertEqual(pythonOutcome { try self.h.call("abs", .tensor(try Tensor.full([2], .double(-1.5)))) }, "tensor([1.5000, 1.5000])")
        XCTAssertEqual(pythonOutcome { try self.h.call("format", scalar, ".1f") }, "'2.8'")
        XCTAssertEqual(pythonOutcome { try self.h.call("sum", L(t, t)) }, "tensor([0., 2., 4.])")
        XCTAssertEqual(pythonOutcome { try self.h.call("max", L(1, 5, 3), kw: ["key": .none]) }, "5")
        XCTAssertEqual(pythonOutcome { try self.h.call("bool", scalar) }, "True")
    }
}

/// `help()` of a user class (pydoc's layout: bases, constructor signature, docstring, methods
/// with their docstrings, class data, what is inherited), and of one of its instances.
final class ClassHelpTests: XCTestCase {
    func testHelpOnAClassAndAnInstance() throws {
        final class Box: @unchecked Sendable { var text = "" }
        let box = Box()
        let interpreter = Interpreter(writeOutput: { box.text += $0 })
        try interpreter.run(source: """
            class Shape:
                \"\"\"Something with an area.\"\"\"
                sides = 0
                def __init__(self, name, scale=1.0):
                    self.name = name
                def area(self):
                    \"\"\"The area.\"\"\"
                    return 0
            class Square(Shape):
                sides = 4
            help(Square)
            help(Shape("x"))
            """, filename: "t.grad", in: Globals())
        XCTAssertTrue(box.text.hasPrefix("""
            Help on class Square in module __main__:

            class Square(__main__.Shape)
             |  Square(name, scale=1.0)
             |
             |  Method resolution order:
             |      __main__.Square
             |      __main__.Shape
             |      builtins.object
            """), box.text)
        XCTAssertTrue(box.text.contains(" |  Inherited from __main__.Shape:\n |\n |  sides, __init__, area\n"), box.text)
        XCTAssertTrue(box.text.contains("""
            class Shape(builtins.object)
             |  Shape(name, scale=1.0)
             |
             |  Something with an area.
             |
             |  Methods defined here:
             |
             |  __init__(self, name, scale=1.0)
             |
             |  area(self)
             |      The area.
             |
             |  Data and other attributes defined here:
             |
             |  sides = 0
            """), box.text)
    }
}

/// "Did you mean" on tensors and the `torch` module: PyTorch's have more than the 750 names CPython
/// 3.11 searches, so it suggests nothing there, and neither does grad (whose are smaller); its
/// smaller submodules get suggestions, as PyTorch's do.
final class SuggestionTests: XCTestCase {
    private func uncaught(_ source: String) -> PyError? {
        do {
            try Interpreter(writeOutput: { _ in }).run(source: source, filename: "t.grad", in: Globals())
        } catch {
            if case .runtime(let e) = error { return e }
        }
        return nil
    }

    func testTorchSuggestsAsPyTorchDoes() {
        XCTAssertNil(uncaught("import torch\ntorch.tensr\n")?.suggestion)
        XCTAssertNil(uncaught("import torch\nx = torch.ones(1)\nx.backwrd()\n")?.suggestion)
        XCTAssertEqual(uncaught("import torch\ntorch.autograd.grd\n")?.suggestion, "Did you mean: 'grad'?")
        XCTAssertEqual(uncaught("x = [1]\nx.apend(2)\n")?.suggestion, "Did you mean: 'append'?")
    }
}
