/// Elementwise maps of one tensor, per dtype family.
extension Tensor {
    /// `f` over a floating tensor; integer and bool inputs are first promoted to float32, as
    /// PyTorch does for exp, log, sqrt, sin, ... Returns a new contiguous tensor, or PyTorch's
    /// allocation error when there is no room for it.
    func mapFloat(_ f32: (Float) -> Float, _ f64: (Double) -> Double) throws -> Tensor {
        _ = try Shape.checkedCount(shape, dtype: dtype.isFloatingPoint ? dtype : .defaultFloat)
        switch dtype {
        case .float64: return try mapUnary(self, Double.self, Double.self, f64)
        case .float32: return try mapUnary(self, Float.self, Float.self, f32)
        case .float16, .bfloat16: return try widened().mapFloat(f32, f64).narrowed(to: dtype)
        case .bool, .uint8, .int8, .int16, .int32, .int64: return try materialized(as: .defaultFloat).mapFloat(f32, f64)
        }
    }

    /// A function PyTorch's CPU build computes with MKL's vector math: float32 and float64 through
    /// MKL when it is loaded (`VectorMathLibrary`), integer and bool inputs after promotion to the
    /// default float, as PyTorch does; otherwise (float16/bfloat16, which PyTorch's vector loop
    /// computes, or no MKL) `emulation`. The result is laid out as `mapUnary`'s; a strided input is
    /// first copied into it and transformed there, as PyTorch passes MKL a contiguous buffer.
    func mapVectorMath(_ function: VectorMathFunction, otherwise emulation: () throws -> Tensor) throws -> Tensor {
        guard let library = VectorMathLibrary.loaded else { return try emulation() }
        switch dtype {
        case .float64: return try mapVectorMath(function, library, Double.self)
        case .float32: return try mapVectorMath(function, library, Float.self)
        case .bool, .uint8, .int8, .int16, .int32, .int64:
            _ = try Shape.checkedCount(shape, dtype: .defaultFloat)
            return try materialized(as: .defaultFloat).mapVectorMath(function, otherwise: emulation)
        case .float16, .bfloat16: return try emulation()
        }
    }

    private func mapVectorMath<T: VectorMathElement>(_ function: VectorMathFunction, _ library: VectorMathLibrary, _: T.Type) throws -> Tensor {
        let contiguous = isContiguous
        if !contiguous, let ordered = try MemoryOrder.computed([self], shape: shape, { operands, _ in
            try operands[0].mapVectorMath(function, library, T.self)
        }) {
            return ordered
        }
        let out = Tensor(storage: try Storage.make(dtype: dtype, uninitializedCount: numel), shape: shape)
        let dst = out.storage.pointer(T.self)
        if contiguous {
            withExtendedLifetime(self) {
                library.apply(function, storage.pointer(T.self) + offset, dst, count: numel)
            }
        } else {
            copyElements(from: self, into: out)
            library.apply(function, dst, dst, count: numel)
        }
        return out
    }

    /// `mapFloat` for a function vectorized over eight lanes. The result is written into
    /// uninitialized memory: straight from a contiguous input, else after the input is copied there.
    func mapFloatLanes<F: LaneFunction>(_: F.Type) throws -> Tensor {
        _ = try Shape.checkedCount(shape, dtype: dtype.isFloatingPoint ? dtype : .defaultFloat)
        switch dtype {
        case .float64: return try mapLanes(F.self, Double.self)
        case .float32: return try mapLanes(F.self, Float.self)
        case .float16, .bfloat16: return try widened().mapFloatLanes(F.self).narrowed(to: dtype)
        case .bool, .uint8, .int8, .int16, .int32, .int64: return try materialized(as: .defaultFloat).mapFloatLanes(F.self)
        }
    }

