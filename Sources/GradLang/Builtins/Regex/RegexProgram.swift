/// A test of one code point, with the pattern's flags applied.
enum RegexCharTest {
    case literal(UInt32)
    /// A literal under `re.IGNORECASE`: the code point's lowercase.
    case foldedLiteral(UInt32)
    /// `.` without `re.DOTALL`: anything but a newline.
    case notNewline
    case anything
    /// A set, with its answers for ASCII inline (bits 0-63, 64-127): testing an ASCII code point
    /// touches no object. Other code points are looked up in the program's set number `index`;
    /// holding a number, not the set, keeps a test (and an instruction) free to copy, with no
    /// reference count to update at each step of a match.
    case set(low: UInt64, high: UInt64, index: Int)

    /// Whether `c` passes; `sets` are the program's (`RegexProgram.sets`).
    @inline(__always)
    func matches(_ c: UInt32, _ sets: [RegexCompiledSet]) -> Bool {
        switch self {
        case .literal(let l): return c == l
        case .foldedLiteral(let l): return RegexCase.lower(c) == l
        case .notNewline: return c != 10
        case .anything: return true
        case .set(let low, let high, _) where c < 128:
            return c < 64 ? low & (1 << UInt64(c)) != 0 : high & (1 << UInt64(c - 64)) != 0
        case .set(_, _, let index): return sets[index].contains(c)
        }
    }
}

/// A character set with its flags, and its answers for ASCII as bits.
final class RegexCompiledSet {
    private let set: RegexCharSet
    private let ignoreCase: Bool
    private let ascii: Bool
    private(set) var low: UInt64 = 0, high: UInt64 = 0

    init(_ set: RegexCharSet, ignoreCase: Bool, ascii: Bool) {
        self.set = set
        self.ignoreCase = ignoreCase
        self.ascii = ascii
        for c in UInt32(0)..<128 where contains(c) {
            if c < 64 { low |= 1 << UInt64(c) } else { high |= 1 << UInt64(c - 64) }
        }
    }

    /// Whether `c` is in the set, read from the members (RegexCharTest reads ASCII's bits).
    func contains(_ c: UInt32) -> Bool {
        var found = set.containsExactly(c, ascii: ascii)
        if !found && ignoreCase {
            found = set.containsExactly(RegexCase.lower(c), ascii: ascii) || set.containsExactly(RegexCase.upper(c), ascii: ascii)
        }
        return found != set.negated
    }
}

/// Simple (one code point) case mappings, as `re.IGNORECASE` compares code points.
enum RegexCase {
    static func lower(_ c: UInt32) -> UInt32 {
        if c < 128 { return c >= 65 && c <= 90 ? c + 32 : c }
        return single(Unicode.Scalar(c)?.properties.lowercaseMapping) ?? c
    }

    static func upper(_ c: UInt32) -> UInt32 {
        if c < 128 { return c >= 97 && c <= 122 ? c - 32 : c }
        return single(Unicode.Scalar(c)?.properties.uppercaseMapping) ?? c
    }

    private static func single(_ text: String?) -> UInt32? {
        guard let scalars = text?.unicodeScalars, scalars.count == 1 else { return nil }
        return scalars.first?.value
    }
}

/// One step of a backtracking program. Targets are indexes into the same program.
enum RegexInstruction {
    case char(RegexCharTest)
    /// As many code points passing the test as `max` allows (greedy) or as few as `min` does
    /// (lazy), giving back one at a time on backtracking.
    case repeatChar(RegexCharTest, min: Int, max: Int, greedy: Bool)
    case anchor(RegexAnchor, multiline: Bool, ascii: Bool)
    /// Records the position in a group slot (2n, 2n+1 for group n).
    case save(slot: Int)
    /// Goes on at `preferred`, coming back to `other` on backtracking.
    case split(preferred: Int, other: Int)
    case jump(Int)
    case backreference(group: Int, ignoreCase: Bool)
    /// Runs program `program` here (behind: `width` code points back) as an assertion.
    case lookaround(program: Int, behindWidth: Int?, negated: Bool)
    /// Runs program `program` here and goes on from its end, never backtracking into it.
    case atomic(program: Int)
    /// Goes on if the group has matched, else to `otherwise`.
    case conditional(group: Int, otherwise: Int)
    /// A loop over a body that is not one code point: sets its counter to 0.
    case loopStart(counter: Int)
    /// Before each iteration: iterates (to the next instruction) or leaves (to `exit`) as the
    /// counter and greediness say, remembering the position in `mark`.
    case loopTest(counter: Int, mark: Int, min: Int, max: Int, greedy: Bool, exit: Int)
    /// After each iteration: counts it and goes back to `test`, unless the iteration matched
    /// nothing once `min` iterations are done (then the loop is done, as in CPython).
    case loopEnd(counter: Int, mark: Int, min: Int, test: Int, exit: Int)
    case match
}

/// A compiled pattern: the main program (0) and one per look-around and atomic group.
final class RegexProgram {
    let programs: [[RegexInstruction]]
    /// The character sets the programs' tests name by index.
    let sets: [RegexCompiledSet]
    let groupCount: Int
    /// Loop counters and marks, and register 0: the last group closed (`Match.lastindex`).
    let registerCount: Int
    /// The main program's first code point test, if every match starts with one: a search
    /// skips the positions it fails at.
    let firstTest: RegexCharTest?

