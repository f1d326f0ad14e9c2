import GradTensor

/// The LU factorization: `torch.linalg.lu`, `lu_factor`, `lu_factor_ex`, `lu_solve`, and the
/// older `torch.lu` (deprecated, with PyTorch's warning; also a tensor method) and `torch.lu_unpack`.
enum TorchLinalgLUBindings {
    /// `torch.linalg`'s functions.
    static var linalgFunctions: [PyBuiltin] {
        [
            PyBuiltin("lu(A, *, pivot=True, out=None)", style: .torch) { args in
                let a = try args.tensor("A")
                try requirePivoting(args)
                let (p, l, u) = try TorchBridge.run { try a.lu() }
                return TorchReductionBindings.namedTuple("torch.return_types.linalg_lu", ["P": p, "L": l, "U": u])
            },
            PyBuiltin("lu_factor(A, *, pivot=True, out=None)", style: .torch) { args in
                let a = try args.tensor("A")
                try requirePivoting(args)
                let (lu, pivots, _) = try TorchBridge.run { try a.luFactor() }
                return TorchReductionBindings.namedTuple("torch.return_types.linalg_lu_factor", ["LU": lu, "pivots": pivots])
            },
            PyBuiltin("lu_factor_ex(A, *, pivot=True, check_errors=False, out=None)", style: .torch) { args in
                let a = try args.tensor("A")
                try requirePivoting(args)
                let checked = try args.bool("check_errors"), op = "torch.linalg.lu_factor_ex"
                let (lu, pivots, info) = try TorchBridge.run { checked ? try a.luFactor(op: op) : try a.luFactorization() }
                return TorchReductionBindings.namedTuple("torch.return_types.linalg_lu_factor_ex", ["LU": lu, "pivots": pivots, "info": info])
            },
            PyBuiltin("lu_solve(LU, pivots, B, *, left=True, adjoint=False, out=None)", style: .torch) { args in
                let (lu, pivots, b) = (try args.tensor("LU"), try args.tensor("pivots"), try args.tensor("B"))
                let (left, adjoint) = (try args.bool("left"), try args.bool("adjoint"))
                return .tensor(try TorchBridge.run { try Tensor.luSolve(lu, pivots, b, left: left, adjoint: adjoint) })
            },
        ]
    }

    /// `torch.lu_unpack` and `torch.lu`.
    static var functions: [PyBuiltin] {
        [
            deprecatedFunction,
            PyBuiltin("lu_unpack(LU_data, LU_pivots, unpack_data=True, unpack_pivots=True, *, out=None)", style: .torch) { args in
                let (lu, pivots) = (try args.tensor("LU_data"), try args.tensor("LU_pivots"))
                let (data, order) = (try args.bool("unpack_data"), try args.bool("unpack_pivots"))
                let (p, l, u) = try TorchBridge.run { try Tensor.luUnpack(lu, pivots, unpackData: data, unpackPivots: order) }
                return TorchReductionBindings.namedTuple("torch.return_types.lu_unpack", ["P": p, "L": l, "U": u])
            },
        ]
    }

    /// `A.lu(pivot=True, get_infos=False)`: a plain tuple (LU, pivots), with the infos when asked for.
    static var methods: [PyBuiltin] {
        [
            tensorMethod("lu(self, pivot=True, get_infos=False)") { t, args in
                let (lu, pivots, info) = try deprecatedLU(t, args)
                return .object(PyTuple([.tensor(lu), .tensor(pivots)] + (try args.bool("get_infos") ? [.tensor(info)] : [])))
            },
        ]
    }

    /// `torch.lu(A, pivot=True, get_infos=False)`: as the method, but the infos come in a named tuple.
    private static var deprecatedFunction: PyBuiltin {
        PyBuiltin("lu(A, pivot=True, get_infos=False, out=None)", style: .torch) { args in
            let (lu, pivots, info) = try deprecatedLU(try args.tensor("A"), args)
            if try args.bool("get_infos") {
                return TorchReductionBindings.namedTuple("torch.return_types._lu_with_info", ["LU": lu, "pivots": pivots, "info": info])
            }
            return .object(PyTuple([.tensor(lu), .tensor(pivots)]))
        }
    }

    /// The factorization behind `torch.lu`, after its deprecation warning: a singular matrix is no error.
    private static func deprecatedLU(_ a: Tensor, _ args: BoundArguments) throws -> (Tensor, Tensor, Tensor) {
        try args.interpreter.warnOnce(deprecation)
        try requirePivoting(args)
        return try TorchBridge.run { try a.luFactorization() }
    }

    private static let deprecation = "torch.lu is deprecated in favor of torch.linalg.lu_factor / torch.linalg.lu_factor_ex and will be removed in a future PyTorch release.\nLU, pivots = torch.lu(A, compute_pivots)\nshould be replaced with\nLU, pivots = torch.linalg.lu_factor(A, compute_pivots)\nand\nLU, pivots, info = torch.lu(A, compute_pivots, get_infos=True)\nshould be replaced with\nLU, pivots, info = torch.linalg.lu_factor_ex(A, compute_pivots) (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/BatchLinearAlgebra.cpp:2052.)"

    /// PyTorch's CPU kernels always pivot.
    private static func requirePivoting(_ args: BoundArguments) throws {
        if try !args.bool("pivot") {
            throw PyError.runtime("linalg.lu_factor: LU without pivoting is not implemented on the CPU")
        }
    }
}
