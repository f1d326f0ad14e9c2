/// A Python object that can hold other Python values and so be part of a reference cycle (lists,
/// tuples, dicts, sets, functions, cells, bound methods, dict views, exceptions, iterators). Making one registers it
/// with the cycle collector; its deinit removes it.
///
/// The registry holds objects unretained (an `Unmanaged` per object), so that it adds nothing to
/// the reference counts the collector reads. That is safe because an object is in the registry
/// only while it is alive: it enters at the end of its init and leaves at the start of its
/// deinit, before any of its stored properties are released. Swift runs a subclass's deinit body
/// before this class's, so a subclass whose deinit body does work (releasing its items through
/// NestedRelease, which may free other objects) calls `untrack()` first; the deinit here then
/// finds it untracked. Debug builds check that every removal takes out the object itself.
public class CollectableObject: PyObject {
    /// The generation the object is in, while tracked.
    var gcGeneration = 0
    /// The object's position in its generation's list, or `untrackedIndex` once removed (by its
    /// deinit, or by the collector from a tuple that can never be part of a cycle).
    var gcIndex = CollectableObject.untrackedIndex
    static let untrackedIndex = -1

    public override init() {
        super.init()
        CycleCollector.track(self)
    }

    deinit {
        untrack()
        CycleCollector.countDeath()
    }

    var isTracked: Bool { gcIndex != CollectableObject.untrackedIndex }

    /// Leaves the registry, if still in it: first in the deinit body of a subclass that has one.
    func untrack() {
        if isTracked { CycleCollector.untrack(self) }
    }
}
