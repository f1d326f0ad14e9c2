/// One-line descriptions of the shape, indexed-write and product calls of issue 16 (views by
/// geometry, diagonal builders, structured matrices, `index_put`, `addmv` and their kin, `pad`):
/// like `TorchDocs.shared`, each names `torch.f`, `Tensor.f` or both, unless qualified.
extension TorchDocs {
    static let shapeOps: [String: String] = [
        // views and shapes
        "as_strided": "A view of the tensor's storage with the given sizes, strides and storage offset.",
        "unfold": "A view of the windows of size elements, step apart, along dimension, as a new last dimension.",
        "unflatten": "A view with dimension dim split into the given sizes (one may be -1).",
        "broadcast_to": "The tensor expanded (a view) to the given shape, as broadcasting would.",
        "atleast_1d": "The tensors with dimensions of size 1 added in front until they have at least one.",
        "atleast_2d": "The tensors with dimensions of size 1 added in front until they have at least two.",
        "atleast_3d": "The tensors with dimensions of size 1 added (NumPy's way) until they have at least three.",
        "dsplit": "tensor_split along the third dimension (depth).",
        "take_along_dim": "The elements indices picks along dim (input and indices broadcast), or of the flattened tensor.",
        "rot90": "A copy turned k quarter turns in the plane of dims, from the first towards the second.",
        "sum_to_size": "The tensor summed down to size, a shape it broadcasts from.",
        // diagonals and structured matrices
        "diag_embed": "Zeros with the last dimension laid on a diagonal of new matrices (planes dim1, dim2).",
        "diagflat": "A square matrix with the flattened tensor on diagonal offset.",
        "fill_diagonal_": "In place: fill_value written on the main diagonal (wrap restarts it in tall matrices).",
        "vander": "The Vandermonde matrix of a vector: its powers as columns, highest first unless increasing.",
        "kron": "The Kronecker product: every element of input times the whole of other, laid out in blocks.",
        "block_diag": "A matrix with the tensors as blocks along its diagonal, zeros elsewhere.",
        "cartesian_prod": "Every tuple taking one element from each vector, as the rows of a matrix.",
        "combinations": "The r-element combinations of a vector's elements, as the rows of a matrix.",
        // indexed writes
        "index_put": "A copy with values written (or added, with accumulate) at the elements the tuple of indices picks.",
        "put": "A copy with source's elements written (or added) at the flat positions in index.",
        "masked_scatter": "A copy whose elements where mask is true take source's elements in order.",
        // products
        "addmv": "beta * input + alpha * (mat @ vec).",
        "addr": "beta * input + alpha * the outer product of vec1 and vec2.",
        "baddbmm": "beta * input + alpha * (batch1 @ batch2), matrix by matrix.",
        "addbmm": "beta * input + alpha * the sum over the batch of batch1[i] @ batch2[i].",
        "multi_dot": "The product of a chain of matrices (vectors at the ends), in the cheapest order.",
        "chain_matmul": "Deprecated: the product of a chain of matrices; use torch.linalg.multi_dot.",
        // padding
        "pad": "The last dimensions padded by (left, right) pairs: a constant, reflection, replication or wrap-around.",
        "torch.nn.functional.unfold": "The sliding blocks of an (N, C, H, W) image as columns: (N, C * kh * kw, L) (im2col).",
        "torch.nn.functional.fold": "The columns of (N, C * kh * kw, L) added back into an image of output_size (col2im).",
    ]
}
