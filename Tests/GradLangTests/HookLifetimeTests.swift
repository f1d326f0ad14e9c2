import XCTest
@testable import GradLang
import GradTensor

/// Hooks hold neither the graph they are on nor their handles: once a program drops its
/// tensors, the nodes, the hooks and the tensors the hooks saw are freed (Swift does not collect
/// cycles, so one would leak here).
final class HookLifetimeTests: XCTestCase {
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
}
