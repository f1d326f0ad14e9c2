/// The engine's queue of what is ready to run: nodes, and leaves whose `AccumulateGrad` has heard
/// from all its consumers. It hands out the highest priority first, as PyTorch's ready queue
/// does: a node's priority is its sequence number (the later made, the sooner run), a leaf's the
/// highest there is, so a leaf's gradient is delivered as soon as its last consumer has run.
///
/// PyTorch keeps its queue in a binary heap (C++'s `std::priority_queue`), and tasks of equal
/// priority (several leaves ready at once) come out in the order that heap's sift rules give,
/// which is not the order they went in (four leaves pushed a, b, c, d come out a, c, b, d). This
/// heap follows the same rules, so hooks on leaves print in PyTorch's order.
struct ReadyQueue {
    enum Task {
        case node(Node)
        /// A leaf's `AccumulateGrad`: its gradient summed over the pass is delivered.
        case leaf(Tensor)
    }

    /// A leaf's `AccumulateGrad` runs before any node (PyTorch gives it `UINT64_MAX`).
    static let leafPriority = Int.max

    /// The tasks, a binary heap by `priority`. Tasks alone, their priorities read from them: in
    /// a chain, the usual graph, the queue holds one task at a time, and a push and a pop cost
    /// what an array's append and removal do.
    private var heap: [Task] = []

    private static func priority(_ task: Task) -> Int {
        switch task {
        case .node(let node): node.sequenceNr
        case .leaf: leafPriority
        }
    }

    /// Empties the queue, keeping its buffer (a pass that failed may leave tasks in it).
    mutating func clear() {
        while heap.popLast() != nil {}
    }

    @inline(__always)
    mutating func push(_ node: Node) {
        push(.node(node))
    }

    @inline(__always)
    mutating func push(leaf: Tensor) {
        push(.leaf(leaf))
    }

    /// Appends the task and moves it up past every parent of lower priority (an equal one stays
    /// above it), by swaps, which copy no references.
    @inline(__always)
    private mutating func push(_ task: Task) {
        heap.append(task)
        if heap.count > 1 { siftUp(from: heap.count - 1) }
    }

    /// Takes the top task.
    @inline(__always)
    mutating func pop() -> Task? {
        heap.count > 1 ? popFromSeveral() : heap.popLast()
    }

    /// `pop` from a queue of several tasks, as C++'s `pop_heap` does it: the last task takes
    /// the top's place, sinks to the bottom along the higher child (the right one on a tie)
    /// whatever its own priority, then rises from there past parents of lower priority.
    @inline(never)
    private mutating func popFromSeveral() -> Task {
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        let count = heap.count
        var hole = 0
        var child = 0
        while child < (count - 1) / 2 {
            child = 2 * (child + 1)
            if Self.priority(heap[child]) < Self.priority(heap[child - 1]) { child -= 1 }
            heap.swapAt(hole, child)
            hole = child
        }
        // An even count leaves one node with a left child only.
        if count % 2 == 0 && child == (count - 2) / 2 {
            child = 2 * child + 1
            heap.swapAt(hole, child)
            hole = child
        }
        siftUp(from: hole)
        return top
    }

    /// Moves the task at `hole` up past every parent of lower priority.
    @inline(never)
    private mutating func siftUp(from hole: Int) {
        var hole = hole
        let priority = Self.priority(heap[hole])
        while hole > 0 {
            let parent = (hole - 1) / 2
            guard Self.priority(heap[parent]) < priority else { return }
            heap.swapAt(hole, parent)
            hole = parent
        }
    }
}
