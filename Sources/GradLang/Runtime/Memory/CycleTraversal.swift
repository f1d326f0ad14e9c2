/// What the cycle collector needs of each kind of container: its references to other Python
/// values, where they are stored, and how to drop them.
///
/// The storage argument, type by type (CycleCollector's step 1): every Swift array or dictionary
/// that holds a container's references is made unique before the collector counts, so that a
/// buffer shared by copy-on-write (`b = a[:]`, `list(a)`, `tuple(a)`, a builtin's local copy) is
/// not counted as one reference from each of its holders. The holders other than the container
/// (a Swift local, an iterator) keep the old buffer, whose references then count as coming from
/// outside, which they are.
/// - list: `items`.
/// - tuple: `items`.
/// - dict: `slots` (key and value of each entry). Its index holds hash keys, which keep no object
///   alive (an object key is there by identity).
/// - set: its element table, and its member dict (an object of its own, tracked and counted as
///   any other; the set holds it by a stored reference).
/// - cell: its value (no buffer).
/// - function: its closure cells and its defaults. The frame it keeps for its next call shares
///   the closure's buffer; it is dropped (the next call makes a new one), so that no holder of
///   the buffer is left uncounted. A frame of a call in progress may share it too: that buffer
///   then counts as outside, and the function is referenced by its caller anyway. Its compiled
///   body is a Swift closure: the constants and globals it holds are not traversed, so they count
///   as referenced from outside.
/// - bound method: its receiver (its function is a builtin, which holds no Python values).
/// - dict view: its dict.
/// - generator: its frame's slots (locals, and the statements' progress: a `yield from`'s
///   sub-iterator), its cells, the value passing through the frame, and the generator it delegates
///   to. The cell list may share the closure's buffer, like a function's. Suspended garbage
///   generators are closed before anything is cleared (CycleCollector).
/// Other objects (iterators, modules, exceptions, builtins) are not tracked: what they hold is
/// reachable from outside as far as the collector knows, which may leak a cycle through them but
/// never frees a live object.
///
/// Each buffer is taken out of its object, made unique as a local and put back, rather than
/// mutated in place: an in-place mutating call on a stored property is an access spanning a call,
/// and one such access makes the optimizer check every access to that property at run time.
///
/// Only lists, dicts, sets, cells and generators (whose frames change as they run) are cleared:
/// they are the only containers whose references change after they are made. A tuple, function,
/// bound method or view refers only to objects that existed when it was made, so every cycle
/// passes through at least one of the five, and once the garbage's lists, dicts, sets, cells and
/// generator frames are empty, what remains of it refers only to older objects: ARC frees it all.
extension CollectableObject {
    /// Gives each buffer holding this object's references no other holder (copying it if shared).
    func makeStorageUnique() {
        switch self {
        case let list as PyList:
            var items = list.items
            list.items = []
            items.makeUnique()
            list.items = items
        case let tuple as PyTuple:
            var items = tuple.items
            tuple.items = []
            items.makeUnique()
            tuple.items = items
        case let dict as PyDict:
            var slots = dict.slots
            dict.slots = []
            slots.makeUnique()
            dict.slots = slots
        case let set as PySet: set.table.makeStorageUnique()
        case let function as PyFunction:
            function.spareFrame = nil
            var closure = function.closure
            function.closure = []
            closure.makeUnique()
            function.closure = closure
            var defaults = function.defaults
            function.defaults = [:]
            // A no-op for a dictionary with no other holder; a copy otherwise.
            if !defaults.isEmpty { defaults.reserveCapacity(defaults.count) }
            function.defaults = defaults
        case let generator as PyGeneratorObject: generator.makeFrameStorageUnique()
        default: break
        }
    }

    /// Calls `visit` with each value this object holds a strong reference to, once per reference.
    func forEachReference(_ visit: (Value) -> Void) {
        switch self {
        case let list as PyList: list.items.forEach(visit)
        case let tuple as PyTuple: tuple.items.forEach(visit)
        case let dict as PyDict:
            for case let entry? in dict.slots {
                visit(entry.key)
                visit(entry.value)
            }
        case let set as PySet:
            visit(.object(set.dict))
            set.table.values.forEach(visit)
        case let cell as PyCell: if let value = cell.value { visit(value) }
        case let function as PyFunction:
            for cell in function.closure { visit(.object(cell)) }
            function.defaults.values.forEach(visit)
        case let method as PyBoundMethod: visit(method.receiver)
        case let view as PyDictView: visit(.object(view.dict))
        case let generator as PyGeneratorObject: generator.forEachFrameReference(visit)
        default: break
        }
    }

    /// Drops this object's references if it is a list, dict, set, cell or generator (it is garbage),
    /// appending them to `released`, which the collector frees once every garbage object has
    /// given up its own.
    func giveUpReferences(into released: inout [Value]) {
        switch self {
        case let list as PyList:
            released += list.items
            list.items = []
        case let dict as PyDict:
            for (key, value) in dict.entries { released += [key, value] }
            dict.removeAll()
        case let set as PySet:
            released += set.items
            set.removeAll()
        case let cell as PyCell:
            if let value = cell.value { released.append(value) }
            cell.value = nil
        case let generator as PyGeneratorObject: generator.giveUpFrame(into: &released)
        default: break
        }
    }
}

extension Array {
    /// Copies the buffer if another array shares it (what a mutation would do first). An empty
    /// array holds no references, and is left sharing the empty singleton.
    mutating func makeUnique() {
        if !isEmpty { reserveCapacity(count) }
    }
}
