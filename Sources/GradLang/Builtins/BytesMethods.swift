/// The `bytes` and `bytearray` types: their constructors, `fromhex`, and the methods they share
/// (`decode`, `hex`, the searches, `strip`, `replace`, `removeprefix`/`removesuffix`, padding;
/// those that make bytes make the receiver's type), with CPython's messages. Searches use the
/// byte search strs use on their UTF-8 (`UTF8Search`). Splitting and joining are in
/// BytesSplitMethods, case in BytesCaseMethods.
enum BytesMethods {
    static func constructor(mutable: Bool) -> PyBuiltin {
        let name = mutable ? "bytearray" : "bytes"
        return PyBuiltin("\(name)(source=<unset>, encoding=<unset>, errors=<unset>)", style: .clinic) { args in
            let encoding = try args.given("encoding").map { try Arg.string($0, "\(name)() argument 'encoding' must be str, not \($0.typeName)") }
            let errors = try args.given("errors").map { try Arg.string($0, "\(name)() argument 'errors' must be str, not \($0.typeName)") }
            guard let source = args.given("source") else {
                if encoding != nil || errors != nil { throw PyError.type("\(encoding != nil ? "encoding" : "errors") without a string argument") }
                return .object(PyBytes([], mutable: mutable))
            }
            if case .str(let text) = NativeBases.scalar(source) ?? source {
                guard let encoding else { throw PyError.type("string argument without an encoding") }
                return .object(PyBytes(try TextCodecs.encode(text.string, encoding: encoding, errors: errors ?? "strict"), mutable: mutable))
            }
            if encoding != nil || errors != nil { throw PyError.type("\(encoding != nil ? "encoding" : "errors") without a string argument") }
            // An object with `__index__` is a count, as an int is (before trying to iterate it).
            var given = source
            if case .object(let instance as PyInstance) = given, let count = try SpecialMethods.index(instance) { given = count }
            switch NativeBases.scalar(given) ?? given {
            case .bigInt: throw PyError.overflow("cannot fit 'int' into an index-sized integer")
            case .int, .bool:
                let count = try Arg.size(given)
                if count < 0 { throw PyError.value("negative count") }
                // A bytearray keeps its bytes apart from its header: no OverflowError, only MemoryError.
                if mutable { try Allocation.check(count: count, of: UInt8.self) } else { try PyBytes.checkSize(count) }
                return .object(PyBytes([UInt8](repeating: 0, count: count), mutable: mutable))
            default:
                return .object(PyBytes(try bytesValue(source, into: name), mutable: mutable))
            }
        }
    }

    /// The bytes of a bytes-like object (bytes, bytearray, memoryview), or of an iterable of ints in 0...255 (`bytes([1, 2])`,
    /// `int.from_bytes([1, 2])`), made into the type `name`.
    static func bytesValue(_ v: Value, into name: String = "bytes") throws -> [UInt8] {
        if let bytes = try PyMemoryView.bufferBytes(v) { return bytes }
        switch v {
        case .str, .float, .none: throw PyError.type("cannot convert '\(v.typeName)' object to \(name)")
        default: break
        }
        guard let iterator = try? Iteration.iterator(v) else { throw PyError.type("cannot convert '\(v.typeName)' object to \(name)") }
        var out: [UInt8] = []
        while let item = try iterator.next() {
            // bytearray's message names one byte.
            guard let byte = UInt8(exactly: try Arg.integer(item)) else {
                throw PyError.value(name == "bytes" ? "bytes must be in range(0, 256)" : "byte must be in range(0, 256)")
            }
            out.append(byte)
        }
        return out
    }

    static func classMethods(mutable: Bool) -> [PyBuiltin] {
        [
            PyBuiltin("\(mutable ? "bytearray" : "bytes").fromhex(string, /)") { args in
                let text = Array(try Arg.string(args["string"], "fromhex() argument must be str, not \(args["string"].typeName)").unicodeScalars)
                var out: [UInt8] = [], k = 0
                while k < text.count {
                    if text[k].properties.isWhitespace && text[k].isASCII { k += 1; continue }
                    guard let high = StringEscapes.hexValue(text[k]) else { throw nonHex(at: k) }
                    guard k + 1 < text.count, let low = StringEscapes.hexValue(text[k + 1]) else { throw nonHex(at: k + 1) }
                    out.append(UInt8(high * 16 + low))
                    k += 2
                }
                return .object(PyBytes(out, mutable: mutable))
            },
        ]
    }

    private static func nonHex(at position: Int) -> PyError {
        PyError.value("non-hexadecimal number found in fromhex() arg at position \(position)")
    }

