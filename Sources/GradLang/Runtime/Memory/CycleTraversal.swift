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
/// - dict: `slots` (key and value of each entry), and the instance whose `__dict__` it is. Its
///   index holds hash keys, which keep no object alive (an object key is there by identity).
/// - set: its element table, and its member dict (an object of its own, tracked and counted as
///   any other; the set holds it by a stored reference).
/// - cell: its value (no buffer).
/// - function: its closure cells, its defaults and the attributes set on it. The frame it keeps
///   for its next call shares the closure's buffer; it is dropped (the next call makes a new
///   one), so that no holder of the buffer is left uncounted. A frame of a call in progress may share it too: that buffer
///   then counts as outside, and the function is referenced by its caller anyway. Its compiled
///   body is a Swift closure: the constants and globals it holds are not traversed, so they count
///   as referenced from outside.
/// - bound method: its receiver (its function is a builtin, which holds no Python values).
/// - dict view: its dict.
/// - instance of a user class: its attribute slots (an exception also its `args`), and the list or
///   dict that holds its contents if its class extends one (set when it is made).
/// - class: its namespace (its bases and order are classes that exist independently of it, held
///   as Swift references and not counted: they count as referenced from outside).
/// - method, property, staticmethod, classmethod, super: the values they wrap.
/// - iterator: the list or tuple it reads (`source`; no buffer). Other iterators keep what they
///   read inside Swift closures, which are not traversed: it counts as referenced from outside.
/// - generator: its frame's slots (locals, and the statements' progress: a `yield from`'s
///   sub-iterator), its cells, the value passing through the frame, and the generator it delegates
///   to. The cell list may share the closure's buffer, like a function's. Suspended garbage
///   generators are closed before anything is cleared (CycleCollector).
/// Other objects (modules, builtins) are not tracked: what they hold is reachable from outside as
/// far as the collector knows, which may leak a cycle through them but never frees a live object.
/// (A module lives in the interpreter's module table for good, as in CPython's `sys.modules`.)
///
/// Each buffer is taken out of its object, made unique as a local and put back, rather than
/// mutated in place: an in-place mutating call on a stored property is an access spanning a call,
/// and one such access makes the optimizer check every access to that property at run time.
///
/// Only lists, dicts, sets, cells, instances (exceptions included), classes, the attributes set
/// on functions and generators (whose frames change as they run) are cleared: they are the only
/// references that change after their holder is made (an iterator only drops its source). A
/// tuple, a function's closure and defaults, a bound method, a view or an iterator refers only to
/// objects that existed when it was made, so every cycle passes through at least one of those
/// that are cleared, and once the garbage's are emptied, what remains of it refers only to older
/// objects: ARC frees it all.
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
            defaults.makeUnique()
            function.defaults = defaults
            var attributes = function.attributes
            function.attributes = [:]
            attributes.makeUnique()
            function.attributes = attributes
        case let instance as PyInstance:
            var slots = instance.slots
            instance.slots = []
            slots.makeUnique()
            instance.slots = slots
            if let e = instance as? PyExceptionObject {
                var args = e.args
                e.args = []
                args.makeUnique()
                e.args = args
            }
        case let cls as PyClass: cls.makeNamespaceUnique()
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
            if let owner = dict.attributeOwner { visit(.object(owner)) }
        case let set as PySet:
            visit(.object(set.dict))
            set.table.values.forEach(visit)
        case let cell as PyCell: if let value = cell.value { visit(value) }
        case let function as PyFunction:
            for cell in function.closure { visit(.object(cell)) }
            function.defaults.values.forEach(visit)
            function.attributes.values.forEach(visit)
        case let method as PyBoundMethod: visit(method.receiver)
        case let view as PyDictView: visit(.object(view.dict))
        case let instance as PyInstance:
            for case let value? in instance.slots { visit(value) }
            if let native = instance.native { visit(.object(native)) }
            if let e = instance as? PyExceptionObject { e.args.forEach(visit) }
        case let cls as PyClass: cls.namespace.values.values.forEach(visit)
        case let method as PyMethod:
            visit(method.function)
            visit(method.receiver)
        case let property as PyProperty:
            for case let accessor? in [property.getter, property.setter, property.deleter] { visit(accessor) }
            visit(property.doc)
        case let s as PyStaticMethod: visit(s.function)
        case let c as PyClassMethod: visit(c.function)
        case let s as PySuper: visit(s.receiver)
        case let iterator as PyIterator: if let source = iterator.source { visit(source) }
        case let generator as PyGeneratorObject: generator.forEachFrameReference(visit)
        default: break
        }
    }

    /// How many objects CPython would free along with this one that grad does not make: an
    /// exception's non-empty args are a tuple object there (tracked, so counted by
    /// `gc.collect()`), a Swift array here.
    var untrackedCompanions: Int {
        if let exception = self as? PyExceptionObject, !exception.args.isEmpty { return 1 }
        return 0
    }

    /// Drops this object's references if it is one of those cleared (see above; it is garbage),
    /// appending them to `released`, which the collector frees once every garbage object has
    /// given up its own.
    func giveUpReferences(into released: inout [Value]) {
        switch self {
        case let list as PyList:
            released += list.items
            list.items = []
        case let dict as PyDict:
            for (key, value) in dict.entries { released += [key, value] }
            // Dropped first: emptying the dict must not delete the attributes of its instance.
            if let owner = dict.attributeOwner { released.append(.object(owner)) }
            dict.attributeOwner = nil
            dict.removeAll()
        case let set as PySet:
            released += set.items
            set.removeAll()
        case let cell as PyCell:
            if let value = cell.value { released.append(value) }
            cell.value = nil
        case let instance as PyInstance:
            released += instance.slots.compactMap { $0 }
            instance.slots = []
            if let e = instance as? PyExceptionObject {
                released += e.args
                e.args = []
            }
        case let cls as PyClass: released += cls.clearNamespace()
        case let function as PyFunction:
            released += function.attributes.values
            function.attributes = [:]
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

extension Dictionary {
    /// Copies the storage if another dictionary shares it; a no-op for one with no other holder.
    mutating func makeUnique() {
        if !isEmpty { reserveCapacity(count) }
    }
}
