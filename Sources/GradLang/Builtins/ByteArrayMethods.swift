/// The methods only a bytearray has, which change it in place: `append`, `extend`, `insert`,
/// `pop`, `remove`, `clear`, `reverse` and `copy`, with CPython's messages.
enum ByteArrayMethods {
    static var all: [PyBuiltin] {
        [
            PyBuiltin("bytearray.append(self, item, /)") { args in
                let array = try args.selfBytes, byte = try PyBytes.byte(args["item"])
                try array.checkResizable()
                array.bytes.append(byte)
                return .none
            },
            PyBuiltin("bytearray.extend(self, iterable_of_ints, /)") { args in
                let array = try args.selfBytes, source = args["iterable_of_ints"]
                if case .object(let other as PyBytes) = source {
                    try array.checkResizable()
                    array.bytes += other.bytes
                    return .none
                }
                guard let iterator = try? Iteration.iterator(source) else {
                    throw PyError.type("can't extend bytearray with \(source.typeName)")
                }
                var added: [UInt8] = []
                while let item = try iterator.next() { added.append(try PyBytes.byte(item)) }
                try array.checkResizable()
                array.bytes += added
                return .none
            },
            PyBuiltin("bytearray.insert(self, index, item, /)") { args in
                let array = try args.selfBytes
                let index = try Arg.size(args["index"]), byte = try PyBytes.byte(args["item"])
                try array.checkResizable()
                // Clamped to the ends, as list.insert is.
                let at = index < 0 ? max(index + array.bytes.count, 0) : min(index, array.bytes.count)
                array.bytes.insert(byte, at: at)
                return .none
            },
            PyBuiltin("bytearray.pop(self, index=-1, /)") { args in
                let array = try args.selfBytes
                if array.bytes.isEmpty { throw PyError.index("pop from empty bytearray") }
                let index = try Arg.size(args["index"])
                let at = index < 0 ? index + array.bytes.count : index
                guard at >= 0 && at < array.bytes.count else { throw PyError.index("pop index out of range") }
                try array.checkResizable()
                return .int(Int(array.bytes.remove(at: at)))
            },
            PyBuiltin("bytearray.remove(self, value, /)") { args in
                let array = try args.selfBytes, byte = try PyBytes.byte(args["value"])
                guard let at = array.bytes.firstIndex(of: byte) else { throw PyError.value("value not found in bytearray") }
                try array.checkResizable()
                array.bytes.remove(at: at)
                return .none
            },
            PyBuiltin("bytearray.clear(self, /)") { args in
                let array = try args.selfBytes
                try array.checkResizable()
                array.bytes.removeAll()
                return .none
            },
            PyBuiltin("bytearray.reverse(self, /)") { args in
                try args.selfBytes.bytes.reverse()
                return .none
            },
            PyBuiltin("bytearray.copy(self, /)") { args in
                .object(PyBytes(try args.selfBytes.bytes, mutable: true))
            },
        ]
    }
}
