import GradTensor

/// dtype questions and the legacy typed constructors: `result_type promote_types
/// is_floating_point`, `torch.FloatTensor` and friends, and the storage introspection methods
/// `element_size stride storage_offset data_ptr storage` with the `nbytes itemsize` attributes.
enum TorchDTypeBindings {
    static var functions: [PyBuiltin] {
        [
            PyBuiltin("result_type(tensor, other)", style: .torch) { args in
                let a = try args.operand("tensor"), b = try args.operand("other")
                return TorchDTypes.object(TypePromotion.resultType(a, b))
            },
            PyBuiltin("promote_types(type1, type2)", style: .torch) { args in
                guard let a = try args.dtype("type1"), let b = try args.dtype("type2") else {
                    throw PyError.type("promote_types(): argument 'type1' must be torch.dtype, not NoneType")
                }
                return TorchDTypes.object(TypePromotion.promote(a, b))
            },
            PyBuiltin("is_floating_point(input)", style: .torch) { args in .bool(try args.tensor("input").dtype.isFloatingPoint) },
        ]
    }

    /// `torch.FloatTensor`, `torch.LongTensor`, ...: types that `isinstance` checks by dtype and
    /// that build a tensor of their dtype from data or of zeros from sizes.
    nonisolated(unsafe) static let legacyTypes: [PyTypeObject] = DType.allCases.map { dtype in
        let name = String(dtype.legacyTensorName.dropFirst("torch.".count))
        return PyTypeObject(
            name: name, qualifiedName: dtype.legacyTensorName,
            constructor: PyBuiltin("\(name)(*args)", style: .torch) { args in .tensor(try TorchTypeObjects.construct(args, dtype: dtype)) },
            matches: { v in
                if case .tensor(let t) = v { return t.dtype == dtype }
                return false
            })
    }

    static var methods: [PyBuiltin] {
        [
            tensorMethod("element_size(self)") { t, _ in .int(t.dtype.itemSize) },
            tensorMethod("stride(self, dim=None)") { t, args in
                guard let dim = try args.optionalInt("dim") else {
                    return .object(PyTuple(t.strides.map { .int($0) }))
                }
                return .int(t.strides[try TorchBridge.run { try Shape.wrapDim(dim, rank: t.rank) }])
            },
            tensorMethod("storage_offset(self)") { t, _ in .int(t.offset) },
            tensorMethod("data_ptr(self)") { t, _ in .int(t.dataAddress) },
            tensorMethod("is_floating_point(self)") { t, _ in .bool(t.dtype.isFloatingPoint) },
            PyBuiltin("storage(self)", style: .torch) { args in
                let t = try args.receiver
                try args.interpreter.warnOnce("TypedStorage is deprecated. It will be removed in the future and UntypedStorage will be the only storage class. This should only matter to you if you are using storages directly.  To access UntypedStorage directly, use tensor.untyped_storage() instead of tensor.storage()")
                return .object(PyTypedStorage(t))
            },
        ]
    }

    /// `nbytes` and `itemsize`.
    static var getters: [(String, (Tensor) -> Value)] { [
        ("nbytes", { .int($0.numel * $0.dtype.itemSize) }),
        ("itemsize", { .int($0.dtype.itemSize) }),
    ] }
}
