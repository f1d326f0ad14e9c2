/// Reclaims reference cycles of Python containers, as CPython's Modules/gcmodule.c does: ARC
/// frees everything else the moment its last reference goes, but a list that contains itself or
/// a recursive inner function (function → closure cell → the function) keeps itself alive.
///
/// Objects are tracked in three generations. Making a container adds it to the youngest; when
/// allocations minus deaths since the last collection pass the youngest's threshold, that
/// generation is collected, and the survivors move one generation older. An older generation is
/// collected when the one before it has been collected `threshold` times since, and the oldest
/// only once the survivors waiting for it are a quarter of its size (CPython's rule: a program
/// holding a million live containers does not rescan them all every few hundred allocations).
///
/// Collecting a set of candidate objects (the generations up to the one collected):
/// 1. Every candidate makes the Swift buffers it keeps its references in its own (copying a
///    buffer shared with another array, as copy-on-write allows at any time: `b = a[:]` and
///    `list(a)` share `a`'s buffer, so do an iterator's snapshot or a builtin's local copy). After
///    that, each reference a candidate's traversal yields is one strong reference of its own.
/// 2. Each candidate's strong reference count is read (the collector holds none of them: the
///    registry is unretained).
/// 3. For each reference from a candidate to a candidate, the target's count goes down by one.
///    What stays above zero is referenced from outside: frames, globals, compiled constants,
///    Swift locals of a builtin mid-call, older generations, or objects whose references are not
///    traversed (an iterator's Swift closure). A count below zero would mean a reference counted
///    twice; debug builds check that none is.
/// 4. Everything reachable from those through candidates' references is alive. The rest is
///    referenced only from itself: garbage. Its lists, dicts, sets and cells give up their
///    references (CycleTraversal says why that breaks every cycle), so ARC frees the lot. Nothing
///    else can see a garbage object, so clearing it is not observable. A count too high (a
///    reference the collector cannot see, such as one from an untracked object) can only keep a
///    cycle alive, a leak; only a reference counted twice could clear a live object, which
///    step 1 rules out and step 3 checks.
///
/// Collections run inside an allocation or `gc.collect()`, on the thread running Python (grad
/// runs one at a time; see Interpreter). No Python code runs during one, and no Swift code holds a
/// modifying access to a container's storage across a call that allocates one (builtins compute
/// first, then store), so reading and uniquing storage never overlaps another access.
enum CycleCollector {
    /// One generation: its tracked objects, in the order they joined it, and CPython's `count`
    /// and `threshold`.
    final class Generation {
        /// The list's head (CPython's generation head): its `gcNext` is the first object, its
        /// `gcPrevious` the last, itself both while the list is empty.
        private let head = CollectableObject(isListHead: true)
        /// `head`, unretained: what the last object links to.
        private let headLink: Unmanaged<CollectableObject>
        /// For the youngest: containers made minus containers freed since the last collection.
        /// For the others: collections of the next younger generation since this one's last.
        var count = 0
        var threshold: Int
        /// For the youngest: how many times `threshold` the count must pass (see `adaptYoungPace`).
        var pace = 1
        /// What `gc.get_stats()` reports: collections of this generation (and the younger ones
        /// with it), and the unreachable objects they found.
        var collections = 0
        var collected = 0

        init(threshold: Int) {
            self.threshold = threshold
            headLink = .passUnretained(head)
        }

        private var first: Unmanaged<CollectableObject> { head.gcNext ?? headLink }
        private var last: Unmanaged<CollectableObject> { head.gcPrevious ?? headLink }
        private var isEmpty: Bool { first.toOpaque() == headLink.toOpaque() }

        /// Links `object`, not tracked, in at the end.
        func append(_ object: CollectableObject) {
            let link = Unmanaged.passUnretained(object)
            let previous = last
            object.gcPrevious = previous
            object.gcNext = headLink
            previous.withTracked { $0.gcNext = link }
            head.gcPrevious = link
        }

