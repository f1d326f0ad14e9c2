/// A pattern parsed: its tree, its global flags and its groups.
struct ParsedRegex {
    let root: RegexNode
    let flags: RegexFlags
    /// The number of capturing groups.
    let groupCount: Int
    /// Named groups in the order the pattern defines them.
    let groupNames: [(name: String, index: Int)]
    /// Each closed group's width, for the compiler's look-behind check.
    let groupWidths: [Int: (Int, Int?)]
}

/// Parses a str pattern as CPython 3.11's `re._parser` does, raising its errors at its positions.
/// Tokens are a code point or a backslash and the code point after it, as CPython's tokenizer's.
struct RegexParser {
    private let chars: [Unicode.Scalar]
    /// Where the token after `next` starts.
    private var index = 0
    private var next: String?
    private var flags: RegexFlags
    private var groupNames: [(name: String, index: Int)] = []
    /// Per group (from 1): its width once closed, nil while open.
    private var groupWidths: [Int: (Int, Int?)] = [:]
    private var groupCount = 0
    /// While inside a look-behind: the number of groups opened before it.
    private var lookbehindGroups: Int?
    /// Groups named by number in conditionals, with where, checked once every group is known.
    private var groupReferencePositions: [Int: Int] = [:]
    /// How deeply groups nest: deeper patterns are refused, as CPython's recursive parser
    /// refuses them at module level (RecursionError), before Swift's stack could run out.
    private var depth = 0
    static let maximumDepth = 495
    /// CPython's MAXREPEAT: a repeat count must be below it.
    static let maximumRepeat = 4_294_967_295

    static func parse(_ pattern: String, flags: RegexFlags) throws -> ParsedRegex {
        var parser = RegexParser(chars: Array(pattern.unicodeScalars), flags: flags)
        try parser.advance()
        let root = try parser.parseAlternation(verbose: flags.contains(.verbose), nested: 0)
        var finalFlags = parser.flags
        if finalFlags.contains(.locale) {
            throw RegexSyntaxError(message: "cannot use LOCALE flag with a str pattern", position: nil, kind: .value)
        }
        if !finalFlags.contains(.ascii) {
            finalFlags.insert(.unicode)
        } else if finalFlags.contains(.unicode) {
            throw RegexSyntaxError(message: "ASCII and UNICODE flags are incompatible", position: nil, kind: .value)
        }
        if parser.next != nil { throw parser.error("unbalanced parenthesis") }
        for (group, position) in parser.groupReferencePositions.sorted(by: { $0.key < $1.key }) where group > parser.groupCount {
            throw RegexSyntaxError(message: "invalid group reference \(group)", position: position)
        }
        return ParsedRegex(root: root, flags: finalFlags, groupCount: parser.groupCount,
                           groupNames: parser.groupNames, groupWidths: parser.groupWidths)
    }

    private init(chars: [Unicode.Scalar], flags: RegexFlags) {
        self.chars = chars
        self.flags = flags
    }

    // MARK: tokens

    private mutating func advance() throws {
        var i = index
        guard i < chars.count else {
            next = nil
            return
        }
        var token = String(chars[i])
        if chars[i] == "\\" {
            i += 1
            guard i < chars.count else { throw RegexSyntaxError(message: "bad escape (end of pattern)", position: chars.count - 1) }
            token.unicodeScalars.append(chars[i])
        }
        index = i + 1
        next = token
    }

    private var tell: Int { index - (next?.unicodeScalars.count ?? 0) }

    private func error(_ message: String, offset: Int = 0) -> RegexSyntaxError {
        RegexSyntaxError(message: message, position: tell - offset)
    }

    private mutating func match(_ token: String) throws -> Bool {
        guard next == token else { return false }
        try advance()
        return true
    }

    private mutating func get() throws -> String? {
        let token = next
        try advance()
        return token
    }

    private mutating func seek(_ position: Int) throws {
        index = position
        try advance()
    }

