extension TorchPythonSources {
    /// `torch.utils.data`: `Dataset`, `TensorDataset`, `Subset`, `random_split`, samplers, `default_collate` and `DataLoader`, drawing shuffles from the generators as PyTorch does.
    static let data = #"""

"""#
}
