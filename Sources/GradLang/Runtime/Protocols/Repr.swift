import BigInt
import GradTensor

/// `repr()` and `str()` of every value, as CPython and PyTorch print them.
public enum Repr {
    /// How deeply values may nest in a repr: CPython raises RecursionError ("while getting the
    /// repr of an object") for deeper data at module level. Deeper text is never built, so no data
    /// can exhaust the stack.
    static let maximumDepth = 998

    /// The containers being printed (a list inside itself prints as `[...]`), how deep, and the
    /// error Python code would get for this repr.
    private struct Walk {
        var visiting = Set<ObjectIdentifier>()
        var depth = 0
        var failure: PyError?
    }

    /// The repr, with `...` for what Python code could not get: data deeper than `maximumDepth`,
    /// ints past CPython's digit limit (for error messages, which must not fail).
    public static func repr(_ v: Value) -> String {
        var walk = Walk()
        return repr(v, &walk)
    }

    /// `repr(x)` as Python code sees it: RecursionError for data nested too deeply, ValueError for
    /// an int of more than 4300 digits.
    public static func checkedRepr(_ v: Value) throws -> String {
        var walk = Walk()
        let text = repr(v, &walk)
        if let failure = walk.failure { throw failure }
        return text
    }

    /// The decimal digits of an int, refused past CPython's limit on int/str conversions.
    static func decimal(_ b: BigInt) throws(PyError) -> String {
        let tooLong = PyError.value("Exceeds the limit (\(IntLiteral.maxDecimalDigits) digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
        // 2**14286 has 4301 digits: longer numbers are refused without converting them.
        if b.magnitude.bitWidth > 14_286 { throw tooLong }
        let text = b.description
        if text.utf8.count - (b.signum() < 0 ? 1 : 0) > IntLiteral.maxDecimalDigits { throw tooLong }
        return text
    }

    /// `str(x)` as Python code sees it (see `checkedRepr`).
    public static func checkedStr(_ v: Value) throws -> String {
        switch v {
        case .str: return str(v)
        case .object(let i as PyInstance): return try SpecialMethods.str(i)
        case .object(let o) where o is PyCustomStr: return str(v)
        default: return try checkedRepr(v)
        }
    }

    public static func str(_ v: Value) -> String {
        switch v {
        case .str(let s): return s.string
        case .object(let i as PyInstance): return (try? SpecialMethods.str(i)) ?? repr(v)
        case .object(let c as PyCustomStr): return c.strText
        default: return repr(v)
        }
    }

    private static func repr(_ v: Value, _ walk: inout Walk) -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .bigInt(let b):
            do {
                return try decimal(b)
            } catch {
                walk.failure = walk.failure ?? error
                return "..."
            }
        case .float(let d): return PythonRepr.float(d)
        case .str(let s): return string(s.string)
        case .tensor(let t): return t.isParameter ? "Parameter containing:\n" + t.description : t.description
        case .object(let o):
            walk.depth += 1
            defer { walk.depth -= 1 }
            guard walk.depth <= maximumDepth else {
                walk.failure = walk.failure ?? PyError(PyExc.recursionError, "maximum recursion depth exceeded while getting the repr of an object")
                return "..."
            }
            return object(o, &walk)
        }
    }

    private static func object(_ o: PyObject, _ walk: inout Walk) -> String {
        let id = ObjectIdentifier(o)
        switch o {
        case let l as PyList:
            guard walk.visiting.insert(id).inserted else { return "[...]" }
            defer { walk.visiting.remove(id) }
            return "[" + l.items.map { repr($0, &walk) }.joined(separator: ", ") + "]"
        case let t as PyTuple:
            switch t.kind {
            case .torchSize:
                return "torch.Size([" + t.items.map { repr($0, &walk) }.joined(separator: ", ") + "])"
            case .named(let type, let fields):
                let parts = zip(fields, t.items).map { "\($0)=\(repr($1, &walk))" }
                return type + "(\n" + parts.joined(separator: ",\n") + ")"
            case .record(let type, let fields):
                return type + "(" + zip(fields, t.items).map { "\($0)=\(repr($1, &walk))" }.joined(separator: ", ") + ")"
            case .plain:
                let inner = t.items.map { repr($0, &walk) }.joined(separator: ", ")
                return "(" + inner + (t.items.count == 1 ? ",)" : ")")
            }
        case let d as PyDict:
            guard walk.visiting.insert(id).inserted else { return "{...}" }
            defer { walk.visiting.remove(id) }
            return "{" + d.entries.map { repr($0.key, &walk) + ": " + repr($0.value, &walk) }.joined(separator: ", ") + "}"
        case let s as PySet:
            let items = s.items
            if items.isEmpty { return s.isFrozen ? "frozenset()" : "set()" }
            let body = "{" + items.map { repr($0, &walk) }.joined(separator: ", ") + "}"
            return s.isFrozen ? "frozenset(\(body))" : body
        case let r as PyRange:
            return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
        case let s as PySlice:
            return "slice(\(repr(s.start, &walk)), \(repr(s.stop, &walk)), \(repr(s.step, &walk)))"
        case is PyEllipsis: return "Ellipsis"
        case let b as PyBuiltin: return "<built-in function \(b.name)>"
        case let d as PyMethodDescriptor: return "<method '\(d.function.name)' of '\(d.owner.name)' objects>"
        case let g as PyGeneratorObject: return "<generator object \(g.qualifiedName) at \(address(.object(g)))>"
        case let m as PyBoundMethod:
            return "<built-in method \(m.function.name) of \(m.receiver.typeName) object at \(address(m.receiver))>"
        case let m as PyModule: return "<module '\(m.name)'>"
        case let t as PyTypeObject: return "<class '\(t.qualifiedName)'>"
        case let c as PyClass:
            do {
                if case .str(let s)? = try Metaclasses.callSpecial(c, .repr, []) { return s.string }
            } catch {
                walk.failure = walk.failure ?? (error as? PyError)
                return "..."
            }
            return "<class '\(c.displayName)'>"
        case let i as PyInstance:
            do {
                return try SpecialMethods.repr(i)
            } catch {
                walk.failure = walk.failure ?? (error as? PyError)
                return "..."
            }
        case let f as PyFunction: return "<function \(f.qualifiedName) at \(address(.object(f)))>"
        case let m as PyMethod:
            let name: String
            if case .object(let f as PyFunction) = m.function { name = f.qualifiedName } else { name = m.function.typeName }
            return "<bound method \(name) of \(repr(m.receiver, &walk))>"
        case let p as PyProperty: return "<property object at \(address(.object(p)))>"
        case let d as PyDType: return d.dtype.name
        case let n as PyGradNode: return "<\(n.qualifiedTypeName) object at \(address(.object(n)))>"
        case let c as PyContextManager: return c.reprText ?? "<\(c.name) object at \(address(.object(c)))>"
        case let r as PyCustomRepr: return r.reprText
        default: return "<\(o.typeName) object at \(address(.object(o)))>"
        }
    }

    /// Python's string repr: single quotes unless the text has ' and no ".
    public static func string(_ s: String) -> String {
        let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == quote { out += "\\" + String(quote) }
                else if scalar.value < 0x20 || scalar.value == 0x7f { out += "\\x" + hex(scalar.value, 2) }
                else if !scalar.isPythonPrintable {
                    let v = scalar.value
                    out += v <= 0xff ? "\\x" + hex(v, 2) : v <= 0xffff ? "\\u" + hex(v, 4) : "\\U" + hex(v, 8)
                }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        out.append(quote)
        return out
    }

    private static func hex(_ v: UInt32, _ width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }

    /// The address in `<... object at 0x...>`: the object's, as CPython prints it, so it is
    /// `hex(id(x))`.
    static func address(_ v: Value) -> String {
        let id: ObjectIdentifier
        switch v {
        case .tensor(let t): id = ObjectIdentifier(t)
        case .object(let o): id = ObjectIdentifier(o)
        default: return "0x0"
        }
        return "0x" + String(UInt(bitPattern: id), radix: 16)
    }
}
