extension TorchPythonSources {
    /// `torch.optim.lr_scheduler`: `LRScheduler` and `StepLR`, `MultiStepLR`, `ExponentialLR`, `LambdaLR`, `CosineAnnealingLR`, with PyTorch's closed and chainable forms.
    static let lrScheduler = #"""

"""#
}
