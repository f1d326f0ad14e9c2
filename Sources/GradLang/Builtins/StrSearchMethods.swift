#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `str.find`, `rfind`, `index`, `rindex`, `count`, `startswith`, `endswith`: searches by code
/// point within an optional `start:end` window.
enum StrSearchMethods {
    static var all: [PyBuiltin] {
        [
            PyBuiltin("find(self, sub, start=None, end=None, /)") { args in
                .int(try search(args, fromEnd: false) ?? -1)
            },
            PyBuiltin("rfind(self, sub, start=None, end=None, /)") { args in
                .int(try search(args, fromEnd: true) ?? -1)
            },
            PyBuiltin("index(self, sub, start=None, end=None, /)") { args in
                guard let i = try search(args, fromEnd: false) else { throw PyError.value("substring not found") }
                return .int(i)
            },
            PyBuiltin("rindex(self, sub, start=None, end=None, /)") { args in
                guard let i = try search(args, fromEnd: true) else { throw PyError.value("substring not found") }
                return .int(i)
            },
            PyBuiltin("count(self, sub, start=None, end=None, /)") { args in
                let (hay, needle, start, end) = try window(args)
                if start > hay.count || end < start { return .int(0) }
                if needle.isEmpty { return .int(end - start + 1) }
                return .int(hay.occurrences(of: needle, in: start..<end))
            },
            PyBuiltin("startswith(self, prefix, start=None, end=None, /)") { args in
                .bool(try affixMatch(args, name: "startswith", argument: "prefix", atEnd: false))
            },
            PyBuiltin("endswith(self, suffix, start=None, end=None, /)") { args in
                .bool(try affixMatch(args, name: "endswith", argument: "suffix", atEnd: true))
            },
        ]
    }

    /// The receiver, the substring and the resolved window.
    private static func window(_ args: BoundArguments) throws -> (PyStr, PyStr, Int, Int) {
        let hay = try args.selfStr
        guard case .str(let sub) = NativeBases.scalar(args["sub"]) ?? args["sub"] else { throw PyError.type("must be str, not \(args["sub"].typeName)") }
        let (start, end) = try Arg.searchRange(args["start"], args["end"], count: hay.count)
        return (hay, sub, start, end)
    }

    private static func search(_ args: BoundArguments, fromEnd: Bool) throws -> Int? {
        let (hay, needle, start, end) = try window(args)
        if start > hay.count || end - start < needle.count { return nil }
        return hay.firstIndex(of: needle, in: start..<end, fromEnd: fromEnd)
    }

    private static func affixMatch(_ args: BoundArguments, name: String, argument: String, atEnd: Bool) throws -> Bool {
        let hay = try args.selfStr
        let (start, end) = try Arg.searchRange(args["start"], args["end"], count: hay.count)
        let candidates: [Value]
        switch NativeBases.scalar(args[argument]) ?? args[argument] {
        case .str: candidates = [args[argument]]
        case .object(let t as PyTuple): candidates = t.items
        default:
            throw PyError.type("\(name) first arg must be str or a tuple of str, not \(args[argument].typeName)")
        }
        // Checked in order, so a match ends the search before a later bad element is seen.
        for candidate in candidates {
            guard case .str(let affix) = NativeBases.scalar(candidate) ?? candidate else {
                throw PyError.type("tuple for \(name) must only contain str, not \(candidate.typeName)")
            }
            if start > hay.count || end - start < affix.count { continue }
            if hay.hasAffix(affix, in: start..<end, atEnd: atEnd) { return true }
        }
        return false
    }
}

/// Substring search over UTF-8 bytes (a byte match of valid UTF-8 is a code point match). The
/// needle's first byte is found with glibc's `memchr`, which compares a vector of bytes per step
/// where a loop in Swift compares one: splitting or counting on a one-byte separator is almost
/// all this scan. (`memrchr`, for the search from the end, is not in Swift's Glibc module.)
enum UTF8Search {
    /// The first byte offset of `needle` in `hay[from...]`.
    static func first(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let lead = needle.first else { return from }
        guard let base = hay.baseAddress else { return nil }
        var i = from
        // Candidates start at most here, so the whole needle fits in the haystack.
        let lastStart = hay.count - needle.count
        while i <= lastStart {
            guard let found = memchr(base + i, Int32(lead), lastStart - i + 1) else { return nil }
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if needle.count == 1 || hay[at..<(at + needle.count)].elementsEqual(needle) { return at }
            i = at + 1
        }
        return nil
    }

    /// The last byte offset of `needle` in `hay[..<before]`.
    static func last(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, before: Int) -> Int? {
        guard let lead = needle.first else { return before }
        var at = before - needle.count
        while at >= 0 {
            if hay[at] == lead && (needle.count == 1 || hay[at..<(at + needle.count)].elementsEqual(needle)) { return at }
            at -= 1
        }
        return nil
    }
}
