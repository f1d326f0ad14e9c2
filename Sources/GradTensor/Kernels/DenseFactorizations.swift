import RealModule

/// The factorizations behind `torch.linalg`, on one row-major matrix at a time, in plain Swift
/// (no LAPACK): LU with partial pivoting, Cholesky and Householder QR as LAPACK defines them
/// (the same pivots, zero pivots and signs), and Jacobi iterations for the symmetric eigenproblem
/// and the SVD. Results agree with LAPACK's to rounding, not always to the last bit; singular
/// vectors and eigenvectors are unique only up to sign, and their signs may differ from LAPACK's.
enum DenseFactorizations {
    /// LU with partial pivoting (LAPACK's `getrf`): `a` (rows × columns) becomes U on and above
    /// the diagonal and L's multipliers below it. `pivots[k]` is the row swapped with row k at
    /// step k (min(rows, columns) steps); `info` is the 1-based index of the first zero on U's
    /// diagonal, 0 when there is none.
    static func luFactor<T: FloatElement>(_ a: inout [T], rows m: Int, columns n: Int) -> (pivots: [Int], info: Int) {
        let steps = min(m, n)
        var pivots = Array(0..<steps)
        var info = 0
        for k in 0..<steps {
            // The first row of largest magnitude, as BLAS's i_amax picks it.
            var p = k, largest = a[k * n + k].magnitude
            for i in (k + 1)..<m where a[i * n + k].magnitude > largest {
                largest = a[i * n + k].magnitude
                p = i
            }
            pivots[k] = p
            if p != k { for j in 0..<n { a.swapAt(k * n + j, p * n + j) } }
            let pivot = a[k * n + k]
            if pivot == 0 {
                if info == 0 { info = k + 1 }
                continue
            }
            for i in (k + 1)..<m {
                let l = a[i * n + k] / pivot
                a[i * n + k] = l
                for j in (k + 1)..<n { a[i * n + j] -= l * a[k * n + j] }
            }
        }
        return (pivots, info)
    }

    /// Solves A X = B (LAPACK's `getrs`) from `luFactor` of A, or of Aᵀ when `transposed`;
    /// `b` is n × columns, row-major.
    static func luSolve<T: FloatElement>(_ lu: [T], pivots: [Int], n: Int, _ b: inout [T], columns: Int, transposed: Bool) {
        if transposed {
            // Aᵀ = P L U, so A = Uᵀ Lᵀ Pᵀ: solve Uᵀ W = B, then Lᵀ Z = W, then X = P Z.
            for i in 0..<n {
                for k in 0..<i where lu[k * n + i] != 0 {
                    for j in 0..<columns { b[i * columns + j] -= lu[k * n + i] * b[k * columns + j] }
                }
                for j in 0..<columns { b[i * columns + j] /= lu[i * n + i] }
            }
            for i in stride(from: n - 1, through: 0, by: -1) {
                for k in (i + 1)..<n where lu[k * n + i] != 0 {
                    for j in 0..<columns { b[i * columns + j] -= lu[k * n + i] * b[k * columns + j] }
                }
            }
            for k in stride(from: n - 1, through: 0, by: -1) where pivots[k] != k {
                for j in 0..<columns { b.swapAt(k * columns + j, pivots[k] * columns + j) }
            }
            return
        }
        for k in 0..<n where pivots[k] != k {
            for j in 0..<columns { b.swapAt(k * columns + j, pivots[k] * columns + j) }
        }
        for i in 0..<n {
            for k in 0..<i where lu[i * n + k] != 0 {
                for j in 0..<columns { b[i * columns + j] -= lu[i * n + k] * b[k * columns + j] }
            }
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n where lu[i * n + k] != 0 {
                for j in 0..<columns { b[i * columns + j] -= lu[i * n + k] * b[k * columns + j] }
            }
            for j in 0..<columns { b[i * columns + j] /= lu[i * n + i] }
        }
    }

    /// The sign of a permutation made of `luFactor`'s row swaps: -1 for an odd number of swaps.
    static func pivotSign<T: FloatElement>(_ pivots: [Int], as _: T.Type) -> T {
        pivots.indices.reduce(T(1)) { sign, k in pivots[k] == k ? sign : -sign }
    }

    /// The lower Cholesky factor L of a symmetric positive-definite `a` (n × n, only its lower
    /// triangle read), with `info` the order of the first leading minor that is not positive
    /// definite (LAPACK's `potrf`), 0 on success.
    static func cholesky<T: FloatElement>(_ a: [T], n: Int) -> (factor: [T], info: Int) {
        var l = [T](repeating: 0, count: n * n)
        for j in 0..<n {
            var d = a[j * n + j]
            for k in 0..<j { d -= l[j * n + k] * l[j * n + k] }
            // Not `d <= 0`: a NaN fails too, as in LAPACK.
            guard d > 0 else { return (l, j + 1) }
            let root = d.squareRoot()
            l[j * n + j] = root
            for i in (j + 1)..<n {
                var s = a[i * n + j]
                for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = s / root
            }
        }
        return (l, 0)
    }

