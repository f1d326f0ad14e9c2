/// The backward engine: walks the graph from the outputs in dependency order (iteratively, so long
/// chains cannot overflow the stack), runs each node's formula once with the sum of its incoming
/// gradients, and delivers gradients to leaves or to the tensors `autograd.grad` asked about.
/// What is ready runs in PyTorch's order (`ReadyQueue`): a leaf's gradient is delivered, its
/// hooks run, as soon as all its consumers have run.
public enum Autograd {
    /// `tensor.backward(gradient=None, retain_graph=None, create_graph=False)`; `observer` is
    /// told of each leaf's `.grad` the pass writes.
    public static func backward(_ output: Tensor, gradient: Tensor? = nil, retainGraph: Bool? = nil,
                                createGraph: Bool = false, observer: (any LeafGradientObserver)? = nil) throws {
        try backward([output], gradients: [gradient], retainGraph: retainGraph, createGraph: createGraph,
                     observer: observer)
    }

    /// `torch.autograd.backward(tensors, grad_tensors, retain_graph, create_graph, inputs)`: one
    /// pass from all the outputs, so a node they share runs once, on the sum of what reaches it.
    /// With `inputs`, gradients accumulate only into those tensors and only the nodes on a path
    /// to them run; a non-leaf among them is made to retain its gradient (for good, as in
    /// PyTorch) and its node runs.
    public static func backward(_ outputs: [Tensor], gradients: [Tensor?], inputs: [Tensor]? = nil,
                                retainGraph: Bool? = nil, createGraph: Bool = false,
                                observer: (any LeafGradientObserver)? = nil) throws {
        if let inputs, inputs.isEmpty {
            throw TorchError.runtime("`inputs` argument to `backward()` cannot be empty.")
        }
        var run = Run(createGraph: createGraph, accumulateIntoLeaves: true, targets: inputs ?? [])
        run.observer = observer
        try run.execute(roots: outputs, given: gradients, retainGraph: retainGraph ?? createGraph)
    }

    /// `torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph, create_graph, allow_unused)`.
    public static func grad(outputs: [Tensor], inputs: [Tensor], gradOutputs: [Tensor?]? = nil,
                            retainGraph: Bool? = nil, createGraph: Bool = false,
                            allowUnused: Bool = false) throws -> [Tensor?] {
        let given = gradOutputs ?? Array(repeating: nil, count: outputs.count)
        if given.count != outputs.count {
            throw TorchError.runtime("grad requires one grad_output per output, got \(given.count) grad_outputs and \(outputs.count) outputs")
        }
        if inputs.contains(where: { !$0.requiresGrad }) {
            throw TorchError.runtime("One of the differentiated Tensors does not require grad")
        }
        var run = Run(createGraph: createGraph, accumulateIntoLeaves: false, targets: inputs)
        try run.execute(roots: outputs, given: given, retainGraph: retainGraph ?? createGraph)
        return try inputs.indices.map { i in
            if let g = run.captured[i] { return g }
            if allowUnused { return nil }
            throw TorchError.runtime("The differentiated Tensor at index \(i) appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.")
        }
    }

    /// The starting gradients, appended to `seeds`: the given ones checked against their
    /// outputs, or ones for scalars. With `sharedOnes` a 0-dim output starts from a one kept for
    /// every pass: the engine only reads gradients and copies them into `.grad`, so the one is
    /// never changed, and only `autograd.grad` (which does not share) hands gradients to the user.
    /// Checked in PyTorch's order: every pair of an output and its gradient (extra gradients
    /// are ignored), then whether there are too few, then whether each output requires grad.
    private static func rootGradients(_ outputs: [Tensor], _ given: [Tensor?], sharedOnes: Bool,
                                      into seeds: inout [Tensor]) throws {
        for (i, (out, given)) in zip(outputs, given).enumerated() {
            if let g = given {
                if g.shape != out.shape {
                    throw TorchError.runtime("Mismatch in shape: grad_output[\(i)] has a shape of \(TensorFormatter.sizeRepr(g.shape)) and output[\(i)] has a shape of \(TensorFormatter.sizeRepr(out.shape)).")
                }
                seeds.append(g)
            } else if out.requiresGrad {
                if out.numel != 1 {
                    throw TorchError.runtime("grad can be implicitly created only for scalar outputs")
                }
                if sharedOnes && out.shape.isEmpty {
                    seeds.append(try sharedOne(out.dtype))
                } else {
                    seeds.append(try Tensor.full(out.shape, .double(1), dtype: out.dtype))
                }
            }
        }
        if given.count < outputs.count {
            throw TorchError.runtime("got \(outputs.count) tensors and \(given.count) gradients")
        }
        if let i = outputs.firstIndex(where: { !$0.requiresGrad }) {
            throw TorchError.runtime("element \(i) of tensors does not require grad and does not have a grad_fn")
        }
    }

