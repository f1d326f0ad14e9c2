import GradTensor

/// Shape and view methods: `view`, `reshape`, `permute`, `transpose`, `t`, `unsqueeze`, `squeeze`
/// (and in place: `unsqueeze_`, `squeeze_`, `t_`, `transpose_`), `expand`, `flatten`, `unbind`,
/// `narrow`, `select`, `movedim`, `swapaxes`, copies (`clone`, `contiguous`, `detach`), and size queries.
enum TorchViewBindings {
    /// Ops PyTorch also offers as `torch.NAME(input, ...)`.
    static var ops: [TorchOp] {
        [
            TorchOp.tensor("reshape", "*sizes, shape=None") { t, args in
                try t.reshape(try args.size(varargs: "sizes", keyword: "shape"))
            },
            TorchOp.tensor("permute", "*sizes, dims=None") { t, args in
                try t.permute(try args.size(varargs: "sizes", keyword: "dims"))
            },
            TorchOp.tensor("transpose", "dim0, dim1") { t, args in
                try t.transpose(try args.int("dim0"), try args.int("dim1"))
            },
            TorchOp.tensor("t") { t, _ in try t.t() },
            TorchOp.tensor("unsqueeze", "dim") { t, args in try t.unsqueeze(try args.int("dim")) },
            TorchOp.tensor("squeeze", "dim=None") { t, args in try t.squeeze(dims: try args.dims("dim")) },
            TorchOp.tensor("flatten", "start_dim=0, end_dim=-1") { t, args in
                try t.flatten(startDim: try args.int("start_dim"), endDim: try args.int("end_dim"))
            },
            TorchOp.tensor("narrow", "dim, start, length") { t, args in
                try t.narrow(dim: try args.int("dim"), start: try args.int("start"), length: try args.int("length"))
            },
            TorchOp.tensor("select", "dim, index") { t, args in try t.select(dim: try args.int("dim"), index: try args.int("index")) },
            TorchOp.tensor("movedim", "source, destination") { t, args in
                try t.movedim(try args.dims("source") ?? [], to: try args.dims("destination") ?? [])
            },
            TorchOp.tensor("moveaxis", "source, destination") { t, args in
                try t.movedim(try args.dims("source") ?? [], to: try args.dims("destination") ?? [])
            },
            TorchOp.tensor("swapaxes", "axis0, axis1") { t, args in try t.transpose(try args.int("axis0"), try args.int("axis1")) },
            TorchOp.tensor("swapdims", "dim0, dim1") { t, args in try t.transpose(try args.int("dim0"), try args.int("dim1")) },
            TorchOp.tensor("ravel") { t, _ in try t.reshape([-1]) },
            TorchOp.tensor("clone", "*, memory_format=None") { t, args in try t.clone(memoryFormat: try args.memoryFormat(default: .preserve)) },
            TorchOp.tensor("detach") { t, _ in t.detach() },
            TorchOp("numel") { t, _ in .int(t.numel) },
            TorchOp("unbind", "dim=0") { t, args in
                let dim = try args.int("dim")
                return .object(PyTuple(try TorchBridge.run { try t.unbind(dim: dim) }.map(Value.tensor)))
            },
        ]
    }

    static var methods: [PyBuiltin] {
        [
            tensorMethodReturningTensor("view(self, *sizes, size=None)") { t, args in
                try t.view(try args.size(varargs: "sizes", keyword: "size"))
            },
            tensorMethodReturningTensor("expand(self, *sizes, size=None)") { t, args in
                try t.expand(try args.size(varargs: "sizes", keyword: "size"))
            },
            tensorMethodReturningTensor("contiguous(self, memory_format=None)") { t, args in
                try t.contiguous(memoryFormat: try args.memoryFormat(default: .contiguous))
            },
            tensorMethodReturningTensor("unsqueeze_(self, dim)") { t, args in try t.unsqueeze_(try args.int("dim")) },
            tensorMethodReturningTensor("squeeze_(self, dim=None)") { t, args in try t.squeeze_(dims: try args.dims("dim")) },
            tensorMethodReturningTensor("t_(self)") { t, _ in try t.t_() },
            tensorMethodReturningTensor("transpose_(self, dim0, dim1)") { t, args in
                try t.transpose_(try args.int("dim0"), try args.int("dim1"))
            },
            tensorMethod("is_contiguous(self, memory_format=None)") { t, args in
                .bool(try TorchBridge.run { try args.memoryFormat(default: .contiguous).holds(t) })
            },
            tensorMethod("size(self, dim=None)") { t, args in
                guard let dim = try args.optionalInt("dim") else { return sizeValue(t.shape) }
                return .int(t.shape[try TorchBridge.run { try Shape.wrapDim(dim, rank: t.rank) }])
            },
            tensorMethod("dim(self)") { t, _ in .int(t.rank) },
            tensorMethod("ndimension(self)") { t, _ in .int(t.rank) },
            tensorMethod("nelement(self)") { t, _ in .int(t.numel) },
        ]
    }

