import GradTensor

/// Methods shaped or typed after another tensor (`view_as`, `expand_as`, `reshape_as`,
/// `type_as`), and the `new_*` factories, whose dtype defaults to the receiver's.
enum TorchLikeBindings {
    /// `new_zeros`, `new_ones`, `new_empty` (zero-filled, as grad's `empty`).
    private static let sized: [(String, @Sendable ([Int], DType) throws -> Tensor)] = [
        ("new_zeros", { try Tensor.zeros($0, dtype: $1) }), ("new_ones", { try Tensor.ones($0, dtype: $1) }),
        ("new_empty", { try Tensor.zeros($0, dtype: $1) }),
    ]

    static var methods: [PyBuiltin] {
        let options = TorchCreationBindings.options
        return sized.map { name, make in
            TorchCreationBindings.factory("\(name)(self, *sizes, size=None, \(options))") { args in
                let (size, dtype) = (try args.size(varargs: "sizes", keyword: "size"), try args.dtype() ?? args.receiver.dtype)
                _ = try Shape.checkedCount(size, dtype: dtype)
                return try make(size, dtype)
            }
        } + [
            tensorMethodReturningTensor("view_as(self, other)") { t, args in try t.view(try args.tensor("other").shape) },
            tensorMethodReturningTensor("expand_as(self, other)") { t, args in try t.expand(try args.tensor("other").shape) },
            tensorMethodReturningTensor("reshape_as(self, other)") { t, args in try t.reshape(try args.tensor("other").shape) },
            tensorMethodReturningTensor("type_as(self, other)") { t, args in try t.to(try args.tensor("other").dtype) },
            TorchCreationBindings.factory("new_full(self, size, fill_value, *, \(options))") { args in
                try Tensor.full(try args.sizeSequence("size"), try args.scalar("fill_value"), dtype: try args.dtype() ?? args.receiver.dtype)
            },
            TorchCreationBindings.factory("new_tensor(self, data, *, \(options))") { args in
                try TorchData.tensor(from: args["data"], dtype: try args.dtype() ?? args.receiver.dtype, copyWarning: args.interpreter)
            },
        ]
    }
}
