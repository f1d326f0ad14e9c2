/// Runs one of MKL's vector math functions (`vms<Name>`/`vmd<Name>`, which GradTensor loads) over
/// a run of elements, split among the cores when the run is long, as PyTorch's elementwise loop
/// splits it (each element's result does not depend on the split). Here, in the module compiled
/// with atomic reference counts, for the reason MatrixProducts.swift gives; the API takes a C
/// function pointer and raw memory, nothing reference-counted.
public enum VectorFunctionSplit {
    /// `vms<Name>(n, a, r, mode)`.
    public typealias FloatKernel = @convention(c) (Int32, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int64) -> Void
    /// `vmd<Name>(n, a, r, mode)`.
    public typealias DoubleKernel = @convention(c) (Int32, UnsafePointer<Double>, UnsafeMutablePointer<Double>, Int64) -> Void

    /// From this many elements on the run is split: below it the hand-off to other threads
    /// (some microseconds) costs more than the fastest of these functions saves.
    static let splitFrom = 16_384

    /// `kernel` over `count` elements from `source` into `destination` (which may be `source`;
    /// both valid for `count` elements).
    public static func apply(_ kernel: FloatKernel, mode: Int64, _ source: UnsafePointer<Float>,
                             _ destination: UnsafeMutablePointer<Float>, count: Int) {
        let input = UncheckedSendable(source), output = UncheckedSendable(destination)
        forEachPiece(count) { start, n in kernel(n, input.value + start, output.value + start, mode) }
    }

    /// `kernel` over `count` elements, as the Float form.
    public static func apply(_ kernel: DoubleKernel, mode: Int64, _ source: UnsafePointer<Double>,
                             _ destination: UnsafeMutablePointer<Double>, count: Int) {
        let input = UncheckedSendable(source), output = UncheckedSendable(destination)
        forEachPiece(count) { start, n in kernel(n, input.value + start, output.value + start, mode) }
    }

    /// Calls `body(start, n)` for pieces covering `0..<count`: one per core when `count` is
    /// long, each cut further to at most MKL_INT's largest count (Int32.max, lp64).
    private static func forEachPiece(_ count: Int, _ body: (Int, Int32) -> Void) {
        let parts = count < splitFrom ? 1 : max(1, min(Parallel.cores, count / (splitFrom / 2)))
        let chunk = (count + parts - 1) / parts
        Parallel.forEach(parts, threads: parts) { part in
            var done = part * chunk
            let end = min(count, done + chunk)
            while done < end {
                let n = min(end - done, Int(Int32.max))
                body(done, Int32(n))
                done += n
            }
        }
    }
}
