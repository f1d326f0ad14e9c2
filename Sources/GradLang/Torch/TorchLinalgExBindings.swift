import GradTensor

/// `torch.linalg.inv_ex` and `cholesky_ex`: the result and LAPACK's `info` (0 for every matrix
/// that succeeded, int32, shaped like the batch). For a failing matrix PyTorch returns LAPACK's
/// partial result, which grad does not reproduce: with `check_errors=True` the LinAlgError is
/// PyTorch's, otherwise grad refuses rather than return other numbers. `eig` and `eigvals`,
/// whose results are complex, are refused: grad has no complex dtypes.
enum TorchLinalgExBindings {
    static var functions: [PyBuiltin] {
        [
            PyBuiltin("inv_ex(A, *, check_errors=False, out=None)", style: .torch) { args in
                let a = try args.tensor("A")
                let inverse = try computed(args, op: "inv") { try a.inverse() }
                return TorchReductionBindings.namedTuple("torch.return_types.linalg_inv_ex",
                                                         ["inverse": inverse, "info": try success(of: a)])
            },
            PyBuiltin("cholesky_ex(A, *, upper=False, check_errors=False, out=None)", style: .torch) { args in
                let a = try args.tensor("A")
                let upper = try args.bool("upper")
                let l = try computed(args, op: "cholesky") { try a.cholesky(upper: upper) }
                return TorchReductionBindings.namedTuple("torch.return_types.linalg_cholesky_ex",
                                                         ["L": l, "info": try success(of: a)])
            },
        ] + ["eig", "eigvals"].map { name in
            PyBuiltin("\(name)(A, *, out=None)", style: .torch) { _ in
                throw PyError(PyExc.notImplementedError,
                              "torch.linalg.\(name): its results are complex tensors, and grad has no complex dtypes (torch.linalg.eigh/eigvalsh take a symmetric matrix)")
            }
        }
    }

    /// The op's result, its LinAlgError renamed to the `_ex` function's.
    private static func computed(_ args: BoundArguments, op: String, _ body: () throws -> Tensor) throws -> Tensor {
        let checkErrors = try args.bool("check_errors")
        return try TorchBridge.run {
            do {
                return try body()
            } catch let error as TorchError where error.kind == .linalgError {
                let prefix = "linalg.\(op): "
                let message = error.message.hasPrefix(prefix)
                    ? "linalg.\(op)_ex: " + error.message.dropFirst(prefix.count) : error.message
                guard checkErrors else {
                    throw TorchError.notImplemented("linalg.\(op)_ex: a matrix failed (\(message)); PyTorch then returns LAPACK's partial result with info > 0, which grad does not reproduce: pass check_errors=True or catch the error of linalg.\(op)")
                }
                throw TorchError(.linalgError, message)
            }
        }
    }

    /// `info` when every matrix succeeded: int32 zeros over the batch dimensions.
    private static func success(of a: Tensor) throws -> Tensor {
        try TorchBridge.run { try Tensor.full(Array(a.shape.dropLast(2)), .int(0), dtype: .int32) }
    }
}
