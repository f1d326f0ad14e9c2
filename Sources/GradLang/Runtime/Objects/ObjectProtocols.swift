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

/// An object with its own operators (numpy's arrays). Each method answers nil to leave the
/// operation to Python's rules for any other object.
open class PyOperandObject: PyObject {
    /// `self op other`, or `other op self` when `reflected`.
    open func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? { nil }
    /// `self op other`, or `other op self` when `reflected`.
    open func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? { nil }
    open func unary(_ op: UnaryOperator) throws -> Value? { nil }
    /// `abs(self)`.
    open func absolute() throws -> Value? { nil }
    /// `bool(self)`, which may raise.
    open func truth() throws -> Bool? { nil }
    /// `self op= other` done in place, returning what the name is then bound to.
    open func updateInPlace(_ op: BinaryOperator, _ other: Value) throws -> Value? { nil }
}

/// An object that stores `obj[key] = value` itself.
public protocol PyItemAssignable: PyObject {
    func setItem(_ key: Value, to value: Value) throws
}
