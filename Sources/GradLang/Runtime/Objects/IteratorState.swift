/// The Python values a built-in iterator changes as it runs (`cycle`'s saved elements,
/// `accumulate`'s total, `chain`'s current iterable, what `tee`'s copies share), in an object of
/// their own that the iterator holds in `held` rather than in its closure: the cycle collector
/// sees them there, and clears them when the state is garbage (a cycle can pass through a value
/// stored after the iterator was made, such as `cycle` saving itself). Invisible to Python.
final class IteratorState: CollectableObject {
    var values: [Value]
    /// Whether CPython has a tracked object for this state (`cycle`'s saved list, `tee`'s data
    /// object), which `gc.collect()` counts; other states are fields of the iterator there.
    private let countedByCPython: Bool

    init(_ values: [Value] = [], countedByCPython: Bool = false) {
        self.values = values
        self.countedByCPython = countedByCPython
    }

    deinit {
        untrack()
        NestedRelease.adopt(&values)
    }

    override func forEachReference(_ visit: (Value) -> Void) { values.forEach(visit) }
    override func makeStorageUnique() {
        makeUniqueStorage({ self.values }, { self.values = $0 })
    }
    override func giveUpReferences(into released: inout [Value]) {
        released += values
        values = []
    }
    override var uncountedCompanions: Int { countedByCPython ? 0 : -1 }
}

/// The running part of a built-in iterator whose state changes as it runs, as a tracked object
/// the iterator holds (`PyIterator(name:body:)`): its `next` reads and changes that state as
/// its own properties, which the cycle collector traverses and clears through the overrides of
/// each subclass. For the hot iterators (a generator expression), where reading state through
/// `held` would cost a cast per element.
class IteratorBody: CollectableObject {
    func next() throws -> Value? { nil }
}

extension Value {
    /// The object this value is if it is a `T`: how an iterator's `next` reads what it holds.
    @inline(__always)
    func object<T: PyObject>(as type: T.Type) -> T? {
        guard case .object(let o as T) = self else { return nil }
        return o
    }
}
