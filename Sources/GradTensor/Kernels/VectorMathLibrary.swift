#if canImport(Glibc)
import Glibc
#endif

/// The elementwise functions PyTorch's CPU pip build computes for float32 and float64 tensors
/// with Intel MKL's vector math library (VML, `vms<Name>`/`vmd<Name>`), measured against
/// PyTorch 2.15 bit for bit; `expm1`, `log1p`, `lgamma` and the hyperbolic functions besides
/// `tanh` are not among them (PyTorch computes those with SLEEF or the C library). `tanh` is
/// taken from MKL only for tensors of up to `Tensor.libraryTanhLimit` elements: MKL's is 2.5 to 4
/// times slower than grad's own (TanhKernel.swift) here.
public enum VectorMathFunction: Int, CaseIterable, Sendable {
    case exp, log, log2, log10, sin, cos, tan, asin, acos, atan, tanh, erf, erfc, erfinv, sqrt

    /// The name in MKL's symbols (`vmsLn`, `vmdErfInv`).
    var libraryName: String {
        switch self {
        case .exp: "Exp"
        case .log: "Ln"
        case .log2: "Log2"
        case .log10: "Log10"
        case .sin: "Sin"
        case .cos: "Cos"
        case .tan: "Tan"
        case .asin: "Asin"
        case .acos: "Acos"
        case .atan: "Atan"
        case .tanh: "Tanh"
        case .erf: "Erf"
        case .erfc: "Erfc"
        case .erfinv: "ErfInv"
        case .sqrt: "Sqrt"
        }
    }
}

/// Intel MKL's runtime library (`libmkl_rt`), opened the first time a tensor needs one of its
/// vector functions, never at startup. Looked for at `$GRAD_MKL` (a path to libmkl_rt.so.N;
/// `GRAD_MKL=off` leaves MKL unused), then where `scripts/setup` puts it
/// (`~/.local/lib/grad-mkl/`), then the system's (Debian's libmkl-rt). When none loads, grad
/// computes these functions with its own emulations, which can differ from PyTorch's last bits.
///
/// MKL runs on one thread (its sequential layer) and chooses its code path by the processor, as
/// the copy linked into PyTorch does: with the MKL version PyTorch links (2024.2) the results are
/// PyTorch's on the same machine. Function pointers into a library that is never closed, read
/// only after the one initialisation: safe to share.
public struct VectorMathLibrary: @unchecked Sendable {
    /// `vms<Name>(n, a, r, mode)`.
    typealias FloatKernel = @convention(c) (Int32, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int64) -> Void
    /// `vmd<Name>(n, a, r, mode)`.
    typealias DoubleKernel = @convention(c) (Int32, UnsafePointer<Double>, UnsafeMutablePointer<Double>, Int64) -> Void
    /// `MKL_Set_Threading_Layer(code)`: the layer set, or -1.
    private typealias SetLayer = @convention(c) (Int32) -> Int32

    /// PyTorch's mode: high accuracy, subnormals kept (VML_HA | VML_FTZDAZ_OFF | VML_ERRMODE_IGNORE).
    static let mode: Int64 = 0x2 | 0x14_0000 | 0x100
    private static let sequentialThreading: Int32 = 1

    /// The library file that was opened.
    public let path: String
    private let floatKernels: [FloatKernel]
    private let doubleKernels: [DoubleKernel]

    /// The library, opened at the first use; nil when none was found or it lacks a function.
    public static let loaded: VectorMathLibrary? = candidatePaths().lazy.compactMap(open).first

    /// Where to look, in order.
    static func candidatePaths() -> [String] {
        if let chosen = environment("GRAD_MKL"), !chosen.isEmpty {
            if chosen == "off" { return [] }
            return [chosen]
        }
        var paths: [String] = []
        if let home = environment("HOME"), !home.isEmpty { paths.append(home + "/.local/lib/grad-mkl/libmkl_rt.so.2") }
        return paths + ["libmkl_rt.so.2", "libmkl_rt.so"]
    }

    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    private static func open(_ path: String) -> VectorMathLibrary? {
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else { return nil }
        // Before any other call into MKL: its threads would compete with grad's own.
        guard let setLayer = symbol(handle, "MKL_Set_Threading_Layer", as: SetLayer.self),
              setLayer(sequentialThreading) == sequentialThreading else { return nil }
        var floats: [FloatKernel] = [], doubles: [DoubleKernel] = []
        for function in VectorMathFunction.allCases {
            guard let f = symbol(handle, "vms" + function.libraryName, as: FloatKernel.self),
                  let d = symbol(handle, "vmd" + function.libraryName, as: DoubleKernel.self) else { return nil }
            floats.append(f)
            doubles.append(d)
        }
        return VectorMathLibrary(path: path, floatKernels: floats, doubleKernels: doubles)
    }

    private static func symbol<F>(_ handle: UnsafeMutableRawPointer, _ name: String, as _: F.Type) -> F? {
        dlsym(handle, name).map { unsafeBitCast($0, to: F.self) }
    }

    /// `function` of `count` elements from `source` into `destination` (which may be `source`),
    /// in calls of at most MKL_INT's largest count, as PyTorch splits them.
    func apply<T: VectorMathElement>(_ function: VectorMathFunction, _ source: UnsafePointer<T>,
                                     _ destination: UnsafeMutablePointer<T>, count: Int) {
        var done = 0
        while done < count {
            let n = Swift.min(count - done, Int(Int32.max))
            T.call(self, function, source + done, destination + done, Int32(n))
            done += n
        }
    }

    fileprivate func floatKernel(_ function: VectorMathFunction) -> FloatKernel { floatKernels[function.rawValue] }
    fileprivate func doubleKernel(_ function: VectorMathFunction) -> DoubleKernel { doubleKernels[function.rawValue] }
}

/// Float and Double: the element types MKL's vector functions take.
protocol VectorMathElement: Element {
    static func call(_ library: VectorMathLibrary, _ function: VectorMathFunction,
                     _ source: UnsafePointer<Self>, _ destination: UnsafeMutablePointer<Self>, _ count: Int32)
}

extension Float: VectorMathElement {
    static func call(_ library: VectorMathLibrary, _ function: VectorMathFunction,
                     _ source: UnsafePointer<Float>, _ destination: UnsafeMutablePointer<Float>, _ count: Int32) {
        library.floatKernel(function)(count, source, destination, VectorMathLibrary.mode)
    }
}

extension Double: VectorMathElement {
    static func call(_ library: VectorMathLibrary, _ function: VectorMathFunction,
                     _ source: UnsafePointer<Double>, _ destination: UnsafeMutablePointer<Double>, _ count: Int32) {
        library.doubleKernel(function)(count, source, destination, VectorMathLibrary.mode)
    }
}
