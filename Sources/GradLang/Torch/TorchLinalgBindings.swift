import GradTensor

/// `torch.linalg` (norms, inverse, determinants, solve, least squares, factorizations, rank,
/// pseudo-inverse, matrix powers and exponential) and the older names tutorials use: `torch.inverse`, `torch.det`, `torch.logdet`,
/// `torch.slogdet`, `torch.svd`, `torch.pinverse`, `torch.matrix_power`, `torch.matrix_exp` (functions and tensor
/// methods). Results with several parts are PyTorch's named tuples.
enum TorchLinalgBindings {
    /// `torch.linalg.LinAlgError`, which PyTorch defines as `torch._C._LinAlgError`, a RuntimeError.
    static let linAlgError = PyClass(builtin: "_LinAlgError", module: "torch._C", base: PyExc.runtimeError)

    /// The `torch.linalg` module's functions.
    static var functions: [PyBuiltin] {
        [
            PyBuiltin("norm(A, ord=None, dim=None, keepdim=False, *, out=None, dtype=None)", style: .torch) { args in
                let a = try cast(args, "A")
                let dims = try args.dims("dim"), keepdim = try args.bool("keepdim")
                if let dims, dims.count != 1 && dims.count != 2 {
                    throw PyError.runtime("linalg.norm: If dim is specified, it must be of length 1 or 2. Got \(Shape.sizeList(dims))")
                }
                if args["ord"].isNone {
                    return .tensor(try TorchBridge.run { try a.vectorNorm(p: 2, dims: dims, keepdim: keepdim) })
                }
                let isString: Bool = { if case .str = args["ord"] { return true } else { return false } }()
                if dims == nil && !isString && a.rank != 1 && a.rank != 2 {
                    throw PyError.runtime("linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got \(a.rank)D.")
                }
                if isString || dims?.count == 2 || (dims == nil && a.rank == 2) {
                    let order = try matrixOrder(args["ord"])
                    return .tensor(try TorchBridge.run { try a.matrixNorm(order, dims: dims ?? [-2, -1], keepdim: keepdim) })
                }
                let p = try args.scalar("ord").doubleValue
                return .tensor(try TorchBridge.run { try a.vectorNorm(p: p, dims: dims, keepdim: keepdim) })
            },
            PyBuiltin("vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None, out=None)", style: .torch) { args in
                let x = try cast(args, "x")
                let p = try args.scalar("ord").doubleValue
                return .tensor(try TorchBridge.run { try x.vectorNorm(p: p, dims: try args.dims("dim"), keepdim: try args.bool("keepdim")) })
            },
            PyBuiltin("matrix_norm(A, ord='fro', dim=None, keepdim=False, *, dtype=None, out=None)", style: .torch) { args in
                let a = try cast(args, "A")
                let order = try matrixOrder(args["ord"])
                let dims = try args.dims("dim") ?? [-2, -1]
                return .tensor(try TorchBridge.run { try a.matrixNorm(order, dims: dims, keepdim: try args.bool("keepdim")) })
            },
            unary("inv(A, *, out=None)") { try $0.inverse() },
            unary("det(A, *, out=None)") { try $0.determinant() },
            PyBuiltin("slogdet(A, *, out=None)", style: .torch) { args in try slogdet(try args.tensor("A"), type: "linalg_slogdet") },
            PyBuiltin("solve(A, B, *, left=True, out=None)", style: .torch) { args in
                let (a, b) = (try args.tensor("A"), try args.tensor("B"))
                guard try args.bool("left") else {
                    // A X = B with X on the right: Xᵀ Aᵀ... solved as Aᵀ Xᵀ = Bᵀ.
                    return .tensor(try TorchBridge.run { try a.matrixTranspose.solve(b.matrixTranspose).matrixTranspose })
                }
                return .tensor(try TorchBridge.run { try a.solve(b) })
            },
            PyBuiltin("svd(A, full_matrices=True, *, driver=None, out=None)", style: .torch) { args in
                let a = try args.tensor("A")
                let (u, s, vh) = try TorchBridge.run { try a.singularValueDecomposition(fullMatrices: try args.bool("full_matrices")) }
                return TorchReductionBindings.namedTuple("torch.return_types.linalg_svd", ["U": u, "S": s, "Vh": vh])
            },
            unary("svdvals(A, *, driver=None, out=None)") { try $0.singularValues() },
            PyBuiltin("lstsq(A, B, rcond=None, *, driver=None)", style: .torch) { args in
                let (a, b) = (try args.tensor("A"), try args.tensor("B"))
                var driver = Tensor.LeastSquaresDriver.gelsy
                if case .str(let name) = args["driver"] {
                    guard let known = Tensor.LeastSquaresDriver(rawValue: name.string) else {
                        throw PyError.runtime("torch.linalg.lstsq: parameter `driver` should be one of (gels, gelsy, gelsd, gelss)")
                    }
                    driver = known
                }
                let rcond = try args.optionalScalar("rcond")?.doubleValue
                let r = try TorchBridge.run { try a.leastSquares(b, rcond: rcond, driver: driver) }
                return TorchReductionBindings.namedTuple("torch.return_types.linalg_lstsq", [
                    "solution": r.solution, "residuals": r.residuals, "rank": r.rank, "singular_values": r.singularValues,
                ])
            },
            PyBuiltin("matrix_power(A, n, *, out=None)", style: .torch) { args in
                let (a, n) = (try args.tensor("A"), try args.int("n"))
                return .tensor(try TorchBridge.run { try a.matrixPower(n) })
            },
            PyBuiltin("matrix_exp(A)", style: .torch) { args in
                let a = try args.tensor("A")
                return .tensor(try TorchBridge.run { try a.matrixExp() })
            },
            PyBuiltin("qr(A, mode='reduced', *, out=None)", style: .torch) { args in
                let a = try args.tensor("A")
                guard case .str(let mode) = args["mode"] else { throw args.mismatch("mode", expected: "str", got: args["mode"]) }
                let (q, r) = try TorchBridge.run { try a.qr(mode: mode.string) }
                return TorchReductionBindings.namedTuple("torch.return_types.linalg_qr", ["Q": q, "R": r])
            },
            PyBuiltin("eigh(A, UPLO='L', *, out=None)", style: .torch) { args in
                let a = try args.tensor("A")
                let (values, vectors) = try TorchBridge.run { try a.symmetricEigen(uplo: try uplo(args)) }
                return TorchReductionBindings.namedTuple("torch.return_types.linalg_eigh", ["eigenvalues": values, "eigenvectors": vectors])
            },
            PyBuiltin("eigvalsh(A, UPLO='L', *, out=None)", style: .torch) { args in
                let a = try args.tensor("A")
                return .tensor(try TorchBridge.run { try a.symmetricEigen(uplo: try uplo(args)).values })
            },
            PyBuiltin("cholesky(A, *, upper=False, out=None)", style: .torch) { args in
                let a = try args.tensor("A")
                return .tensor(try TorchBridge.run { try a.cholesky(upper: try args.bool("upper")) })
            },
            PyBuiltin("matrix_rank(A, *, atol=None, rtol=None, hermitian=False, tol=None, out=None)", style: .torch) { args in
                let a = try args.tensor("A")
                let (atol, rtol) = try tolerances(args)
                return .tensor(try TorchBridge.run { try a.matrixRank(atol: atol, rtol: rtol, hermitian: try args.bool("hermitian")) })
            },
            PyBuiltin("pinv(A, *, atol=None, rtol=None, hermitian=False, out=None)", style: .torch) { args in
                let a = try args.tensor("A")
                let (atol, rtol) = try tolerances(args)
                return .tensor(try TorchBridge.run { try a.pseudoInverse(atol: atol, rtol: rtol, hermitian: try args.bool("hermitian")) })
            },
        ]
    }

