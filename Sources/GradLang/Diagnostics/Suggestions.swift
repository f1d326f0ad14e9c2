/// CPython 3.11's "Did you mean" for an uncaught NameError or AttributeError (Python/suggestions.c):
/// the candidate closest to the misspelt name by an edit distance in which changing a letter's
/// case costs 1 and any other edit 2, provided no more than about a third of the characters change;
/// on a tie the earlier candidate wins. Lists of 750 names or more are not searched.
enum Suggestions {
    private static let moveCost = 2
    private static let caseCost = 1
    private static let maxCandidates = 750
    private static let maxStringSize = 40

    /// An AttributeError the interpreter raised for `object.name`, given what to search for a
    /// suggestion: the names `dir(object)` lists. Other errors come back unchanged.
    static func noting(_ error: PyError, object: Value, name: String, _ interpreter: Interpreter) -> PyError {
        guard error.type === PyExc.attributeError, error.exception.missingName == nil,
              error.message.hasSuffix("has no attribute '\(name)'"), !hasLargeDirInPyTorch(object) else { return error }
        error.exception.missingName = name
        error.exception.candidateNames = { [IntrospectionFunctions.attributeNames(of: object, interpreter)] }
        return error
    }

    /// A tensor or the `torch` module: PyTorch's have more than 750 attributes (751 and 1,522 in
    /// PyTorch 2.x), so CPython searches none of them; grad's have fewer, and are not searched
    /// either, so that the same mistake prints the same error.
    private static func hasLargeDirInPyTorch(_ object: Value) -> Bool {
        switch object {
        case .tensor: return true
        case .object(let m as PyModule): return m.name == "torch"
        default: return false
        }
    }

    /// The first list's best candidate, else the next list's, and so on.
    static func suggestion(for name: String, in lists: [[String]]) -> String? {
        for list in lists {
            if let found = best(name, list) { return found }
        }
        return nil
    }

    private static func best(_ name: String, _ candidates: [String]) -> String? {
        guard candidates.count < maxCandidates else { return nil }
        let target = Array(name.utf8)
        var suggestion: String?
        var suggestionDistance = Int.max
        for item in candidates where item != name {
            let bytes = Array(item.utf8)
            var maxDistance = (target.count + bytes.count + 3) * moveCost / 6
            maxDistance = min(maxDistance, suggestionDistance - 1)
            let distance = levenshtein(target[...], bytes[...], maxCost: maxDistance)
            if distance > maxDistance { continue }
            if suggestion == nil || distance < suggestionDistance {
                suggestion = item
                suggestionDistance = distance
            }
        }
        return suggestion
    }

    private static func substitutionCost(_ a: UInt8, _ b: UInt8) -> Int {
        if a & 31 != b & 31 { return moveCost }
        if a == b { return 0 }
        func lower(_ c: UInt8) -> UInt8 { (65...90).contains(c) ? c + 32 : c }
        return lower(a) == lower(b) ? caseCost : moveCost
    }

    private static func levenshtein(_ first: ArraySlice<UInt8>, _ second: ArraySlice<UInt8>, maxCost: Int) -> Int {
        var a = first, b = second
        // Common prefixes and suffixes cost nothing.
        while let x = a.first, let y = b.first, x == y { a = a.dropFirst(); b = b.dropFirst() }
        while let x = a.last, let y = b.last, x == y { a = a.dropLast(); b = b.dropLast() }
        if a.isEmpty || b.isEmpty { return (a.count + b.count) * moveCost }
        if a.count > maxStringSize || b.count > maxStringSize { return maxCost + 1 }
        if b.count < a.count { swap(&a, &b) }
        if (b.count - a.count) * moveCost > maxCost { return maxCost + 1 }
        // One row of the distance matrix, updated in place.
        var row = (1...a.count).map { $0 * moveCost }
        var result = 0
        for (bIndex, code) in b.enumerated() {
            var distance = bIndex * moveCost
            result = distance
            var minimum = Int.max
            for (index, letter) in a.enumerated() {
                let substitute = distance + substitutionCost(code, letter)
                distance = row[index]
                let insertDelete = min(result, distance) + moveCost
                result = min(insertDelete, substitute)
                row[index] = result
                minimum = min(minimum, result)
            }
            if minimum > maxCost { return maxCost + 1 }
        }
        return result
    }

    /// CPython 3.11's order of the built-in names (a tie goes to the earlier one).
    static let builtinOrder: [String] = [
        "__name__", "__doc__", "__package__", "__loader__", "__spec__", "__build_class__", "__import__", "abs", "all",
        "any", "ascii", "bin", "breakpoint", "callable", "chr", "compile", "delattr", "dir", "divmod", "eval", "exec",
        "format", "getattr", "globals", "hasattr", "hash", "hex", "id", "input", "isinstance", "issubclass", "iter",
        "aiter", "len", "locals", "max", "min", "next", "anext", "oct", "ord", "pow", "print", "repr", "round",
        "setattr", "sorted", "sum", "vars", "None", "Ellipsis", "NotImplemented", "False", "True", "bool",
        "memoryview", "bytearray", "bytes", "classmethod", "complex", "dict", "enumerate", "filter", "float",
        "frozenset", "property", "int", "list", "map", "object", "range", "reversed", "set", "slice", "staticmethod",
        "str", "super", "tuple", "type", "zip", "__debug__", "BaseException", "BaseExceptionGroup", "Exception",
        "GeneratorExit", "KeyboardInterrupt", "SystemExit", "ArithmeticError", "AssertionError", "AttributeError",
        "BufferError", "EOFError", "ImportError", "LookupError", "MemoryError", "NameError", "OSError",
        "ReferenceError", "RuntimeError", "StopAsyncIteration", "StopIteration", "SyntaxError", "SystemError",
        "TypeError", "ValueError", "Warning", "FloatingPointError", "OverflowError", "ZeroDivisionError",
        "BytesWarning", "DeprecationWarning", "EncodingWarning", "FutureWarning", "ImportWarning",
        "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning", "SyntaxWarning", "UnicodeWarning",
        "UserWarning", "BlockingIOError", "ChildProcessError", "ConnectionError", "FileExistsError",
        "FileNotFoundError", "InterruptedError", "IsADirectoryError", "NotADirectoryError", "PermissionError",
        "ProcessLookupError", "TimeoutError", "IndentationError", "IndexError", "KeyError", "ModuleNotFoundError",
        "NotImplementedError", "RecursionError", "UnboundLocalError", "UnicodeError", "BrokenPipeError",
        "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError", "TabError", "UnicodeDecodeError",
        "UnicodeEncodeError", "UnicodeTranslateError", "ExceptionGroup", "EnvironmentError", "IOError", "open",
        "quit", "exit", "copyright", "credits", "license", "help",
    ]

    /// grad's built-in names in CPython's order, grad's own (`torch`, `tensor`) last.
    static func orderedBuiltins(_ names: some Collection<String>) -> [String] {
        // The constants are keywords to grad's parser, names in CPython's built-ins.
        let present = Set(names).union(["None", "Ellipsis", "False", "True", "__debug__"])
        let known = builtinOrder.filter(present.contains)
        return known + present.subtracting(known).sorted()
    }
}