    nonisolated(unsafe) private static let ones = DType.allCases.map { _ in TensorSlot() }

    private static func sharedOne(_ dtype: DType) throws -> Tensor {
        if let one = ones[dtype.rawValue].tensor { return one }
        let one = try Tensor.full([], .double(1), dtype: dtype)
        ones[dtype.rawValue].tensor = one
        return one
    }

    /// One backward pass.
    private struct Run {
        let createGraph: Bool
        /// Set for `backward`, unset for `autograd.grad`.
        let accumulateIntoLeaves: Bool
        /// The tensors whose gradients `autograd.grad` returns, and what has arrived for them;
        /// for `backward(inputs=)`, the tensors it accumulates into.
        let targets: [Tensor]
        var captured: [Tensor?]
        var observer: (any LeafGradientObserver)?
        /// This pass's number (`countConsumers`).
        var stamp = 0
        /// The roots' gradients, the nodes and leaves reached, and what is ready to run.
        var work = WorkLists.take()

        init(createGraph: Bool, accumulateIntoLeaves: Bool, targets: [Tensor]) {
            self.createGraph = createGraph
            self.accumulateIntoLeaves = accumulateIntoLeaves
            self.targets = targets
            captured = Array(repeating: nil, count: targets.count)
        }

        mutating func execute(roots: [Tensor], given: [Tensor?], retainGraph: Bool) throws {
            // Gradients parked on nodes and leaves must not outlive the pass, whatever happens in it.
            defer { work.finishPass() }
            for root in roots where root.links.isView { root.refreshViewGradFn() }
            try Autograd.rootGradients(roots, given, sharedOnes: accumulateIntoLeaves && !createGraph, into: &work.seeds)
            if accumulateIntoLeaves {
                for input in targets { try input.retainGrad() }
            }
            if PassRecords.isEnabled && accumulateIntoLeaves { PassRecords.begin(roots: roots, seeds: work.seeds) }
            stamp = Run.countConsumers(from: roots, into: &work)
            if !targets.isEmpty { Run.markUnneeded(work.reached, targets: targets, stamp: stamp, targetNodesRun: accumulateIntoLeaves) }
            // The roots' gradients go along their edges as a node's go to its inputs (PyTorch's
            // `GraphRoot`), which makes ready the roots no other root consumes.
            for (root, seed) in zip(roots, work.seeds) {
                try pass(seed, along: root.gradientEdge, output: root.outputNr)
            }
            while let task = work.ready.pop() {
                switch task {
                case .node(let node): try run(node, retainGraph: retainGraph)
                case .leaf(let leaf): try runAccumulateGrad(leaf)
                }
            }
        }

        /// Runs a ready node's formula on the gradient summed for it, passes the results on, and
        /// makes ready the input nodes that have now heard from all their consumers (one walk
        /// over the inputs does both). A node no gradient reached runs too, as in PyTorch, but
        /// only for what is attached to it (`runWithoutGradient`).
        private mutating func run(_ node: Node, retainGraph: Bool) throws {
            if node.unneededStamp == stamp { return try capturePruned(node) }
            var inputGrads = InputGradients()
            if node.laterOutputs != nil {
                inputGrads = try runWithOutputs(node)
            } else if let grad = node.pendingGradient {
                node.pendingGradient = nil
                inputGrads = try AnomalyMode.isEnabled ? runWatched(node) { try $0.gradients(node, grad) } : gradients(node, grad)
            } else if let attached = node.attached {
                inputGrads = try runWithoutGradient(node, attached, [nil])
            }
            for i in 0..<node.inputs.count {
                let input = node.inputs[i]
                if case .none = input.edge { continue }
                let raw = i < inputGrads.count ? inputGrads[i] : nil
                try pass(try raw.map { try conform($0, to: input) }, along: input.edge, output: Int(input.output))
            }
            if !retainGraph { node.release() }
        }

