/// What backward passes leave behind for explanations (`grad.explain`, `%why x.grad`): for each
/// leaf, the gradient each pass added to its `.grad` since `.grad` was last None or changed by
/// anything but backward (`zero_()`), and each pass's output and seed. Off until the language
/// turns it on (the REPL, or `import grad` in a script): while on, nodes keep their saved state
/// after backward (`Node.release`) so an explanation can re-run their formulas, which costs the
/// memory of that state until the graph itself is freed.
public enum PassRecords {
    public static var isEnabled: Bool { enabled }
    /// Private behind `isEnabled`, as `GradMode`'s flag, for the same reason.
    nonisolated(unsafe) private static var enabled = false

    public static func enable() { enabled = true }

    /// Turns records off and forgets them (a test harness running many programs in one process).
    public static func disable() {
        enabled = false
        histories = [:]
        current = []
        recentRoots = []
    }

    /// One backward pass: its number (counted from 1 since records were turned on), its outputs'
    /// nodes and seeds (the gradients it started from).
    public final class Pass {
        public let number: Int
        /// Weak: a leaf's records must not keep its graph (which holds the leaf) alive.
        public private(set) weak var root: Node?
        /// Which of the root node's outputs the pass started from.
        public let rootOutput: Int
        /// The output when it is a leaf (`x.backward()`), which no node stands for.
        public private(set) weak var leafRoot: Tensor?
        public let seed: Tensor

        init(number: Int, root: Tensor, seed: Tensor) {
            self.number = number
            self.root = root.gradFn
            rootOutput = root.outputNr
            leafRoot = root.gradFn == nil ? root : nil
            self.seed = seed
        }
    }

    /// One pass's gradient into a leaf's `.grad`, after the leaf's hooks.
    public struct Contribution {
        public let pass: Pass
        public let gradient: Tensor
    }

    /// How a leaf's `.grad` got to its value: what it held before the first recorded pass, and
    /// what each pass since added.
    public struct History {
        public enum Start {
            /// `.grad` was None.
            case none
            /// `.grad` was all zeros (`zero_()`), or its passes were not recorded and summed to zero.
            case zeroed
            /// `.grad` held this value, set or changed outside backward (or before records began).
            case changed(Tensor)
        }

        public let start: Start
        public fileprivate(set) var contributions: [Contribution]
        /// The `.grad` tensor after the last pass and its version then: if either differs at the
        /// next pass, something else changed `.grad` in between and the history starts over.
        fileprivate var grad: Tensor?
        fileprivate var gradVersion = 0
    }

    private struct Entry {
        weak var leaf: Tensor?
        var history: History
    }

    nonisolated(unsafe) private static var histories: [ObjectIdentifier: Entry] = [:]
    nonisolated(unsafe) private static var passCount = 0
    nonisolated(unsafe) private static var current: [Pass] = []
    /// The last few passes' output nodes, kept alive so that a pass whose output was rebound
    /// (`loss = 2 * x` after `loss = x**2; loss.backward()`) can still be explained.
    nonisolated(unsafe) private static var recentRoots: [Node] = []
    private static let recentRootLimit = 3
    /// Entries of freed leaves are swept out when the table has grown past this.
    nonisolated(unsafe) private static var sweepAt = 64

    /// The records of `leaf`'s `.grad`; nil when no recorded pass reached it.
    public static func history(of leaf: Tensor) -> History? {
        guard let entry = histories[ObjectIdentifier(leaf)], entry.leaf === leaf else { return nil }
        return entry.history
    }

    /// Notes the start of a pass that accumulates into leaves (`backward`), with its seeds.
    static func begin(roots: [Tensor], seeds: [Tensor]) {
        current = zip(roots, seeds).map { root, seed in
            passCount += 1
            return Pass(number: passCount, root: root, seed: seed)
        }
        for root in roots { if let node = root.gradFn { recentRoots.append(node) } }
        if recentRoots.count > recentRootLimit { recentRoots.removeFirst(recentRoots.count - recentRootLimit) }
    }

    /// `accumulate` (which adds `gradient` to `leaf.grad`), recorded in the leaf's history.
    static func recording(into leaf: Tensor, _ gradient: Tensor, _ accumulate: () throws -> Void) throws {
        let key = ObjectIdentifier(leaf)
        let before = leaf.storedGrad
        var history: History
        if let entry = histories[key], entry.leaf === leaf, let grad = before,
           entry.history.grad === grad, grad.version == entry.history.gradVersion {
            history = entry.history
        } else if let grad = before {
            history = History(start: grad.isAllZero() ? .zeroed : .changed(try grad.cloneDetached()), contributions: [])
        } else {
            history = History(start: .none, contributions: [])
        }
        try accumulate()
        // A pass with several outputs is recorded as its first: their gradients arrive summed.
        if let pass = current.first { history.contributions.append(Contribution(pass: pass, gradient: gradient)) }
        history.grad = leaf.storedGrad
        history.gradVersion = leaf.storedGrad?.version ?? 0
        histories[key] = Entry(leaf: leaf, history: history)
        if histories.count >= sweepAt {
            histories = histories.filter { $0.value.leaf != nil }
            sweepAt = Swift.max(64, histories.count * 2)
        }
    }
}

extension Tensor {
    /// Whether every element is zero.
    func isAllZero() -> Bool {
        for i in 0..<numel where element(atFlat: i).doubleValue != 0 { return false }
        return true
    }
}