        /// Moves every object to the end of `other`'s list, in order, leaving this one empty.
        func moveAll(to other: Generation) {
            guard !isEmpty else { return }
            let (first, last, otherLast) = (self.first, self.last, other.last)
            otherLast.withTracked { $0.gcNext = first }
            first.withTracked { $0.gcPrevious = otherLast }
            last.withTracked { $0.gcNext = other.headLink }
            other.head.gcPrevious = last
            head.gcNext = headLink
            head.gcPrevious = headLink
        }

        /// Calls `body` with each object in order, unretained. `body` may untrack the object it
        /// is given, and no other (the next one is read before the call).
        @inline(__always)
        func forEachLink(_ body: (Unmanaged<CollectableObject>) -> Void) {
            var link = first
            while link.toOpaque() != headLink.toOpaque() {
                let next = link.withTracked { $0.gcNext } ?? headLink
                body(link)
                link = next
            }
        }

        /// Calls `body` with each object in order, as `forEachLink` does, without retaining it.
        @inline(__always)
        func forEach(_ body: (CollectableObject) -> Void) {
            forEachLink { $0.withTracked(body) }
        }

        /// The objects, in order.
        var objects: [Unmanaged<CollectableObject>] {
            var objects: [Unmanaged<CollectableObject>] = []
            forEachLink { objects.append($0) }
            return objects
        }
    }

    /// The youngest generation, which every new object joins: read directly on that path, as
    /// a constant (no array look-up, no retain).
    nonisolated(unsafe) static let young = Generation(threshold: 700)
    nonisolated(unsafe) static let generations = [young, Generation(threshold: 10), Generation(threshold: 10)]
    /// `gc.disable()` turns off collection by allocation; `gc.collect()` still works.
    nonisolated(unsafe) static var isEnabled = true
    nonisolated(unsafe) private static var isCollecting = false
    /// Objects that survived a middle-generation collection since the last full one, and how many
    /// the last full one left: a full collection waits until the first is a quarter of the second.
    nonisolated(unsafe) private static var longLivedPending = 0
    nonisolated(unsafe) private static var longLivedTotal = 0
    static let oldest = 2

    /// Registers a new object in the youngest generation; collects when enough were made.
    static func track(_ object: CollectableObject) {
        young.append(object)
        young.count += 1
        if young.count > young.threshold * young.pace && young.threshold != 0 && isEnabled && !isCollecting {
            collectByThresholds()
        }
    }

    /// Unlinks a tracked object from its generation's list.
    static func untrack(_ object: CollectableObject) {
        guard let previous = object.gcPrevious, let next = object.gcNext else { return }
        let link = Unmanaged.passUnretained(object).toOpaque()
        previous.withTracked { neighbour in
            assert(neighbour.gcNext?.toOpaque() == link, "the registry lost track of an object")
            neighbour.gcNext = next
        }
        next.withTracked { neighbour in
            assert(neighbour.gcPrevious?.toOpaque() == link, "the registry lost track of an object")
            neighbour.gcPrevious = previous
        }
        object.gcPrevious = nil
        object.gcNext = nil
    }

    /// A container was freed: one fewer towards the next collection (CPython's count).
    static func countDeath() {
        if young.count > 0 { young.count -= 1 }
    }

    /// How many objects are tracked, in all generations.
    static var trackedCount: Int { generations.reduce(0) { $0 + $1.objects.count } }

    /// Collects the oldest generation whose count passed its threshold.
    private static func collectByThresholds() {
        for g in stride(from: oldest, through: 0, by: -1) where generations[g].count > generations[g].threshold {
            if g == oldest && longLivedPending < longLivedTotal / 4 { continue }
            collect(generation: g)
            return
        }
    }