    @inline(__always)
    private func mapLanes<F: LaneFunction, T: FloatElement & LaneScalar>(_: F.Type, _: T.Type) throws -> Tensor {
        let contiguous = isContiguous
        if !contiguous, let ordered = try MemoryOrder.computed([self], shape: shape, { operands, _ in try operands[0].mapLanes(F.self, T.self) }) {
            return ordered
        }
        let out = Tensor(storage: try Storage.make(dtype: dtype, uninitializedCount: numel), shape: shape)
        let dst = out.storage.pointer(T.self)
        if contiguous {
            withExtendedLifetime(self) {
                GradTensor.mapLanes(F.self, storage.pointer(T.self) + offset, dst, count: numel)
            }
        } else {
            copyElements(from: self, into: out)
            GradTensor.mapLanes(F.self, dst, dst, count: numel)
        }
        return out
    }

    /// `mapFloat` for an op PyTorch runs through `cpu_kernel_vec`: on a contiguous input the
    /// leading whole blocks of two AVX-512 vectors (32 floats, 16 doubles, 64 float16/bfloat16
    /// elements converted to float) take `vector` (the SLEEF function) and the elements after
    /// them `scalar` (the C library's); a strided input takes `scalar` throughout, as PyTorch's
    /// loop over strided memory is not vectorised (a transposed or permuted dense one is taken in
    /// its memory order, as a contiguous one).
    func mapFloatVectorLoop(vector: (f32: (Float) -> Float, f64: (Double) -> Double),
                            scalar: (f32: (Float) -> Float, f64: (Double) -> Double)) throws -> Tensor {
        _ = try Shape.checkedCount(shape, dtype: dtype.isFloatingPoint ? dtype : .defaultFloat)
        switch dtype {
        case .float64: return try mapInBlocks(vector.f64, scalar.f64)
        case .float32: return try mapInBlocks(vector.f32, scalar.f32)
        case .float16, .bfloat16: return try mapHalfPrecisionInBlocks(vector.f32, scalar.f32)
        case .bool, .uint8, .int8, .int16, .int32, .int64:
            return try materialized(as: .defaultFloat).mapFloatVectorLoop(vector: vector, scalar: scalar)
        }
    }

    /// float16/bfloat16 through float: PyTorch's loop turns two vectors of 32 half-precision
    /// elements into floats at each step, so its blocks are of 64 elements, and a strided input
    /// takes the scalar function throughout (the widened copy would hide that it is strided).
    private func mapHalfPrecisionInBlocks(_ vector: (Float) -> Float, _ scalar: (Float) -> Float) throws -> Tensor {
        guard isContiguous else {
            if let ordered = try MemoryOrder.computed([self], shape: shape, { operands, _ in
                try operands[0].mapHalfPrecisionInBlocks(vector, scalar)
            }) {
                return ordered
            }
            return try mapUnary(widened(), Float.self, Float.self, scalar).narrowed(to: dtype)
        }
        return try widened().mapInBlocks(vector, scalar, block: Self.halfPrecisionBlock).narrowed(to: dtype)
    }

    /// The elements of one step of PyTorch's loop over float16/bfloat16 on AVX-512.
    private static let halfPrecisionBlock = 64

    func mapInBlocks<T: FloatElement>(_ vector: (T) -> T, _ scalar: (T) -> T, block: Int = T.vectorLoopBlock) throws -> Tensor {
        guard isContiguous else {
            // A transposed or permuted dense input is one contiguous run in its memory order,
            // which PyTorch's loop vectorises as it does a contiguous one.
            if let ordered = try MemoryOrder.computed([self], shape: shape, { operands, _ in try operands[0].mapInBlocks(vector, scalar, block: block) }) {
                return ordered
            }
            return try mapUnary(self, T.self, T.self, scalar)
        }
        let out = Tensor(storage: try Storage.make(dtype: dtype, uninitializedCount: numel), shape: shape)
        let dst = out.storage.pointer(T.self), vectorised = numel - numel % block
        withExtendedLifetime(self) {
            let src = storage.pointer(T.self) + offset
            for i in 0..<vectorised { dst[i] = vector(src[i]) }
            for i in vectorised..<numel { dst[i] = scalar(src[i]) }
        }
        return out
    }

