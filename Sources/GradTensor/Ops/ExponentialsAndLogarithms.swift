import Glibc
import RealModule

/// `log1p`, `expm1`, `log2`, `log10`, `exp2`, `rsqrt`: forward beside backward, with the
/// formulas of PyTorch's derivatives.yaml. `log1p` and `expm1` are SLEEF's on every element
/// (PyTorch maps them over whole buffers with its vector functions), `exp2` SLEEF's in
/// PyTorch's vector loop and the C library's elsewhere.
extension Tensor {
    public func log1p() throws -> Tensor {
        try mapFloat({ Sleef.log1p($0) }, { Sleef.log1p($0) })
            .record("Log1PBackward0", inputs: [self], saving: self) { ctx, input in
                [try ctx.grad.div(input.add(.wrapping(.int(1))))]
            }
    }

    public func expm1() throws -> Tensor {
        try mapFloat({ Sleef.expm1($0) }, { Sleef.expm1($0) })
            .record("Expm1Backward0", inputs: [self], savesOutput: true) { ctx, _ in
                [try ctx.grad.mul(ctx.output.add(.wrapping(.int(1))))]
            }
    }

    public func log2() throws -> Tensor {
        try mapVectorMath(.log2) { try mapFloat({ .log2($0) }, { .log2($0) }) }.record("Log2Backward0", inputs: [self], saving: self) { ctx, input in
            [try ctx.grad.div(input.mul(.wrapping(.double(0.6931471805599453))))]
        }
    }

    public func log10() throws -> Tensor {
        try mapVectorMath(.log10) { try mapFloat({ .log10($0) }, { .log10($0) }) }.record("Log10Backward0", inputs: [self], saving: self) { ctx, input in
            [try ctx.grad.div(input.mul(.wrapping(.double(2.302585092994046))))]
        }
    }

    public func exp2() throws -> Tensor {
        try mapFloatVectorLoop(vector: ({ Sleef.exp2($0) }, { Sleef.exp2($0) }), scalar: ({ Glibc.exp2f($0) }, { Glibc.exp2($0) })).record("Exp2Backward0", inputs: [self], savesOutput: true) { ctx, _ in
            [try ctx.grad.mul(ctx.output).mul(.wrapping(.double(0.6931471805599453)))]
        }
    }

    public func rsqrt() throws -> Tensor {
        try mapFloat({ 1 / $0.squareRoot() }, { 1 / $0.squareRoot() })
            .record("RsqrtBackward0", inputs: [self], savesOutput: true) { ctx, _ in
                [try ctx.grad.mul(.wrapping(.double(-0.5))).mul(ctx.output.pow(.wrapping(.int(3))))]
            }
    }
}
