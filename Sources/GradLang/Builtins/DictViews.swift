/// `d.keys()`, `d.values()`, `d.items()`: live views of a dict, printed as CPython prints them.
final class PyDictView: CollectableObject, PyIterable, PySized, PyCustomRepr {
    enum Kind: String { case keys, values, items }
    let kind: Kind
    let dict: PyDict

    init(_ kind: Kind, _ dict: PyDict) {
        self.kind = kind
        self.dict = dict
    }

    override var typeName: String { "dict_\(kind.rawValue)" }
    override func forEachReference(_ visit: (Value) -> Void) { visit(.object(dict)) }
    var length: Int { dict.count }

    var elements: [Value] { dict.entries.map { entry($0.key, $0.value) } }

    /// What iterating the view yields for one entry.
    var entry: (Value, Value) -> Value {
        switch kind {
        case .keys: return { key, _ in key }
        case .values: return { _, value in value }
        case .items: return { key, value in .object(PyTuple([key, value])) }
        }
    }

    /// `keyiterator`, `valueiterator`, `itemiterator`.
    var iteratorName: String { "\(kind == .items ? "item" : String(kind.rawValue.dropLast()))iterator" }

    func makeIterator() throws -> PyIterator {
        HashedIteration.forward(dict, name: "dict_" + iteratorName, entry)
    }

    var reprText: String { "\(typeName)(\(Repr.repr(.object(PyList(elements)))))" }
}
