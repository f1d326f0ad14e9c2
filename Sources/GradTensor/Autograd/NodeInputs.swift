/// A node's inputs. Nearly every op has one or two, and those are held inline, in the node
/// itself: an array would be one more heap allocation (and free) for every recorded op.
struct NodeInputs: RandomAccessCollection {
    private var first: Node.Input
    private var second: Node.Input
    /// The inputs after the second (`cat`, `stack`, `where`, ...).
    private var rest: [Node.Input]
    let count: Int

    init(_ tensors: [Tensor]) {
        count = tensors.count
        first = count > 0 ? Node.Input(tensors[0]) : .absent
        second = count > 1 ? Node.Input(tensors[1]) : .absent
        rest = count > 2 ? tensors[2...].map(Node.Input.init) : []
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }
    var indices: Range<Int> { 0..<count }

    @inline(__always)
    subscript(i: Int) -> Node.Input { read(i) { $0 } }

    /// Where input `i`'s gradient goes; read without copying the rest of the input.
    @inline(__always)
    func edge(_ i: Int) -> Node.Edge { read(i) { $0.edge } }

    /// The shape input `i`'s gradient must have; read without copying the rest of the input.
    @inline(__always)
    func shape(_ i: Int) -> [Int] { read(i) { $0.shape } }

    /// Hands input `i`, in place, to `part`, which takes out what it needs.
    @inline(__always)
    private func read<R>(_ i: Int, _ part: (Node.Input) -> R) -> R {
        switch i {
        case 0: part(first)
        case 1: part(second)
        default: part(rest[i - 2])
        }
    }

    /// Empties input `i`'s edge, returning what it held.
    mutating func takeEdge(_ i: Int) -> Node.Edge {
        func take(_ input: inout Node.Input) -> Node.Edge {
            let edge = input.edge
            input.edge = .none
            return edge
        }
        switch i {
        case 0: return take(&first)
        case 1: return take(&second)
        default: return take(&rest[i - 2])
        }
    }
}
