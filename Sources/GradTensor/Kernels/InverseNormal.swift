import Glibc

/// The inverse of the standard normal distribution function (`special.ndtri`), by the rational
/// approximations of the Cephes Math Library on three ranges, evaluated as PyTorch's CPU kernel
/// evaluates them: in the tensor's precision, each Horner step one fused multiply-add, the
/// logarithms and the square root of the tails in double.
enum InverseNormal {
    static func value<T: FloatElement>(_ p: T) -> T {
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p < 0 || p > 1 { return .nan }
        // exp(-2): above it (and below 1 - exp(-2)) the central approximation.
        let tail = T(0.13533528323661269189)
        var y = p, negate = true
        if y > 1 - tail {
            y = 1 - y
            negate = false
        }
        if y > tail {
            y -= 0.5
            let y2 = y * y
            let x = y.addingProduct(y, y2 * horner(y2, Tables.p0, T.self) / horner(y2, Tables.q0, T.self))
            return x * T(2.50662827463100050242)
        }
        // PyTorch's C library calls here take and give doubles, even for a float tensor.
        let x = T((-2 * Glibc.log(Double(y))).squareRoot())
        let x0 = T(Double(x) - Glibc.log(Double(x)) / Double(x))
        let z = 1 / x
        let x1 = x < 8 ? z * horner(z, Tables.p1, T.self) / horner(z, Tables.q1, T.self)
                       : z * horner(z, Tables.p2, T.self) / horner(z, Tables.q2, T.self)
        return negate ? -(x0 - x1) : x0 - x1
    }

    @inline(__always)
    private static func horner<T: FloatElement>(_ x: T, _ coefficients: [Double], _: T.Type) -> T {
        var result: T = 0
        for c in coefficients { result = T(c).addingProduct(result, x) }
        return result
    }

    /// Cephes' `ndtri` coefficients, highest power first.
    private enum Tables {
        static let p0: [Double] = [-5.99633501014107895267E1, 9.80010754185999661536E1, -5.66762857469070293439E1,
                                   1.39312609387279679503E1, -1.23916583867381258016E0]
        static let q0: [Double] = [1.00000000000000000000E0, 1.95448858338141759834E0, 4.67627912898881538453E0,
                                   8.63602421390890590575E1, -2.25462687854119370527E2, 2.00260212380060660359E2,
                                   -8.20372256168333339912E1, 1.59056225126211695515E1, -1.18331621121330003142E0]
        static let p1: [Double] = [4.05544892305962419923E0, 3.15251094599893866154E1, 5.71628192246421288162E1,
                                   4.40805073893200834700E1, 1.46849561928858024014E1, 2.18663306850790267539E0,
                                   -1.40256079171354495875E-1, -3.50424626827848203418E-2, -8.57456785154685413611E-4]
        static let q1: [Double] = [1.00000000000000000000E0, 1.57799883256466749731E1, 4.53907635128879210584E1,
                                   4.13172038254672030440E1, 1.50425385692907503408E1, 2.50464946208309415979E0,
                                   -1.42182922854787788574E-1, -3.80806407691578277194E-2, -9.33259480895457427372E-4]
        static let p2: [Double] = [3.23774891776946035970E0, 6.91522889068984211695E0, 3.93881025292474443415E0,
                                   1.33303460815807542389E0, 2.01485389549179081538E-1, 1.23716634817820021358E-2,
                                   3.01581553508235416007E-4, 2.65806974686737550832E-6, 6.23974539184983293730E-9]
        static let q2: [Double] = [1.00000000000000000000E0, 6.02427039364742014255E0, 3.67983563856160859403E0,
                                   1.37702099489081330271E0, 2.16236993594496635890E-1, 1.34204006088543189037E-2,
                                   3.28014464682127739104E-4, 2.89247864745380683936E-6, 6.79019408009981274425E-9]
    }
}
