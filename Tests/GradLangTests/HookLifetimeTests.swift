import XCTest
@testable import GradLang
import GradTensor

/// Hooks hold neither the graph they are on nor their handles: once a program drops its
/// tensors, the nodes, the hooks and the tensors the hooks saw are freed (Swift does not collect
/// cycles, so one would leak here).
final class HookLifetimeTests: XCTestCase {
    /// A custom function that saves its input and its output.
    static let expFunction = """
        class Exp(torch.autograd.Function):
            @staticmethod
            def forward(ctx, x):
                r = x.exp()
                ctx.save_for_backward(x, r)
                return r
            @staticmethod
            def backward(ctx, g):
                x, r = ctx.saved_tensors
                return g * r
        """

    func testGraphAndHooksAreFreedAfterBackward() {
        weak var node: Node?
        weak var leaf: Tensor?
        weak var hook: PyObject?
        LargeStack.run {
            let interpreter = Interpreter(writeOutput: { _ in })
            let globals = Globals()
            let program = """
            import torch
            x = torch.ones(3, requires_grad=True)
            y = x * 2
            seen = []
            def keep(g):
                seen.append(g)
            handles = [y.register_hook(keep), x.register_hook(lambda g: g * 2),
                       x.register_post_accumulate_grad_hook(lambda t: None),
                       y.grad_fn.register_hook(lambda gi, go: None),
                       y.grad_fn.register_prehook(lambda go: None)]
            y.grad_fn.metadata["note"] = "kept with the node"
            fn = y.grad_fn
            y.sum().backward()

            """
            let cleanup = """
            del x, y, fn, handles, seen, keep

            """
            do throws(ProgramError) {
                try interpreter.run(source: program, filename: "hooks.grad", in: globals)
                if case .object(let fn as PyGradNode)? = globals["fn"] { node = fn.node } else { XCTFail("no fn") }
                if case .tensor(let x)? = globals["x"] { leaf = x } else { XCTFail("no x") }
                if case .object(let keep)? = globals["keep"] { hook = keep } else { XCTFail("no keep") }
                try interpreter.run(source: cleanup, filename: "cleanup.grad", in: globals)
            } catch {
                XCTFail("\(error)")
            }
        }
        XCTAssertNil(node, "the node freed with its hooks and metadata")
        XCTAssertNil(leaf, "the leaf freed with its hooks")
        XCTAssertNil(hook, "the hook function freed")
    }

    /// A custom function's node holds its context and backward, never its output (saved or
    /// not) nor an input it changed in place.
    func testCustomFunctionGraphIsFreed() {
        weak var node: Node?
        weak var output: Tensor?
        LargeStack.run {
            let interpreter = Interpreter(writeOutput: { _ in })
            let globals = Globals()
            let program = """
            import torch
            \(Self.expFunction)
            class Twice(torch.autograd.Function):
                @staticmethod
                def forward(ctx, x):
                    x.mul_(2)
                    ctx.mark_dirty(x)
                    ctx.save_for_backward(x)
                    return x
                @staticmethod
                def backward(ctx, g):
                    return g * 2
            x = torch.ones(3, requires_grad=True)
            y = Twice.apply(Exp.apply(x) * 1)
            y.sum().backward(retain_graph=True)

            """
            do throws(ProgramError) {
                try interpreter.run(source: program, filename: "function.grad", in: globals)
                if case .tensor(let y)? = globals["y"] { output = y; node = y.gradFn } else { XCTFail("no y") }
                try interpreter.run(source: "del x, y\n", filename: "cleanup.grad", in: globals)
            } catch {
                XCTFail("\(error)")
            }
        }
        XCTAssertNil(node, "the custom node freed")
        XCTAssertNil(output, "the output freed")
    }

    /// Saved tensors hooks: after backward, neither the nodes nor the tensors saved through the
    /// hooks (an input, and the output `exp` saves, which pack returns as it is) nor the hook
    /// functions and what they packed outlive the program's references. (Without a backward,
    /// an output that pack returns as it is stays in a cycle with its node, as in PyTorch.)
    func testSavedTensorsHooksLeaveNoCycles() {
        weak var node: Node?
        weak var output: Tensor?
        weak var packHook: PyObject?
        weak var packed: PyObject?
        LargeStack.run {
            let interpreter = Interpreter(writeOutput: { _ in })
            let globals = Globals()
            let program = """
            import torch
            kept = []
            def pack(x):
                box = [x]
                kept.append(box)
                return box
            def unpack(box):
                return box[0]
            x = torch.ones(3, requires_grad=True)
            with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
                e = x.exp()
                y = e * x
            y.sum().backward()
            first_box = kept[0]

            """
            do throws(ProgramError) {
                try interpreter.run(source: program, filename: "saved_hooks.grad", in: globals)
                if case .tensor(let e)? = globals["e"] { output = e; node = e.gradFn } else { XCTFail("no e") }
                if case .object(let f)? = globals["pack"] { packHook = f } else { XCTFail("no pack") }
                if case .object(let box)? = globals["first_box"] { packed = box } else { XCTFail("no box") }
                try interpreter.run(source: "del x, e, y, pack, unpack, kept, first_box\n", filename: "cleanup.grad", in: globals)
            } catch {
                XCTFail("\(error)")
            }
        }
        XCTAssertNil(node, "the node freed with what it packed")
        XCTAssertNil(output, "the saved output freed")
        XCTAssertNil(packHook, "the pack hook freed")
        XCTAssertNil(packed, "the packed value freed")
    }

    /// A custom function's `save_for_backward` under saved tensors hooks: its context keeps
    /// what pack returned (here the output itself, in a list), which backward frees; then the
    /// node, the output and the packed values go with the program's references.
    func testCustomFunctionSavedThroughHooksIsFreed() {
        weak var node: Node?
        weak var output: Tensor?
        weak var packed: PyObject?
        LargeStack.run {
            let interpreter = Interpreter(writeOutput: { _ in })
            let globals = Globals()
            let program = """
            import torch
            \(Self.expFunction)
            kept = []
            def pack(t):
                box = [t]
                kept.append(box)
                return box
            x = torch.ones(3, requires_grad=True)
            with torch.autograd.graph.saved_tensors_hooks(pack, lambda box: box[0]):
                y = Exp.apply(x)
            y.sum().backward()
            output_box = kept[1]

            """
            do throws(ProgramError) {
                try interpreter.run(source: program, filename: "function_hooks.grad", in: globals)
                if case .tensor(let y)? = globals["y"] { output = y; node = y.gradFn } else { XCTFail("no y") }
                if case .object(let box)? = globals["output_box"] { packed = box } else { XCTFail("no box") }
                try interpreter.run(source: "del x, y, kept, output_box\n", filename: "cleanup.grad", in: globals)
            } catch {
                XCTFail("\(error)")
            }
        }
        XCTAssertNil(node, "the custom node freed with its context")
        XCTAssertNil(output, "the output freed")
        XCTAssertNil(packed, "the packed value freed")
    }
}
