/// A position in source text: 1-based line, 1-based column counted in Unicode scalars (code points),
/// the convention of CPython's `SyntaxError.offset` and of tracebacks.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open range of source: `end` is the position just after the last character.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(_ start: SourceLocation, _ end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// The range covering both `a` and `b` (`a` first in the text).
    public static func spanning(_ a: SourceRange, _ b: SourceRange) -> SourceRange {
        SourceRange(a.start, b.end)
    }

    public var description: String { "\(start)-\(end)" }
}

/// Decoded source: Unicode scalars with line endings normalised to "\n" (as CPython reads source),
/// plus the index where each line starts, so the lexer and error reports can slice lines cheaply.
public struct SourceText: Sendable {
    public let filename: String
    public let scalars: [Unicode.Scalar]
    /// `lineStarts[n - 1]` is the index in `scalars` of line n's first character.
    public let lineStarts: [Int]

    /// Source that is already a Swift string (REPL input, `-c` code, tests). Swift strings are valid
    /// Unicode by construction; NUL characters are rejected later by the lexer, as CPython does.
    public init(_ text: String, filename: String = "<string>") {
        self.init(normalising: Array(text.unicodeScalars), filename: filename)
    }

    /// Source read from a file: strict UTF-8 (an optional byte-order mark is skipped), checked as
    /// CPython's file reader checks it, so the first bad byte in the file decides the error: invalid
    /// UTF-8 gives "Non-UTF-8 code starting with ...", which CPython reports with no line (`line` 0
    /// here); a NUL gives "source code cannot contain null bytes" with no column, quoting the line
    /// only up to the NUL (CPython holds it as a C string).
    public init(utf8 bytes: [UInt8], filename: String) throws(SyntaxError) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(body.count)
        var decoder = UTF8()
        var iterator = body.makeIterator()
        var consumed = body.startIndex
        var badByteOffset: Int?
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue("\0"):
                let partial = SourceText(normalising: scalars, filename: filename)
                let line = partial.lineStarts.count
                throw SyntaxError(.syntaxError, "source code cannot contain null bytes",
                                  line: line, column: 0, lineText: partial.lineText(line))
            case .scalarValue(let scalar):
                scalars.append(scalar)
                consumed += UTF8.width(scalar)
            case .emptyInput:
                break decoding
            case .error:
                badByteOffset = consumed
                break decoding
            }
        }
        if let offset = badByteOffset, offset < body.endIndex {
            let partial = SourceText(normalising: scalars, filename: filename)
            let hex = String(body[offset], radix: 16)
            throw SyntaxError(
                .syntaxError,
                "Non-UTF-8 code starting with '\\x\(hex)' in file \(filename) on line \(partial.lineStarts.count), but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                line: 0, column: 0, lineText: "")
        }
        self.init(normalising: scalars, filename: filename)
    }

    private init(normalising raw: [Unicode.Scalar], filename: String) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(raw.count)
        var lineStarts = [0]
        var i = 0
        while i < raw.count {
            let c = raw[i]
            if c == "\r" {
                // "\r\n" and a lone "\r" both end a line, as in CPython's universal newlines.
                if i + 1 < raw.count && raw[i + 1] == "\n" { i += 1 }
                scalars.append("\n")
            } else {
                scalars.append(c)
            }
            if scalars[scalars.count - 1] == "\n" { lineStarts.append(scalars.count) }
            i += 1
        }
        self.filename = filename
        self.scalars = scalars
        self.lineStarts = lineStarts
    }

    /// The number of lines, not counting the empty remainder after a final newline.
    public var lineCount: Int {
        if let last = lineStarts.last, last == scalars.count, lineStarts.count > 1 {
            return lineStarts.count - 1
        }
        return lineStarts.count
    }

    /// Line `n` (1-based) without its newline; empty for a line that does not exist.
    public func lineText(_ n: Int) -> String {
        guard n >= 1, n <= lineStarts.count else { return "" }
        let start = lineStarts[n - 1]
        var end = n < lineStarts.count ? lineStarts[n] : scalars.count
        if end > start && scalars[end - 1] == "\n" { end -= 1 }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// The number of characters on line `n`, without its newline.
    public func lineLength(_ n: Int) -> Int {
        guard n >= 1, n <= lineStarts.count else { return 0 }
        let start = lineStarts[n - 1]
        var end = n < lineStarts.count ? lineStarts[n] : scalars.count
        if end > start && scalars[end - 1] == "\n" { end -= 1 }
        return end - start
    }

    /// The text between two indices of `scalars`.
    public func text(from start: Int, to end: Int) -> String {
        let lo = max(0, min(start, scalars.count))
        let hi = max(lo, min(end, scalars.count))
        var isASCII = true
        for k in lo..<hi where !scalars[k].isASCII {
            isASCII = false
            break
        }
        if isASCII {
            // Most tokens: one byte per character, no transcoding (this runs once per token).
            return String(unsafeUninitializedCapacity: hi - lo) { buffer in
                for k in lo..<hi { buffer[k - lo] = UInt8(truncatingIfNeeded: scalars[k].value) }
                return hi - lo
            }
        }
        var text = String.UnicodeScalarView()
        for k in lo..<hi { text.append(scalars[k]) }
        return String(text)
    }

    /// The location of index `i` in `scalars` (binary search over line starts).
    public func location(ofIndex i: Int) -> SourceLocation {
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= i { lo = mid } else { hi = mid - 1 }
        }
        return SourceLocation(line: lo + 1, column: i - lineStarts[lo] + 1)
    }
}
