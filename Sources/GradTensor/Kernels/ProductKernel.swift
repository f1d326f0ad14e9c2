/// Float products in the order of PyTorch's CPU `prod` (`binary_kernel_reduce_vec` in
/// aten/src/ATen/native/cpu/Reduce.h, AVX2 build): four vectors of lanes multiplied down a
/// contiguous run or down contiguous columns, the rest one element at a time.
extension ReductionLayout {
    func products<T: CascadeElement>(_: T.Type, keepdim: Bool) throws -> Tensor {
        try reduceInPlace(from: 1 as T, keepdim: keepdim) { out, input, outStrides, inStrides, size0, size1 in
            productLoop(into: out, from: input, outStrides: outStrides, inStrides: inStrides, size0: size0, size1: size1)
        }
    }
}

/// One 2-D loop of the vectorised reduction: `out *= ` each of its input elements.
private func productLoop<T: CascadeElement>(into out: UnsafeMutablePointer<T>, from input: UnsafePointer<T>,
                                            outStrides: (Int, Int), inStrides: (Int, Int), size0: Int, size1: Int) {
    let wide = FourVectors<T.AVX2Vector>.scalarCount
    if outStrides.0 == 0 && inStrides.0 == 1 {
        for j in 0..<size1 {
            let row = input + j &* inStrides.1, target = out + j &* outStrides.1
            let blocks = size0 / wide
            if blocks > 0 {
                let acc = multiplyDown(row, stride: wide, count: blocks)
                let lanes = (acc.first * acc.second) * (acc.third * acc.fourth)
                var product = lanes[0]
                for l in 1..<T.AVX2Vector.scalarCount { product *= lanes[l] }
                target.pointee *= product
            }
            for i in (blocks &* wide)..<size0 { target.pointee *= row[i] }
        }
    } else if outStrides.0 == 0 && outStrides.1 == 1 && inStrides.1 == 1 {
        var j = 0
        while j &+ wide <= size1 {
            let acc = multiplyDown(input + j, stride: inStrides.0, count: size0)
            for l in 0..<wide { out[j &+ l] = acc[lane: l] * out[j &+ l] }
            j &+= wide
        }
        while j < size1 {
            for i in 0..<size0 { out[j] *= input[i &* inStrides.0 &+ j] }
            j &+= 1
        }
    } else {
        for j in 0..<size1 {
            let target = out + j &* outStrides.1
            for i in 0..<size0 { target[i &* outStrides.0] *= input[i &* inStrides.0 &+ j &* inStrides.1] }
        }
    }
}

/// Four vectors of consecutive elements, multiplied lane by lane down `count` rows `stride` apart.
@inline(__always)
private func multiplyDown<T: CascadeElement>(_ p: UnsafePointer<T>, stride: Int, count: Int) -> FourVectors<T.AVX2Vector> {
    var acc = FourVectors<T.AVX2Vector>.load(p)
    for i in 1..<Swift.max(count, 1) { acc = acc * FourVectors<T.AVX2Vector>.load(p + i &* stride) }
    return acc
}
