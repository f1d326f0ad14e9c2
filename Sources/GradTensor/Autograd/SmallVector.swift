/// A short list that holds its first two elements inline and spills the rest to an array.
///
/// The autograd graph is made of short lists: a node's inputs, the gradients its formula returns,
/// the tensors it saves. Nearly all have one or two elements, and an array would cost one more
/// heap allocation (and free) for every recorded op and every formula run. A literal
/// (`[ctx.grad, nil]`) builds one without an array when its initializer is inlined, as long as no
/// element can throw (`[try f(x)]`): the formulas of common ops compute their gradients first
/// and return a literal of names.
struct SmallVector<Element>: RandomAccessCollection, ExpressibleByArrayLiteral {
    private var first: Element?
    private var second: Element?
    /// The elements after the second.
    private var rest: [Element] = []
    /// Derived from the slots rather than stored: with one stored field fewer the compiler
    /// destroys a SmallVector of node inputs field by field instead of through its generic value
    /// witness (a tenth of a recorded op's cost).
    var count: Int { second == nil ? (first == nil ? 0 : 1) : 2 + rest.count }

    init() {}

    @inline(__always)
    init(arrayLiteral elements: Element...) {
        self.init(elements)
    }

    @inline(__always)
    init(_ elements: [Element]) {
        for e in elements { append(e) }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }
    var indices: Range<Int> { 0..<count }

    /// Element `i`; an index outside `0..<count` traps, as an array's does.
    @inline(__always)
    subscript(i: Int) -> Element {
        get {
            // The slots fill in order: `second` holds a value only when `first` does, `rest` only
            // when both do.
            if i == 0, let first { return first }
            if i == 1, let second { return second }
            return rest[i - 2]
        }
        set {
            if i == 0 && first != nil { first = newValue }
            else if i == 1 && second != nil { second = newValue }
            else { rest[i - 2] = newValue }
        }
    }

    @inline(__always)
    mutating func append(_ e: Element) {
        if first == nil { first = e } else if second == nil { second = e } else { rest.append(e) }
    }

    /// Removes and returns the last element, moving it out; nil when empty.
    @inline(__always)
    mutating func popLast() -> Element? {
        if !rest.isEmpty { return rest.removeLast() }
        if second != nil { return second.take() }
        return first.take()
    }
}
