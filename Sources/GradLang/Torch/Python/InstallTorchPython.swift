/// The parts of torch written in Python and compiled into grad, so that a learner can read them
/// (`help(torch.optim.SGD)`): `torch.optim`, `torch.optim.lr_scheduler`, `torch.utils.data`,
/// `torch.utils.hooks`, `torch.autograd.Function`, `gradcheck`, `detect_anomaly`, `torch.autograd.functional` and `.graph`,
/// `torch.func`, `torch.distributions`.
enum TorchPythonSources {}

extension Interpreter {
    /// Registers the modules; their Python runs the first time one of their names is read.
    func installTorchPythonModules(in torch: PyModule) {
        if case .object(let autograd as PyModule)? = torch.attributes["autograd"] {
            let function = PyModule(name: "torch.autograd.function")
            addSource("from torch.autograd import Function, FunctionCtx, once_differentiable\n",
                      filename: "torch/autograd/function.py", to: function)
            moduleTable[function.name] = function
            let functional = PyModule(name: "torch.autograd.functional")
            addSource(TorchPythonSources.autogradFunctional, filename: "torch/autograd/functional.py", to: functional)
            moduleTable[functional.name] = functional
            let graph = PyModule(name: "torch.autograd.graph", attributes: ["Node": .object(TorchTypeObjects.graphNode)])
            addSource(TorchPythonSources.autogradGraph, filename: "torch/autograd/graph.py", to: graph)
            moduleTable[graph.name] = graph
            // Set before the source is added: a change to the module's attributes runs its source.
            autograd.attributes["function"] = .object(function)
            autograd.attributes["functional"] = .object(functional)
            autograd.attributes["graph"] = .object(graph)
            let autogradSource = TorchPythonSources.autogradFunction + TorchPythonSources.gradcheck
                + TorchPythonSources.gradcheckForward + TorchPythonSources.gradcheckBatched + TorchPythonSources.anomalyMode
            addSource(autogradSource,
                      filename: "torch/autograd/__init__.py", to: autograd)
        }
        let transforms = PyModule(name: "torch.func")
        addSource(TorchPythonSources.functionTransforms, filename: "torch/func.py", to: transforms)
        torch.attributes["func"] = .object(transforms)
        moduleTable[transforms.name] = transforms
        let scheduler = PyModule(name: "torch.optim.lr_scheduler")
        let optim = PyModule(name: "torch.optim", attributes: ["lr_scheduler": .object(scheduler)])
        let data = PyModule(name: "torch.utils.data")
        let hooks = PyModule(name: "torch.utils.hooks")
        let utils = PyModule(name: "torch.utils", attributes: ["data": .object(data), "hooks": .object(hooks)])
        let distributions = PyModule(name: "torch.distributions", attributes: distributionSubmodules())
        addSource(TorchPythonSources.optimizer + TorchPythonSources.sgd + TorchPythonSources.adam
                  + TorchPythonSources.rmsprop + TorchPythonSources.adagrad,
                  filename: "torch/optim.py", to: optim)
        addSource(TorchPythonSources.lrScheduler, filename: "torch/optim/lr_scheduler.py", to: scheduler)
        addSource(TorchPythonSources.data, filename: "torch/utils/data.py", to: data)
        addSource(TorchPythonSources.backwardHook, filename: "torch/utils/hooks.py", to: hooks)
        addSource(TorchPythonSources.distributions, filename: "torch/distributions.py", to: distributions)
        torch.attributes["optim"] = .object(optim)
        torch.attributes["utils"] = .object(utils)
        torch.attributes["distributions"] = .object(distributions)
        for module in [optim, scheduler, utils, data, hooks, distributions] { moduleTable[module.name] = module }
        installBackends(in: torch)
    }

    /// `torch.backends` with its submodules, and `torch.accelerator` (see TorchPythonSources.backends).
    private func installBackends(in torch: PyModule) {
        let backends = PyModule(name: "torch.backends")
        for (name, source) in TorchPythonSources.backends {
            let module = PyModule(name: "torch." + name)
            addSource(source, filename: "torch/" + name.split(separator: ".").joined(separator: "/") + "/__init__.py", to: module)
            moduleTable[module.name] = module
            if name.hasPrefix("backends.") {
                backends.attributes[String(name.dropFirst("backends.".count))] = .object(module)
            } else {
                torch.attributes[name] = .object(module)
            }
        }
        torch.attributes["backends"] = .object(backends)
        moduleTable[backends.name] = backends
    }

    /// `torch.distributions.normal` and the others, each holding its class, as PyTorch's files
    /// do (`from torch.distributions.multinomial import Multinomial`, d2l's import), read from
    /// `torch.distributions` when first used.
    private func distributionSubmodules() -> [String: Value] {
        let classes = ["distribution": "Distribution", "normal": "Normal", "uniform": "Uniform", "bernoulli": "Bernoulli",
                       "categorical": "Categorical", "multinomial": "Multinomial"]
        var submodules: [String: Value] = [:]
        for (name, cls) in classes {
            let module = PyModule(name: "torch.distributions." + name)
            addSource("from torch.distributions import \(cls)\n", filename: "torch/distributions/\(name).py", to: module)
            moduleTable[module.name] = module
            submodules[name] = .object(module)
        }
        return submodules
    }
}