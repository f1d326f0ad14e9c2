import RealModule

/// PyTorch's normal fill for contiguous tensors of 16 elements or more (`normal_fill`): uniforms for
/// every element first, then Box–Muller on each block of 16 (the first 8 elements are the cosine
/// halves, the last 8 the sine halves). Callers pass 16 elements or more. A ragged tail redraws 16 fresh uniforms for the last 16
/// elements and transforms them again. For float16 and bfloat16 PyTorch draws the first uniforms
/// for the whole blocks only (`wholeBlocksFirst`).
extension CPUGenerator {
    func normalFill(_ data: UnsafeMutableBufferPointer<Double>, mean: Double, std: Double) {
        fill(data, draw: uniformDouble) { block in
            for j in 0..<8 {
                let radius = (-2 * Double.log(1 - block[j])).squareRoot()
                let theta = 2 * Double.pi * block[j + 8]
                block[j] = mean.addingProduct(radius * Double.cos(theta), std)
                block[j + 8] = mean.addingProduct(radius * Double.sin(theta), std)
            }
        }
    }

    /// float32 follows PyTorch's AVX2 kernel (its logarithm and sine-cosine, see `CephesFloatMath`),
    /// which PyTorch runs on CPUs with AVX2 or AVX-512.
    func normalFill(_ data: UnsafeMutableBufferPointer<Float>, mean: Float, std: Float, wholeBlocksFirst: Bool = false) {
        let twoPi = Float(2 * Double.pi)
        fill(data, draw: uniformFloat, wholeBlocksFirst: wholeBlocksFirst) { block in
            for j in 0..<8 {
                let radius = (-2 * CephesFloatMath.log(1 - block[j])).squareRoot()
                let (sine, cosine) = CephesFloatMath.sincos(twoPi * block[j + 8])
                block[j] = mean.addingProduct(radius * cosine, std)
                block[j + 8] = mean.addingProduct(radius * sine, std)
            }
        }
    }

    private func fill<T>(_ data: UnsafeMutableBufferPointer<T>, draw: () -> T, wholeBlocksFirst: Bool = false,
                         transform: (UnsafeMutableBufferPointer<T>) -> Void) {
        let n = data.count
        for i in 0..<(wholeBlocksFirst ? n - n % 16 : n) { data[i] = draw() }
        for start in stride(from: 0, to: n - 15, by: 16) {
            transform(UnsafeMutableBufferPointer(rebasing: data[start..<start + 16]))
        }
        if n % 16 != 0 {
            let tail = UnsafeMutableBufferPointer(rebasing: data[(n - 16)...])
            for i in 0..<16 { tail[i] = draw() }
            transform(tail)
        }
    }
}
