import GradTensor

/// `torch.special`: its own functions (`entr`, `ndtr`, `ndtri`, `i0e`, `i1`, `i1e`, `xlog1py`) and the torch ops it offers
/// under other names (`expit` is `sigmoid`, `gammaln` is `lgamma`, `psi` is `digamma`, ...),
/// each named `special_NAME` in errors and reprs, as PyTorch's.
enum TorchSpecialBindings {
    /// The short names of `torch.special` and the torch ops they call.
    private static let aliases: [(String, String)] = [
        ("expit", "sigmoid"), ("erf", "erf"), ("erfc", "erfc"), ("erfinv", "erfinv"), ("exp2", "exp2"),
        ("expm1", "expm1"), ("log1p", "log1p"), ("gammaln", "lgamma"), ("digamma", "digamma"), ("psi", "digamma"),
        ("logit", "logit"), ("sinc", "sinc"), ("i0", "i0"), ("multigammaln", "mvlgamma"), ("round", "round"),
        ("softmax", "softmax"), ("log_softmax", "log_softmax"), ("logsumexp", "logsumexp"),
    ]

    private static var own: [TorchOp] {
        [
            TorchOp.tensor("entr") { t, _ in try t.entr() }.withOut,
            TorchOp.tensor("ndtr") { t, _ in try t.ndtr() }.withOut,
            TorchOp.tensor("ndtri") { t, _ in try t.ndtri() }.withOut,
            TorchOp.tensor("i0e") { t, _ in try t.i0e() }.withOut,
            TorchOp.tensor("i1") { t, _ in try t.i1() }.withOut,
            TorchOp.tensor("i1e") { t, _ in try t.i1e() }.withOut,
        ]
    }

    /// The module's functions by short name, made from `torchOps` (the ops of `torch`) and
    /// torch's `polygamma` (not an op: its order comes first).
    static func functions(torchOps: [TorchOp], polygamma: Value?) -> [String: Value] {
        var table: [String: Value] = [:]
        let byName = Dictionary(torchOps.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for (short, name) in aliases {
            guard let op = byName[name] else { continue }
            table[short] = .object(op.renamed("special_\(short)").function)
        }
        for op in own { table[op.name] = .object(op.renamed("special_\(op.name)").function) }
        table["polygamma"] = polygamma
        table["xlogy"] = .object(TorchElementwiseExtrasBindings.numberFirst("special_xlogy") { try $0.xlogy($1) })
        table["xlog1py"] = .object(TorchElementwiseExtrasBindings.numberFirst("special_xlog1py") { try $0.xlog1py($1) })
        return table
    }
}
