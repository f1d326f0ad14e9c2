/// Hooks for objects defined outside the runtime core (dict views, later user classes) so the
/// core protocols (iteration, truthiness, repr) handle them without knowing their classes.

/// An object Python can iterate (`for x in d.keys()`).
public protocol PyIterable: PyObject {
    func makeIterator() throws -> PyIterator
}

/// An object with a length (`len()`, and false when empty).
public protocol PySized: PyObject {
    var length: Int { get }
}

/// An object that prints itself (`dict_keys(['a'])`).
public protocol PyCustomRepr: PyObject {
    var reprText: String { get }
}

/// An object whose `str()` differs from its repr (`str(torch.device('cpu'))` is `cpu`).
public protocol PyCustomStr: PyObject {
    var strText: String { get }
}

/// An object that answers some of its own attributes (`device.type`, `AccumulateGrad.variable`,
/// a named tuple's fields); nil leaves the name to the type's attribute table.
public protocol PyAttributeProviding: PyObject {
    func attribute(_ name: String) throws -> Value?
}

/// An object that answers `obj[key]` itself (`tensor.storage()[i]`).
public protocol PySubscriptable: PyObject {
    func item(at key: Value) throws -> Value
}
