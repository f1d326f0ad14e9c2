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
