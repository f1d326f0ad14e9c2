/// The parts of torch written in Python and compiled into grad, so that a learner can read them
/// (`help(torch.optim.SGD)`): `torch.optim`, `torch.optim.lr_scheduler`, `torch.utils.data`,
/// `torch.distributions`.
enum TorchPythonSources {}

extension Interpreter {
    /// Registers the modules; their Python runs the first time one of their names is read.
    func installTorchPythonModules(in torch: PyModule) {
        let scheduler = PyModule(name: "torch.optim.lr_scheduler")
        let optim = PyModule(name: "torch.optim", attributes: ["lr_scheduler": .object(scheduler)])
        let data = PyModule(name: "torch.utils.data")
        let utils = PyModule(name: "torch.utils", attributes: ["data": .object(data)])
        let distributions = PyModule(name: "torch.distributions")
        addSource(TorchPythonSources.optimizer + TorchPythonSources.sgd + TorchPythonSources.adam
                  + TorchPythonSources.rmsprop + TorchPythonSources.adagrad,
                  filename: "torch/optim.py", to: optim)
        addSource(TorchPythonSources.lrScheduler, filename: "torch/optim/lr_scheduler.py", to: scheduler)
        addSource(TorchPythonSources.data, filename: "torch/utils/data.py", to: data)
        addSource(TorchPythonSources.distributions, filename: "torch/distributions.py", to: distributions)
        torch.attributes["optim"] = .object(optim)
        torch.attributes["utils"] = .object(utils)
        torch.attributes["distributions"] = .object(distributions)
        for module in [optim, scheduler, utils, data, distributions] { moduleTable[module.name] = module }
    }
}
