/// Python's character classes (`str.isspace`, `isdigit`, ...), which follow the Unicode database
/// but not always Swift's `Character` properties.
extension Unicode.Scalar {
    /// Unicode White_Space plus the ASCII information separators `\x1c`-`\x1f`, as CPython has it.
    var isPythonWhitespace: Bool {
        // ASCII without the Unicode property look-up, which costs more than the rest of `strip`.
        if isASCII { return value == 0x20 || (0x09...0x0D).contains(value) || (0x1C...0x1F).contains(value) }
        return properties.isWhitespace
    }

    var isPythonAlpha: Bool {
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    var isPythonDecimal: Bool { properties.numericType == .decimal }
    var isPythonDigit: Bool { properties.numericType == .decimal || properties.numericType == .digit }
    var isPythonNumeric: Bool { properties.numericType != nil }
    var isPythonAlnum: Bool { isPythonAlpha || isPythonNumeric }
    var isTitlecase: Bool { properties.generalCategory == .titlecaseLetter }

    /// `str.isprintable` for one character, which `repr` and the lexer's messages also follow:
    /// all but control, format, surrogate, private-use, unassigned and separator characters,
    /// except the ASCII space.
    var isPythonPrintable: Bool {
        if self == " " { return true }
        switch properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }
}

/// `str.isidentifier()` and the lexer's check of a name with non-ASCII characters.
extension Collection where Element == Unicode.Scalar {
    /// Where the name stops being a Python identifier (XID_Start or `_`, then XID_Continue);
    /// nil when all of it is one.
    var firstNonIdentifierIndex: Index? {
        guard let first = self.first else { return nil }
        if !(first == "_" || first.properties.isXIDStart) { return startIndex }
        return dropFirst().firstIndex { !$0.properties.isXIDContinue }
    }
}

/// Strings as Python indexes them: by Unicode scalar (code point), not by grapheme.
typealias Scalars = [Unicode.Scalar]

extension String {
    var scalars: Scalars { Array(unicodeScalars) }

    init<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self = String(view)
    }
}