    /// The older names, both `torch.NAME(input)` and `tensor.NAME()`.
    static var ops: [TorchOp] {
        [
            TorchOp.tensor("inverse") { t, _ in try t.inverse() },
            TorchOp.tensor("det") { t, _ in try t.determinant() },
            TorchOp.tensor("logdet") { t, _ in
                // log(det) with NaN for a negative determinant, as PyTorch's logdet.
                let (sign, logAbs) = try t.signAndLogDeterminant()
                return try Tensor.where(sign.lt(.wrapping(.int(0))), .wrapping(.double(.nan)), logAbs)
            },
            TorchOp("slogdet") { t, _ in try slogdet(t, type: "slogdet") },
            TorchOp("svd", "some=True, compute_uv=True") { t, args in
                let (u, s, vh) = try TorchBridge.run { try t.singularValueDecomposition(fullMatrices: !(try args.bool("some")), op: "linalg.svd") }
                let v = try TorchBridge.run { try vh.matrixTranspose }
                return TorchReductionBindings.namedTuple("torch.return_types.svd", ["U": u, "S": s, "V": v])
            },
            TorchOp.tensor("matrix_power", "n") { t, args in try t.matrixPower(try args.int("n")) },
            TorchOp.tensor("matrix_exp") { t, _ in try t.matrixExp() },
            TorchOp.tensor("pinverse", "rcond=1e-15") { t, args in
                try t.pseudoInverse(atol: 0, rtol: try args.scalar("rcond").doubleValue)
            },
        ]
    }

