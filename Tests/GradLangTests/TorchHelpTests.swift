import XCTest
@testable import GradLang

/// help(obj) gives a description and the signature for every torch function, tensor method and
/// tensor property: a function added to the torch module without a line in TorchDocs fails here.
final class TorchHelpTests: XCTestCase {
    func run(_ source: String) -> (output: String, errors: String) {
        var output = "", errors = ""
        let interpreter = Interpreter(writeOutput: { output += $0 }, writeWarning: { errors += $0 })
        do throws(ProgramError) {
            try interpreter.run(source: source, filename: "<test>", in: Globals())
        } catch {
            errors += ErrorRenderer(sources: interpreter.sourceLines).render(error)
        }
        return (output, errors)
    }

    func testEveryTorchFunctionAndTensorAttributeIsDescribed() {
        let interpreter = Interpreter(writeOutput: { _ in })
        guard let torch = interpreter.modules["torch"] else { return XCTFail("no torch module in \(interpreter.modules.keys.sorted())") }
        var missing: [String] = []
        var pending = [("torch", torch)]
        // Modules written in Python hold the modules they import (torch.optim.torch, .math): only
        // torch's own are walked, each once.
        var seen: Set<ObjectIdentifier> = [ObjectIdentifier(torch)]
        while !pending.isEmpty {
            let (prefix, module) = pending.removeFirst()
            for (name, value) in module.attributes where !name.hasPrefix("_") {
                switch value {
                // A module is walked under its own name only, once: not as an alias (`F`), nor a
                // Python module that torch's Python sources import (`math`).
                case .object(let submodule as PyModule) where submodule.name == prefix + "." + name:
                    if seen.insert(ObjectIdentifier(submodule)).inserted { pending.append((prefix + "." + name, submodule)) }
                case .object(is PyBuiltin):
                    if TorchDocs.description(of: prefix + "." + name) == nil { missing.append(prefix + "." + name) }
                default: break
                }
            }
        }
        let tensor = try? interpreter.call(torch.attributes["zeros"]!, Arguments([.int(1)]))
        for name in tensor.map(interpreter.attributeNames(of:)) ?? [] where !name.hasPrefix("_") {
            if TorchDocs.description(of: "Tensor." + name) == nil { missing.append("Tensor." + name) }
        }
        XCTAssertEqual(missing.sorted(), [], "add a line to Sources/GradLang/Help/TorchDocs.swift")
    }

    func testHelpOnAFunctionAMethodAndAProperty() {
        let result = run("import torch\nx = torch.ones(2, requires_grad=True)\nhelp(torch.zeros)\nhelp(x.backward)\nhelp(x.zero_)\n")
        XCTAssertEqual(result.errors, "")
        XCTAssertEqual(result.output, """
        Help on built-in function zeros in module torch:

        zeros(*sizes, size=None, dtype=None, device=None, requires_grad=False)
            A tensor filled with 0, of the shape given by sizes.
        Help on method backward of Tensor:

        backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None)
            Computes the gradient of this tensor with respect to the graph's leaves and adds it to their .grad.
        Help on method zero_ of Tensor:

        zero_(self)
            Fills this tensor with zeros in place and returns it (as in w.grad.zero_()).

        """)
    }

    func testHelpListsTorchAndTensor() {
        let module = run("import torch\nhelp(torch)\n").output
        XCTAssertTrue(module.hasPrefix("Help on module torch:\n\nFUNCTIONS\n    abs "), module)
        XCTAssertTrue(module.contains("\nSUBMODULES\n    torch.accelerator, torch.autograd, torch.backends, torch.cuda, torch.distributions, torch.func, torch.linalg, torch.nn, torch.optim, torch.random, torch.special, torch.utils\n"), module)
        let tensor = run("import torch\nhelp(torch.Tensor)\n").output
        XCTAssertTrue(tensor.contains("\nMETHODS\n"), tensor)
        XCTAssertTrue(tensor.contains("\n    grad "), tensor)
        XCTAssertEqual(run("import torch\nhelp(torch.ones(1))\n").output, tensor, "help(x) is help on its class")
    }

    func testOtherObjectsKeepTheLanguagesHelp() {
        XCTAssertTrue(run("help(len)").output.hasPrefix("Help on built-in function len:\n\nlen(obj, /)"))
        let overview = run("help()").output
        XCTAssertTrue(overview.contains("Built-in functions:"), overview)
        XCTAssertFalse(overview.contains("At the grad> prompt:"), "the REPL's topics are the host's")
    }
}
