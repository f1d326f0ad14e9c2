import RealModule

/// `linalg.matrix_exp(A)` (also `torch.matrix_exp` and the method), computed as PyTorch's `mexp`
/// computes it, so with its bits: a single matrix by the Taylor polynomial of the lowest degree (1,
/// 2, 4, 8, 12 or 18) whose bound on its 1-norm holds, a batch of several at degree 18, in the
/// optimized forms of Bader, Blanes and Casas (2019) with PyTorch's coefficients in the tensor's
/// dtype, its products and its sums in its order; past the last bound, degree 18 of the matrix
/// scaled down by a power of two, then squared back. (float16 and bfloat16 take float32's bounds and
/// coefficients: PyTorch 2.15's CPU kernel returns garbage for them.) The gradient
/// (LinalgMatrixExpBackward0) is PyTorch's: the top-right block of the exponential of
/// [[Aᵀ, G], [0, Aᵀ]], itself differentiable.
extension Tensor {
    public func matrixExp() throws -> Tensor {
        try checkLinalgInput("linalg.matrix_exp", square: true)
        let out = try GradMode.with(enabled: false) { try detach().exponentialOfMatrices() }
        return out.record("LinalgMatrixExpBackward0", inputs: [self], saving: { $0.slot(self) }) { ctx, input in
            [try ctx.saved(input).matrixExpDifferential(ctx.grad)]
        }
    }

    /// PyTorch's `linalg_matrix_exp_differential` with `adjoint`: the exponential of the block
    /// matrix [[Aᵀ, G], [0, Aᵀ]], its top-right block.
    private func matrixExpDifferential(_ grad: Tensor) throws -> Tensor {
        let n = shape[rank - 1]
        let adjoint = try matrixTranspose
        let top = try Tensor.cat([adjoint, grad], dim: -1)
        let bottom = try Tensor.cat([Tensor.zerosLike(adjoint), adjoint], dim: -1)
        return try Tensor.cat([top, bottom], dim: -2).matrixExp().narrow(dim: -2, start: 0, length: n).narrow(dim: -1, start: n, length: n)
    }

    /// The forward computation, on a tensor that records nothing.
    private func exponentialOfMatrices() throws -> Tensor {
        let n = shape[rank - 1]
        if numel == 0 { return try clone() }
        if n == 1 { return try exp() }
        let matrices = try contiguous().view([-1, n, n])
        let bounds = MatrixExpBounds(dtype)
        // PyTorch's operator_1_norm: the largest column sum of absolute values.
        let norms = try matrices.abs().sum(dims: [-2]).max(dim: -1).values
        let count = matrices.shape[0]
        let normValues = try (0..<count).map { try norms.select(dim: 0, index: $0).item().doubleValue }
        // Each matrix's result, group by group as PyTorch computes them (the polynomials' products are
        // batched); a matrix whose norm is NaN is in no group and stays NaN. PyTorch takes the
        // degrees below 18 for a single matrix only: a batch of several goes to degree 18 whole.
        var results = [Tensor?](repeating: nil, count: count)
        let highestOnly = count > 1
        func compute(_ members: [Int], _ polynomial: (_ batch: Tensor, _ members: [Int]) throws -> [Tensor]) throws {
            guard !members.isEmpty else { return }
            let index = try Tensor.from(.list(members.map { .scalar(.int(Int64($0))) }), dtype: .int64)
            for (member, result) in zip(members, try polynomial(matrices.indexSelect(dim: 0, index: index), members)) {
                results[member] = result
            }
        }
        let polynomials: [(Tensor) throws -> Tensor] = [
            { try $0.taylorDegree1() }, { try $0.taylorDegree2() }, { try $0.taylorDegree4(bounds) },
            { try $0.taylorDegree8(bounds) }, { try $0.taylorDegree12(bounds) },
        ]
        for (degree, polynomial) in polynomials.enumerated() where !highestOnly {
            let lower = degree == 0 ? -1 : bounds.thetas[degree - 1], upper = bounds.thetas[degree]
            try compute((0..<count).filter { lower < normValues[$0] && normValues[$0] <= upper }) { batch, _ in
                let result = try polynomial(batch)
                return try (0..<batch.shape[0]).map { try result.select(dim: 0, index: $0) }
            }
        }
        // Norms from the degree-12 bound on (which that group also took) by degree 18, scaled and squared.
        try compute((0..<count).filter { highestOnly ? !normValues[$0].isNaN : normValues[$0] >= bounds.thetas[4] }) { batch, members in
            try batch.scaledAndSquared(norms: members.map { normValues[$0] }, bounds)
        }
        let nan = try Tensor.full([n, n], .double(.nan), dtype: dtype)
        return try Tensor.stack(results.map { $0 ?? nan }).view(shape)
    }