    /// `mapFloatPair` for two tensors of one shape, split like `mapFloatVectorLoop`: when both
    /// are contiguous, or one is and the other is one value expanded (the gradient `sum()`
    /// passes back, which PyTorch's loop vectorises as a broadcast scalar), the leading whole
    /// blocks take `vector` and the rest `scalar`, as they do in the memory order of two operands
    /// transposed or permuted alike; otherwise (strided, partly broadcast or of other dtypes)
    /// every element takes `scalar`.
    /// float16/bfloat16 blocks take `halfPrecision` when given (the float function as PyTorch's
    /// compiler built it for them, where it fused other steps), else `vector.f32`.
    func mapFloatPairVectorLoop(_ other: Tensor, vector: (f32: (Float, Float) -> Float, f64: (Double, Double) -> Double),
                                scalar: (f32: (Float, Float) -> Float, f64: (Double, Double) -> Double),
                                halfPrecision: ((Float, Float) -> Float)? = nil) throws -> Tensor {
        // Against an expanded value PyTorch lays the result out by the other operand's strides,
        // size-1 dimensions' included: row-major only when they are.
        let vectorised = (isContiguous && other.isContiguous) || (hasRowMajorStrides && other.isExpandedValue)
            || (isExpandedValue && other.hasRowMajorStrides)
        guard dtype == other.dtype, shape == other.shape, vectorised else {
            // Operands transposed or permuted alike are contiguous runs in their memory order.
            if dtype == other.dtype, shape == other.shape,
               let ordered = try MemoryOrder.computed([self, other], shape: shape, { operands, _ in
                   try operands[0].mapFloatPairVectorLoop(operands[1], vector: vector, scalar: scalar, halfPrecision: halfPrecision)
               }) {
                return ordered
            }
            return try mapFloatPair(other, scalar.f32, scalar.f64)
        }
        switch dtype {
        case .float64: return try pairInBlocks(other, vector.f64, scalar.f64)
        case .float32: return try pairInBlocks(other, vector.f32, scalar.f32)
        case .float16, .bfloat16:
            return try widened().pairInBlocks(other.widened(), halfPrecision ?? vector.f32, scalar.f32, block: Self.halfPrecisionBlock)
                .narrowed(to: dtype)
        default: return try mapFloatPair(other, scalar.f32, scalar.f64)
        }
    }

    private func pairInBlocks<T: FloatElement>(_ other: Tensor, _ vector: (T, T) -> T, _ scalar: (T, T) -> T,
                                               block: Int = T.vectorLoopBlock) throws -> Tensor {
        let out = Tensor(storage: try Storage.make(dtype: dtype, uninitializedCount: numel), shape: shape)
        let dst = out.storage.pointer(T.self), vectorised = numel - numel % block
        // An expanded value is read at its one element: a step of 0.
        let aStep = isContiguous ? 1 : 0, bStep = other.isContiguous ? 1 : 0
        withExtendedLifetime((self, other)) {
            let a = storage.pointer(T.self) + offset, b = other.storage.pointer(T.self) + other.offset
            for i in 0..<vectorised { dst[i] = vector(a[i * aStep], b[i * bStep]) }
            for i in vectorised..<numel { dst[i] = scalar(a[i * aStep], b[i * bStep]) }
        }
        return out
    }

    /// One element seen at every index (all strides 0), as `expand` of a single value makes.
    private var isExpandedValue: Bool { numel > 0 && strides.allSatisfy { $0 == 0 } }

    /// `f` over any dtype keeping it (abs, relu, sign, ...): floats through `float`, ints through
    /// `int`; PyTorch's allocation error when there is no room for the result.
    func mapKeepingType(float: (Double) -> Double, int: (Int64) -> Int64) throws -> Tensor {
        _ = try Shape.checkedCount(shape, dtype: dtype == .bool ? .int64 : dtype)
        switch dtype {
        case .float64: return try mapUnary(self, Double.self, Double.self, float)
        case .float32: return try mapUnary(self, Float.self, Float.self) { Float(float(Double($0))) }
        case .int64: return try mapUnary(self, Int64.self, Int64.self, int)
        case .bool: return try mapUnary(materialized(as: .int64), Int64.self, Int64.self, int).materialized(as: .bool)
        case .uint8, .int8, .int16, .int32, .float16, .bfloat16:
            return try widened().mapKeepingType(float: float, int: int).narrowed(to: dtype)
        }
    }
}
