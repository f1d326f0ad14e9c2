import Foundation

/// The `unicodedata` module over Swift's Unicode properties, limited to the characters of Unicode
/// 14.0 (CPython 3.11's version): a character Unicode assigned later is unassigned here, as there
/// (UnicodeNames.knows). `name`, `lookup`, `category`, `numeric`, `decimal`, `digit`,
/// `combining`, `mirrored`, `normalize`, `is_normalized`, `unidata_version`.
enum UnicodedataModule {
    static func make() -> PyModule {
        var attributes: [String: Value] = ["unidata_version": .str("14.0.0")]
        for f in functions { attributes[f.name] = .object(f) }
        return PyModule(name: "unicodedata", attributes: attributes)
    }

    private static var functions: [PyBuiltin] {
        [
            PyBuiltin("unicodedata.name(chr, default=<unset>, /)") { args in
                let c = try character(args["chr"], of: "name() argument 1")
                if let name = UnicodeNames.name(of: c) { return .str(name) }
                if let fallback = args.given("default") { return fallback }
                throw PyError.value("no such name")
            },
            PyBuiltin("unicodedata.lookup(name, /)") { args in
                let name: String
                switch args["name"] {
                case .str(let s): name = s.string
                case .object(let b as PyBytes) where !b.isMutable: name = String(decoding: b.bytes, as: UTF8.self)
                case .object(let b as PyBytes):
                    throw PyError.type("lookup() argument must be read-only bytes-like object, not \(b.typeName)")
                default: throw PyError.type("a bytes-like object is required, not '\(args["name"].typeName)'")
                }
                guard name.unicodeScalars.count <= 256 else { throw PyError.key(.str("name too long")) }
                guard let scalar = UnicodeNames.scalar(named: name) else {
                    throw PyError.key(.str("undefined character name '\(name)'"))
                }
                return .str(String(scalar))
            },
            PyBuiltin("unicodedata.category(chr, /)") { args in
                let c = try character(args["chr"], of: "category() argument")
                return .str(UnicodeNames.knows(c) ? categoryCode(c.properties.generalCategory) : "Cn")
            },
            numericFunction("numeric", failure: "not a numeric character") { properties in
                properties.numericValue.map { .float($0) }
            },
            numericFunction("decimal", failure: "not a decimal") { properties in
                guard properties.numericType == .decimal, let value = properties.numericValue else { return nil }
                return .int(Int(value))
            },
            numericFunction("digit", failure: "not a digit") { properties in
                guard properties.numericType == .decimal || properties.numericType == .digit,
                      let value = properties.numericValue else { return nil }
                return .int(Int(value))
            },
            PyBuiltin("unicodedata.combining(chr, /)") { args in
                let c = try character(args["chr"], of: "combining() argument")
                return .int(UnicodeNames.knows(c) ? Int(c.properties.canonicalCombiningClass.rawValue) : 0)
            },
            PyBuiltin("unicodedata.mirrored(chr, /)") { args in
                let c = try character(args["chr"], of: "mirrored() argument")
                return .int(UnicodeNames.knows(c) && c.properties.isBidiMirrored ? 1 : 0)
            },
            PyBuiltin("unicodedata.normalize(form, unistr, /)") { args in
                let (form, text) = try normalizationArguments(args, of: "normalize()")
                return .str(normalized(text, form))
            },
            PyBuiltin("unicodedata.is_normalized(form, unistr, /)") { args in
                let (form, text) = try normalizationArguments(args, of: "is_normalized()")
                return .bool(normalized(text, form).unicodeScalars.elementsEqual(text.unicodeScalars))
            },
        ]
    }

    /// `numeric`, `decimal` or `digit`: `value` of the character's properties, else the
    /// default, else ValueError(`failure`).
    private static func numericFunction(_ name: String, failure: String,
                                        _ value: @escaping (Unicode.Scalar.Properties) -> Value?) -> PyBuiltin {
        PyBuiltin("unicodedata.\(name)(chr, default=<unset>, /)") { args in
            let c = try character(args["chr"], of: "\(name)() argument 1")
            if UnicodeNames.knows(c), let v = value(c.properties) { return v }
            if let fallback = args.given("default") { return fallback }
            throw PyError.value(failure)
        }
    }

    /// The one character a str argument must be, with CPython's message naming `argument`.
    private static func character(_ v: Value, of argument: String) throws -> Unicode.Scalar {
        guard case .str(let s) = v, s.count == 1 else {
            throw PyError.type("\(argument) must be a unicode character, not \(v.typeName)")
        }
        return s.scalar(at: 0)
    }

    private static func normalizationArguments(_ args: BoundArguments, of function: String) throws -> (String, String) {
        guard case .str(let form) = args["form"] else {
            throw PyError.type("\(function) argument 1 must be str, not \(args["form"].typeName)")
        }
        guard case .str(let text) = args["unistr"] else {
            throw PyError.type("\(function) argument 2 must be str, not \(args["unistr"].typeName)")
        }
        guard ["NFC", "NFD", "NFKC", "NFKD"].contains(form.string) else { throw PyError.value("invalid normalization form") }
        return (form.string, text.string)
    }

    /// `text` in normalization form `form` (one of NFC, NFD, NFKC, NFKD).
    private static func normalized(_ text: String, _ form: String) -> String {
        switch form {
        case "NFC": return text.precomposedStringWithCanonicalMapping
        case "NFD": return text.decomposedStringWithCanonicalMapping
        case "NFKC": return text.precomposedStringWithCompatibilityMapping
        default: return text.decomposedStringWithCompatibilityMapping
        }
    }

    /// The two-letter abbreviation CPython gives a general category.
    private static func categoryCode(_ category: Unicode.GeneralCategory) -> String {
        switch category {
        case .uppercaseLetter: return "Lu"
        case .lowercaseLetter: return "Ll"
        case .titlecaseLetter: return "Lt"
        case .modifierLetter: return "Lm"
        case .otherLetter: return "Lo"
        case .nonspacingMark: return "Mn"
        case .spacingMark: return "Mc"
        case .enclosingMark: return "Me"
        case .decimalNumber: return "Nd"
        case .letterNumber: return "Nl"
        case .otherNumber: return "No"
        case .connectorPunctuation: return "Pc"
        case .dashPunctuation: return "Pd"
        case .openPunctuation: return "Ps"
        case .closePunctuation: return "Pe"
        case .initialPunctuation: return "Pi"
        case .finalPunctuation: return "Pf"
        case .otherPunctuation: return "Po"
        case .mathSymbol: return "Sm"
        case .currencySymbol: return "Sc"
        case .modifierSymbol: return "Sk"
        case .otherSymbol: return "So"
        case .spaceSeparator: return "Zs"
        case .lineSeparator: return "Zl"
        case .paragraphSeparator: return "Zp"
        case .control: return "Cc"
        case .format: return "Cf"
        case .surrogate: return "Cs"
        case .privateUse: return "Co"
        case .unassigned: return "Cn"
        @unknown default: return "Cn"
        }
    }
}