        /// Passes a gradient (nil: none) along an edge, and makes the node or leaf at its end
        /// ready once every edge to it has passed, unless this pass does not run it
        /// (`markUnneeded`; a leaf no one asked about).
        @inline(__always)
        private mutating func pass(_ grad: Tensor?, along edge: Node.Edge, output k: Int) throws {
            switch edge {
            case .none: break
            case .leaf(let leaf):
                if let grad { try deliverToLeaf(leaf, grad) }
                leaf.links.leafConsumersWaiting &-= 1
                if leaf.links.leafConsumersWaiting == 0 && (targets.isEmpty || targets.contains(where: { $0 === leaf })) {
                    work.ready.push(leaf: leaf)
                }
            case .node(let next):
                if let grad { try deliver(grad, to: next, output: k) }
                next.waitingConsumers -= 1
                if next.waitingConsumers == 0 && (next.unneededStamp != stamp || targets.contains(where: { $0.gradFn === next })) {
                    work.ready.push(next)
                }
            }
        }

        /// `run` for a node with several outputs: its formula runs once, on every output's
        /// gradient (nil where none arrived); when none arrived at all, as `runWithoutGradient`.
        @inline(never)
        private mutating func runWithOutputs(_ node: Node) throws -> InputGradients {
            let grads = node.takePendingGradients()
            guard grads.contains(where: { $0 != nil }) else {
                guard let attached = node.attached else { return [] }
                return try runWithoutGradient(node, attached, grads)
            }
            if AnomalyMode.isEnabled { return try runWatched(node) { try $0.gradients(node, outputGrads: grads) } }
            return try gradients(node, outputGrads: grads)
        }

        /// `run` for a node no gradient reached (`grads` all nil), with attachments: as PyTorch
        /// runs it, its hooks are given None, and only a node that runs without a gradient (a
        /// custom function's, `NodeAttachments.runsWithoutGradient`) calls its formula; a
        /// built-in op's passes no gradient on unless a pre-hook gave it one.
        @inline(never)
        private mutating func runWithoutGradient(_ node: Node, _ attached: NodeAttachments, _ grads: [Tensor?]) throws -> InputGradients {
            let hooked = attached.hasGradientHooks
            guard hooked || attached.runsWithoutGradient else { return [] }
            func gradients(_ run: inout Run) throws -> InputGradients {
                if hooked { return try run.runHooked(node, attached, grads) }
                return try run.runFormula(node, try BackwardContext(outputGrads: grads, node: node))
            }
            if AnomalyMode.isEnabled { return try runWatched(node, gradients) }
            return try gradients(&self)
        }

        /// Adds `grad` to what output `k` of `node` has received in this pass.
        @inline(__always)
        func deliver(_ grad: Tensor, to node: Node, output k: Int) throws {
            if k == 0 {
                node.pendingGradient = try sum(node.pendingGradient, grad)
            } else if let later = node.laterOutputs {
                later.pendingGradients[k - 1] = try sum(later.pendingGradients[k - 1], grad)
            }
        }

        /// A pass's lists, kept from one pass to the next so a training step does not allocate
        /// them anew. A pass cannot start inside another (formulas only run ops), but if one ever
        /// did it would simply get fresh lists.
        struct WorkLists {
            var seeds: [Tensor] = []
            var reached: [Node] = []
            /// The leaves edges reached lead to. A leaf's gradient is summed over the pass (in
            /// `pendingLeafGradient`) and delivered once, as PyTorch's `AccumulateGrad` runs
            /// once per leaf with the summed input.
            var leaves: [Tensor] = []
            var ready = ReadyQueue()

