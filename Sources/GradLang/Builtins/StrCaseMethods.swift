/// Case mapping (`upper`, `lower`, `title`, ...) and the character-class predicates (`isdigit`,
/// `isupper`, ...), code point by code point with Unicode's full case mappings (`'ß'.upper()`
/// is `'SS'`), as CPython does.
enum StrCaseMethods {
    static var all: [PyBuiltin] {
        [
            PyBuiltin("str.upper(self, /)") { args in
                let str = try args.selfStr
                if str.isASCII { return .str(asciiCaseMapped(str, from: 0x61...0x7A)) }
                return .str(str.string.unicodeScalars.map { $0.properties.uppercaseMapping }.joined())
            },
            PyBuiltin("str.lower(self, /)") { args in
                let str = try args.selfStr
                if str.isASCII { return .str(asciiCaseMapped(str, from: 0x41...0x5A)) }
                let text = str.scalars
                return .str(text.indices.map { lowercase(text, at: $0) }.joined())
            },
            PyBuiltin("str.swapcase(self, /)") { args in
                let text = try args.selfString.scalars
                return .str(text.indices.map { i in
                    let p = text[i].properties
                    return p.isUppercase ? lowercase(text, at: i) : p.isLowercase ? p.uppercaseMapping : String(text[i])
                }.joined())
            },
            PyBuiltin("str.title(self, /)") { args in
                var out = "", previousCased = false
                let text = try args.selfString.scalars
                for i in text.indices {
                    out += previousCased ? lowercase(text, at: i) : text[i].properties.titlecaseMapping
                    previousCased = text[i].properties.isCased
                }
                return .str(out)
            },
            PyBuiltin("str.capitalize(self, /)") { args in
                let text = try args.selfString.scalars
                guard let first = text.first else { return .str("") }
                return .str(first.properties.titlecaseMapping + text.indices.dropFirst().map { lowercase(text, at: $0) }.joined())
            },
            predicate("str.isdigit(self, /)") { $0.isPythonDigit },
            predicate("str.isdecimal(self, /)") { $0.isPythonDecimal },
            predicate("str.isnumeric(self, /)") { $0.isPythonNumeric },
            predicate("str.isalpha(self, /)") { $0.isPythonAlpha },
            predicate("str.isalnum(self, /)") { $0.isPythonAlnum },
            predicate("str.isspace(self, /)") { $0.isPythonWhitespace },
            PyBuiltin("str.isupper(self, /)") { args in .bool(try casedOnly(args.selfString, upper: true)) },
            PyBuiltin("str.islower(self, /)") { args in .bool(try casedOnly(args.selfString, upper: false)) },
            PyBuiltin("str.istitle(self, /)") { args in .bool(try isTitle(args.selfString)) },
            // These three hold for the empty string too, but for `isidentifier`.
            PyBuiltin("str.isascii(self, /)") { args in .bool(try args.selfString.unicodeScalars.allSatisfy(\.isASCII)) },
            PyBuiltin("str.isprintable(self, /)") { args in .bool(try args.selfString.unicodeScalars.allSatisfy(\.isPythonPrintable)) },
            PyBuiltin("str.isidentifier(self, /)") { args in
                let text = try args.selfString.unicodeScalars
                return .bool(!text.isEmpty && text.firstNonIdentifierIndex == nil)
            },
            mapping("str.casefold(self, /)", casefolded),
        ]
    }

    /// Unicode's full case folding (CaseFolding.txt's C and F mappings), as the lowercase of the
    /// uppercase until nothing changes (`'ẞ'` → `'ß'` → `'ss'`), but for the two places where that
    /// rule misses: Cherokee folds to its uppercase letters, and dotless `ı` folds to itself.
    private static func casefolded(_ c: Unicode.Scalar) -> String {
        switch c.value {
        case 0x131, 0x13A0...0x13F5: return String(c)
        case 0x13F8...0x13FD, 0xAB70...0xABBF: return c.properties.uppercaseMapping
        default: break
        }
        var folded = String(c)
        // Two rounds reach the fixed point for every character (checked against CPython's table).
        for _ in 0..<2 {
            folded = folded.unicodeScalars.map { $0.properties.uppercaseMapping }.joined()
                .unicodeScalars.map { $0.properties.lowercaseMapping }.joined()
        }
        return folded
    }

    /// The lowercase of `text[i]`, where a capital sigma at the end of a word (after a cased
    /// letter and not before one, case-ignorable characters skipped) becomes the final `ς`.
    private static func lowercase(_ text: [Unicode.Scalar], at i: Int) -> String {
        guard text[i] == "\u{3A3}" else { return text[i].properties.lowercaseMapping }
        let before = text[..<i].last { !$0.properties.isCaseIgnorable }
        let after = text[(i + 1)...].first { !$0.properties.isCaseIgnorable }
        let final = before?.properties.isCased == true && after?.properties.isCased != true
        return final ? "\u{3C2}" : "\u{3C3}"
    }

    /// ASCII text with the letters in `letters` (`A...Z` or `a...z`) in the other case: for ASCII
    /// text that is all Unicode's case mappings do, and it needs no string per character
    /// (`line.lower()` over a corpus).
    private static func asciiCaseMapped(_ str: PyStr, from letters: ClosedRange<UInt8>) -> PyStr {
        var text = str.string
        let mapped = text.withUTF8 { bytes in
            // Written straight into the new string: no array of the bytes in between.
            String(unsafeUninitializedCapacity: bytes.count) { out in
                out.initialize(fromContentsOf: bytes.lazy.map { letters.contains($0) ? $0 ^ 0x20 : $0 })
            }
        }
        return PyStr.of(mapped, count: mapped.utf8.count)
    }

    private static func mapping(_ signature: String, _ map: @escaping (Unicode.Scalar) -> String) -> PyBuiltin {
        PyBuiltin(signature) { args in .str(try args.selfString.unicodeScalars.map(map).joined()) }
    }

    /// True when the string is non-empty and every code point passes.
    private static func predicate(_ signature: String, _ test: @escaping (Unicode.Scalar) -> Bool) -> PyBuiltin {
        PyBuiltin(signature) { args in
            let text = try args.selfString.unicodeScalars
            return .bool(!text.isEmpty && text.allSatisfy(test))
        }
    }

    /// Uppercase and titlecase characters only after uncased ones, lowercase only after cased
    /// ones, and at least one cased character.
    private static func isTitle(_ text: String) -> Bool {
        var previousCased = false, sawCased = false
        for c in text.unicodeScalars {
            let p = c.properties
            if p.isUppercase || c.isTitlecase {
                if previousCased { return false }
                previousCased = true
                sawCased = true
            } else if p.isLowercase {
                if !previousCased { return false }
                previousCased = true
                sawCased = true
            } else {
                previousCased = false
            }
        }
        return sawCased
    }

    /// `isupper`/`islower`: at least one cased character, and none of the other case (nor titlecase).
    private static func casedOnly(_ text: String, upper: Bool) -> Bool {
        var sawCased = false
        for c in text.unicodeScalars {
            let p = c.properties
            if c.isTitlecase || (upper ? p.isLowercase : p.isUppercase) { return false }
            if upper ? p.isUppercase : p.isLowercase { sawCased = true }
        }
        return sawCased
    }
}
