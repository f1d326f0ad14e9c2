import GradTensor

/// `torch.cdist(x1, x2, p=2.0, compute_mode='use_mm_for_euclid_dist_if_necessary')`.
enum TorchCdistBinding {
    static let modes: [String: Tensor.CdistMode] = [
        "use_mm_for_euclid_dist_if_necessary": .matrixProductIfLarge,
        "use_mm_for_euclid_dist": .matrixProduct,
        "donot_use_mm_for_euclid_dist": .direct,
    ]

    static var function: PyBuiltin {
        PyBuiltin("cdist(x1, x2, p=2.0, compute_mode='use_mm_for_euclid_dist_if_necessary')", style: .torch) { args in
            let (x1, x2, p) = (try args.tensor("x1"), try args.tensor("x2"), try args.scalar("p").doubleValue)
            let name = try args.string("compute_mode")
            guard let mode = modes[name] else { throw PyError(PyExc.valueError, "\(name) is not a valid value for compute_mode") }
            return .tensor(try TorchBridge.run { try Tensor.cdist(x1, x2, p: p, mode: mode) })
        }
    }
}