    /// Collects generations 0 through `generation`, returning how many unreachable objects it
    /// found, counted as CPython would count them (what `gc.collect()` returns). Does nothing, returning 0, during a collection.
    @discardableResult
    static func collect(generation: Int) -> Int {
        guard !isCollecting else { return 0 }
        isCollecting = true
        defer { isCollecting = false }
        if generation < oldest { generations[generation + 1].count += 1 }
        for g in 0...generation { generations[g].count = 0 }
        let candidates = generations[generation]
        for younger in 0..<generation { generations[younger].moveAll(to: candidates) }

        forgetAtomicTuples(in: candidates)

        var (garbage, examined) = findGarbage(in: candidates)
        // Unfinished generators among the garbage are closed first, and instances' `__del__`
        // called (CPython's finalizers), so their `finally` blocks run; that may free them, or
        // make them reachable again, so the generation is looked at again afterwards, with no
        // reference held here.
        if garbage.contains(where: \.needsFinalizing) {
            finalizeObjects(in: &garbage)
            (garbage, examined) = findGarbage(in: candidates)
        }
        let survivors = examined - garbage.count
        if generation == 0 { adaptYoungPace(candidates: examined, garbage: garbage.count) }
        // The garbage leaves the registry here, as the survivors move on without it: its deinits
        // then find it untracked and have nothing to remove.
        for object in garbage { object.untrack() }
        if generation < oldest {
            if generation == oldest - 1 { longLivedPending += survivors }
            candidates.moveAll(to: generations[generation + 1])
        } else {
            longLivedPending = 0
            longLivedTotal = survivors
        }
        let found = garbage.reduce(garbage.count) { $0 + $1.uncountedCompanions }
        generations[generation].collections += 1
        generations[generation].collected += found
        free(&garbage)
        return found
    }

    /// The most the youngest generation's threshold is multiplied by.
    static let maximumYoungPace = 16

    /// Collects the youngest generation less often while its collections find almost nothing
    /// (a program building a large structure that stays alive, such as an autograd graph: each
    /// young collection would only rescan live objects to promote them), and as often as
    /// configured again once they find garbage. The pace doubles when less than an eighth of the
    /// candidates were garbage and halves when at least half were; `gc.get_threshold()` still
    /// shows the configured threshold.
    private static func adaptYoungPace(candidates: Int, garbage: Int) {
        if garbage * 8 < candidates {
            young.pace = min(young.pace * 2, maximumYoungPace)
        } else if garbage * 2 >= candidates {
            young.pace = max(young.pace / 2, 1)
        }
    }

    /// Closes the generators in `garbage` and calls the `__del__` methods of its instances,
    /// emptying it first: afterwards nothing here holds them.
    private static func finalizeObjects(in garbage: inout [CollectableObject]) {
        let generators = garbage.filter(\.needsClosing)
        let instances = garbage.compactMap { $0 as? PyInstance }.filter(InstanceFinalizers.needsFinalizing)
        garbage = []
        for generator in generators { generator.closeAsGarbage() }
        for instance in instances { InstanceFinalizers.finalize(instance) }
    }

    /// The objects of `candidates` that nothing outside it can reach, and how many objects it has.
    private static func findGarbage(in candidates: Generation) -> (garbage: [CollectableObject], examined: Int) {
        markReachable(candidates)
        var garbage: [CollectableObject] = []
        var examined = 0
        candidates.forEach { candidate in
            examined += 1
            if candidate.gcRefs != reachable { garbage.append(candidate) }
            // The collection is over for it: it is no candidate of the next one until then.
            candidate.gcRefs = PyObject.notCandidate
        }
        return (garbage, examined)
    }

    /// `gcRefs` of a candidate found reachable from outside.
    private static let reachable: Int32 = -1