    /// PyTorch's `compute_T18_scale_square` over a batch: each matrix divided by 2^s, where s is the
    /// smallest power that brings its norm under the degree-18 bound, then its polynomial squared s times.
    private func scaledAndSquared(norms: [Double], _ bounds: MatrixExpBounds) throws -> [Tensor] {
        let count = shape[0]
        // s = max(0, ceil(log2(norm / theta))), in the dtype's arithmetic (0 for a zero norm); a power
        // too large for the 64-bit integer PyTorch keeps it in (an infinite norm) leaves NaN.
        let powers: [Int?] = norms.map { norm in
            let exponent = bounds.isSingle ? Double(Float.log2(Float(norm) / Float(bounds.thetas[5])).rounded(.up))
                                           : Double.log2(norm / bounds.thetas[5]).rounded(.up)
            let s = Swift.max(0, exponent)
            return s <= 62 ? Int(s) : nil
        }
        let scales = try Tensor.from(.list(powers.map { .scalar(.double(Double(sign: .plus, exponent: $0 ?? 0, significand: 1))) }), dtype: dtype).view([count, 1, 1])
        let polynomial = try div(scales).taylorDegree18(bounds)
        let n = shape[1]
        return try (0..<count).map { i in
            guard let s = powers[i] else { return try Tensor.full([n, n], .double(.nan), dtype: dtype) }
            var square = try polynomial.select(dim: 0, index: i)
            for _ in 0..<s { square = try square.matmul(square) }
            return square
        }
    }

    // The polynomials, over a batch [b, n, n] (PyTorch's compute_T1 ... compute_T18).

    /// I, then A, A², A³, A⁶ as far as `count` asks (PyTorch's `_fill_matrix_powers`).
    private func matrixPowers(_ count: Int) throws -> [Tensor] {
        var powers = [try Tensor.eye(shape[1], dtype: dtype).expand(shape), self]
        if count > 2 { powers.append(try matmul(self)) }
        if count > 3 { powers.append(try matmul(powers[2])) }
        if count > 4 { powers.append(try powers[3].matmul(powers[3])) }
        return powers
    }

    private func taylorDegree1() throws -> Tensor {
        try Tensor.stack(matrixPowers(2)).sum(dims: [0])
    }

    private func taylorDegree2() throws -> Tensor {
        var powers = try matrixPowers(3)
        powers[2] = try powers[2].div(.wrapping(.double(2)))
        return try Tensor.stack(powers).sum(dims: [0])
    }

    private func taylorDegree4(_ bounds: MatrixExpBounds) throws -> Tensor {
        var powers = try matrixPowers(3)
        powers.append(try powers[2].matmul(bounds.combination(powers, [1 / 2.0, 1 / 6.0, 1 / 24.0])))
        return try bounds.combination(powers, [1, 1, 0, 1])
    }

    private func taylorDegree8(_ bounds: MatrixExpBounds) throws -> Tensor {
        let c = bounds.degree8
        var powers = try matrixPowers(3)
        powers.append(try powers[2].matmul(bounds.combination(Array(powers[1...2]), [c.x1, c.x2])))
        let left = try bounds.combination(Array(powers[2...3]), [c.x3, 1])
        powers.append(try left.matmul(bounds.combination(powers, [c.x4, c.x5, c.x6, c.x7])))
        return try bounds.combination(powers, [1, 1, c.y2, 0, 1])
    }

    private func taylorDegree12(_ bounds: MatrixExpBounds) throws -> Tensor {
        let powers = try matrixPowers(4)
        var b = try MatrixExpBounds.degree12.map { try bounds.combination(powers, $0) }
        b[2] = try b[2].add(b[3].matmul(b[3]))
        return try b[0].add(b[1].add(b[2]).matmul(b[2]))
    }

