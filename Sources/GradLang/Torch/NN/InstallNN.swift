/// `torch.nn` and `torch.nn.init`: their classes and functions are Python (the `NN…Source`
/// files), compiled into grad and run the first time one of their names is read, so that
/// `help(nn.Linear)` shows code a learner can read; `Parameter` and `functional`'s kernels are Swift.
extension Interpreter {
    func installNN(functional: PyModule) -> PyModule {
        let nn = PyModule(name: "torch.nn", attributes: [
            "functional": .object(functional),
            "Parameter": .object(TorchParameter.type),
        ])
        addSource(NNFunctionalSource.text + NNNormalizationSource.functional + NNDistanceLossesSource.functional
                  + NNConvolutionSource.functional + NNResamplingSource.functional
                  + NNRandomFunctionalSource.functional + NNGridSamplingSource.functional, filename: "torch/nn/functional.py", to: functional)
        let initModule = PyModule(name: "torch.nn.init")
        addSource(NNInitSource.text, filename: "torch/nn/init.py", to: initModule)
        nn.attributes["init"] = .object(initModule)
        moduleTable[initModule.name] = initModule
        addSource(NNModuleSource.text + NNLayersSource.text + NNContainersSource.text + NNActivationsSource.text
                  + NNLossesSource.text + NNNormalizationSource.layers + NNShrinkageSource.text
                  + NNDistanceLossesSource.layers + NNConvolutionSource.layers
                  + NNResamplingSource.layers + NNRandomFunctionalSource.layers, filename: "torch/nn/modules.py", to: nn)
        return nn
    }
}