    /// Householder QR as LAPACK's `geqrf` + `orgqr`: each reflector makes its column's diagonal
    /// entry -sign(a_kk)·‖column‖ (so R's diagonal may be negative), and a column with nothing
    /// below the diagonal to annihilate is left alone. Returns Q (m × qColumns) and R
    /// (rRows × n), where qColumns = rRows = min(m, n), or m for the complete factorization.
    static func qr<T: FloatElement>(_ input: [T], m: Int, n: Int, complete: Bool) -> (q: [T], r: [T], qColumns: Int) {
        var a = input
        let k = min(m, n)
        var taus = [T](repeating: 0, count: k)
        for c in 0..<k {
            var xnorm: T = 0
            for i in (c + 1)..<m { xnorm = T.hypot(xnorm, a[i * n + c]) }
            let alpha = a[c * n + c]
            guard xnorm != 0 else { continue }
            let beta = -T(signOf: alpha, magnitudeOf: T.hypot(alpha, xnorm))
            let tau = (beta - alpha) / beta
            let scale = 1 / (alpha - beta)
            for i in (c + 1)..<m { a[i * n + c] *= scale }
            a[c * n + c] = beta
            taus[c] = tau
            // Apply H = I - tau v vᵀ (v = [1, a[c+1..., c]]) to the columns on the right.
            for j in (c + 1)..<n {
                var w = a[c * n + j]
                for i in (c + 1)..<m { w += a[i * n + c] * a[i * n + j] }
                w *= tau
                a[c * n + j] -= w
                for i in (c + 1)..<m { a[i * n + j] -= a[i * n + c] * w }
            }
        }
        let qColumns = complete ? m : k
        var q = [T](repeating: 0, count: m * qColumns)
        for i in 0..<qColumns { q[i * qColumns + i] = 1 }
        // Q = H_0 H_1 ... H_{k-1} applied to the identity's first columns, innermost first.
        for c in stride(from: k - 1, through: 0, by: -1) where taus[c] != 0 {
            for j in 0..<qColumns {
                var w = q[c * qColumns + j]
                for i in (c + 1)..<m { w += a[i * n + c] * q[i * qColumns + j] }
                w *= taus[c]
                q[c * qColumns + j] -= w
                for i in (c + 1)..<m { q[i * qColumns + j] -= a[i * n + c] * w }
            }
        }
        let rRows = complete ? m : k
        var r = [T](repeating: 0, count: rRows * n)
        for i in 0..<min(rRows, m) {
            for j in i..<n { r[i * n + j] = a[i * n + j] }
        }
        return (q, r, qColumns)
    }