            /// The lists of the last pass, emptied, their buffers kept.
            nonisolated(unsafe) private static var spare = WorkLists()

            static func take() -> WorkLists {
                var lists = WorkLists()
                swap(&lists, &spare)
                return lists
            }

            /// Clears the gradients and counts parked on the nodes and leaves (a pass that failed
            /// or pruned leaves some), and keeps the emptied lists for the next pass.
            mutating func finishPass() {
                // Emptied element by element, keeping their buffers: `removeAll(keepingCapacity:)`
                // goes through the generic `replaceSubrange`, several times the cost for a few nodes.
                while let node = reached.popLast() { node.clearPendingGradients() }
                while let leaf = leaves.popLast() {
                    leaf.pendingLeafGradient = nil
                    leaf.links.leafConsumersWaiting = 0
                }
                while seeds.popLast() != nil {}
                ready.clear()
                swap(&self, &WorkLists.spare)
            }
        }

        /// Numbers the passes, so a node can tell whether this pass has reached it yet.
        nonisolated(unsafe) private static var passCount = 0

        /// `autograd.grad` and `backward(inputs=)` run only the nodes on a path to a tensor
        /// asked about, as PyTorch's engine does (its `exec_info`): the others of `reached` are
        /// marked unneeded in this pass, so their formulas and hooks do not run and their saved
        /// tensors stay. A node is needed when an edge of it leads to a leaf asked about, to the
        /// node of a non-leaf asked about, or to a needed node; with `targetNodesRun`
        /// (`backward(inputs=)`) the node of a non-leaf asked about is needed too. Every consumer
        /// of a needed node is needed, so a needed node still hears from all its consumers.
        /// Decided children first, over the graph (a DAG) with an explicit stack, so that long
        /// chains cannot overflow the stack.
        static func markUnneeded(_ reached: [Node], targets: [Tensor], stamp: Int, targetNodesRun: Bool) {
            func leadsToTarget(_ edge: Node.Edge) -> Bool {
                switch edge {
                case .none: return false
                case .leaf(let leaf): return targets.contains { $0 === leaf }
                case .node(let next): return next.unneededStamp != stamp || targets.contains { $0.gradFn === next }
                }
            }
            var stack: [(node: Node, nextInput: Int)] = []
            for start in reached where start.pruneVisitStamp != stamp {
                start.pruneVisitStamp = stamp
                stack.append((start, 0))
                while let (node, i) = stack.last {
                    if i < node.inputs.count {
                        stack[stack.count - 1].nextInput = i + 1
                        if case .node(let next) = node.inputs[i].edge, next.pruneVisitStamp != stamp {
                            next.pruneVisitStamp = stamp
                            stack.append((next, 0))
                        }
                        continue
                    }
                    stack.removeLast()
                    if targetNodesRun && targets.contains(where: { $0.gradFn === node }) { continue }
                    if !node.inputs.contains(where: { leadsToTarget($0.edge) }) { node.unneededStamp = stamp }
                }
            }
        }

        /// An unneeded node (`markUnneeded`) that is the node of a tensor asked about (the only
        /// unneeded ones `pass` makes ready): as in PyTorch, the hooks on its tensors see the
        /// gradient, which is then captured; nothing else of it runs.
        @inline(never)
        private mutating func capturePruned(_ node: Node) throws {
            let grads: [Tensor?] = node.laterOutputs != nil ? node.takePendingGradients() : [node.pendingGradient]
            node.pendingGradient = nil
            _ = try throughTensorHooks(node, node.attached, grads)
        }

