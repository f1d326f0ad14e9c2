import GradTensor

/// Matrix products, as `torch.NAME(input, ...)` and `tensor.NAME(...)`, with PyTorch's parameter
/// names (they show in its errors): `matmul(other) mm(mat2) bmm(mat2) mv(vec) dot(tensor)`.
/// The `@` operator itself is Operators.binary's.
enum TorchMatmulBindings {
    private static let products: [(name: String, parameter: String, apply: @Sendable (Tensor, Tensor) throws -> Tensor)] = [
        ("matmul", "other", { try $0.matmul($1) }), ("mm", "mat2", { try $0.mm($1) }),
        ("bmm", "mat2", { try $0.bmm($1) }), ("mv", "vec", { try $0.mv($1) }), ("dot", "tensor", { try $0.dot($1) }),
    ]

    static var ops: [TorchOp] {
        products.map { product in
            TorchOp.tensor(product.name, product.parameter) { t, args in try product.apply(t, try args.tensor(product.parameter)) }
        }
    }
}
