/// The special methods the interpreter itself calls on instances (`a + b` → `__add__`), numbered
/// so that a class keeps their look-ups in an array (PyClass.lookup(_: SpecialName)) instead of
/// building and hashing their names on every operation.
enum SpecialName: Int, CaseIterable {
    case add, radd, iadd, sub, rsub, isub, mul, rmul, imul, matmul, rmatmul, imatmul
    case truediv, rtruediv, itruediv, floordiv, rfloordiv, ifloordiv, mod, rmod, imod
    case pow, rpow, ipow, lshift, rlshift, ilshift, rshift, rrshift, irshift
    case and, rand, iand, or, ror, ior, xor, rxor, ixor
    case eq, ne, lt, le, gt, ge
    case neg, pos, invert, abs
    case bool, len, hash, iter, next, contains, getitem, setitem, delitem, missing
    case repr, str, format, enter, exit, `init`, new

    /// `__add__`, `__radd__`, ...
    var name: String { SpecialName.names[rawValue] }

    /// Spelled out in case order (a unit test checks it): naming the cases by reflection took
    /// some 3.6 M instructions at every start.
    private static let names = (
        "add radd iadd sub rsub isub mul rmul imul matmul rmatmul imatmul truediv rtruediv " +
        "itruediv floordiv rfloordiv ifloordiv mod rmod imod pow rpow ipow lshift rlshift ilshift " +
        "rshift rrshift irshift and rand iand or ror ior xor rxor ixor eq ne lt le gt ge neg pos " +
        "invert abs bool len hash iter next contains getitem setitem delitem missing repr str " +
        "format enter exit init new"
    ).split(separator: " ").map { "__\($0)__" }

    /// The forward, reflected and in-place methods of a binary operator.
    static func methods(of op: BinaryOperator) -> (forward: SpecialName, reflected: SpecialName, inPlace: SpecialName) {
        switch op {
        case .add: return (.add, .radd, .iadd)
        case .subtract: return (.sub, .rsub, .isub)
        case .multiply: return (.mul, .rmul, .imul)
        case .matrixMultiply: return (.matmul, .rmatmul, .imatmul)
        case .divide: return (.truediv, .rtruediv, .itruediv)
        case .floorDivide: return (.floordiv, .rfloordiv, .ifloordiv)
        case .modulo: return (.mod, .rmod, .imod)
        case .power: return (.pow, .rpow, .ipow)
        case .leftShift: return (.lshift, .rlshift, .ilshift)
        case .rightShift: return (.rshift, .rrshift, .irshift)
        case .bitAnd: return (.and, .rand, .iand)
        case .bitOr: return (.or, .ror, .ior)
        case .bitXor: return (.xor, .rxor, .ixor)
        }
    }

    /// A comparison's method, and the one tried on the right operand (`<` and `>` swap; `==` and
    /// `!=` are their own).
    static func methods(of op: CompareOperator) -> (forward: SpecialName, reflected: SpecialName) {
        switch op {
        case .eq: return (.eq, .eq)
        case .ne: return (.ne, .ne)
        case .lt: return (.lt, .gt)
        case .le: return (.le, .ge)
        case .gt: return (.gt, .lt)
        case .ge: return (.ge, .le)
        }
    }
}