        /// Walks the graph reachable from `roots`, setting on each node and leaf the count of the
        /// edges that lead to it from there, the roots' own counted (each root is an edge of
        /// PyTorch's `GraphRoot`); appends the nodes reached to `work.reached`, the leaves to
        /// `work.leaves`. Returns the pass's number (`stamp`).
        static func countConsumers(from roots: [Tensor], into work: inout WorkLists) -> Int {
            passCount &+= 1
            let stamp = passCount
            func count(_ edge: Node.Edge) {
                switch edge {
                case .none: break
                case .leaf(let leaf):
                    // A count is 0 between passes (`finishPass`).
                    if leaf.links.leafConsumersWaiting == 0 { work.leaves.append(leaf) }
                    leaf.links.leafConsumersWaiting &+= 1
                case .node(let next):
                    if next.passStamp != stamp {
                        next.passStamp = stamp
                        next.waitingConsumers = 0
                        work.reached.append(next)
                    }
                    next.waitingConsumers += 1
                }
            }
            for root in roots { count(root.gradientEdge) }
            // `reached` is also the work list: the nodes after `visited` have not been expanded yet.
            var visited = 0
            while visited < work.reached.count {
                let node = work.reached[visited]
                visited += 1
                for i in 0..<node.inputs.count { count(node.inputs[i].edge) }
            }
            return stamp
        }

        /// The gradients a node passes to its inputs, through the hooks attached to it if any.
        @inline(__always)
        private mutating func gradients(_ node: Node, _ grad: Tensor) throws -> InputGradients {
            if let attached = node.attached, attached.hasGradientHooks {
                return try runHooked(node, attached, [grad])
            }
            try deliverToNode(node, grad, output: 0)
            return try runFormula(node, BackwardContext(grad: grad, node: node))
        }

        /// `gradients` for a node with several outputs, given each one's (nil where none arrived).
        private mutating func gradients(_ node: Node, outputGrads grads: [Tensor?]) throws -> InputGradients {
            if let attached = node.attached, attached.hasGradientHooks {
                return try runHooked(node, attached, grads)
            }
            for (k, grad) in grads.enumerated() {
                if let grad { try deliverToNode(node, grad, output: k) }
            }
            return try runFormula(node, try BackwardContext(outputGrads: grads, node: node))
        }

        /// `gradients` in anomaly mode: a NaN among them is an error, and a node that fails is
        /// reported (with where it was made) before its error goes on.
        @inline(never)
        private mutating func runWatched(_ node: Node, _ gradients: (inout Run) throws -> InputGradients) throws -> InputGradients {
            do {
                let grads = try AnomalyMode.evaluating(node) { try gradients(&self) }
                if AnomalyMode.checksNaN {
                    for i in 0..<grads.count {
                        if let g = grads[i], try GradMode.with(enabled: false, { try g.containsNaN() }) {
                            throw TorchError.runtime("Function '\(node.className)' returned nan values in its \(i)th output.")
                        }
                    }
                }
                return grads
            } catch {
                try AnomalyMode.failureObserver?(node)
                throw error
            }
        }

        func runFormula(_ node: Node, _ context: BackwardContext) throws -> InputGradients {
            if let packed = node.attached?.packedTensors, !packed.isEmpty {
                return try runUnpacking(node, packed, context)
            }
            try node.checkSavedVersions()
            return try GradMode.with(enabled: createGraph) {
                try node.inputGradients(context)
            }
        }

        /// `runFormula` for a node that saved tensors through pack hooks.
        @inline(never)
        private func runUnpacking(_ node: Node, _ packed: [PackedTensor], _ context: BackwardContext) throws -> InputGradients {
            try node.withUnpackedSaved(packed, unpacking: createGraph) {
                try node.checkSavedVersions()
                return try GradMode.with(enabled: createGraph) {
                    try node.inputGradients(context)
                }
            }
        }

        /// The total gradient of output `k` of a node has arrived: store it where `retain_grad()`
        /// or `autograd.grad` wants it.
        mutating func deliverToNode(_ node: Node, _ grad: Tensor, output k: Int) throws {
            if !targets.isEmpty {
                for (i, t) in targets.enumerated() where t.gradFn === node && t.outputNr == k { captured[i] = grad }
            }
            if accumulateIntoLeaves, k != 0 || node.hasRetainedGradTarget, let t = node.retainedTarget(ofOutput: k),
               t.gradFn === node, t.outputNr == k {
                try accumulate(into: t, grad)
            }
        }

