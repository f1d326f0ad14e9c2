/// Hooks for objects defined outside the runtime core (dict views, later user classes) so the
/// core protocols (iteration, truthiness, repr) handle them without knowing their classes.

/// An object that prints itself (`dict_keys(['a'])`).
public protocol PyCustomRepr: PyObject {
    var reprText: String { get }
}

/// An object whose `str()` differs from its repr (`str(torch.device('cpu'))` is `cpu`).
public protocol PyCustomStr: PyObject {
    var strText: String { get }
}

/// An object that answers its own attributes (`device.type`, `AccumulateGrad.variable`); nil
/// means it has no such attribute.
public protocol PyAttributeProviding: PyObject {
    func attribute(_ name: String) throws -> Value?
}
