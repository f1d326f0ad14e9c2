/// Python's character classes (`str.isspace`, `isdigit`, ...), which follow the Unicode database
/// but not always Swift's `Character` properties.
extension Unicode.Scalar {
    /// Unicode White_Space plus the ASCII information separators `\x1c`-`\x1f`, as CPython has it.
    var isPythonWhitespace: Bool {
        properties.isWhitespace || (0x1c...0x1f).contains(value)
    }

    /// Where `str.splitlines()` breaks a line.
    var isLineBoundary: Bool {
        switch value {
        case 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
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