    /// `torch.broadcast_shapes(*shapes)`: each shape a sequence of ints or one int;
    /// `torch.broadcast_tensors(*tensors)`: each expanded to their common shape (returned as is
    /// when it already has that shape);
    /// `torch.meshgrid(*tensors, indexing)`: the vectors expanded along their own dimension.
    static var functions: [PyBuiltin] {
        [
            PyBuiltin("meshgrid(*tensors, indexing=None)", style: .torch) { args in
                var given = args.varargs("tensors")
                if given.count == 1, let items = given[0].sequenceItems { given = items }
                let vectors = try given.map { v -> Tensor in
                    guard case .tensor(let t) = v else { throw PyError.type("meshgrid(): expected Tensor, not \(v.typeName)") }
                    return t
                }
                let indexing = args["indexing"].asString
                if indexing == nil {
                    try args.interpreter.warnOnce(TorchWarningText.meshgridIndexing)
                }
                guard indexing == nil || indexing == "ij" || indexing == "xy" else {
                    throw PyError.runtime("torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: \(indexing ?? "")")
                }
                let grids = try TorchBridge.run { try Tensor.meshgrid(vectors, cartesian: indexing == "xy") }
                return .object(PyTuple(grids.map(Value.tensor)))
            },
            PyBuiltin("broadcast_tensors(*tensors)", style: .torch) { args in
                let tensors = try args.varargs("tensors").enumerated().map { k, v -> Tensor in
                    guard case .tensor(let t) = v else { throw PyError.type("expected Tensor as element \(k) in argument 0, but got \(v.typeName)") }
                    return t
                }
                return try TorchBridge.run {
                    let shape = try tensors.reduce([Int]()) { try Shape.broadcast($0, $1.shape) }
                    return .object(PyTuple(try tensors.map { .tensor($0.shape == shape ? $0 : try $0.expand(shape)) }))
                }
            },
            PyBuiltin("broadcast_shapes(*shapes)", style: .torch) { args in
                var result: [Int] = []
                for shape in args.varargs("shapes") {
                    let items = try shape.asTorchInt.map { [Value.int($0)] } ?? shape.sequenceItems
                    let dims = try (items ?? [shape]).map { item -> Int in
                        guard let i = try item.asTorchInt else {
                            throw PyError.runtime("Input shapes should be of type ints, a tuple of ints, or a list of ints, got \(Repr.repr(shape))")
                        }
                        if i < 0 { throw PyError.runtime("Trying to create tensor with negative dimension \(i): \(Repr.repr(shape))") }
                        return i
                    }
                    result = try TorchBridge.run { try Shape.broadcast(result, dims) }
                }
                return sizeValue(result)
            },
        ]
    }

    /// `torch.Size([2, 3])`.
    static func sizeValue(_ shape: [Int]) -> Value {
        .object(PyTuple(shape.map { .int($0) }, kind: .torchSize))
    }

    /// `x.T`, with PyTorch's deprecation warnings for tensors that are not matrices.
    static func transposeAll(_ t: Tensor, _ interpreter: Interpreter) throws -> Value {
        if t.rank == 0 {
            try interpreter.warnOnce("Tensor.T is deprecated on 0-D tensors. This function is the identity in these cases. (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/TensorShape.cpp:4313.)")
        } else if t.rank != 2 {
            try interpreter.warnOnce("The use of `x.T` on tensors of dimension other than 2 to reverse their shape is deprecated and it will throw an error in a future release. Consider `x.mT` to transpose batches of matrices or `x.permute(*torch.arange(x.ndim - 1, -1, -1))` to reverse the dimensions of a tensor. (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/TensorShape.cpp:4306.)")
        }
        return .tensor(try TorchBridge.run { try t.T })
    }
}
