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
    var length: Int { dict.count }

    var elements: [Value] {
        switch kind {
        case .keys: return dict.entries.map(\.key)
        case .values: return dict.entries.map(\.value)
        case .items: return dict.entries.map { .object(PyTuple([$0.key, $0.value])) }
        }
    }

    func makeIterator() throws -> PyIterator {
        let items = elements
        var i = 0
        return PyIterator(name: "dict_\(kind == .items ? "item" : String(kind.rawValue.dropLast()))iterator") {
            guard i < items.count else { return nil }
            defer { i += 1 }
            return items[i]
        }
    }

    var reprText: String { "\(typeName)(\(Repr.repr(.object(PyList(elements)))))" }
}
