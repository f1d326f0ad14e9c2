/// Case mapping (`upper`, `lower`, `title`, ...) and the character-class predicates (`isdigit`,
/// `isupper`, ...), code point by code point with Unicode's full case mappings (`'ß'.upper()`
/// is `'SS'`), as CPython does.
enum StrCaseMethods {
    static var all: [PyBuiltin] {
        [
            mapping("str.upper(self, /)") { $0.properties.uppercaseMapping },
            mapping("str.lower(self, /)") { $0.properties.lowercaseMapping },
            mapping("str.swapcase(self, /)") { c in
                c.properties.isUppercase ? c.properties.lowercaseMapping
                    : c.properties.isLowercase ? c.properties.uppercaseMapping : String(c)
            },
            PyBuiltin("str.title(self, /)") { args in
                var out = "", previousCased = false
                for c in try args.selfString.unicodeScalars {
                    out += previousCased ? c.properties.lowercaseMapping : c.properties.titlecaseMapping
                    previousCased = c.properties.isCased
                }
                return .str(out)
            },
            PyBuiltin("str.capitalize(self, /)") { args in
                let text = try args.selfString.scalars
                guard let first = text.first else { return .str("") }
                return .str(first.properties.titlecaseMapping + text.dropFirst().map { $0.properties.lowercaseMapping }.joined())
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
        ]
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