    /// Steps 1 to 4 of the type's comment, CPython's way: each candidate's `gcRefs` starts as
    /// its reference count, loses one per reference from a candidate, and ends as `reachable`
    /// when something outside the candidates reaches it. Every other object's `gcRefs` is
    /// `notCandidate`, and the candidates' are 0 or more until marked `reachable`.
    private static func markReachable(_ candidates: Generation) {
        candidates.forEach { $0.makeStorageUnique() }
        setReferenceCounts(candidates)
        candidates.forEach { $0.forEachReference { value in
            if case .object(let target) = value, target.gcRefs != PyObject.notCandidate { target.gcRefs -= 1 }
        } }
        var pending: [Unmanaged<CollectableObject>] = []
        candidates.forEachLink { link in
            let outside = link.withTracked { object in
                assert(object.gcRefs >= 0, "a reference was subtracted that the object does not have")
                guard object.gcRefs > 0 else { return false }
                object.gcRefs = reachable
                return true
            }
            if outside { pending.append(link) }
        }
        while let next = pending.popLast() {
            next.withTracked { $0.forEachReference { value in
                if case .object(let target) = value, target.gcRefs >= 0 {
                    target.gcRefs = reachable
                    // A candidate is a CollectableObject.
                    if let c = target as? CollectableObject { pending.append(.passUnretained(c)) }
                }
            } }
        }
    }

    /// Sets each candidate's `gcRefs` to its strong reference count. Kept apart so that nothing
    /// here holds a candidate: the counts are read through unretained pointers.
    @inline(never)
    private static func setReferenceCounts(_ candidates: Generation) {
        candidates.forEachLink { link in
            // Read before anything here takes a reference to the object. A count fits in 32
            // bits (it would take 2^31 references, 16 GB of them, to pass).
            let count = Int32(truncatingIfNeeded: swiftRetainCount(link.toOpaque()))
            link.withTracked { $0.gcRefs = count }
        }
    }

    /// Stops tracking the tuples among `candidates` that hold nothing trackable (CPython's
    /// `untrack_tuples`): a tuple cannot change, so one of numbers and strings can never be part
    /// of a cycle, and older generations need not hold it.
    private static func forgetAtomicTuples(in candidates: Generation) {
        candidates.forEach { if $0.holdsNothingTrackable { $0.untrack() } }
    }

    /// Whether `value` is or may become a tracked object (CPython's `_PyObject_GC_MAY_BE_TRACKED`).
    static func mayBeTracked(_ value: Value) -> Bool {
        guard case .object(let o) = value, let c = o as? CollectableObject else { return false }
        return c.isTracked || !(c is PyTuple)
    }

    /// Breaks the garbage's references to each other, then lets ARC free it all. What the garbage
    /// held goes through NestedRelease, so a long chain does not free itself recursively.
    private static func free(_ garbage: inout [CollectableObject]) {
        guard !garbage.isEmpty else { return }
        var released: [Value] = []
        // Room for the references of a typical garbage object and the object itself (an
        // instance's few attributes, a function's cells, a cell's value): the array is not copied
        // over and over as it grows.
        released.reserveCapacity(garbage.count * 4)
        for object in garbage { object.giveUpReferences(into: &released) }
        released.reserveCapacity(released.count + garbage.count)
        for object in garbage { released.append(.object(object)) }
        // The objects are freed by NestedRelease, not by whatever drops this array last.
        garbage = []
        NestedRelease.adopt(&released)
    }
}

/// The Swift runtime's strong reference count of a heap object, read without retaining it.
@_silgen_name("swift_retainCount")
private func swiftRetainCount(_ object: UnsafeMutableRawPointer) -> Int

extension Unmanaged where Instance == CollectableObject {
    /// Runs `body` on a registered object without retaining and releasing it around the call (the
    /// collector's loops visit every tracked object, and the pair would be a tenth of their
    /// cost). It is as safe as `takeUnretainedValue`: an object is registered only while alive
    /// (see CollectableObject), and no object is freed while the collector examines them. Debug
    /// builds check that the object is alive; gc_collect_every_allocation (a collection at every
    /// container made) and gc_del_cycles (`__del__` resurrecting garbage) exercise it there.
    @inline(__always)
    func withTracked<Result>(_ body: (CollectableObject) -> Result) -> Result {
        assert(swiftRetainCount(toOpaque()) > 0, "the collector visited a freed object")
        return _withUnsafeGuaranteedRef(body)
    }
}
