import RealModule

/// One of PyTorch's element-wise random fills, with its parameters: what `rand`, `randn`,
/// `randint` and the in-place `uniform_ normal_ random_ bernoulli_ exponential_ geometric_` draw.
public enum RandomDraw: Sendable {
    /// Uniform on [from, to) (`uniform_`).
    case uniform(from: Double, to: Double)
    /// Normal (`normal_`).
    case normal(mean: Double, std: Double)
    /// Integers in [base, base + range) (`random_(from, to)`, `randint`); range > 0.
    case integers(range: UInt64, base: Int64)
    /// Integers from 0 to the dtype's largest exact integer (`random_()`).
    case bits
    /// Every 64-bit integer (`random_(-2**63, None)`).
    case fullRange
    /// 1 with probability p, else 0 (`bernoulli_(p)`).
    case bernoulli(p: Double)
    /// Exponential with rate lambda (`exponential_`).
    case exponential(lambda: Double)
    /// Trials until the first success (`geometric_`).
    case geometric(p: Double)
    /// Cauchy with a median and a scale (`cauchy_`).
    case cauchy(median: Double, sigma: Double)
    /// e to the power of a normal (`log_normal_`).
    case logNormal(mean: Double, std: Double)

    /// The kernel name PyTorch reports for a dtype it does not implement.
    var kernelName: String {
        switch self {
        case .uniform: return "check_uniform_bounds"
        case .normal: return "normal_kernel_cpu"
        case .integers: return "random_from_to_kernel_cpu"
        case .bits: return "random_kernel_cpu"
        case .fullRange: return "random_full_64_bits_range_kernel_cpu"
        case .bernoulli: return "bernoulli_scalar_cpu_"
        case .exponential: return "exponential_cpu"
        case .geometric: return "geometric_cpu"
        case .cauchy: return "cauchy_cpu"
        case .logNormal: return "log_normal_cpu"
        }
    }

    /// Whether this draws integers in a range (`randint`, `random_(from, to)`).
    var isIntegerRange: Bool {
        if case .integers = self { return true }
        return false
    }

    /// Whether grad draws this in float16 and bfloat16 (as float32, rounded), as PyTorch does.
    var drawsReducedFloats: Bool {
        switch self {
        case .uniform, .normal, .bernoulli, .exponential: return true
        case .integers, .bits, .fullRange, .geometric, .cauchy, .logNormal: return false
        }
    }

    /// Whether PyTorch's kernel for this draw exists for `dtype`.
    func accepts(_ dtype: DType) -> Bool {
        switch self {
        case .uniform, .normal, .exponential, .cauchy, .logNormal: return dtype.isFloatingPoint
        case .geometric, .fullRange: return dtype != .bool
        case .integers, .bits, .bernoulli: return true
        }
    }
}

extension CPUGenerator {
    /// Fills `count` elements at `raw` (contiguous, of `dtype`) in order, as PyTorch's serial
    /// kernel does; normal takes its blockwise path from 16 elements when `contiguous`.
    func fill(_ raw: UnsafeMutableRawPointer, count: Int, dtype: DType, _ draw: RandomDraw, contiguous: Bool) {
        switch dtype {
        case .float32:
            let data = UnsafeMutableBufferPointer(start: raw.assumingMemoryBound(to: Float.self), count: count)
            if case .normal(let mean, let std) = draw, contiguous, count >= 16 {
                return normalFill(data, mean: Float(mean), std: Float(std))
            }
            if case .uniform(let from, let to) = draw {
                let (low, span) = (Float(from), Float(to) - Float(from))
                for i in 0..<count { data[i] = low.addingProduct(uniformFloat(), span) }
                return
            }
            if case .integers(let range, let base) = draw {
                // Straight from the integer: through a double it could round twice.
                for i in 0..<count { data[i] = Float(integer(range: range, base: base)) }
                return
            }
            if case .fullRange = draw {
                for i in 0..<count { data[i] = Float(Int64(bitPattern: random64())) }
                return
            }
            for i in 0..<count { data[i] = Float(value(draw, float: true)) }
        case .float64:
            let data = UnsafeMutableBufferPointer(start: raw.assumingMemoryBound(to: Double.self), count: count)
            if case .normal(let mean, let std) = draw, contiguous, count >= 16 {
                return normalFill(data, mean: mean, std: std)
            }
            for i in 0..<count { data[i] = value(draw, float: false) }
        case .int64:
            let data = UnsafeMutableBufferPointer(start: raw.assumingMemoryBound(to: Int64.self), count: count)
            for i in 0..<count { data[i] = integerValue(draw) }
        case .bool:
            let data = UnsafeMutableBufferPointer(start: raw.assumingMemoryBound(to: Bool.self), count: count)
            for i in 0..<count { data[i] = integerValue(draw, bitsMask: 1) != 0 }
        case .float16 where draw.drawsReducedFloats, .bfloat16 where draw.drawsReducedFloats:
            dtype.dispatch(ReducedFloatFill(generator: self, raw: raw, count: count, draw: draw, contiguous: contiguous))
        case .uint8, .int8, .int16, .int32, .float16, .bfloat16:
            // Only integers in a range reach here (`checkDType`): drawn as for int64, then cast.
            dtype.dispatch(NarrowFill(generator: self, raw: raw, count: count, draw: draw))
        }
    }