    static var all: [PyBuiltin] {
        [
            PyBuiltin("bytes.removeprefix(self, prefix, /)") { args in
                let receiver = try args.selfBytes, prefix = try bytesArgument(args["prefix"])
                return .object(receiver.sameType(Array(receiver.bytes.starts(with: prefix) ? receiver.bytes.dropFirst(prefix.count) : receiver.bytes[...])))
            },
            PyBuiltin("bytes.removesuffix(self, suffix, /)") { args in
                let receiver = try args.selfBytes, suffix = try bytesArgument(args["suffix"])
                let matches = !suffix.isEmpty && receiver.bytes.reversed().starts(with: suffix.reversed())
                return .object(receiver.sameType(Array(matches ? receiver.bytes.dropLast(suffix.count) : receiver.bytes[...])))
            },
            pad("ljust", .left),
            pad("rjust", .right),
            pad("center", .center),
            PyBuiltin("bytes.zfill(self, width, /)") { args in
                let receiver = try args.selfBytes
                return .object(receiver.sameType(try Padding.zeroFilled(receiver.bytes, to: try Arg.size(args["width"]), zero: UInt8(ascii: "0"),
                                                                        signs: [UInt8(ascii: "+"), UInt8(ascii: "-")])))
            },
            PyBuiltin("bytes.decode(self, encoding='utf-8', errors='strict')", style: .clinic) { args in
                let encoding = try Arg.string(args["encoding"], "decode() argument 'encoding' must be str, not \(args["encoding"].typeName)")
                let errors = try Arg.string(args["errors"], "decode() argument 'errors' must be str, not \(args["errors"].typeName)")
                return .str(try TextCodecs.decode(try args.selfBytes.bytes, encoding: encoding, errors: errors))
            },
            PyBuiltin("bytes.hex(self, sep=<unset>, bytes_per_sep=1)", style: .clinic) { args in
                .str(try hex(try args.selfBytes.bytes, args))
            },
            PyBuiltin("bytes.find(self, sub, start=None, end=None, /)") { args in
                .int(try search(args, fromEnd: false) ?? -1)
            },
            PyBuiltin("bytes.rfind(self, sub, start=None, end=None, /)") { args in
                .int(try search(args, fromEnd: true) ?? -1)
            },
            PyBuiltin("bytes.index(self, sub, start=None, end=None, /)") { args in
                guard let i = try search(args, fromEnd: false) else { throw PyError.value("subsection not found") }
                return .int(i)
            },
            PyBuiltin("bytes.rindex(self, sub, start=None, end=None, /)") { args in
                guard let i = try search(args, fromEnd: true) else { throw PyError.value("subsection not found") }
                return .int(i)
            },
            PyBuiltin("bytes.count(self, sub, start=None, end=None, /)") { args in
                let (hay, needle, start, end) = try window(args)
                if start > hay.count || end < start { return .int(0) }
                if needle.isEmpty { return .int(end - start + 1) }
                let inWindow = Array(hay[..<end])
                var found = 0, i = start
                while let at = PyBytes.firstIndex(of: needle, in: inWindow, from: i) {
                    found += 1
                    i = at + needle.count
                }
                return .int(found)
            },
            PyBuiltin("bytes.startswith(self, prefix, start=None, end=None, /)") { args in
                .bool(try affixMatch(args, name: "startswith", argument: "prefix", atEnd: false))
            },
            PyBuiltin("bytes.endswith(self, suffix, start=None, end=None, /)") { args in
                .bool(try affixMatch(args, name: "endswith", argument: "suffix", atEnd: true))
            },
            strip("strip", leading: true, trailing: true),
            strip("lstrip", leading: true, trailing: false),
            strip("rstrip", leading: false, trailing: true),
            PyBuiltin("bytes.replace(self, old, new, count=-1, /)") { args in
                let receiver = try args.selfBytes, bytes = receiver.bytes
                let old = try bytesArgument(args["old"]), new = try bytesArgument(args["new"])
                var limit = try Arg.size(args["count"])
                if limit < 0 { limit = Int.max }
                var out: [UInt8] = [], i = 0
                while limit > 0, i <= bytes.count {
                    if old.isEmpty {
                        // Between every two bytes and at both ends, as str.replace does.
                        out += new
                        if i < bytes.count { out.append(bytes[i]) }
                        i += 1
                    } else {
                        guard let at = PyBytes.firstIndex(of: old, in: bytes, from: i) else { break }
                        out += bytes[i..<at] + new
                        i = at + old.count
                    }
                    limit -= 1
                }
                if i < bytes.count { out += bytes[i...] }
                return .object(receiver.sameType(out))
            },
        ]
    }

