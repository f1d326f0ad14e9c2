/// Runs a RegexProgram over a text by backtracking, with an explicit stack: no Swift recursion
/// grows with the text (only with look-arounds nested in the pattern). Positions are code point
/// indexes; `end` is where the text ends for the pattern (`endpos`).
struct RegexMatcher {
    private let program: RegexProgram
    /// The program's character sets (`RegexProgram.sets`), which its tests name by index.
    private let sets: [RegexCompiledSet]
    private let text: [Unicode.Scalar]
    private let end: Int
    /// Group slots (2n, 2n+1 for group n; -1 when unset) of the match being tried.
    private(set) var slots: [Int]
    private var registers: [Int]
    /// The choices to go back to, shared by nested runs (each above its own base), and kept
    /// between matches so that a match allocates nothing.
    private var stack: [Backtrack] = []
    private var steps = 0

    init(_ program: RegexProgram, text: [Unicode.Scalar], end: Int) {
        self.program = program
        sets = program.sets
        self.text = text
        self.end = end
        slots = Array(repeating: -1, count: 2 * program.groupCount + 2)
        registers = Array(repeating: 0, count: program.registerCount)
    }

    /// The last group closed in the match found, or 0.
    var lastIndex: Int { registers[0] }

    /// What undoes a step when a later one fails.
    private enum Backtrack {
        case resume(pc: Int, position: Int)
        case restoreSlot(Int, Int)
        case restoreRegister(Int, Int)
        /// A greedy repeat that may give back code points down to `least`.
        case giveBack(pc: Int, least: Int, position: Int)
        /// A lazy repeat (instruction `pc - 1`) that may take code points up to `most`.
        case takeMore(pc: Int, most: Int, position: Int)
    }

    /// The end of a match starting at `start`, or nil. `fullMatch`: only a match ending at `end`;
    /// `rejectEmpty`: not an empty one (the next match after an empty one, as CPython's
    /// `must_advance`).
    mutating func match(at start: Int, fullMatch: Bool, rejectEmpty: Bool) throws -> Int? {
        for i in slots.indices { slots[i] = -1 }
        registers[0] = 0
        stack.removeAll(keepingCapacity: true)
        return try run(0, at: start, fullMatch: fullMatch, rejectEmptyAt: rejectEmpty ? start : nil)
    }

    /// The first match starting at `start` or after: its start and end.
    mutating func search(from start: Int, rejectEmpty: Bool) throws -> (start: Int, end: Int)? {
        var position = start
        let firstTest = program.firstTest
        while position <= end {
            if let test = firstTest {
                while position < end && !test.matches(text[position].value, sets) { position += 1 }
                if position == end { return nil }
            }
            if let found = try match(at: position, fullMatch: false, rejectEmpty: rejectEmpty && position == start) {
                return (position, found)
            }
            position += 1
        }
        return nil
    }

    private func isWord(at position: Int, ascii: Bool) -> Bool {
        position >= 0 && position < end && RegexCategory.isWord(text[position].value, ascii: ascii)
    }

    private func holds(_ anchor: RegexAnchor, at position: Int, multiline: Bool, ascii: Bool) -> Bool {
        switch anchor {
        case .textStart: return position == 0
        case .textEnd: return position == end
        case .lineStart: return position == 0 || (multiline && text[position - 1].value == 10)
        case .lineEnd:
            if position == end { return true }
            return text[position].value == 10 && (multiline || position == end - 1)
        case .wordBoundary: return isWord(at: position - 1, ascii: ascii) != isWord(at: position, ascii: ascii)
        case .notWordBoundary:
            // CPython: never at the edges of an empty text.
            if end == 0 { return false }
            return isWord(at: position - 1, ascii: ascii) == isWord(at: position, ascii: ascii)
        }
    }

    /// Where a backreference to `group` matched at `position` ends, or nil.
    private func matchBackreference(_ group: Int, at position: Int, ignoreCase: Bool) -> Int? {
        let start = slots[2 * group], stop = slots[2 * group + 1]
        guard start >= 0, stop >= start else { return nil }
        let length = stop - start
        guard position + length <= end else { return nil }
        for i in 0..<length {
            let a = text[start + i].value, b = text[position + i].value
            if a != b && !(ignoreCase && RegexCase.lower(a) == RegexCase.lower(b)) { return nil }
        }
        return position + length
    }

