/// Set algebra (`| & - ^`) and the subset comparisons (`<= < >= >`) between sets and frozensets.
/// The result takes the left operand's kind, as in CPython.
extension Operators {
    static func setOp(_ op: BinaryOperator, _ a: PySet, _ b: PySet) throws -> Value? {
        // Elements with the hashes their sets keep, so no `__hash__` runs again (as in CPython).
        let entries: [(hash: Int, value: Value)]
        switch op {
        case .bitOr:
            // CPython copies a's table, then merges b's: that fixes the result's order.
            let result = PySet(frozen: a.isFrozen)
            try result.merge(a)
            try result.merge(b)
            return .object(result)
        case .bitAnd: entries = try a.entries.filter { try b.contains($0.value, hash: $0.hash) }
        case .subtract: entries = try a.entries.filter { !(try b.contains($0.value, hash: $0.hash)) }
        case .bitXor:
            entries = try a.entries.filter { !(try b.contains($0.value, hash: $0.hash)) }
                + b.entries.filter { !(try a.contains($0.value, hash: $0.hash)) }
        default: return nil
        }
        let result = PySet(frozen: a.isFrozen)
        for entry in entries { try result.insert(entry.value, hash: entry.hash) }
        return .object(result)
    }

    /// `a <= b` and friends on sets: inclusion, not an order; nil for `==`/`!=`.
    static func setCompare(_ op: CompareOperator, _ a: PySet, _ b: PySet) throws -> Bool? {
        func isSubset(_ x: PySet, _ y: PySet) throws -> Bool {
            try x.dict.count <= y.dict.count && x.entries.allSatisfy { try y.contains($0.value, hash: $0.hash) }
        }
        let (na, nb) = (a.dict.count, b.dict.count)
        switch op {
        case .le: return try isSubset(a, b)
        case .lt: return try na < nb && isSubset(a, b)
        case .ge: return try isSubset(b, a)
        case .gt: return try nb < na && isSubset(b, a)
        case .eq, .ne: return nil
        }
    }
}