        /// Adds `grad` to what the leaf has received in this pass, unless this pass does not
        /// deliver to it (a leaf not asked about).
        func deliverToLeaf(_ leaf: Tensor, _ grad: Tensor) throws {
            if !targets.isEmpty && !targets.contains(where: { $0 === leaf }) { return }
            leaf.pendingLeafGradient = try sum(leaf.pendingLeafGradient, grad)
        }

        /// A leaf's `AccumulateGrad`, run once all its consumers have: the gradient summed for
        /// it accumulated or captured, through the hooks on the leaf if any. A leaf with hooks
        /// that no gradient reached (its consumers' formulas gave it none) still has them run,
        /// given None, as PyTorch runs its `AccumulateGrad` all the same.
        mutating func runAccumulateGrad(_ leaf: Tensor) throws {
            let grad = leaf.pendingLeafGradient
            leaf.pendingLeafGradient = nil
            if let attached = leaf.attachedToLeaf {
                try deliverHooked(leaf, attached, grad)
            } else if let grad {
                if accumulateIntoLeaves { try accumulate(into: leaf, grad) } else { capture(leaf, grad) }
            }
        }

        mutating func capture(_ leaf: Tensor, _ grad: Tensor?) {
            for (i, t) in targets.enumerated() where t === leaf { captured[i] = grad }
        }

        /// A leaf's gradient through the hooks on it, then accumulated or captured, in PyTorch's
        /// order: the tensor hooks, the `AccumulateGrad` node's pre-hooks, the accumulation, the
        /// post-accumulate hooks, then the node's post-hooks (which see no input gradients).
        /// With no gradient (`arrived` nil) the hooks see None (the post-accumulate hooks a
        /// `.grad` left as it was), and nothing is accumulated.
        @inline(never)
        mutating func deliverHooked(_ leaf: Tensor, _ attached: LeafAttachments, _ arrived: Tensor?) throws {
            var grad = try runTensorHooks(attached.tensorHooks.hooks, arrived)
            guard accumulateIntoLeaves else { return capture(leaf, grad) }
            grad = try runPreHooks(attached.preHooks, [grad]).first.flatMap { $0 }
            if let grad { try accumulate(into: leaf, grad) }
            for hook in attached.postAccumulateHooks.hooks { try hook(leaf) }
            for hook in attached.postHooks.hooks {
                _ = try GradMode.with(enabled: createGraph) { try hook([], [grad]) }
            }
        }

        /// Each output's gradient through the hooks on its tensor, then stored where
        /// `retain_grad()` or `autograd.grad` wants it (`deliverToNode`).
        private mutating func throughTensorHooks(_ node: Node, _ attached: NodeAttachments?, _ arrived: [Tensor?]) throws -> [Tensor?] {
            var grads = arrived
            if let attached {
                for k in attached.tensorHooks.hookedOutputs where k < grads.count {
                    grads[k] = try runTensorHooks(attached.tensorHooks.hooks(ofOutput: k), grads[k])
                }
            }
            for (k, grad) in grads.enumerated() {
                if let grad { try deliverToNode(node, grad, output: k) }
            }
            return grads
        }

        /// A node's run when hooks are attached to it, in PyTorch's order: the hooks on its
        /// tensors' gradients, the retained gradients taken, the node's pre-hooks, the formula,
        /// then its post-hooks, which see the inputs' gradients summed back to their shapes.
        /// `arrived` holds each output's gradient, nil where none arrived (hooks on that
        /// output's tensor are then given None, as PyTorch gives them).
        @inline(never)
        mutating func runHooked(_ node: Node, _ attached: NodeAttachments, _ arrived: [Tensor?]) throws -> InputGradients {
            var grads = try throughTensorHooks(node, attached, arrived)
            grads = try runPreHooks(attached.preHooks, grads)
            let formulaGrads: InputGradients
            if !attached.runsWithoutGradient && !grads.contains(where: { $0 != nil }) {
                formulaGrads = []
            } else if node.laterOutputs == nil, let grad = grads.first, let grad {
                formulaGrads = try runFormula(node, BackwardContext(grad: grad, node: node))
            } else {
                formulaGrads = try runFormula(node, try BackwardContext(outputGrads: grads, node: node))
            }
            if attached.postHooks.entries.isEmpty { return formulaGrads }
            var inputGrads: [Tensor?] = try node.inputs.indices.map { i in
                guard i < formulaGrads.count, let g = formulaGrads[i] else { return nil }
                return try conform(g, to: node.inputs[i])
            }
            for hook in attached.postHooks.hooks {
                if let replaced = try GradMode.with(enabled: createGraph, { try hook(inputGrads, grads) }) {
                    inputGrads = replaced
                }
            }
            return InputGradients(inputGrads)
        }