    /// `hex(sep, bytes_per_sep)` of `bytes` (bytes, bytearray and memoryview share it), with the
    /// arguments `args` holds.
    static func hex(_ bytes: [UInt8], _ args: BoundArguments) throws -> String {
        let digits = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }
        guard let sep = args.given("sep") else { return digits.joined() }
        let separator: String
        switch sep {
        case .str(let s):
            guard s.count == 1 else { throw PyError.value("sep must be length 1.") }
            guard s.isASCII else { throw PyError.value("sep must be ASCII.") }
            separator = s.string
        case .object(let b as PyBytes):
            guard b.bytes.count == 1 else { throw PyError.value("sep must be length 1.") }
            guard b.bytes[0] < 0x80 else { throw PyError.value("sep must be ASCII.") }
            separator = String(UnicodeScalar(b.bytes[0]))
        default: throw PyError.type("object of type '\(sep.typeName)' has no len()")
        }
        // Groups of `bytes_per_sep` counted from the right, or from the left when negative.
        guard let group = Int32(exactly: try Arg.integer(args["bytes_per_sep"])) else {
            throw PyError.overflow("Python int too large to convert to C int")
        }
        if group == 0 || digits.isEmpty { return digits.joined() }
        let size = Int(group.magnitude)
        let starts = group > 0 ? stride(from: digits.count % size == 0 ? size : digits.count % size, to: digits.count, by: size)
                               : stride(from: size, to: digits.count, by: size)
        var out = "", previous = 0
        for start in starts {
            out += digits[previous..<start].joined() + separator
            previous = start
        }
        return out + digits[previous...].joined()
    }

    /// A bytes-like argument (`split`, `replace`, `strip`): CPython's message for anything else.
    static func bytesArgument(_ v: Value) throws -> [UInt8] {
        guard let bytes = try PyMemoryView.bufferBytes(v) else { throw PyError.type("a bytes-like object is required, not '\(v.typeName)'") }
        return bytes
    }

    /// The receiver, the searched-for bytes (bytes or one byte's int) and the resolved window.
    private static func window(_ args: BoundArguments) throws -> ([UInt8], [UInt8], Int, Int) {
        let hay = try args.selfBytes.bytes
        let needle: [UInt8]
        switch NativeBases.scalar(args["sub"]) ?? args["sub"] {
        case .object(let b as PyBytes): needle = b.bytes
        case .int, .bool, .bigInt: needle = [try PyBytes.byteValue(args["sub"])]
        default: throw PyError.type("argument should be integer or bytes-like object, not '\(args["sub"].typeName)'")
        }
        let (start, end) = try Arg.searchRange(args["start"], args["end"], count: hay.count)
        return (hay, needle, start, end)
    }

    private static func search(_ args: BoundArguments, fromEnd: Bool) throws -> Int? {
        let (hay, needle, start, end) = try window(args)
        if start > hay.count || end - start < needle.count { return nil }
        let inWindow = Array(hay[..<end])
        if fromEnd { return PyBytes.lastIndex(of: needle, in: inWindow, before: end).flatMap { $0 >= start ? $0 : nil } }
        return PyBytes.firstIndex(of: needle, in: inWindow, from: start)
    }

    private static func affixMatch(_ args: BoundArguments, name: String, argument: String, atEnd: Bool) throws -> Bool {
        let hay = try args.selfBytes.bytes
        let (start, end) = try Arg.searchRange(args["start"], args["end"], count: hay.count)
        let candidates: [Value]
        switch args[argument] {
        case .object(is PyBytes): candidates = [args[argument]]
        case .object(let t as PyTuple): candidates = t.items
        default: throw PyError.type("\(name) first arg must be bytes or a tuple of bytes, not \(args[argument].typeName)")
        }
        for candidate in candidates {
            guard case .object(let affix as PyBytes) = candidate else {
                throw PyError.type("a bytes-like object is required, not '\(candidate.typeName)'")
            }
            if start > hay.count || end - start < affix.bytes.count { continue }
            let at = atEnd ? end - affix.bytes.count : start
            if hay[at..<(at + affix.bytes.count)].elementsEqual(affix.bytes) { return true }
        }
        return false
    }

    private static func strip(_ name: String, leading: Bool, trailing: Bool) -> PyBuiltin {
        PyBuiltin("bytes.\(name)(self, bytes=None, /)") { args in
            let receiver = try args.selfBytes, bytes = receiver.bytes
            let chars = args["bytes"].isNone ? nil : try bytesArgument(args["bytes"])
            func stripped(_ b: UInt8) -> Bool { chars.map { $0.contains(b) } ?? BytesSplitMethods.isWhitespace(b) }
            var start = 0, end = bytes.count
            if leading { while start < end && stripped(bytes[start]) { start += 1 } }
            if trailing { while end > start && stripped(bytes[end - 1]) { end -= 1 } }
            return .object(receiver.sameType(Array(bytes[start..<end])))
        }
    }

    private static func pad(_ name: String, _ placement: Padding.Placement) -> PyBuiltin {
        PyBuiltin("bytes.\(name)(self, width, fillchar=<unset>, /)") { args in
            let receiver = try args.selfBytes
            var fill = UInt8(ascii: " ")
            if let given = args.given("fillchar") {
                guard case .object(let b as PyBytes) = given, b.bytes.count == 1 else {
                    throw PyError.type("\(name)() argument 2 must be a byte string of length 1, not \(given.typeName)")
                }
                fill = b.bytes[0]
            }
            return .object(receiver.sameType(try Padding.padded(receiver.bytes, to: try Arg.size(args["width"]), with: fill, placement)))
        }
    }
}
