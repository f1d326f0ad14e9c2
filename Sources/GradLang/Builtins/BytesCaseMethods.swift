/// `bytes` case mapping and classes, over ASCII letters only as in CPython: `upper`, `lower`,
/// `swapcase`, `capitalize`, `title`, and `isalpha`, `isdigit`, `isalnum`, `isspace`, `islower`,
/// `isupper`, `istitle`, `isascii`.
enum BytesCaseMethods {
    static var all: [PyBuiltin] {
        [
            mapping("upper") { _, b in upper(b) },
            mapping("lower") { _, b in lower(b) },
            mapping("swapcase") { _, b in isLower(b) ? upper(b) : lower(b) },
            mapping("capitalize") { previous, b in previous == nil ? upper(b) : lower(b) },
            // A letter after a letter is lowered, any other letter raised.
            mapping("title") { previous, b in previous.map(isLetter) == true ? lower(b) : upper(b) },
            predicate("isalpha") { !$0.isEmpty && $0.allSatisfy(isLetter) },
            predicate("isdigit") { !$0.isEmpty && $0.allSatisfy(isDigit) },
            predicate("isalnum") { !$0.isEmpty && $0.allSatisfy { isLetter($0) || isDigit($0) } },
            predicate("isspace") { !$0.isEmpty && $0.allSatisfy(BytesSplitMethods.isWhitespace) },
            predicate("islower") { $0.contains(where: isLower) && !$0.contains(where: isUpper) },
            predicate("isupper") { $0.contains(where: isUpper) && !$0.contains(where: isLower) },
            predicate("isascii") { $0.allSatisfy { $0 < 0x80 } },
            predicate("istitle", isTitle),
        ]
    }

    private static func isUpper(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) }
    private static func isLower(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) }
    private static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) }
    private static func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }
    private static func upper(_ b: UInt8) -> UInt8 { isLower(b) ? b - 32 : b }
    private static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b + 32 : b }

    /// Cased runs each start with an upper-case letter, and there is at least one.
    private static func isTitle(_ bytes: [UInt8]) -> Bool {
        var sawCased = false, previousCased = false
        for b in bytes {
            if isUpper(b) {
                if previousCased { return false }
                previousCased = true
                sawCased = true
            } else if isLower(b) {
                if !previousCased { return false }
                sawCased = true
            } else {
                previousCased = false
            }
        }
        return sawCased
    }

    /// A method that maps each byte, given the byte before it (nil at the start).
    private static func mapping(_ name: String, _ map: @escaping (UInt8?, UInt8) -> UInt8) -> PyBuiltin {
        PyBuiltin("bytes.\(name)(self, /)") { args in
            let receiver = try args.selfBytes
            var previous: UInt8?
            return .object(receiver.sameType(receiver.bytes.map { b in
                defer { previous = b }
                return map(previous, b)
            }))
        }
    }

    private static func predicate(_ name: String, _ test: @escaping ([UInt8]) -> Bool) -> PyBuiltin {
        PyBuiltin("bytes.\(name)(self, /)") { args in .bool(test(try args.selfBytes.bytes)) }
    }
}
