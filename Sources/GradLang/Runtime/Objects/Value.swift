import BigInt
import GradTensor

/// A Python value. Numbers, strings and tensors are unboxed cases so arithmetic in loops does not
/// allocate; everything else is a reference to a `PyObject`.
public enum Value {
    case none
    case bool(Bool)
    /// An int that fits in 64 bits; results that overflow become `.bigInt` (Python ints are exact).
    case int(Int)
    /// Boxed: a BigInt is five words, and every Value copy would pay for moving them.
    indirect case bigInt(BigInt)
    case float(Double)
    case str(PyStr)
    case tensor(Tensor)
    case object(PyObject)

    /// A str value of `text`.
    public static func str(_ text: String) -> Value { .str(PyStr.of(text)) }

    /// An int value, normalised: a BigInt that fits in 64 bits becomes `.int`.
    static func integer(_ b: BigInt) -> Value {
        if let small = Int(exactly: b) { return .int(small) }
        return .bigInt(b)
    }

    /// The Python type name, as error messages print it (`'list'`, `'NoneType'`, `'Tensor'`).
    public var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int, .bigInt: return "int"
        case .float: return "float"
        case .str: return "str"
        case .tensor: return "Tensor"
        case .object(let o): return o.typeName
        }
    }

    var isNone: Bool { if case .none = self { return true } else { return false } }
}

/// The base of every heap-allocated Python value (lists, dicts, functions, modules, ...).
open class PyObject {
    /// The Python type name shown in messages.
    open var typeName: String { "object" }
    public init() {}

    /// Whether a `weakref` reference to this object was ever made: then its death is reported
    /// to WeakReferences (from the deinit below), which queues the callbacks.
    var isWeaklyReferenced = false
    /// The cycle collector's count of references from outside the objects it examines, during
    /// a collection (CPython's `gc_refs`); `notCandidate` for every object the collection in
    /// progress, if any, does not examine. Kept here so that the collector tells a candidate from
    /// any other object without a cast. 32 bits (a Swift strong reference count fits), so that it
    /// shares its word with `isWeaklyReferenced`.
    var gcRefs = PyObject.notCandidate
    /// (Computed, so that setting it in every object's init is a constant store, not a look-up.)
    static var notCandidate: Int32 { -2 }

    deinit {
        if isWeaklyReferenced { WeakReferences.referentDied(ObjectIdentifier(self)) }
    }
}
