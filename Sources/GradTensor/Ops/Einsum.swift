/// `torch.einsum(equation, *operands)`, after PyTorch's implementation: each operand's repeated
/// subscripts become diagonals, every operand is permuted and viewed to one layout over all
/// subscripts (the output's first; one operand is summed right away), and operands are combined
/// left to right, summing each subscript once no later operand has it — by a product when
/// nothing is summed, else by `bmm`.
/// Gradients are those of the ops it is made of.
extension Tensor {
    public static func einsum(_ equation: String, _ operands: [Tensor]) throws -> Tensor {
        let parsed = try EinsumEquation(equation, operands)
        let all = parsed.allLabels
        var sizes: [Int: Int] = [:]
        var aligned: [Tensor] = []
        for (k, (operand, labels)) in zip(operands, parsed.operandLabels).enumerated() {
            var t = operand, own = labels
            // A subscript repeated in one operand: its diagonal, moved to the end.
            while let i = own.indices.first(where: { i in own[(i + 1)...].contains(own[i]) }),
                  let j = own[(i + 1)...].firstIndex(of: own[i]) {
                if t.shape[i] != t.shape[j] {
                    throw TorchError.runtime("einsum(): subscript \(EinsumEquation.name(own[i])) is repeated for operand \(k) but the sizes don't match, \(t.shape[j]) != \(t.shape[i])")
                }
                t = try t.diagonal(offset: 0, dim1: i, dim2: j)
                let label = own[i]
                own.remove(at: j)
                own.remove(at: i)
                own.append(label)
            }
            for (d, label) in own.enumerated() where t.shape[d] != 1 {
                if let seen = sizes[label], seen != t.shape[d] {
                    throw TorchError.runtime("einsum(): subscript \(EinsumEquation.name(label)) has size \(t.shape[d]) for operand \(k) which does not broadcast with previously seen size \(seen)")
                }
                sizes[label] = t.shape[d]
            }
            let present = all.filter { own.contains($0) }
            let order = present.compactMap { own.firstIndex(of: $0) }
            // One operand is permuted even in place, as PyTorch does (its node shows).
            if operands.count == 1 || order != Array(order.indices) { t = try t.permute(order) }
            if operands.count == 1 {
                // Summed away directly; what is left is the output, in order.
                let summed = present.indices.filter { !parsed.outputLabels.contains(present[$0]) }
                return summed.isEmpty ? t : try t.sum(dims: summed)
            }
            let layout = all.map { label in present.firstIndex(of: label).map { t.shape[$0] } ?? 1 }
            if layout != t.shape { t = try t.reshape(layout) }
            aligned.append(t)
        }
        let kept = Set(parsed.outputLabels)
        var result = aligned[0]
        for k in 1..<aligned.count {
            let later = Set(parsed.operandLabels[(k + 1)...].flatMap { $0 })
            let summed = all.indices.filter { !kept.contains(all[$0]) && !later.contains(all[$0]) }
            result = try sumProduct(result, aligned[k], summing: summed)
        }
        let outputShape = parsed.outputLabels.map { sizes[$0] ?? 1 }
        return result.shape == outputShape ? result : try result.reshape(outputShape)
    }

    /// `a * b` summed over `dims` (both laid out over the same subscripts), keeping every
    /// dimension (summed ones as 1): PyTorch's `sumproduct_pair`.
    private static func sumProduct(_ a: Tensor, _ b: Tensor, summing dims: [Int]) throws -> Tensor {
        if dims.isEmpty { return try a.mul(b) }
        var (left, right) = (a, b)
        var batch: [Int] = [], leftOnly: [Int] = [], rightOnly: [Int] = [], contracted: [Int] = []
        for i in 0..<a.rank {
            let (inLeft, inRight) = (a.shape[i] > 1, b.shape[i] > 1)
            if dims.contains(i) {
                if inLeft && inRight { contracted.append(i) }
                else if inLeft { left = try left.sum(dims: [i], keepdim: true) }
                else if inRight { right = try right.sum(dims: [i], keepdim: true) }
            } else if inLeft && inRight { batch.append(i) }
            else if inLeft { leftOnly.append(i) }
            else if inRight { rightOnly.append(i) }
        }
        let size = { (t: Tensor, list: [Int]) in list.reduce(1) { $0 * t.shape[$1] } }
        let rest = { (used: [Int]) in (0..<a.rank).filter { !used.contains($0) } }
        let leftOrder = batch + leftOnly + contracted, rightOrder = batch + contracted + rightOnly
        let left3 = try left.permuted(leftOrder + rest(leftOrder))
            .reshape([size(left, batch), size(left, leftOnly), size(left, contracted)])
        let right3 = try right.permuted(rightOrder + rest(rightOrder))
            .reshape([size(right, batch), size(right, contracted), size(right, rightOnly)])
        let product = try left3.bmm(right3)
        let outOrder = batch + leftOnly + rightOnly
        let fullOrder = outOrder + rest(outOrder)
        let shape = fullOrder.map { i in batch.contains(i) || leftOnly.contains(i) ? left.shape[i] : rightOnly.contains(i) ? right.shape[i] : 1 }
        var inverse = [Int](repeating: 0, count: fullOrder.count)
        for (position, d) in fullOrder.enumerated() { inverse[d] = position }
        return try product.reshape(shape).permuted(inverse)
    }

