import GradTensor

/// `Tensor.share_memory_()` and `Tensor.is_shared()`. PyTorch moves the storage into shared memory
/// for `torch.multiprocessing`'s worker processes; grad runs one process and has no
/// `torch.multiprocessing`, so the storage stays where it is and is only marked: `is_shared()` is
/// then true for the tensor and every tensor on its storage (views, `detach()`), as in PyTorch.
enum TorchSharedMemoryBindings {
    static var methods: [PyBuiltin] {
        [
            tensorMethod("share_memory_(self)") { t, _ in
                SharedStorages.mark(t.storage)
                return .tensor(t)
            },
            tensorMethod("is_shared(self)") { t, _ in .bool(SharedStorages.contains(t.storage)) },
        ]
    }
}

/// The storages marked shared, held weakly: a storage freed and another made at its address is not
/// taken for it.
private enum SharedStorages {
    private final class Entry {
        weak var storage: Storage?
        init(_ storage: Storage) { self.storage = storage }
    }

    nonisolated(unsafe) private static var entries: [ObjectIdentifier: Entry] = [:]

    static func mark(_ storage: Storage) {
        // Entries whose storage is gone are dropped as new ones come, so the table stays as large
        // as the number of live shared storages.
        entries = entries.filter { $0.value.storage != nil }
        entries[ObjectIdentifier(storage)] = Entry(storage)
    }

    static func contains(_ storage: Storage) -> Bool {
        entries[ObjectIdentifier(storage)]?.storage === storage
    }
}
