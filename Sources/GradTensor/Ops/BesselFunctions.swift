/// `i0`, `special.i0e`, `special.i1`, `special.i1e`: the modified Bessel functions of the first
/// kind (Kernels/ModifiedBessel.swift), each forward beside the backward of PyTorch's derivatives.yaml.
extension Tensor {
    public func i0() throws -> Tensor {
        try mapFloat(ModifiedBessel.i0, ModifiedBessel.i0).record("I0Backward0", inputs: [self], saving: self) { ctx, x in
            [try ctx.grad.mul(x.i1())]
        }
    }

    public func i0e() throws -> Tensor {
        try mapFloat(ModifiedBessel.i0e, ModifiedBessel.i0e)
            .record("SpecialI0EBackward0", inputs: [self], savesOutput: true, saving: self) { ctx, x in
                [try ctx.grad.mul(x.i1e().sub(x.sgn().mul(ctx.output)))]
            }
    }

    public func i1() throws -> Tensor {
        try mapFloat(ModifiedBessel.i1, ModifiedBessel.i1)
            .record("SpecialI1Backward0", inputs: [self], savesOutput: true, saving: self) { ctx, x in
                // I1'(x) = I0(x) - I1(x)/x, which is 1/2 at 0.
                let slope = try x.i0().sub(ctx.output.div(x))
                return [try ctx.grad.mul(slope.maskedFill(x.eq(.wrapping(.int(0))), .wrapping(.double(0.5))))]
            }
    }

    public func i1e() throws -> Tensor {
        try mapFloat(ModifiedBessel.i1e, ModifiedBessel.i1e)
            .record("SpecialI1EBackward0", inputs: [self], savesOutput: true, saving: self) { ctx, x in
                let slope = try x.i0e().sub(ctx.output.mul(x.sgn().add(x.reciprocal())))
                return [try ctx.grad.mul(slope.maskedFill(x.eq(.wrapping(.int(0))), .wrapping(.double(0.5))))]
            }
    }
}