    private static func isDigit(_ token: String?) -> Bool { token.map { $0.count == 1 && "0123456789".contains($0) } ?? false }
    private static func isOctal(_ token: String?) -> Bool { token.map { $0.count == 1 && "01234567".contains($0) } ?? false }
    private static func isHex(_ token: String?) -> Bool { token.map { $0.count == 1 && "0123456789abcdefABCDEF".contains($0) } ?? false }

    /// Up to `count` tokens that `accepts`.
    private mutating func getWhile(_ count: Int, _ accepts: (String?) -> Bool) throws -> String {
        var result = ""
        for _ in 0..<count {
            guard accepts(next), let token = next else { break }
            result += token
            try advance()
        }
        return result
    }

    private mutating func getUntil(_ terminator: String, _ name: String) throws -> String {
        var result = ""
        while true {
            let token = next
            try advance()
            guard let token else {
                if result.isEmpty { throw error("missing " + name) }
                throw error("missing \(terminator), unterminated name", offset: result.unicodeScalars.count)
            }
            if token == terminator {
                if result.isEmpty { throw error("missing " + name, offset: 1) }
                return result
            }
            result += token
        }
    }

    private func checkGroupName(_ name: String, offset: Int) throws {
        if Array(name.unicodeScalars).firstNonIdentifierIndex != nil || name.isEmpty {
            throw error("bad character in group name \(Repr.string(name))", offset: name.unicodeScalars.count + offset)
        }
    }

    private func isClosed(_ group: Int) -> Bool { group <= groupCount && groupWidths[group] != nil }

    private func checkLookbehindGroup(_ group: Int) throws {
        guard let lookbehindGroups else { return }
        if !isClosed(group) { throw error("cannot refer to an open group") }
        if group > lookbehindGroups { throw error("cannot refer to group defined in the same lookbehind subpattern") }
    }

    // MARK: escapes

    /// A simple escape's character (`\n`, `\t`, ...), as CPython's ESCAPES.
    private static func simpleEscape(_ letter: Character) -> UInt32? {
        switch letter {
        case "a": return 7
        case "b": return 8
        case "f": return 12
        case "n": return 10
        case "r": return 13
        case "t": return 9
        case "v": return 11
        case "\\": return 92
        default: return nil
        }
    }

    private static func category(_ letter: Character) -> RegexCategory? {
        switch letter {
        case "d": return .digit
        case "D": return .notDigit
        case "s": return .space
        case "S": return .notSpace
        case "w": return .word
        case "W": return .notWord
        default: return nil
        }
    }

    private static func anchor(_ letter: Character) -> RegexAnchor? {
        switch letter {
        case "A": return .textStart
        case "Z": return .textEnd
        case "b": return .wordBoundary
        case "B": return .notWordBoundary
        default: return nil
        }
    }

    private enum ClassItem {
        case char(UInt32)
        case category(RegexCategory)

        var member: RegexCharSet.Member {
            switch self {
            case .char(let c): return .char(c)
            case .category(let category): return .category(category)
            }
        }
    }

    /// `\x41`, `\u0041`, `\U00000041`: nil unless the escape is one of them; an error when its
    /// digits are too few or name no code point.
    private mutating func hexEscape(_ escape: String) throws -> UInt32? {
        let digits: Int
        switch RegexParser.escapedLetter(escape) {
        case "x": digits = 2
        case "u": digits = 4
        case "U": digits = 8
        default: return nil
        }
        let full = escape + (try getWhile(digits, RegexParser.isHex))
        guard full.unicodeScalars.count == digits + 2 else { throw error("incomplete escape \(full)", offset: full.unicodeScalars.count) }
        guard let value = UInt32(full.dropFirst(2), radix: 16), value <= 0x10FFFF else { throw badEscape(full) }
        return value
    }

    /// The value of an octal escape such as `\101`, which must be at most 0o377.
    private func octalValue(_ full: String) throws -> UInt32 {
        let value = UInt32(full.dropFirst(), radix: 8) ?? 0
        if value > 0o377 { throw error("octal escape value \(full) outside of range 0-0o377", offset: full.count) }
        return value
    }

