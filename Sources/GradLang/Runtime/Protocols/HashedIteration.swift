/// CPython's dict and set iterators (dictiter_iternextkey, dictreviter_iternext,
/// setiter_iternext): they walk the container's slots as they are at each step, so a value
/// assigned in the loop is seen, and refuse to go on once the size has changed (or, for a dict,
/// once its keys changed under an unchanged size). The first refusal sticks, as in CPython.
/// Each iterator holds its container where the cycle collector sees it (a dict may hold its own
/// iterator).
enum HashedIteration {
    /// `iter(d)`, `iter(d.values())`, ...: `element` makes what each step yields from an entry.
    static func forward(_ dict: PyDict, name: String, _ element: @escaping (Value, Value) -> Value) -> PyIterator {
        var watch = SizeWatch(dict.count, "dictionary changed size during iteration")
        var remaining = dict.count, slot = 0, finished = false
        let iterator = PyIterator(name: name, holding: [.object(dict)], cpythonTuples: resultTuples(name)) { held in
            guard !finished, let dict = container(held, as: PyDict.self) else { return nil }
            try watch.check(dict.count)
            while slot < dict.slotCount, dict.entry(atSlot: slot) == nil { slot += 1 }
            guard let entry = dict.entry(atSlot: slot) else {
                finished = true
                return nil
            }
            guard remaining > 0 else {
                finished = true
                throw PyError.runtime("dictionary keys changed during iteration")
            }
            slot += 1
            remaining -= 1
            return element(entry.key, entry.value)
        }
        iterator.lengthHint = { iterator in
            guard !finished, let dict = container(iterator.held, as: PyDict.self) else { return .int(0) }
            return .int(dict.count == watch.size ? remaining : 0)
        }
        return iterator
    }

    /// `reversed(d)` and `reversed(d.items())`: from the last slot down.
    static func backward(_ dict: PyDict, name: String, _ element: @escaping (Value, Value) -> Value) -> PyIterator {
        var watch = SizeWatch(dict.count, "dictionary changed size during iteration")
        var remaining = dict.count, slot = dict.slotCount - 1, finished = false
        let iterator = PyIterator(name: name, holding: [.object(dict)], cpythonTuples: resultTuples(name)) { held in
            guard !finished, let dict = container(held, as: PyDict.self) else { return nil }
            try watch.check(dict.count)
            while slot >= 0, dict.entry(atSlot: slot) == nil { slot -= 1 }
            guard slot >= 0, let entry = dict.entry(atSlot: slot) else {
                finished = true
                return nil
            }
            slot -= 1
            remaining -= 1
            return element(entry.key, entry.value)
        }
        iterator.lengthHint = { iterator in
            guard !finished, let dict = container(iterator.held, as: PyDict.self) else { return .int(0) }
            return .int(dict.count == watch.size ? remaining : 0)
        }
        return iterator
    }

    /// `iter(s)`: the hash table's slots in order.
    static func forward(_ set: PySet) -> PyIterator {
        var watch = SizeWatch(set.count, "Set changed size during iteration")
        var remaining = set.count, slot = 0, finished = false
        let iterator = PyIterator(name: "set_iterator", holding: [.object(set)]) { held in
            guard !finished, let set = container(held, as: PySet.self) else { return nil }
            try watch.check(set.count)
            while slot < set.slotCount, set.element(atSlot: slot) == nil { slot += 1 }
            guard let value = set.element(atSlot: slot) else {
                finished = true
                return nil
            }
            slot += 1
            remaining -= 1
            return value
        }
        iterator.lengthHint = { iterator in
            guard !finished, let set = container(iterator.held, as: PySet.self) else { return .int(0) }
            return .int(set.count == watch.size ? remaining : 0)
        }
        return iterator
    }

    /// CPython's item iterators (`dict_itemiterator`, `dict_reverseitemiterator`) keep a result
    /// tuple to reuse, which `gc.collect()` counts with them.
    private static func resultTuples(_ name: String) -> Int { name.hasSuffix("itemiterator") ? 1 : 0 }

    /// The container an iterator holds.
    @inline(__always)
    private static func container<T: PyObject>(_ held: [Value], as type: T.Type) -> T? {
        guard case .object(let o as T)? = held.first else { return nil }
        return o
    }

    /// The size an iterator started with, and the refusal once it differs, which sticks.
    private struct SizeWatch {
        let size: Int
        let message: String
        private var refused = false

        init(_ size: Int, _ message: String) {
            self.size = size
            self.message = message
        }

        mutating func check(_ count: Int) throws {
            if refused || count != size {
                refused = true
                throw PyError.runtime(message)
            }
        }
    }
}
