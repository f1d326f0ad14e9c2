/// Set algebra (`| & - ^`) and the subset comparisons (`<= < >= >`) between sets and frozensets.
/// The result takes the left operand's kind, as in CPython.
extension Operators {
    static func setOp(_ op: BinaryOperator, _ a: PySet, _ b: PySet) throws -> Value? {
        let items: [Value]
        switch op {
        case .bitOr:
            // CPython copies a's table, then merges b's: that fixes the result's order.
            let result = PySet(frozen: a.isFrozen)
            try result.merge(a)
            try result.merge(b)
            return .object(result)
        case .bitAnd: items = try a.items.filter { try b.contains($0) }
        case .subtract: items = try a.items.filter { !(try b.contains($0)) }
        case .bitXor: items = try a.items.filter { !(try b.contains($0)) } + b.items.filter { !(try a.contains($0)) }
        default: return nil
        }
        let result = PySet(frozen: a.isFrozen)
        for item in items { try result.insert(item) }
        return .object(result)
    }

    /// `a <= b` and friends on sets: inclusion, not an order; nil for `==`/`!=`.
    static func setCompare(_ op: CompareOperator, _ a: PySet, _ b: PySet) throws -> Bool? {
        func isSubset(_ x: PySet, _ y: PySet) throws -> Bool {
            try x.count <= y.count && x.items.allSatisfy { try y.contains($0) }
        }
        let (na, nb) = (a.count, b.count)
        switch op {
        case .le: return try isSubset(a, b)
        case .lt: return try na < nb && isSubset(a, b)
        case .ge: return try isSubset(b, a)
        case .gt: return try nb < na && isSubset(b, a)
        case .eq, .ne: return nil
        }
    }
}