    /// The input, cast first when `dtype=` is given; an integer input is refused by the norm
    /// whatever `dtype` says, as in PyTorch.
    private static func cast(_ args: BoundArguments, _ name: String) throws -> Tensor {
        let t = try args.tensor(name)
        guard let dtype = try args.dtype(), t.dtype.isFloatingPoint else { return t }
        return try TorchBridge.run { try t.to(dtype) }
    }

    private static func unary(_ signature: String, _ body: @escaping (Tensor) throws -> Tensor) -> PyBuiltin {
        PyBuiltin(signature, style: .torch) { args in .tensor(try TorchBridge.run { try body(try args.tensor("A")) }) }
    }

    private static func slogdet(_ a: Tensor, type: String) throws -> Value {
        let (sign, logAbsDet) = try TorchBridge.run { try a.signAndLogDeterminant() }
        return TorchReductionBindings.namedTuple("torch.return_types.\(type)", ["sign": sign, "logabsdet": logAbsDet])
    }

    private static func uplo(_ args: BoundArguments) throws -> String {
        guard case .str(let s) = args["UPLO"] else { throw args.mismatch("UPLO", expected: "str", got: args["UPLO"]) }
        return s.string
    }

    /// `atol=`/`rtol=`, or the legacy `tol=` (an absolute tolerance alone).
    private static func tolerances(_ args: BoundArguments) throws -> (atol: Double?, rtol: Double?) {
        if let tol = try args.optionalScalar("tol") { return (tol.doubleValue, 0) }
        return (try args.optionalScalar("atol")?.doubleValue, try args.optionalScalar("rtol")?.doubleValue)
    }

    /// A matrix norm's `ord`: 'fro', 'nuc' or a number.
    private static func matrixOrder(_ v: Value) throws -> Tensor.MatrixNormOrder {
        switch v {
        case .none: return .frobenius
        case .str(let s) where s.string == "fro": return .frobenius
        case .str(let s) where s.string == "nuc": return .nuclear
        case .str(let s): throw PyError.runtime("linalg.matrix_norm: Order \(s.string) not supported.")
        default:
            guard let s = v.asScalar else { throw PyError.type("linalg_matrix_norm(): argument 'ord' must be str, not \(v.typeName)") }
            return .number(s.doubleValue)
        }
    }
}
