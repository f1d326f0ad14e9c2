/// What the cycle collector needs of each kind of container: its references to other Python
/// values, where they are stored, and how to drop them.
///
/// The storage argument, type by type (CycleCollector's step 1): every Swift array or dictionary
/// that holds a container's references is made unique before the collector counts, so that a
/// buffer shared by copy-on-write (`b = a[:]`, `list(a)`, a `for` loop's or a builtin's local copy,
/// a function's spare frame) is not counted as one reference from each of its holders. The
/// holders other than the container (a Swift local, an iterator) keep the old buffer, whose
/// references then count as coming from outside, which they are.
/// - list: `items`.
/// - tuple: `items`.
/// - dict: `slots` (key and value of each entry). Its index holds hash keys, which keep no object
///   alive (an object key is there by identity).
/// - set: its element table, and its member dict (an object of its own, tracked and counted as
///   any other; the set holds it by a stored reference).
/// - cell: its value.
/// - function: its closure cells, its defaults, and the cells of the spare frame it keeps for its
///   next call (whose locals are empty). Its compiled body is a Swift closure: the constants and
///   globals it holds are not traversed, so they count as referenced from outside.
/// - bound method: its receiver (its function is a builtin, which holds no Python values).
/// - dict view: its dict (nothing to clear: clearing the dict breaks any cycle through a view).
/// Other objects (iterators, modules, exceptions, builtins) are not tracked: what they hold is
/// reachable from outside as far as the collector knows, which may leak a cycle through them but
/// never frees a live object.
extension CollectableObject {
    /// Gives each buffer holding this object's references no other holder (copying it if shared).
    func makeStorageUnique() {
        switch self {
        case let list as PyList: list.items.makeUnique()
        case let tuple as PyTuple: tuple.items.makeUnique()
        case let dict as PyDict: dict.slots.makeUnique()
        case let set as PySet: set.table.makeStorageUnique()
        case let function as PyFunction:
            function.closure.makeUnique()
            function.spareFrame?.cells.makeUnique()
            // A no-op for a dictionary with no other holder; a copy otherwise.
            if !function.defaults.isEmpty { function.defaults.reserveCapacity(function.defaults.count) }
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
            for cell in function.spareFrame?.cells ?? [] { visit(.object(cell)) }
            function.defaults.values.forEach(visit)
        case let method as PyBoundMethod: visit(method.receiver)
        case let view as PyDictView: visit(.object(view.dict))
        default: break
        }
    }

    /// Drops this object's references (it is garbage), appending them to `released`, which the
    /// collector frees once every garbage object has given up its own.
    func giveUpReferences(into released: inout [Value]) {
        switch self {
        case let list as PyList:
            released += list.items
            list.items = []
        case let tuple as PyTuple:
            released += tuple.items
            tuple.items = []
        case let dict as PyDict:
            for (key, value) in dict.entries { released += [key, value] }
            dict.removeAll()
        case let set as PySet:
            released += set.items
            set.removeAll()
        case let cell as PyCell:
            if let value = cell.value { released.append(value) }
            cell.value = nil
        case let function as PyFunction:
            released += function.closure.map { .object($0) } + function.defaults.values
            released += (function.spareFrame?.cells ?? []).map { .object($0) }
            function.closure = []
            function.defaults = [:]
            function.spareFrame = nil
        case let method as PyBoundMethod:
            released.append(method.receiver)
            method.receiver = .none
        default: break
        }
    }
}

extension Array {
    /// Copies the buffer if another array shares it (a mutating access does that; this one
    /// changes nothing else). An empty array holds no references, and is left sharing the empty
    /// singleton rather than given a buffer of its own.
    mutating func makeUnique() {
        if !isEmpty { withUnsafeMutableBufferPointer { _ in } }
    }
}