        /// A node's output gradients passed through its pre-hooks, each given what the last
        /// returned; a None it returns for a gradient leaves that gradient as it was.
        func runPreHooks(_ hooks: HookList<NodePreHook>, _ grads: [Tensor?]) throws -> [Tensor?] {
            var grads = grads
            for hook in hooks.hooks {
                guard let replaced = try GradMode.with(enabled: createGraph, { try hook(grads) }) else { continue }
                for (k, grad) in zip(grads.indices, replaced) where grad != nil { grads[k] = grad }
            }
            return grads
        }

        /// `grad` passed through the hooks on a tensor's gradient, each given what the last
        /// returned (nil stays nil: a hook may not replace a missing gradient).
        func runTensorHooks(_ hooks: [TensorGradientHook], _ grad: Tensor?) throws -> Tensor? {
            var grad = grad
            for hook in hooks {
                if let replaced = try GradMode.with(enabled: createGraph, { try hook(grad) }) { grad = replaced }
            }
            return grad
        }

        /// `.grad += g`: in place normally; out of place when building a graph of the gradient.
        /// Pass records (for `%why`) and the lints' observer see it when they are on.
        func accumulate(into t: Tensor, _ g: Tensor) throws {
            // Read only for an observer: the plain path stays as it was.
            let observed = observer != nil && t.isLeaf
            let addedToEarlier = observed && t.storedGrad != nil
            if PassRecords.isEnabled && t.isLeaf {
                try PassRecords.recording(into: t, g) { try accumulateUnrecorded(into: t, g) }
            } else {
                try accumulateUnrecorded(into: t, g)
            }
            if observed, let observer { observer.wrote(gradientOf: t, addedToEarlier: addedToEarlier) }
        }

        private func accumulateUnrecorded(into t: Tensor, _ g: Tensor) throws {
            try GradMode.with(enabled: createGraph) {
                if let existing = t.storedGrad {
                    if createGraph { t.storedGrad = try existing.adding(g) }
                    else { try existing.addInPlaceUnchecked(g) }
                } else {
                    // A leaf's `.grad` is laid out as the leaf, a retained one contiguous, as in PyTorch.
                    let copy = try t.isLeaf ? g.cloneDetached(layoutOf: t) : g.cloneDetached()
                    // With create_graph PyTorch stores a copy that stays in the graph ("CopyBackwards").
                    t.storedGrad = createGraph ? copy.record("CopyBackwards", inputs: [g]) { ctx, _ in [ctx.grad] } : copy
                }
            }
        }

        func sum(_ a: Tensor?, _ b: Tensor) throws -> Tensor {
            guard let a else { return b }
            return try GradMode.with(enabled: createGraph) { try a.adding(b) }
        }

        /// Sums a gradient back over broadcast dimensions and casts it to the input's dtype.
        func conform(_ g: Tensor, to input: Node.Input) throws -> Tensor {
            if g.shape == input.shape && g.dtype == input.dtype { return g }
            return try GradMode.with(enabled: createGraph) {
                var out = g
                if out.shape != input.shape { out = try out.sumToShape(input.shape) }
                if out.dtype != input.dtype { out = try out.to(input.dtype) }
                return out
            }
        }
    }
}

/// Told by a backward pass of each leaf whose `.grad` it wrote, just after writing it: whether
/// the gradient was added to one already there (`.grad` not None before the pass). The language
/// layer's lints watch for gradients piling up across training steps with it.
public protocol LeafGradientObserver: AnyObject {
    func wrote(gradientOf leaf: Tensor, addedToEarlier: Bool)
}