    /// Whether a token is a backslash and the code point after it (read by code points: a
    /// combining mark after the backslash would join it in one Swift `Character`).
    private static func isEscape(_ token: String) -> Bool {
        token.unicodeScalars.count == 2 && token.unicodeScalars.first == "\\"
    }

    /// The code point after an escape's backslash.
    private static func escapedLetter(_ escape: String) -> Character {
        Character(escape.unicodeScalars.dropFirst().first ?? "\\")
    }

    private func badEscape(_ escape: String) -> RegexSyntaxError {
        error("bad escape \(escape)", offset: escape.unicodeScalars.count)
    }

    private mutating func classEscape(_ escape: String) throws -> ClassItem {
        let letter = RegexParser.escapedLetter(escape)
        if let code = RegexParser.simpleEscape(letter) { return .char(code) }
        if let category = RegexParser.category(letter) { return .category(category) }
        if let value = try hexEscape(escape) { return .char(value) }
        if "01234567".contains(letter) { return .char(try octalValue(escape + (try getWhile(2, RegexParser.isOctal)))) }
        if letter.isASCII && (letter.isLetter || letter.isNumber) { throw badEscape(escape) }
        return .char(escape.unicodeScalars.dropFirst().first?.value ?? 92)
    }

    private mutating func escape(_ escape: String) throws -> RegexNode {
        let letter = RegexParser.escapedLetter(escape)
        if let anchor = RegexParser.anchor(letter) { return .anchor(anchor) }
        if let category = RegexParser.category(letter) { return .set(RegexCharSet(negated: false, members: [.category(category)])) }
        if let code = RegexParser.simpleEscape(letter) { return .literal(code) }
        if let value = try hexEscape(escape) { return .literal(value) }
        if letter == "0" {
            let full = escape + (try getWhile(2, RegexParser.isOctal))
            return .literal(UInt32(full.dropFirst(), radix: 8) ?? 0)
        }
        if letter.isASCII && letter.isNumber {
            var full = escape
            if RegexParser.isDigit(next), let digit = try get() {
                full += digit
                let scalars = Array(full.unicodeScalars)
                if "01234567".unicodeScalars.contains(scalars[1]) && "01234567".unicodeScalars.contains(scalars[2])
                    && RegexParser.isOctal(next), let third = try get() {
                    return .literal(try octalValue(full + third))
                }
            }
            let group = Int(full.dropFirst()) ?? 0
            if group <= groupCount {
                if !isClosed(group) { throw error("cannot refer to an open group", offset: full.count) }
                try checkLookbehindGroup(group)
                return .backreference(group)
            }
            throw error("invalid group reference \(group)", offset: full.count - 1)
        }
        if letter.isASCII && letter.isLetter { throw badEscape(escape) }
        return .literal(escape.unicodeScalars.dropFirst().first?.value ?? 92)
    }

    // MARK: structure

    /// `a|b|c`
    private mutating func parseAlternation(verbose: Bool, nested: Int) throws -> RegexNode {
        var items: [RegexNode] = []
        var verbose = verbose
        while true {
            items.append(try parseSequence(verbose: verbose, nested: nested + 1, first: nested == 0 && items.isEmpty))
            if try !match("|") { break }
            if nested == 0 { verbose = flags.contains(.verbose) }
        }
        return items.count == 1 ? items[0] : .alternation(items)
    }

