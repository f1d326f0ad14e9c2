import XCTest
@testable import GradLang

/// The cycle collector (Runtime/Memory): cycles made by scripts are freed, and what is still
/// reachable, however it is held (a buffer shared by copy-on-write, a Swift local, an older
/// generation, an opaque closure), is never cleared. The Python-visible side (`gc`, and the
/// sharing cases as scripts) is in the golden scripts gc_* and val_gc_*.
final class CycleCollectorTests: XCTestCase {
    override func tearDown() {
        CycleCollector.isEnabled = true
        for (g, threshold) in [700, 10, 10].enumerated() { CycleCollector.generations[g].threshold = threshold }
        super.tearDown()
    }

    /// Runs a script on the program stack and returns what it printed.
    private func run(_ source: String) throws -> String {
        final class Output { var text = "" }
        let output = Output()
        let failure: ProgramError? = LargeStack.run(stackSize: LargeStack.programSize) {
            let interpreter = Interpreter(writeOutput: { output.text += $0 })
            do throws(ProgramError) {
                try interpreter.run(source: source, filename: "cycles.grad", in: Globals())
                return nil
            } catch {
                return error
            }
        }
        if let failure { XCTFail("\(failure)") }
        return output.text
    }

    private func collectAll() { CycleCollector.collect(generation: CycleCollector.oldest) }

    /// The three cycles of issue 14, made 20,000 times each by a script: after a full collection
    /// no more objects are tracked than before it ran.
    func testCyclesMadeByAScriptAreFreed() throws {
        collectAll()
        let before = CycleCollector.trackedCount
        _ = try run("""
        def work(n):
            def helper(k):
                return 0 if k == 0 else helper(k - 1)
            a = []
            a.append(a)
            d1 = {}
            d2 = {"other": d1}
            d1["other"] = d2
            s = [1, 2]
            s.append(s.append)
            v = {}
            v["keys"] = v.keys()
            return helper(n)
        for i in range(20000):
            work(3)
        """)
        collectAll()
        XCTAssertLessThanOrEqual(CycleCollector.trackedCount, before)
    }

    /// Collection by allocation count alone (no `gc.collect()`) keeps the tracked objects bounded.
    func testCollectionByAllocationKeepsTrackedObjectsBounded() throws {
        collectAll()
        let before = CycleCollector.trackedCount
        let output = try run("""
        import gc
        def work():
            a = [1, 2]
            a.append(a)
        for i in range(50000):
            work()
        print(gc.isenabled())
        """)
        XCTAssertEqual(output, "True\n")
        // Made 50,000 lists; at most a few generations' worth may wait for the next collection.
        XCTAssertLessThan(CycleCollector.trackedCount - before, 20_000)
    }

    /// Cycles through iterators that read other objects (a list holding a `map` or `zip` over
    /// itself, a dict holding its own key iterator, a set's iterator kept beside it), made 20,000
    /// times each and collected by allocation count: none is left behind.
    func testCyclesThroughIteratorsAreFreed() throws {
        collectAll()
        let before = CycleCollector.trackedCount
        _ = try run("""
        def work(i):
            l = [i]
            l.append(map(str, l))
            l.append(zip(l, filter(None, l), enumerate(l)))
            d = {"it": None}
            d["it"] = iter(d.items())
            s = {i}
            d["set"] = [s, iter(s), d]
        for i in range(20000):
            work(i)
        """)
        collectAll()
        XCTAssertLessThanOrEqual(CycleCollector.trackedCount, before)
    }

    func testDisabledCollectorStillCollectsOnRequest() throws {
        collectAll()
        let before = CycleCollector.trackedCount
        let output = try run("""
        import gc
        gc.disable()
        for i in range(3000):
            a = []
            a.append(a)
        del a
        print(gc.isenabled(), gc.collect() >= 3000)
        gc.enable()
        """)
        XCTAssertEqual(output, "False True\n")
        XCTAssertLessThanOrEqual(CycleCollector.trackedCount, before)
    }

    /// A cycle made from Swift: freed by a collection, and only then.
    func testSelfReferencingListIsFreed() {
        weak var freed: PyList?
        do {
            let list = PyList([.int(1)])
            list.items.append(.object(list))
            freed = list
        }
        XCTAssertNotNil(freed, "ARC alone cannot free a cycle")
        collectAll()
        XCTAssertNil(freed)
    }

    /// A builtin holding a list's buffer (a local copy: `let items = list.items`) while a
    /// collection runs: the list is otherwise garbage, but what the buffer holds is still in use,
    /// and must not be emptied. Without making the list's own buffer unique first, the buffer's
    /// one reference to each element would be subtracted as the list's, and the elements cleared.
    func testBufferSharedWithASwiftLocalKeepsItsElements() throws {
        var snapshot: [Value] = []
        weak var freedList: PyList?
        do {
            let inner = PyList([.int(42)])
            let list = PyList([.object(inner)])
            list.items.append(.object(list))
            snapshot = list.items
            freedList = list
        }
        collectAll()
        if case .object(let inner as PyList) = snapshot[0], case .object(let list as PyList) = snapshot[1] {
            XCTAssertEqual(inner.items.map(Repr.repr), ["42"])
            XCTAssertEqual(list.items.count, 2)
        } else {
            XCTFail("the snapshot changed")
        }
        snapshot = []
        collectAll()
        XCTAssertNil(freedList)
    }

