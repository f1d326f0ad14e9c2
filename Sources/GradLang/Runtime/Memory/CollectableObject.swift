/// A Python object that can hold other Python values and so be part of a reference cycle (lists,
/// tuples, dicts, sets, functions, cells, bound methods, dict views, exceptions, iterators). Making one registers it
/// with the cycle collector; its deinit removes it (garbage the collector frees leaves earlier,
/// all at once, while the collector still holds it).
///
/// The registry holds objects unretained (an `Unmanaged` per object), so that it adds nothing to
/// the reference counts the collector reads. That is safe because an object is in the registry
/// only while it is alive: it enters at the end of its init and leaves at the latest at the start
/// of its deinit, before any of its stored properties are released. Swift runs a subclass's deinit body
/// before this class's, so a subclass whose deinit body does work (releasing its items through
/// NestedRelease, which may free other objects) calls `untrack()` first; the deinit here then
/// finds it untracked. Debug builds check that every removal takes out the object itself.
public class CollectableObject: PyObject {
    public override init() {
        super.init()
        CycleCollector.track(self)
    }

    deinit {
        untrack()
        CycleCollector.countDeath()
    }

    /// Calls `visit` with each value this object holds a strong reference to, once per reference
    /// (CPython's tp_traverse). Each kind of container overrides it; CycleTraversal says why
    /// what they visit is enough.
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
    func untrack() {
        if isTracked { CycleCollector.untrack(self) }
    }
}
