/// printf-style `"%5.2f %s" % (x, name)`, mapped onto the format-spec engine.
enum PercentFormat {
    static func apply(_ format: String, _ argument: Value) throws -> String {
        var args: [Value]
        var mapping: PyDict?
        switch argument {
        case .object(let t as PyTuple): args = t.items
        case .object(let d as PyDict): args = [argument]; mapping = d
        default: args = [argument]
        }
        var next = 0
        var out = ""
        var chars = Array(format.unicodeScalars.map(Character.init))[...]
        func take() throws -> Value {
            guard next < args.count else { throw PyError.type("not enough arguments for format string") }
            defer { next += 1 }
            return args[next]
        }
        while let c = chars.popFirst() {
            guard c == "%" else { out.append(c); continue }
            var key: String?
            if chars.first == "(" {
                chars.removeFirst()
                var name = ""
                while let k = chars.popFirst(), k != ")" { name.append(k) }
                key = name
            }
            var flags = ""
            while let f = chars.first, "-+ #0".contains(f) { flags.append(f); chars.removeFirst() }
            var width = ""
            if chars.first == "*" { chars.removeFirst(); width = String(try Conversions.int(try take(), what: "* wants int")) }
            while let d = chars.first, d.isASCII, d.isNumber { width.append(d); chars.removeFirst() }
            var precision: String?
            if chars.first == "." {
                chars.removeFirst()
                var p = ""
                while let d = chars.first, d.isASCII, d.isNumber { p.append(d); chars.removeFirst() }
                precision = p.isEmpty ? "0" : p
            }
            while let l = chars.first, "hlL".contains(l) { chars.removeFirst() }
            guard let type = chars.popFirst() else { throw PyError.value("incomplete format") }
            if type == "%" { out.append("%"); continue }
            let value: Value
            if let key {
                guard let mapping else { throw PyError.type("format requires a mapping") }
                guard let v = try mapping.get(.str(key)) else { throw PyError.key(.str(key)) }
                value = v
            } else {
                value = try take()
            }
            var spec = ""
            if flags.contains("-") { spec += "<" } else if flags.contains("0") && "diouxXeEfFgG".contains(type) { spec += "0" }
            if flags.contains("+") { spec = (spec == "<" ? "<+" : "+" + spec) } else if flags.contains(" ") { spec = (spec == "<" ? "< " : " " + spec) }
            if flags.contains("#") { spec += "#" }
            spec = reorder(spec) + width + (precision.map { "." + $0 } ?? "")
            out += try formatOne(value, type: type, spec: spec)
        }
        if next < args.count && mapping == nil {
            throw PyError.type("not all arguments converted during string formatting")
        }
        return out
    }

    /// Format-spec order is [align][sign][#][0]; the flags above are gathered in any order.
    private static func reorder(_ s: String) -> String {
        let align = s.contains("<") ? "<" : ""
        let sign = s.contains("+") ? "+" : s.contains(" ") ? " " : ""
        let alt = s.contains("#") ? "#" : ""
        let zero = s.contains("0") ? "0" : ""
        return align + sign + alt + zero
    }

    private static func formatOne(_ value: Value, type: Character, spec: String) throws -> String {
        switch type {
        case "s": return try Formatting.format(.str(try Repr.checkedStr(value)), spec: String(spec.filter { !"+ #0".contains($0) }))
        case "r", "a": return try Formatting.format(.str(try Repr.checkedRepr(value)), spec: String(spec.filter { !"+ #0".contains($0) }))
        case "d", "i", "u":
            let n = try Conversions.intForFormat(value, type: "%d")
            return try Formatting.format(n, spec: spec + "d")
        case "o", "x", "X":
            let n = try Conversions.intForFormat(value, type: "%\(type)")
            return try Formatting.format(n, spec: spec + String(type))
        case "e", "E", "f", "F", "g", "G":
            let d = try Conversions.double(value, what: "must be real number, not \(value.typeName)")
            let withPrecision = spec.contains(".") ? spec : spec + ".6"
            return try Formatting.format(.float(d), spec: withPrecision + String(type))
        case "c":
            if case .str(let s) = value {
                guard s.count == 1 else { throw PyError.type("%c requires int or char") }
                return s.string
            }
            return try Formatting.format(value, spec: "c")
        default:
            throw PyError.value("unsupported format character '\(type)' (0x\(String(type.unicodeScalars.first?.value ?? 0, radix: 16)))")
        }
    }
}
