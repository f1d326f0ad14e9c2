import GradTensor

/// `addmv`, `addr`, `baddbmm` and `addbmm` (functions, methods and in place), with PyTorch's
/// argument names.
enum TorchScaledProductBindings {
    private typealias Product = (Tensor, Tensor, Tensor, Scalar?, Scalar?) throws -> Tensor

    /// Each op's name, its two operands' names and the op.
    private static var products: [(name: String, first: String, second: String, op: Product)] {[
        ("addmv", "mat", "vec", { try Tensor.addmv($0, $1, $2, beta: $3, alpha: $4) }),
        ("addr", "vec1", "vec2", { try Tensor.addr($0, $1, $2, beta: $3, alpha: $4) }),
        ("baddbmm", "batch1", "batch2", { try Tensor.baddbmm($0, $1, $2, beta: $3, alpha: $4) }),
        ("addbmm", "batch1", "batch2", { try Tensor.addbmm($0, $1, $2, beta: $3, alpha: $4) }),
    ]}

    static var ops: [TorchOp] {
        products.map { p in
            TorchOp.tensor(p.name, "\(p.first), \(p.second), *, beta=1, alpha=1") { t, args in
                let (a, b) = (try args.tensor(p.first), try args.tensor(p.second))
                return try p.op(t, a, b, try args.scalar("beta"), try args.scalar("alpha"))
            }
        }
    }

    /// The in-place forms (`addmv_`), recorded as the op's node.
    static var methods: [PyBuiltin] {
        products.map { p in
            tensorMethodReturningTensor("\(p.name)_(self, \(p.first), \(p.second), *, beta=1, alpha=1)") { t, args in
                let (a, b) = (try args.tensor(p.first), try args.tensor(p.second))
                let (beta, alpha) = (try args.scalar("beta"), try args.scalar("alpha"))
                return try t.updated(reading: b.requiresGrad ? b : a) { try p.op($0, a, b, beta, alpha) }
            }
        }
    }
}
