import GradTensor

/// Matrix products, as `torch.NAME(input, ...)` and `tensor.NAME(...)`, with PyTorch's parameter
/// names (they show in its errors): `matmul(other) mm(mat2) bmm(mat2) mv(vec) dot(tensor)`, `addmm`,
/// `inner`, `outer`/`ger`, `cross`, `einsum` and `tensordot`.
/// The `@` operator itself is Operators.binary's.
enum TorchMatmulBindings {
    private static let products: [(name: String, parameter: String, apply: @Sendable (Tensor, Tensor) throws -> Tensor)] = [
        ("matmul", "other", { try $0.matmul($1) }), ("mm", "mat2", { try $0.mm($1) }),
        ("bmm", "mat2", { try $0.bmm($1) }), ("mv", "vec", { try $0.mv($1) }), ("dot", "tensor", { try $0.dot($1) }),
    ]

    static var ops: [TorchOp] {
        products.map { product in
            TorchOp.tensor(product.name, product.parameter) { t, args in try product.apply(t, try args.tensor(product.parameter)) }.withOut
        } + [
            TorchOp.tensor("addmm", "mat1, mat2, *, beta=1, alpha=1") { t, args in
                try Tensor.addmm(t, try args.tensor("mat1"), try args.tensor("mat2"), beta: try args.scalar("beta"), alpha: try args.scalar("alpha"))
            },
            TorchOp.tensor("inner", "other") { t, args in try t.inner(try args.tensor("other")) }.withOut,
            TorchOp.tensor("outer", "vec2") { t, args in try t.outer(try args.tensor("vec2")) },
            TorchOp.tensor("ger", "vec2") { t, args in try t.outer(try args.tensor("vec2")) },
            TorchOp.tensor("cross", "other, dim=None") { t, args in try t.cross(try args.tensor("other"), dim: try args.optionalInt("dim")) },
        ]
    }

    /// `torch.einsum(equation, *operands)`; the operands may also come as one list.
    static var functions: [PyBuiltin] {
        [
            TorchTensordotBinding.function,
            PyBuiltin("einsum(equation, *operands)", style: .torch) { args in
                guard case .str(let text) = args["equation"] else {
                    throw args.mismatch("equation", expected: "str", got: args["equation"])
                }
                var given = args.varargs("operands")
                if given.count == 1, let items = given[0].sequenceItems { given = items }
                let operands = try given.map { v -> Tensor in
                    guard case .tensor(let t) = v else { throw PyError.type("einsum(): operands must be Tensors, not \(v.typeName)") }
                    return t
                }
                return .tensor(try TorchBridge.run { try Tensor.einsum(text.string, operands) })
            },
        ]
    }
}