    /// `permute(order)`, or itself when the order changes nothing.
    private func permuted(_ order: [Int]) throws -> Tensor {
        order == Array(0..<rank) ? self : try permute(order)
    }
}

/// An einsum equation read against its operands: subscripts as labels (a letter's code, or
/// `-1 - k` for the k-th dimension covered by `...`, counted from the right).
struct EinsumEquation {
    let operandLabels: [[Int]]
    let outputLabels: [Int]
    /// The output's labels, then the others in the order they first appear.
    let allLabels: [Int]

    init(_ equation: String, _ operands: [Tensor]) throws {
        let text = equation.filter { $0 != " " }
        let sides = text.split(separator: "->", omittingEmptySubsequences: false).map(String.init)
        let terms = sides[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if terms.count < operands.count { throw TorchError.runtime("einsum(): more operands were provided than specified in the equation") }
        if terms.count > operands.count { throw TorchError.runtime("einsum(): fewer operands were provided than specified in the equation") }
        var offset = 0
        for ch in sides[0] {
            if !(ch.isASCII && ch.isLetter) && !",.".contains(ch) {
                throw TorchError.runtime("einsum(): invalid subscript given at index \(offset) in the equation string, subscripts must be in [a-zA-Z]")
            }
            offset += 1
        }
        var labels: [[Int]] = []
        var ellipsisRank = 0
        for (k, (term, operand)) in zip(terms, operands).enumerated() {
            let hasEllipsis = term.contains("...")
            let letters = term.replacing("...", with: "").unicodeScalars.map { Int($0.value) }
            if hasEllipsis ? letters.count > operand.rank : letters.count != operand.rank {
                throw TorchError.runtime("einsum(): the number of subscripts in the equation (\(letters.count)) does not match the number of dimensions (\(operand.rank)) for operand \(k)\(hasEllipsis ? "" : " and no ellipsis was given")")
            }
            let covered = operand.rank - letters.count
            ellipsisRank = Swift.max(ellipsisRank, covered)
            labels.append(EinsumEquation.expand(term, covered: covered))
        }
        operandLabels = labels
        let ellipsis = (0..<ellipsisRank).reversed().map { -1 - $0 }
        if sides.count > 1 {
            let output = sides[1]
            outputLabels = output.contains("...") ? EinsumEquation.expand(output, covered: ellipsisRank)
                                                  : output.unicodeScalars.map { Int($0.value) }
            for (i, label) in outputLabels.enumerated() where outputLabels[..<i].contains(label) {
                throw TorchError.runtime("einsum(): output subscript \(EinsumEquation.name(label)) appears more than once in the output")
            }
            for label in outputLabels where !labels.contains(where: { $0.contains(label) }) {
                throw TorchError.runtime("einsum(): output subscript \(EinsumEquation.name(label)) does not appear in the equation for any input operand")
            }
        } else {
            let counts = labels.flatMap { $0 }.filter { $0 >= 0 }.reduce(into: [Int: Int]()) { $0[$1, default: 0] += 1 }
            outputLabels = ellipsis + counts.keys.filter { counts[$0] == 1 }.sorted()
        }
        var all = outputLabels
        for label in labels.flatMap({ $0 }) where !all.contains(label) { all.append(label) }
        allLabels = all
    }

    /// A term's labels with `...` standing for `covered` dimensions.
    private static func expand(_ term: String, covered: Int) -> [Int] {
        let parts = term.split(separator: "...", omittingEmptySubsequences: false).map(String.init)
        let codes = { (s: String) in s.unicodeScalars.map { Int($0.value) } }
        guard parts.count == 2 else { return codes(term) }
        return codes(parts[0]) + (0..<covered).reversed().map { -1 - $0 } + codes(parts[1])
    }

    static func name(_ label: Int) -> String {
        label >= 0 ? String(UnicodeScalar(UInt8(label))) : "..."
    }
}
