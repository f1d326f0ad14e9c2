/// What a backward formula returns: one gradient per input of its node (nil where none flows).
///
/// Formulas write it as an array literal (`[ctx.grad, nil]`). Nearly every op has one or two
/// inputs, and those are held inline: a training step runs a formula per node, and an array
/// would be one more heap allocation each time. The literal's own array stays on the stack
/// (it does not escape the inlined initializer) unless an element can throw (`[try f(x)]`):
/// the formulas of common ops compute their gradients first and return a literal of names.
struct InputGradients: ExpressibleByArrayLiteral {
    private var first: Tensor?
    private var second: Tensor?
    /// The gradients after the second, for ops with more inputs (`cat`, `stack`, `where`, ...).
    private var rest: [Tensor?]
    let count: Int

    @inline(__always)
    init(arrayLiteral gradients: Tensor?...) {
        self.init(gradients)
    }

    @inline(__always)
    init(_ gradients: [Tensor?]) {
        count = gradients.count
        first = count > 0 ? gradients[0] : nil
        second = count > 1 ? gradients[1] : nil
        rest = count > 2 ? Array(gradients[2...]) : []
    }

    /// One gradient for each of many inputs (`cat`, `stack`).
    init(_ gradients: [Tensor]) {
        self.init(gradients.map(Optional.some))
    }

    subscript(i: Int) -> Tensor? {
        switch i {
        case 0: first
        case 1: second
        default: rest[i - 2]
        }
    }
}
