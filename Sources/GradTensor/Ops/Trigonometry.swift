import Glibc
import RealModule

/// Tangent, the inverse trigonometric and the hyperbolic functions, each forward beside the
/// backward formula PyTorch's derivatives.yaml gives it (same operations in the same order, so
/// gradients agree to the last bit).
extension Tensor {
    public func tan() throws -> Tensor {
        try mapVectorMath(.tan) { try mapFloat({ .tan($0) }, { .tan($0) }) }.record("TanBackward0", inputs: [self], savesOutput: true) { ctx, _ in
            [try ctx.grad.mul(ctx.output.pow(.wrapping(.int(2))).add(.wrapping(.int(1))))]
        }
    }

    public func asin() throws -> Tensor {
        try mapVectorMath(.asin) { try mapFloat({ .asin($0) }, { .asin($0) }) }.record("AsinBackward0", inputs: [self], saving: self) { ctx, input in
            [try ctx.grad.mul(input.oneMinusSquare().rsqrt())]
        }
    }

    public func acos() throws -> Tensor {
        try mapVectorMath(.acos) { try mapFloat({ .acos($0) }, { .acos($0) }) }.record("AcosBackward0", inputs: [self], saving: self) { ctx, input in
            [try ctx.grad.mul(input.oneMinusSquare().rsqrt().neg())]
        }
    }

    public func atan() throws -> Tensor {
        try mapVectorMath(.atan) { try mapFloat({ .atan($0) }, { .atan($0) }) }.record("AtanBackward0", inputs: [self], saving: self) { ctx, input in
            [try ctx.grad.div(input.mul(input).add(.wrapping(.int(1))))]
        }
    }

    public func sinh() throws -> Tensor {
        // float: the C library's sinhf; double: SLEEF's in PyTorch's vector loop.
        try mapFloatVectorLoop(vector: ({ Glibc.sinhf($0) }, { Sleef.sinh($0) }), scalar: ({ Glibc.sinhf($0) }, { Glibc.sinh($0) })).record("SinhBackward0", inputs: [self], saving: self) { ctx, input in
            [try ctx.grad.mul(input.cosh())]
        }
    }

    public func cosh() throws -> Tensor {
        try mapFloatVectorLoop(vector: ({ Glibc.coshf($0) }, { Sleef.cosh($0) }), scalar: ({ Glibc.coshf($0) }, { Glibc.cosh($0) })).record("CoshBackward0", inputs: [self], saving: self) { ctx, input in
            [try ctx.grad.mul(input.sinh())]
        }
    }

    public func asinh() throws -> Tensor {
        try mapFloat({ Glibc.asinhf($0) }, { Glibc.asinh($0) }).record("AsinhBackward0", inputs: [self], saving: self) { ctx, input in
            [try ctx.grad.mul(input.pow(.wrapping(.int(2))).add(.wrapping(.int(1))).rsqrt())]
        }
    }

    public func acosh() throws -> Tensor {
        try mapFloat({ Glibc.acoshf($0) }, { Glibc.acosh($0) }).record("AcoshBackward0", inputs: [self], saving: self) { ctx, input in
            [try ctx.grad.mul(input.pow(.wrapping(.int(2))).sub(.wrapping(.int(1))).rsqrt())]
        }
    }

    public func atanh() throws -> Tensor {
        try mapFloatVectorLoop(vector: ({ Sleef.atanh($0) }, { Sleef.atanh($0) }), scalar: ({ Glibc.atanhf($0) }, { Glibc.atanh($0) })).record("AtanhBackward0", inputs: [self], saving: self) { ctx, input in
            [try ctx.grad.div(input.pow(.wrapping(.int(2))).rsub(.int(1)))]
        }
    }

    /// `-x * x + 1`, as the formulas of asin and acos write it.
    private func oneMinusSquare() throws -> Tensor {
        try neg().mul(self).add(.wrapping(.int(1)))
    }
}