    /// float16 and bfloat16 values drawn as float32 values and rounded: PyTorch's kernels compute
    /// these dtypes in float. Its uniform moves a value rounded up onto `to` back to `from`; its
    /// blockwise normal (from 16 contiguous elements) draws the first uniforms for the whole
    /// blocks only; a normal drawn element by element rounds its double straight to the dtype.
    private struct ReducedFloatFill: ElementVisitor {
        let generator: CPUGenerator, raw: UnsafeMutableRawPointer, count: Int, draw: RandomDraw, contiguous: Bool

        func visit<T: ConvertibleElement>(_: T.Type) {
            let data = raw.assumingMemoryBound(to: T.self)
            switch draw {
            case .uniform(let from, let to):
                let (low, high) = (Float(from), Float(to))
                let (first, limit) = (T.convert(low), T.convert(high).asDouble)
                for i in 0..<count {
                    let x = T.convert(low.addingProduct(generator.uniformFloat(), high - low))
                    data[i] = x.asDouble >= limit ? first : x
                }
            case .normal(let mean, let std) where contiguous && count >= 16:
                var values = [Float](repeating: 0, count: count)
                values.withUnsafeMutableBufferPointer {
                    generator.normalFill($0, mean: Float(mean), std: Float(std), wholeBlocksFirst: true)
                }
                for i in 0..<count { data[i] = T.convert(values[i]) }
            case .normal:
                for i in 0..<count { data[i] = T.convert(generator.value(draw, float: true)) }
            default:
                for i in 0..<count { data[i] = T.convert(Float(generator.value(draw, float: true))) }
            }
        }
    }

    private struct NarrowFill: ElementVisitor {
        let generator: CPUGenerator, raw: UnsafeMutableRawPointer, count: Int, draw: RandomDraw

        func visit<T: ConvertibleElement>(_: T.Type) {
            let data = raw.assumingMemoryBound(to: T.self)
            for i in 0..<count { data[i] = T.convert(generator.integerValue(draw)) }
        }
    }

    /// One value for a float tensor (`float` for float32: `random_()` then keeps 24 bits).
    fileprivate func value(_ draw: RandomDraw, float: Bool) -> Double {
        switch draw {
        case .uniform(let from, let to):
            return from.addingProduct(uniformDouble(), to - from)
        case .normal(let mean, let std):
            return mean.addingProduct(normalDouble(), std)
        case .integers(let range, let base):
            return Double(integer(range: range, base: base))
        case .bits:
            return float ? Double(UInt64(random()) % ((1 << 24) + 1)) : Double(random64() % ((1 << 53) + 1))
        case .fullRange:
            return Double(Int64(bitPattern: random64()))
        case .bernoulli(let p):
            return uniformDouble() < p ? 1 : 0
        case .exponential(let lambda):
            return -1 / lambda * Double.log(onePlus: -uniformDouble())
        case .geometric(let p):
            return (Double.log(uniformDouble()) / Double.log(onePlus: -p)).rounded(.up)
        case .cauchy(let median, let sigma):
            return median + sigma * Double.tan(Double.pi * (uniformDouble() - 0.5))
        case .logNormal(let mean, let std):
            return Double.exp(mean.addingProduct(normalDouble(), std))
        }
    }

    /// One value for an integer or bool tensor: `bitsMask` 1 keeps the low bit of `random_()`.
    fileprivate func integerValue(_ draw: RandomDraw, bitsMask: UInt64? = nil) -> Int64 {
        switch draw {
        case .integers(let range, let base):
            return integer(range: range, base: base)
        case .bits:
            if let mask = bitsMask { return Int64(UInt64(random()) & mask) }
            return Int64(random64() % (UInt64(Int64.max) + 1))
        case .fullRange:
            return Int64(bitPattern: random64())
        case .bernoulli(let p):
            return uniformDouble() < p ? 1 : 0
        case .geometric(let p):
            let trials = (Double.log(uniformDouble()) / Double.log(onePlus: -p)).rounded(.up)
            return trials < 9.2e18 ? Int64(trials) : .max
        case .uniform, .normal, .exponential, .cauchy, .logNormal:
            return 0 // not reached: `Tensor.fillRandom` refuses these for integer dtypes

        }
    }
}