    init(_ parsed: ParsedRegex) throws {
        var compiler = RegexCompiler(groupWidths: parsed.groupWidths)
        var main: [RegexInstruction] = []
        try compiler.emit(parsed.root, parsed.flags, &main)
        main.append(.match)
        compiler.programs[0] = main
        programs = compiler.programs
        sets = compiler.sets
        groupCount = parsed.groupCount
        registerCount = compiler.registerCount
        switch main.first {
        case .char(let test): firstTest = test
        case .repeatChar(let test, let min, _, _) where min > 0: firstTest = test
        default: firstTest = nil
        }
    }
}

/// Turns a pattern's tree into programs, resolving scoped flags.
private struct RegexCompiler {
    var programs: [[RegexInstruction]] = [[]]
    var sets: [RegexCompiledSet] = []
    var registerCount = 1
    let groupWidths: [Int: (Int, Int?)]

    init(groupWidths: [Int: (Int, Int?)]) { self.groupWidths = groupWidths }

    private mutating func newRegister() -> Int {
        registerCount += 1
        return registerCount - 1
    }

    private mutating func subprogram(_ node: RegexNode, _ flags: RegexFlags) throws -> Int {
        var code: [RegexInstruction] = []
        try emit(node, flags, &code)
        code.append(.match)
        programs.append(code)
        return programs.count - 1
    }

    /// The node's test when it matches exactly one code point.
    private mutating func charTest(_ node: RegexNode, _ flags: RegexFlags) -> RegexCharTest? {
        switch node {
        case .literal(let c):
            return flags.contains(.ignoreCase) && RegexCase.lower(c) != RegexCase.upper(c) ? .foldedLiteral(RegexCase.lower(c)) : .literal(c)
        case .any: return flags.contains(.dotAll) ? .anything : .notNewline
        case .set(let set):
            let compiled = RegexCompiledSet(set, ignoreCase: flags.contains(.ignoreCase), ascii: flags.contains(.ascii))
            sets.append(compiled)
            return .set(low: compiled.low, high: compiled.high, index: sets.count - 1)
        case .noncapturing(let body): return charTest(body, flags)
        default: return nil
        }
    }

    mutating func emit(_ node: RegexNode, _ flags: RegexFlags, _ code: inout [RegexInstruction]) throws {
        if let test = charTest(node, flags) {
            code.append(.char(test))
            return
        }
        switch node {
        case .literal, .any, .set: break
        case .anchor(let anchor):
            code.append(.anchor(anchor, multiline: flags.contains(.multiline), ascii: flags.contains(.ascii)))
        case .sequence(let items):
            for item in items { try emit(item, flags, &code) }
        case .alternation(let items):
            var exits: [Int] = []
            for (i, item) in items.enumerated() {
                let split = code.count
                if i < items.count - 1 { code.append(.jump(0)) }
                try emit(item, flags, &code)
                if i < items.count - 1 {
                    exits.append(code.count)
                    code.append(.jump(0))
                    code[split] = .split(preferred: split + 1, other: code.count)
                }
            }
            for exit in exits { code[exit] = .jump(code.count) }
        case .group(let n, let body):
            code.append(.save(slot: 2 * n))
            try emit(body, flags, &code)
            code.append(.save(slot: 2 * n + 1))
        case .noncapturing(let body):
            try emit(body, flags, &code)
        case .scopedFlags(let add, let remove, let body):
            try emit(body, flags.union(add).subtracting(remove), &code)
        case .repetition(let body, let min, let max, let kind):
            if kind == .possessive {
                code.append(.atomic(program: try subprogram(.repetition(body, min: min, max: max, kind: .greedy), flags)))
            } else if let test = charTest(body, flags) {
                code.append(.repeatChar(test, min: min, max: max ?? Int.max, greedy: kind == .greedy))
            } else {
                let counter = newRegister(), mark = newRegister()
                code.append(.loopStart(counter: counter))
                let test = code.count
                code.append(.jump(0))
                try emit(body, flags, &code)
                code.append(.jump(0))
                let exit = code.count
                code[test] = .loopTest(counter: counter, mark: mark, min: min, max: max ?? Int.max, greedy: kind == .greedy, exit: exit)
                code[exit - 1] = .loopEnd(counter: counter, mark: mark, min: min, test: test, exit: exit)
            }
        case .backreference(let group):
            code.append(.backreference(group: group, ignoreCase: flags.contains(.ignoreCase)))
        case .lookaround(let body, let behind, let negated):
            var width: Int?
            if behind {
                let (low, high) = body.width(groupWidths: groupWidths)
                guard low == high else { throw RegexSyntaxError(message: "look-behind requires fixed-width pattern", position: nil) }
                width = low
            }
            code.append(.lookaround(program: try subprogram(body, flags), behindWidth: width, negated: negated))
        case .atomic(let body):
            code.append(.atomic(program: try subprogram(body, flags)))
        case .conditional(let group, let yes, let no):
            let branch = code.count
            code.append(.jump(0))
            try emit(yes, flags, &code)
            let skip = code.count
            code.append(.jump(0))
            code[branch] = .conditional(group: group, otherwise: code.count)
            try emit(no, flags, &code)
            code[skip] = .jump(code.count)
        }
    }
}