    private mutating func parseSequence(verbose startVerbose: Bool, nested: Int, first: Bool) throws -> RegexNode {
        var verbose = startVerbose
        var items: [RegexNode] = []
        while let this = next, this != "|", this != ")" {
            try advance()
            if verbose {
                if this.count == 1, " \t\n\r\u{0B}\u{0C}".unicodeScalars.contains(this.unicodeScalars[this.startIndex]) { continue }
                if this == "#" {
                    while let skipped = try get(), skipped != "\n" {}
                    continue
                }
            }
            if RegexParser.isEscape(this) {
                items.append(try escape(this))
                continue
            }
            switch this {
            case "[": items.append(try parseSet())
            case "*", "+", "?", "{":
                guard let repeated = try parseRepeat(this, after: &items) else { items.append(.literal(123)) ; continue }
                items[items.count - 1] = repeated
            case ".": items.append(.any)
            case "^": items.append(.anchor(.lineStart))
            case "$": items.append(.anchor(.lineEnd))
            case "(":
                if let group = try parseGroup(verbose: &verbose, nested: nested, atStart: first && items.isEmpty) { items.append(group) }
            default: items.append(.literal(this.unicodeScalars.first?.value ?? 0))
            }
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    /// `[...]`, from after its `[`.
    private mutating func parseSet() throws -> RegexNode {
        let here = tell - 1
        var members: [RegexCharSet.Member] = []
        let negated = try match("^")
        var first = true
        while true {
            guard let this = try get() else { throw error("unterminated character set", offset: tell - here) }
            if this == "]" && !first { break }
            first = false
            let item: ClassItem = RegexParser.isEscape(this)
                ? try classEscape(this) : .char(this.unicodeScalars.first?.value ?? 0)
            if try match("-") {
                guard let that = try get() else { throw error("unterminated character set", offset: tell - here) }
                if that == "]" {
                    members.append(item.member)
                    members.append(.char(45))
                    break
                }
                let end: ClassItem = RegexParser.isEscape(that)
                    ? try classEscape(that) : .char(that.unicodeScalars.first?.value ?? 0)
                let message = "bad character range \(this)-\(that)"
                guard case .char(let low) = item, case .char(let high) = end, low <= high else {
                    throw error(message, offset: this.unicodeScalars.count + 1 + that.unicodeScalars.count)
                }
                members.append(.range(low, high))
            } else {
                members.append(item.member)
            }
        }
        if members.count == 1, case .char(let c) = members[0], !negated { return .literal(c) }
        return .set(RegexCharSet(negated: negated, members: members))
    }

    /// A quantifier after `items`' last; nil when a `{` is a literal after all.
    private mutating func parseRepeat(_ this: String, after items: inout [RegexNode]) throws -> RegexNode? {
        let here = tell
        var low = 0, high: Int? = nil
        switch this {
        case "?": high = 1
        case "+": low = 1
        case "{":
            if next == "}" { return nil }
            let lowDigits = try getWhile(Int.max, RegexParser.isDigit)
            var highDigits = lowDigits
            if try match(",") { highDigits = try getWhile(Int.max, RegexParser.isDigit) }
            if try !match("}") {
                try seek(here)
                return nil
            }
            let tooLarge = RegexSyntaxError(message: "the repetition number is too large", position: nil, kind: .overflow)
            if !lowDigits.isEmpty {
                guard lowDigits.count < 12, let value = Int(lowDigits), value < RegexParser.maximumRepeat else { throw tooLarge }
                low = value
            }
            if !highDigits.isEmpty {
                guard highDigits.count < 12, let value = Int(highDigits), value < RegexParser.maximumRepeat else { throw tooLarge }
                high = value
                if value < low { throw error("min repeat greater than max repeat", offset: tell - here) }
            }
        default: break
        }
        let quantifierStart = here - 1
        guard let item = items.last else { throw RegexSyntaxError(message: "nothing to repeat", position: quantifierStart) }
        switch item {
        case .anchor: throw RegexSyntaxError(message: "nothing to repeat", position: quantifierStart)
        case .repetition: throw RegexSyntaxError(message: "multiple repeat", position: quantifierStart)
        default: break
        }
        let kind: RepetitionKind = try match("?") ? .lazy : try match("+") ? .possessive : .greedy
        return .repetition(item, min: low, max: high, kind: kind)
    }

    /// `(...)` in all its forms, from after its `(`; nil for what leaves nothing in the pattern
    /// (a comment, global flags).
    private mutating func parseGroup(verbose: inout Bool, nested: Int, atStart: Bool) throws -> RegexNode? {
        let start = tell - 1
        var name: String?
        var capture = true, atomic = false
        var scoped: (add: RegexFlags, remove: RegexFlags)?
        let unterminated = { (parser: RegexParser) in parser.error("missing ), unterminated subpattern", offset: parser.tell - start) }
        if try match("?") {
            guard let char = try get() else { throw error("unexpected end of pattern") }
            switch char {
            case "P":
                if try match("<") {
                    let groupName = try getUntil(">", "group name")
                    try checkGroupName(groupName, offset: 1)
                    name = groupName
                } else if try match("=") {
                    let groupName = try getUntil(")", "group name")
                    try checkGroupName(groupName, offset: 1)
                    guard let group = groupNames.first(where: { $0.name == groupName })?.index else {
                        throw error("unknown group name \(Repr.string(groupName))", offset: groupName.unicodeScalars.count + 1)
                    }
                    if !isClosed(group) { throw error("cannot refer to an open group", offset: groupName.unicodeScalars.count + 1) }
                    try checkLookbehindGroup(group)
                    return .backreference(group)
                } else {
                    guard let other = try get() else { throw error("unexpected end of pattern") }
                    throw error("unknown extension ?P" + other, offset: other.unicodeScalars.count + 2)
                }
            case ":": capture = false
            case "#":
                while true {
                    if next == nil { throw error("missing ), unterminated comment", offset: tell - start) }
                    if try get() == ")" { return nil }
                }
            case "=", "!", "<":
                var kind = char
                let behind = char == "<"
                let outerLookbehind = lookbehindGroups
                if behind {
                    guard let after = try get() else { throw error("unexpected end of pattern") }
                    guard after == "=" || after == "!" else { throw error("unknown extension ?<" + after, offset: after.unicodeScalars.count + 2) }
                    kind = after
                    if lookbehindGroups == nil { lookbehindGroups = groupCount }
                }
                let body = try nestedAlternation(verbose: verbose, nested: nested)
                if behind && outerLookbehind == nil { lookbehindGroups = nil }
                if try !match(")") { throw unterminated(self) }
                return .lookaround(body, behind: behind, negated: kind == "!")
            case "(":
                return try parseConditional(verbose: verbose, nested: nested, start: start)
            case ">":
                capture = false
                atomic = true
            default:
                guard char == "-" || (char.unicodeScalars.count == 1 && RegexFlags(letter: char.unicodeScalars[char.unicodeScalars.startIndex]) != nil) else {
                    throw error("unknown extension ?" + char, offset: char.unicodeScalars.count + 1)
                }
                guard let flags = try parseFlags(char) else {
                    if !atStart { throw error("global flags not at the start of the expression", offset: tell - start) }
                    verbose = self.flags.contains(.verbose)
                    return nil
                }
                scoped = flags
                capture = false
            }
        }
        var group: Int?
        if capture {
            groupCount += 1
            if let name {
                if let previous = groupNames.first(where: { $0.name == name }) {
                    throw error("redefinition of group name \(Repr.string(name)) as group \(groupCount); was group \(previous.index)",
                                offset: name.unicodeScalars.count + 1)
                }
                groupNames.append((name, groupCount))
            }
            group = groupCount
        }
        let innerVerbose = (verbose || scoped?.add.contains(.verbose) == true) && scoped?.remove.contains(.verbose) != true
        let body = try nestedAlternation(verbose: innerVerbose, nested: nested)
        if try !match(")") { throw unterminated(self) }
        if let group {
            groupWidths[group] = body.width(groupWidths: groupWidths)
            return .group(group, body)
        }
        if atomic { return .atomic(body) }
        if let scoped { return .scopedFlags(add: scoped.add, remove: scoped.remove, body) }
        return .noncapturing(body)
    }

    private mutating func nestedAlternation(verbose: Bool, nested: Int) throws -> RegexNode {
        try enterGroup()
        defer { depth -= 1 }
        return try parseAlternation(verbose: verbose, nested: nested + 1)
    }

    /// One group deeper; the caller goes back up (`depth -= 1`) when the group ends.
    private mutating func enterGroup() throws {
        depth += 1
        if depth > RegexParser.maximumDepth {
            throw RegexSyntaxError(message: "maximum recursion depth exceeded", position: nil, kind: .recursion)
        }
    }

    /// `(?(group)yes|no)`, from after its `(?(`.
    private mutating func parseConditional(verbose: Bool, nested: Int, start: Int) throws -> RegexNode {
        let name = try getUntil(")", "group name")
        let width = name.unicodeScalars.count + 1
        let group: Int
        if Array(name.unicodeScalars).firstNonIdentifierIndex == nil {
            guard let named = groupNames.first(where: { $0.name == name })?.index else {
                throw error("unknown group name \(Repr.string(name))", offset: width)
            }
            group = named
        } else {
            guard name.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(name) else {
                throw error("bad character in group name \(Repr.string(name))", offset: width)
            }
            if number == 0 { throw error("bad group number", offset: width) }
            if groupReferencePositions[number] == nil { groupReferencePositions[number] = tell - width }
            group = number
        }
        try checkLookbehindGroup(group)
        try enterGroup()
        defer { depth -= 1 }
        let yes = try parseSequence(verbose: verbose, nested: nested + 1, first: false)
        var no = RegexNode.empty
        if try match("|") {
            no = try parseSequence(verbose: verbose, nested: nested + 1, first: false)
            if next == "|" { throw error("conditional backref with more than two branches") }
        }
        if try !match(")") { throw error("missing ), unterminated subpattern", offset: tell - start) }
        return .conditional(group: group, yes: yes, no: no)
    }

    /// The letters of `(?aiLmsux)` or `(?aiLmsux-imsx:...)` from their first; nil for global
    /// flags, which it adds to the pattern's.
    private mutating func parseFlags(_ firstChar: String) throws -> (add: RegexFlags, remove: RegexFlags)? {
        var char: String? = firstChar
        var add = RegexFlags(), remove = RegexFlags()
        let typeFlags: RegexFlags = [.ascii, .locale, .unicode]
        func flag(_ token: String?) -> RegexFlags? {
            guard let token, token.unicodeScalars.count == 1 else { return nil }
            return RegexFlags(letter: token.unicodeScalars[token.unicodeScalars.startIndex])
        }
        func isAlpha(_ token: String) -> Bool { token.unicodeScalars.count == 1 && token.unicodeScalars.allSatisfy(\.isPythonAlpha) }
        if char != "-" {
            while let current = char, let value = flag(current) {
                if current == "L" { throw error("bad inline flags: cannot use 'L' flag with a str pattern") }
                add.formUnion(value)
                if !value.intersection(typeFlags).isEmpty && add.intersection(typeFlags) != value {
                    throw error("bad inline flags: flags 'a', 'u' and 'L' are incompatible")
                }
                char = try get()
                guard let after = char else { throw error("missing -, : or )") }
                if after == ")" || after == "-" || after == ":" { break }
                if flag(after) == nil { throw error(isAlpha(after) ? "unknown flag" : "missing -, : or )", offset: after.unicodeScalars.count) }
            }
        }
        if char == ")" {
            flags.formUnion(add)
            return nil
        }
        if char == "-" {
            char = try get()
            guard let first = char else { throw error("missing flag") }
            if flag(first) == nil { throw error(isAlpha(first) ? "unknown flag" : "missing flag", offset: first.unicodeScalars.count) }
            while let current = char, let value = flag(current) {
                if !value.intersection(typeFlags).isEmpty { throw error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'") }
                remove.formUnion(value)
                char = try get()
                guard let after = char else { throw error("missing :") }
                if after == ":" { break }
                if flag(after) == nil { throw error(isAlpha(after) ? "unknown flag" : "missing :", offset: after.unicodeScalars.count) }
            }
        }
        if !add.intersection(remove).isEmpty { throw error("bad inline flags: flag turned on and off", offset: 1) }
        return (add, remove)
    }
}