    /// Runs program `index` from `start`: the position it matched to, or nil, with the slots and
    /// registers restored when it fails. Either way the stack is left as it was found: what a
    /// matched look-around or atomic group could have backtracked to is forgotten.
    private mutating func run(_ index: Int, at start: Int, fullMatch: Bool, rejectEmptyAt: Int?) throws -> Int? {
        let code = program.programs[index]
        let base = stack.count
        var pc = 0, position = start
        while true {
            var failed = false
            switch code[pc] {
            case .char(let test):
                if position < end && test.matches(text[position].value, sets) {
                    position += 1
                    pc += 1
                } else {
                    failed = true
                }
            case .repeatChar(let test, let min, let max, let greedy):
                let least = position + min
                if greedy {
                    let limit = max >= end - position ? end : position + max
                    var reached = position
                    while reached < limit && test.matches(text[reached].value, sets) { reached += 1 }
                    if reached < least {
                        failed = true
                    } else {
                        if reached > least { stack.append(.giveBack(pc: pc + 1, least: least, position: reached)) }
                        position = reached
                        pc += 1
                    }
                } else {
                    guard least <= end else {
                        failed = true
                        break
                    }
                    var reached = position
                    while reached < least && test.matches(text[reached].value, sets) { reached += 1 }
                    if reached < least {
                        failed = true
                    } else {
                        let most = max >= end - position ? end : position + max
                        if reached < most { stack.append(.takeMore(pc: pc + 1, most: most, position: reached)) }
                        position = reached
                        pc += 1
                    }
                }
            case .anchor(let anchor, let multiline, let ascii):
                if holds(anchor, at: position, multiline: multiline, ascii: ascii) { pc += 1 } else { failed = true }
            case .save(let slot):
                stack.append(.restoreSlot(slot, slots[slot]))
                slots[slot] = position
                if slot & 1 == 1 {
                    stack.append(.restoreRegister(0, registers[0]))
                    registers[0] = slot / 2
                }
                pc += 1
            case .split(let preferred, let other):
                stack.append(.resume(pc: other, position: position))
                pc = preferred
            case .jump(let target):
                pc = target
            case .backreference(let group, let ignoreCase):
                if let after = matchBackreference(group, at: position, ignoreCase: ignoreCase) {
                    position = after
                    pc += 1
                } else {
                    failed = true
                }
            case .lookaround(let subprogram, let behindWidth, let negated):
                let from = position - (behindWidth ?? 0)
                let saved = (slots, registers[0])
                let found = from >= 0 ? try run(subprogram, at: from, fullMatch: false, rejectEmptyAt: nil) : nil
                if (found != nil) == negated {
                    failed = true
                    (slots, registers[0]) = saved
                } else {
                    if found != nil { keepChanges(from: saved) }
                    pc += 1
                }
            case .atomic(let subprogram):
                let saved = (slots, registers[0])
                if let after = try run(subprogram, at: position, fullMatch: false, rejectEmptyAt: nil) {
                    keepChanges(from: saved)
                    position = after
                    pc += 1
                } else {
                    failed = true
                }
            case .conditional(let group, let otherwise):
                pc = slots[2 * group + 1] >= 0 ? pc + 1 : otherwise
            case .loopStart(let counter):
                stack.append(.restoreRegister(counter, registers[counter]))
                registers[counter] = 0
                pc += 1
            case .loopTest(let counter, let mark, let min, let max, let greedy, let exit):
                let count = registers[counter]
                if count >= max {
                    pc = exit
                    break
                }
                stack.append(.restoreRegister(mark, registers[mark]))
                registers[mark] = position
                if count < min {
                    pc += 1
                } else if greedy {
                    stack.append(.resume(pc: exit, position: position))
                    pc += 1
                } else {
                    stack.append(.resume(pc: pc + 1, position: position))
                    pc = exit
                }
            case .loopEnd(let counter, let mark, let min, let test, let exit):
                let count = registers[counter] + 1
                stack.append(.restoreRegister(counter, registers[counter]))
                registers[counter] = count
                pc = count > min && position == registers[mark] ? exit : test
            case .match:
                if (fullMatch && position != end) || position == rejectEmptyAt {
                    failed = true
                } else {
                    stack.removeLast(stack.count - base)
                    return position
                }
            }
            guard failed else { continue }
            var resumed = false
            while !resumed && stack.count > base, let entry = stack.popLast() {
                steps &+= 1
                if steps & 0xFFFF == 0 && PendingEvents.any { try PendingEvents.handle() }
                switch entry {
                case .resume(let target, let at):
                    pc = target
                    position = at
                    resumed = true
                case .restoreSlot(let slot, let value):
                    slots[slot] = value
                case .restoreRegister(let register, let value):
                    registers[register] = value
                case .giveBack(let target, let least, let at):
                    if at - 1 > least { stack.append(.giveBack(pc: target, least: least, position: at - 1)) }
                    pc = target
                    position = at - 1
                    resumed = true
                case .takeMore(let target, let most, let at):
                    guard case .repeatChar(let test, _, _, _) = code[target - 1], test.matches(text[at].value, sets) else { continue }
                    if at + 1 < most { stack.append(.takeMore(pc: target, most: most, position: at + 1)) }
                    pc = target
                    position = at + 1
                    resumed = true
                }
            }
            if !resumed { return nil }
        }
    }

    /// After a look-around or atomic group matched: what it set stays, undone if the caller
    /// backtracks past it.
    private mutating func keepChanges(from saved: ([Int], Int)) {
        for (slot, old) in saved.0.enumerated() where slots[slot] != old {
            stack.append(.restoreSlot(slot, old))
        }
        if registers[0] != saved.1 { stack.append(.restoreRegister(0, saved.1)) }
    }
}