    private func taylorDegree18(_ bounds: MatrixExpBounds) throws -> Tensor {
        let powers = try matrixPowers(5)
        var b = try MatrixExpBounds.degree18.map { try bounds.combination(powers, $0) }
        b[3] = try b[3].add(b[0].matmul(b[4]))
        return try b[1].add(b[2].add(b[3]).matmul(b[3]))
    }
}

/// What `mexp` takes from the dtype: the norm bounds of each degree and the coefficients, rounded to
/// the dtype as PyTorch's `scalar_t` constants are.
private struct MatrixExpBounds {
    let isSingle: Bool
    /// The largest 1-norm each degree (1, 2, 4, 8, 12, 18) is accurate for.
    let thetas: [Double]
    let degree8: (x1: Double, x2: Double, x3: Double, x4: Double, x5: Double, x6: Double, x7: Double, y2: Double)

    init(_ dtype: DType) {
        let isSingle = dtype != .float64
        self.isSingle = isSingle
        let round = { MatrixExpBounds.rounded($0, isSingle: isSingle) }
        thetas = (isSingle ? [1.192092800768788e-07, 5.978858893805233e-04, 5.116619363445086e-02,
                              5.800524627688768e-01, 1.461661507209034e+00, 3.010066362817634e+00]
                           : [2.220446049250313e-16, 2.580956802971767e-08, 3.397168839976962e-04,
                              4.991228871115323e-02, 2.996158913811580e-01, 1.090863719290036e+00]).map(round)
        // compute_T8's constants: each a `scalar_t`, computed in double from the rounded ones before it.
        let sqrt177 = round(0.1330413469565007072504e+2), x3 = round(2.0 / 3.0)
        degree8 = (x1: round(x3 * ((1 + sqrt177) / 88)), x2: round(x3 * ((1 + sqrt177) / 352)), x3: x3,
                   x4: round((-271 + 29 * sqrt177) / (315 * x3)), x5: round((-11 + 11 * sqrt177) / (1260 * x3)),
                   x6: round((-99 + 11 * sqrt177) / (5040 * x3)), x7: round((89 - sqrt177) / (5040 * x3 * x3)),
                   y2: round((857 - 58 * sqrt177) / 630))
    }

    /// `value` as a constant of the dtype (`scalar_t`) holds it: float32's nearest for any dtype but float64.
    private static func rounded(_ value: Double, isSingle: Bool) -> Double {
        isSingle ? Double(Float(value)) : value
    }

    /// PyTorch's `_compute_linear_combination`: from zero, each term times its coefficient (in the
    /// dtype) added in order, a product and a sum each rounded.
    func combination(_ terms: [Tensor], _ coefficients: [Double]) throws -> Tensor {
        var sum = try Tensor.zerosLike(terms[0])
        for (term, coefficient) in zip(terms, coefficients) {
            sum = try sum.add(term.mul(.wrapping(.double(MatrixExpBounds.rounded(coefficient, isSingle: isSingle)))))
        }
        return sum
    }

    /// compute_T12's coefficients: row i combines I, A, A², A³ into its B_i.
    static let degree12: [[Double]] = [
        [9.0198e-16, 0.46932117595418237389, -0.20099424927047284052, -0.04623946134063071740],
        [5.31597895759871264183, 1.19926790417132231573, 0.01179296240992997031, 0.01108844528519167989],
        [0.18188869982170434744, 0.05502798439925399070, 0.09351590770535414968, 0.00610700528898058230],
        [-2.0861320e-13, -0.13181061013830184015, -0.02027855540589259079, -0.00675951846863086359],
    ]

    /// compute_T18's coefficients: row i combines I, A, A², A³, A⁶ into its B_i.
    static let degree18: [[Double]] = [
        [0, -1.00365581030144618291e-01, -8.02924648241156932449e-03, -8.92138498045729985177e-04, 0],
        [0, 3.97849749499645077844e-01, 1.36783778460411720168e+00, 4.98289622525382669416e-01, -6.37898194594723280150e-04],
        [-1.09676396052962061844e+01, 1.68015813878906206114e+00, 5.71779846478865511061e-02, -6.98210122488052056106e-03, 3.34975017086070470649e-05],
        [-9.04316832390810593223e-02, -6.76404519071381882256e-02, 6.75961301770459654925e-02, 2.95552570429315521194e-02, -1.39180257516060693404e-05],
        [0, 0, -9.23364619367118555360e-02, -1.69364939002081722752e-02, -1.40086798182036094347e-05],
    ]
}
