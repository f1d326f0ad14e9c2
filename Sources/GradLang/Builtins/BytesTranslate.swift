/// `bytes.maketrans`, `bytes.translate` and `bytes.expandtabs`: rewriting bytes one by one, by a
/// 256-byte table or by tab stops.
enum BytesTranslate {
    static var methods: [PyBuiltin] {
        [
            PyBuiltin("bytes.translate(self, table, /, delete=<unset>)") { args in
                let receiver = try args.selfBytes
                let table: [UInt8]?
                switch args["table"] {
                case .none: table = nil
                case .object(let b as PyBytes):
                    guard b.bytes.count == 256 else { throw PyError.value("translation table must be 256 characters long") }
                    table = b.bytes
                default: throw PyError.type("a bytes-like object is required, not '\(args["table"].typeName)'")
                }
                let deleted = Set(try args.given("delete").map(BytesMethods.bytesArgument) ?? [])
                return .object(receiver.sameType(receiver.bytes.compactMap { b in
                    deleted.contains(b) ? nil : table.map { $0[Int(b)] } ?? b
                }))
            },
            PyBuiltin("bytes.expandtabs(self, tabsize=8)", style: .clinic) { args in
                let receiver = try args.selfBytes
                return .object(receiver.sameType(try StrTranslate.expandTabs(receiver.bytes, tabSize: try Arg.size(args["tabsize"]),
                                                                             space: 0x20, isTab: { $0 == 0x09 },
                                                                             isLineEnd: { $0 == 0x0A || $0 == 0x0D })))
            },
            maketrans("bytes.maketrans(self, frm, to, /)"),
        ]
    }

    /// Reached through the type object (`bytes.maketrans(b'ab', b'xy')`), a static method.
    static var staticMaketrans: PyBuiltin { maketrans("maketrans(frm, to, /)") }

    private static func maketrans(_ signature: String) -> PyBuiltin {
        PyBuiltin(signature) { args in
            let from = try BytesMethods.bytesArgument(args["frm"]), to = try BytesMethods.bytesArgument(args["to"])
            guard from.count == to.count else { throw PyError.value("maketrans arguments must have same length") }
            var table = (0...255).map { UInt8($0) }
            for (f, t) in zip(from, to) { table[Int(f)] = t }
            return .object(PyBytes(table))
        }
    }
}
