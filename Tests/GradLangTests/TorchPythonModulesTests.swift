import XCTest
import GradLang

/// The parts of torch written in Python (Sources/GradLang/Torch/Python) load without error: a
/// mistake in their source would otherwise show only as a warning when a program first used them.
final class TorchPythonModulesTests: XCTestCase {
    func testEveryPythonModuleLoadsAndDefinesItsNames() throws {
        var warnings = ""
        let interpreter = Interpreter(writeOutput: { _ in }, writeWarning: { warnings += $0 })
        let expected: [String: [String]] = [
            "torch.optim": ["Optimizer", "SGD", "Adam", "AdamW", "RMSprop", "Adagrad", "lr_scheduler"],
            "torch.optim.lr_scheduler": ["LRScheduler", "LambdaLR", "StepLR", "MultiStepLR", "ExponentialLR", "CosineAnnealingLR"],
            "torch.utils.data": ["Dataset", "TensorDataset", "Subset", "random_split", "Sampler", "SequentialSampler",
                                 "RandomSampler", "BatchSampler", "default_collate", "default_convert", "DataLoader"],
        ]
        for (moduleName, names) in expected.sorted(by: { $0.key < $1.key }) {
            let module = try interpreter.importModule(moduleName)
            for name in names { XCTAssertNotNil(module.attributes[name], "\(moduleName).\(name)") }
        }
        XCTAssertEqual(warnings, "")
    }
}
