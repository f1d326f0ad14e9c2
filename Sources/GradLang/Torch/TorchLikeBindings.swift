import GradTensor

/// Methods shaped or typed after another tensor (`view_as`, `expand_as`, `reshape_as`,
/// `type_as`), and the `new_*` factories, whose dtype defaults to the receiver's.
enum TorchLikeBindings {
    static var methods: [PyBuiltin] {
        let options = TorchCreationBindings.options
        return [
            tensorMethodReturningTensor("view_as(self, other)") { t, args in try t.view(try args.tensor("other").shape) },
            tensorMethodReturningTensor("expand_as(self, other)") { t, args in try t.expand(try args.tensor("other").shape) },
            tensorMethodReturningTensor("reshape_as(self, other)") { t, args in try t.reshape(try args.tensor("other").shape) },
            tensorMethodReturningTensor("type_as(self, other)") { t, args in try t.to(try args.tensor("other").dtype) },
            TorchCreationBindings.factory("new_zeros(self, *sizes, size=None, \(options))") { args in
                try Tensor.zeros(try args.size(varargs: "sizes", keyword: "size"), dtype: try args.dtype() ?? args.receiver.dtype)
            },
            TorchCreationBindings.factory("new_empty(self, *sizes, size=None, \(options))") { args in
                try Tensor.zeros(try args.size(varargs: "sizes", keyword: "size"), dtype: try args.dtype() ?? args.receiver.dtype)
            },
            TorchCreationBindings.factory("new_ones(self, *sizes, size=None, \(options))") { args in
                try Tensor.ones(try args.size(varargs: "sizes", keyword: "size"), dtype: try args.dtype() ?? args.receiver.dtype)
            },
            TorchCreationBindings.factory("new_full(self, size, fill_value, *, \(options))") { args in
                try Tensor.full(try args.sizeSequence("size"), try args.scalar("fill_value"), dtype: try args.dtype() ?? args.receiver.dtype)
            },
            TorchCreationBindings.factory("new_tensor(self, data, *, \(options))") { args in
                try TorchData.tensor(from: args["data"], dtype: try args.dtype() ?? args.receiver.dtype, copyWarning: args.interpreter)
            },
        ]
    }
}
