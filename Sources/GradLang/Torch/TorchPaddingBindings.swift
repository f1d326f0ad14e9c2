import GradTensor

/// `torch.nn.functional.pad(input, pad, mode='constant', value=None)`.
enum TorchPaddingBindings {
    static var functional: [PyBuiltin] {
        [
            PyBuiltin("pad(input, pad, mode='constant', value=None)", style: .torch) { args in
                let (t, pads, name) = (try args.tensor("input"), try args.sizeSequence("pad"), try args.string("mode"))
                let value = try args.optionalScalar("value")
                return .tensor(try TorchBridge.run {
                    guard let mode = PaddingMode(rawValue: name) else { throw TorchError.notImplemented("Unrecognised padding mode \(name)") }
                    return try t.pad(pads, mode: mode, value: value)
                })
            },
        ]
    }
}
