import GradTensor

/// The `weakref` references to each object, by the object's identity (CPython keeps them in a
/// list inside the object; grad keeps them here, and an object only carries the flag saying it
/// has some: PyObject.isWeaklyReferenced, Tensor.isWeaklyReferenced).
///
/// An object's death is reported from its deinit. Swift cannot run Python code there, so the
/// callbacks of its references wait in the finalizer queue (GeneratorFinalizers) for the next
/// safe point: after the statement that freed the object, as CPython calls them at the free.
/// By then each reference already answers None, as in CPython.
enum WeakReferences {
    /// A reference held weakly: a reference dying before its object is not called back, and
    /// leaves its entry (see `forget`).
    private final class Entry {
        weak var reference: PyWeakRef?
        init(_ reference: PyWeakRef) { self.reference = reference }
    }

    /// grad runs Python on one thread at a time (see Interpreter), the only one that frees objects.
    nonisolated(unsafe) private static var byReferent: [ObjectIdentifier: [Entry]] = [:]

    /// Installs the tensor library's death report (each time the `weakref` module is made, before
    /// any tensor can be weakly referenced; the report is the same each time).
    static func observeTensors() {
        Tensor.weaklyReferencedTensorDied = referentDied
    }

    /// The live references to the object `id` names, in CPython's order: those without a
    /// callback first, then the others, newest first.
    static func references(to id: ObjectIdentifier) -> [PyWeakRef] {
        byReferent[id]?.compactMap(\.reference) ?? []
    }

    /// Records `reference` as one to the object `id` names.
    static func add(_ reference: PyWeakRef, to id: ObjectIdentifier) {
        var entries = byReferent[id] ?? []
        let firstWithCallback = entries.firstIndex { $0.reference?.callback != nil } ?? entries.endIndex
        entries.insert(Entry(reference), at: reference.callback == nil ? 0 : firstWithCallback)
        byReferent[id] = entries
    }

    /// Drops the entries of references that died, from the list of the object `id` names (a
    /// reference's deinit asks this; the object may have died first and taken its list).
    static func forget(deadReferencesTo id: ObjectIdentifier) {
        guard var entries = byReferent[id] else { return }
        entries.removeAll { $0.reference == nil }
        byReferent[id] = entries.isEmpty ? nil : entries
    }

    /// From the deinit of a weakly referenced object: its list goes, and the callbacks of its
    /// references wait for the next safe point, in the list's order (CPython's).
    static func referentDied(_ id: ObjectIdentifier) {
        guard let entries = byReferent.removeValue(forKey: id) else { return }
        for entry in entries {
            guard let reference = entry.reference, reference.callback != nil else { continue }
            GeneratorFinalizers.defer(.weakReferenceCallback(reference))
        }
    }
}