    /// Two lists sharing one buffer (`list(a)` copies lazily), all garbage: the buffer's
    /// references are counted once for each list holding them (debug builds would stop at a
    /// negative count otherwise), and everything is freed.
    func testListsSharingABufferAreCountedOnce() {
        weak var first: PyList?, second: PyList?, third: PyList?
        do {
            let a = PyList([])
            a.items = [.object(a), .object(PyList([.int(1)]))]
            let c = PyList(a.items)
            let b = PyList([.object(a), .object(c)])
            b.items.append(.object(b))
            (first, second, third) = (a, c, b)
        }
        collectAll()
        XCTAssertNil(first)
        XCTAssertNil(second)
        XCTAssertNil(third)
    }

    /// A tuple sharing a list's buffer (`tuple(a)`), the tuple alive and the list not otherwise:
    /// the list is reachable through the tuple and keeps its contents.
    func testTupleSharingAGarbageListsBufferKeepsItAlive() throws {
        let output = try run("""
        import gc
        a = [[1], [2]]
        a.append(a)
        t = tuple(a)
        del a
        gc.collect()
        print(t[0], t[1], t[2][2] is t[2], len(t[2]))
        """)
        XCTAssertEqual(output, "[1] [2] True 3\n")
    }

    /// A function's spare frame shares its closure cells' array: a recursive inner function that
    /// was called is still collected (the frame's copy is counted as the function's own).
    func testRecursiveInnerFunctionThatRanIsFreed() throws {
        collectAll()
        let before = CycleCollector.trackedCount
        _ = try run("""
        def outer():
            def helper(k):
                return k if k < 1 else helper(k - 1)
            return helper(5) + helper(3)
        for i in range(1000):
            outer()
        """)
        collectAll()
        XCTAssertLessThanOrEqual(CycleCollector.trackedCount, before)
    }

    /// An older object referenced only by young garbage dies while the collector frees the
    /// garbage: the registry stays consistent (debug builds check each removal) and counts it.
    func testObjectDyingDuringCollectionLeavesTheRegistryConsistent() {
        weak var old: PyList?
        weak var young: PyList?
        do {
            let survivor = PyList([.int(7)])
            old = survivor
            collectAll()  // survivor is now in the oldest generation
            let oldest = CycleCollector.generations[CycleCollector.oldest].objects
            XCTAssertTrue(oldest.contains { $0.toOpaque() == Unmanaged.passUnretained(survivor).toOpaque() })
            let cycle = PyList([.object(survivor)])
            cycle.items.append(.object(cycle))
            young = cycle
        }
        XCTAssertNotNil(old)
        let before = CycleCollector.trackedCount
        CycleCollector.collect(generation: 0)
        XCTAssertNil(young)
        XCTAssertNil(old)
        XCTAssertEqual(CycleCollector.trackedCount, before - 2)
        // Each generation's list links back and forth: each object is its successor's predecessor.
        for generation in CycleCollector.generations {
            let objects = generation.objects
            for (object, successor) in zip(objects, objects.dropFirst()) {
                successor._withUnsafeGuaranteedRef {
                    XCTAssertEqual($0.gcPrevious?.toOpaque(), object.toOpaque())
                }
            }
        }
    }

    /// A 100,000-long cycle of lists, and one of functions and cells, is freed without
    /// recursing once per link (on the test thread's ordinary stack).
    func testLongCyclicChainsAreFreedWithoutDeepRecursion() throws {
        weak var first: PyList?
        do {
            let head = PyList([])
            var link = head
            for _ in 0..<100_000 {
                let next = PyList([])
                link.items.append(.object(next))
                link = next
            }
            link.items.append(.object(head))
            first = head
        }
        collectAll()
        XCTAssertNil(first)

        collectAll()
        let before = CycleCollector.trackedCount
        _ = try run("""
        def chain(n):
            def f0():
                return 0
            f = f0
            for i in range(n):
                f = (lambda g: lambda: g)(f)
            return f
        head = chain(100000)
        cell_of_head = [head]
        head_list = [cell_of_head]
        cell_of_head.append(head_list)
        del head, cell_of_head, head_list
        """)
        collectAll()
        XCTAssertLessThanOrEqual(CycleCollector.trackedCount, before)
    }

    /// Tuples of numbers and strings stop being tracked once a collection sees them.
    func testTuplesOfAtomsAreUntracked() {
        let atoms = PyTuple([.int(1), .str("a")])
        let holder = PyTuple([.object(PyList([]))])
        XCTAssertTrue(atoms.isTracked)
        CycleCollector.collect(generation: 0)
        XCTAssertFalse(atoms.isTracked)
        XCTAssertTrue(holder.isTracked)
    }
}
