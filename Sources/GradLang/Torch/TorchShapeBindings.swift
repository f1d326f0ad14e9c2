import GradTensor

/// Shape and layout calls of issue 16: views by geometry (`as_strided`, `unfold`, `unflatten`,
/// `broadcast_to`), `atleast_1d/2d/3d`, `take_along_dim`, `rot90`, the diagonal builders
/// (`diag_embed`, `diagflat`, `fill_diagonal_`), `vander`, `kron`, `block_diag`,
/// `cartesian_prod`, `combinations` and `sum_to_size`.
enum TorchShapeBindings {
    /// Ops PyTorch offers both as `torch.NAME(input, ...)` and as methods.
    static var ops: [TorchOp] {
        [
            TorchOp.tensor("as_strided", "size, stride, storage_offset=None") { t, args in
                try t.asStrided(size: try args.sizeSequence("size"), stride: try args.sizeSequence("stride"),
                                storageOffset: try args.optionalInt("storage_offset"))
            },
            TorchOp.tensor("unflatten", "dim, sizes") { t, args in
                try t.unflatten(dim: try args.int("dim"), sizes: try args.sizeSequence("sizes"))
            },
            TorchOp.tensor("broadcast_to", "size") { t, args in try t.expand(try args.sizeSequence("size")) },
            TorchOp.tensor("take_along_dim", "indices, dim=None") { t, args in
                try t.takeAlongDim(try args.tensor("indices"), dim: try args.optionalInt("dim"))
            },
            TorchOp.tensor("rot90", "k=1, dims=None") { t, args in
                try t.rot90(try args.int("k"), dims: try args.dims("dims") ?? [0, 1])
            },
            TorchOp.tensor("diag_embed", "offset=0, dim1=-2, dim2=-1") { t, args in
                try t.diagEmbed(offset: try args.int("offset"), dim1: try args.int("dim1"), dim2: try args.int("dim2"))
            },
            TorchOp.tensor("diagflat", "offset=0") { t, args in try t.diagflat(offset: try args.int("offset")) },
            TorchOp.tensor("kron", "other") { t, args in try t.kron(try args.tensor("other")) },
        ]
    }

    /// Methods without a `torch.NAME` function.
    static var methods: [PyBuiltin] {
        [
            tensorMethodReturningTensor("unfold(self, dimension, size, step)") { t, args in
                try t.unfold(dimension: try args.int("dimension"), size: try args.int("size"), step: try args.int("step"))
            },
            tensorMethodReturningTensor("fill_diagonal_(self, fill_value, wrap=False)") { t, args in
                try t.fillDiagonal_(try args.scalar("fill_value"), wrap: try args.bool("wrap"))
            },
            tensorMethodReturningTensor("sum_to_size(self, *size)") { t, args in
                try t.sumToSize(try args.size(varargs: "size"))
            },
        ]
    }

    /// Functions without a method form.
    static var functions: [PyBuiltin] {
        [
            atLeast(1), atLeast(2), atLeast(3),
            PyBuiltin("vander(x, N=None, increasing=False)", style: .torch) { args in
                let x = try args.tensor("x")
                let (n, increasing) = (try args.optionalInt("N"), try args.bool("increasing"))
                return .tensor(try TorchBridge.run { try x.vander(columns: n, increasing: increasing) })
            },
            PyBuiltin("block_diag(*tensors)", style: .torch) { args in
                let tensors = try tensorList(args.varargs("tensors"))
                return .tensor(try TorchBridge.run { try Tensor.blockDiag(tensors) })
            },
            PyBuiltin("cartesian_prod(*tensors)", style: .torch) { args in
                let tensors = try tensorList(args.varargs("tensors"))
                return .tensor(try TorchBridge.run { try Tensor.cartesianProd(tensors) })
            },
            PyBuiltin("combinations(input, r=2, with_replacement=False)", style: .torch) { args in
                let (t, r, again) = (try args.tensor("input"), try args.int("r"), try args.bool("with_replacement"))
                return .tensor(try TorchBridge.run { try t.combinations(r, withReplacement: again) })
            },
        ]
    }

    /// `atleast_Nd(*tensors)`: one tensor gives a tensor; several, or one list or tuple, a tuple.
    private static func atLeast(_ n: Int) -> PyBuiltin {
        PyBuiltin("atleast_\(n)d(*tensors)", style: .torch) { args in
            let given = args.varargs("tensors")
            if given.count == 1, case .tensor(let t) = given[0] {
                return .tensor(try TorchBridge.run { try t.atLeast(n) })
            }
            let items = given.count == 1 ? given[0].sequenceItems ?? given : given
            if given.count == 1 && given[0].sequenceItems == nil {
                throw PyError.type("atleast_\(n)d() received an invalid combination of arguments - got (\(given[0].typeName)), but expected one of:\n * (Tensor input)\n      didn't match because some of the arguments have invalid types: (!\(given[0].typeName)!)\n * (tuple of Tensors tensors)\n      didn't match because some of the arguments have invalid types: (!\(given[0].typeName)!)\n")
            }
            let tensors = try tensorList(items)
            return .object(PyTuple(try TorchBridge.run { try tensors.map { try $0.atLeast(n) } }.map(Value.tensor)))
        }
    }

    /// Tensors given as varargs, with PyTorch's message for anything else.
    static func tensorList(_ values: [Value]) throws -> [Tensor] {
        try values.enumerated().map { k, v in
            guard case .tensor(let t) = v else { throw PyError.type("expected Tensor as element \(k) in argument 0, but got \(v.typeName)") }
            return t
        }
    }
}
