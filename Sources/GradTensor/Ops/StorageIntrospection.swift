/// What `data_ptr()` and `storage()` show of a tensor's memory.
extension Tensor {
    /// `data_ptr()`: the address of the first element this tensor sees (0 for an empty storage,
    /// as in PyTorch). Only its differences and equalities mean anything.
    public var dataAddress: Int {
        storage.count == 0 ? 0 : Int(bitPattern: storage.raw) &+ offset &* dtype.itemSize
    }

    /// The whole storage as a 1-D tensor sharing its memory (what `storage()` lists).
    public var storageElements: Tensor {
        Tensor(storage: storage, shape: [storage.count], strides: [1], offset: 0, version: versionCounter)
    }
}
