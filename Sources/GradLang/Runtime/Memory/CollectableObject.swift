/// A Python object that can hold other Python values and so be part of a reference cycle (lists,
/// tuples, dicts, sets, functions, cells, bound methods, dict views, exceptions, iterators). Making one registers it
/// with the cycle collector; its deinit removes it (garbage the collector frees leaves earlier,
/// while the collector still holds it).
///
/// The registry is intrusive, as CPython's: each generation is a doubly linked list through the
/// objects' own `gcPrevious` and `gcNext`, so that joining and leaving are a few pointer writes.
/// The links are unretained (`Unmanaged`), so that they add nothing to the reference counts the
/// collector reads. That is safe because an object is in a list only while it is alive: it
/// enters at the end of its init and leaves at the latest at the start of its deinit, before any
/// of its stored properties are released, and each list's head is a static that never dies; so
/// every link in a list points at a live object. Swift runs a subclass's deinit body before this
/// class's, so a subclass whose deinit body does work (releasing its items through NestedRelease,
/// which may free other objects) calls `untrack()` first; the deinit here then finds it untracked.
/// Debug builds check that each neighbour links back to the object leaving.
public class CollectableObject: PyObject {
    /// The objects before and after this one in its generation's list, while tracked (nil once
    /// untracked). Changed only by CycleCollector.
    final var gcPrevious: Unmanaged<CollectableObject>?
    final var gcNext: Unmanaged<CollectableObject>?

    /// A tracked object; or a generation's list head, never tracked, linked to itself while its
    /// list is empty. (One initializer with a default, so that subclasses call it implicitly.)
    init(isListHead: Bool = false) {
        super.init()
        if isListHead {
            gcPrevious = .passUnretained(self)
            gcNext = .passUnretained(self)
        } else {
            CycleCollector.track(self)
        }
    }

    deinit {
        untrack()
        CycleCollector.countDeath()
    }

    /// Whether the object is in one of the collector's generations.
    var isTracked: Bool { gcNext != nil }

    /// Calls `visit` with each value this object holds a strong reference to, once per reference
    /// (CPython's tp_traverse). Each kind of container overrides it; CycleTraversal says why
    /// what they visit is enough. `visit` must change no object's references (the collector's
    /// only count and mark; the others collect values into an array), so that an override may
    /// lend it a value it holds without retaining it.
    func forEachReference(_ visit: (Value) -> Void) {}

    /// Gives each buffer holding this object's references no other holder (copying it if shared).
    func makeStorageUnique() {}

    /// Drops this object's references if it is one of the kinds cleared (it is garbage),
    /// appending them to `released`, which the collector frees once every garbage object has
    /// given up its own (CPython's tp_clear).
    func giveUpReferences(into released: inout [Value]) {}

    /// How many objects CPython would free along with this one that grad does not make (tracked
    /// there, so counted by `gc.collect()`), less those grad makes that CPython does not.
    var uncountedCompanions: Int { 0 }

    /// A tuple of numbers and strings (never part of a cycle: the collector stops tracking it).
    var holdsNothingTrackable: Bool { false }

    /// A generator not finished, closed (`closeAsGarbage`) before the garbage it is part of is cleared.
    var needsClosing: Bool { false }

    /// Whether this garbage object runs code before the garbage is cleared: a generator that
    /// `needsClosing`, or an instance whose `__del__` has not run (InstanceFinalizers).
    var needsFinalizing: Bool { needsClosing }

    /// Closes this garbage object that `needsClosing`, as CPython finalizes a generator.
    func closeAsGarbage() {}

    /// Leaves the registry, if still in it: first in the deinit body of a subclass that has one.
    final func untrack() {
        CycleCollector.untrack(self)
    }
}