    /// Eigenvalues (ascending) and eigenvectors (columns of an n × n row-major matrix) of the
    /// symmetric matrix whose lower triangle is `a`'s, by cyclic Jacobi rotations.
    static func symmetricEigen(_ a: [Double], n: Int) -> (values: [Double], vectors: [Double]) {
        var s = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                s[i * n + j] = a[i * n + j]
                s[j * n + i] = a[i * n + j]
            }
        }
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        // Below this an element is rounding noise of the whole matrix, whatever its diagonal pair.
        let floor = Double.ulpOfOne * s.reduce(0.0) { Double.hypot($0, $1) }
        for _ in 0..<100 {
            var rotated = false
            for p in 0..<n {
                // An element below rounding of its diagonal pair changes nothing; the sweeps end
                // when every element is.
                for q in (p + 1)..<n where s[p * n + q].magnitude > Double.ulpOfOne * Swift.max((s[p * n + p] * s[q * n + q]).magnitude.squareRoot(), floor) {
                    rotated = true
                    let theta = (s[q * n + q] - s[p * n + p]) / (2 * s[p * n + q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (theta.magnitude + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), sn = t * c
                    rotate(&s, p, q, step: n, count: n, c, sn)
                    rotate(&s, p * n, q * n, step: 1, count: n, c, sn)
                    rotate(&v, p, q, step: n, count: n, c, sn)
                }
            }
            if !rotated { break }
        }
        let order = (0..<n).sorted { s[$0 * n + $0] < s[$1 * n + $1] }
        var vectors = [Double](repeating: 0, count: n * n)
        for (column, source) in order.enumerated() {
            for k in 0..<n { vectors[k * n + column] = v[k * n + source] }
        }
        return (order.map { s[$0 * n + $0] }, vectors)
    }

    /// The SVD A = U diag(S) Vᵀ of `a` (m × n) by one-sided Jacobi rotations: S descending,
    /// U m × uColumns and Vᵀ vRows × n, with uColumns = vRows = min(m, n), or m and n for the
    /// full factorization (the extra columns an orthonormal completion).
    static func svd(_ a: [Double], m: Int, n: Int, full: Bool) -> (u: [Double], s: [Double], vt: [Double]) {
        if a.contains(where: { !$0.isFinite }) {
            // LAPACK's answer for a matrix with an infinity or NaN: NaN throughout.
            let k = Swift.min(m, n), (uColumns, vRows) = full ? (m, n) : (k, k)
            return ([Double](repeating: .nan, count: m * uColumns), [Double](repeating: .nan, count: k),
                    [Double](repeating: .nan, count: vRows * n))
        }
        if m < n {
            // Aᵀ = U' S V'ᵀ, so A = V' S U'ᵀ.
            let (u, s, vt) = svd(transposed(a, rows: m, columns: n), m: n, n: m, full: full)
            let uColumns = full ? n : m
            return (transposed(vt, rows: m, columns: m), s, transposed(u, rows: n, columns: uColumns))
        }
        // Columns of A as rows of `w`, rotated in pairs until all pairs are orthogonal.
        var w = transposed(a, rows: m, columns: n)
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        for _ in 0..<100 {
            var rotated = false
            for p in 0..<n {
                for q in (p + 1)..<n {
                    var alpha = 0.0, beta = 0.0, gamma = 0.0
                    for i in 0..<m {
                        alpha += w[p * m + i] * w[p * m + i]
                        beta += w[q * m + i] * w[q * m + i]
                        gamma += w[p * m + i] * w[q * m + i]
                    }
                    // Columns orthogonal to rounding are left alone; the sweeps end when all are.
                    guard gamma.magnitude > Double.ulpOfOne * (alpha * beta).squareRoot() else { continue }
                    rotated = true
                    let zeta = (beta - alpha) / (2 * gamma)
                    let t = (zeta >= 0 ? 1.0 : -1.0) / (zeta.magnitude + (1 + zeta * zeta).squareRoot())
                    let c = 1 / (1 + t * t).squareRoot(), sn = c * t
                    rotate(&w, p * m, q * m, step: 1, count: m, c, sn)
                    rotate(&v, p * n, q * n, step: 1, count: n, c, sn)
                }
            }
            if !rotated { break }
        }
        let norms = (0..<n).map { j in (0..<m).reduce(0.0) { Double.hypot($0, w[j * m + $1]) } }
        let order = (0..<n).sorted { norms[$0] > norms[$1] }
        let s = order.map { norms[$0] }
        // U's columns for the nonzero singular values; the rest are completed below.
        let tiny = (s.first ?? 0) * Double(m) * Double.ulpOfOne
        var columns: [[Double]] = []
        for j in order where norms[j] > tiny && norms[j] > 0 {
            columns.append((0..<m).map { w[j * m + $0] / norms[j] })
        }
        let uColumns = full ? m : n
        completeOrthonormal(&columns, dimension: m, count: uColumns)
        var u = [Double](repeating: 0, count: m * uColumns)
        for (j, column) in columns.enumerated() {
            for i in 0..<m { u[i * uColumns + j] = column[i] }
        }
        var vt = [Double](repeating: 0, count: n * n)
        for (row, j) in order.enumerated() {
            for i in 0..<n { vt[row * n + i] = v[j * n + i] }
        }
        return (u, s, vt)
    }

    /// Adds unit vectors orthogonal to `columns` (and to each other) until there are `count`,
    /// each from the standard basis vector that keeps most of its length.
    private static func completeOrthonormal(_ columns: inout [[Double]], dimension: Int, count: Int) {
        while columns.count < count {
            var best: [Double] = [], bestNorm = -1.0
            for i in 0..<dimension {
                var candidate = [Double](repeating: 0, count: dimension)
                candidate[i] = 1
                // Twice, for orthogonality to the last bit that one pass loses.
                for _ in 0..<2 {
                    for column in columns {
                        let d = zip(column, candidate).reduce(0.0) { $0 + $1.0 * $1.1 }
                        for k in 0..<dimension { candidate[k] -= d * column[k] }
                    }
                }
                let norm = candidate.reduce(0.0) { Double.hypot($0, $1) }
                if norm > bestNorm {
                    best = candidate
                    bestNorm = norm
                }
            }
            columns.append(best.map { $0 / bestNorm })
        }
    }

    /// The transpose of a row-major rows × columns matrix.
    static func transposed<T>(_ a: [T], rows: Int, columns: Int) -> [T] {
        var out = a
        for i in 0..<rows {
            for j in 0..<columns { out[j * rows + i] = a[i * columns + j] }
        }
        return out
    }
}

/// A Jacobi rotation of two lines of `a` (rows or columns, `count` elements `step` apart,
/// starting at `first` and `second`): x, y ← c·x − s·y, s·x + c·y.
private func rotate(_ a: inout [Double], _ first: Int, _ second: Int, step: Int, count: Int, _ c: Double, _ s: Double) {
    for k in 0..<count {
        let x = a[first + k * step], y = a[second + k * step]
        a[first + k * step] = c * x - s * y
        a[second + k * step] = s * x + c * y
    }
}
