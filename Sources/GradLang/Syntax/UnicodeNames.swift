/// Character names as CPython 3.11 knows them (Unicode 14.0), from Swift's Unicode properties:
/// for `\N{name}` escapes and the `unicodedata` module. Swift's tables are of a later Unicode,
/// so a character assigned after 14.0 counts as unassigned, as in CPython 3.11.
enum UnicodeNames {
    /// Whether Unicode 14.0 assigned `scalar`.
    static func knows(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age else { return false }
        return age.major < 14 || (age.major == 14 && age.minor == 0)
    }

    /// `scalar`'s name, or nil for one without (controls, unassigned, private use, and the
    /// Tangut ideographs, whose derived names CPython 3.11 does not give).
    static func name(of scalar: Unicode.Scalar) -> String? {
        guard knows(scalar), let name = scalar.properties.name, !name.hasPrefix("TANGUT IDEOGRAPH-") else { return nil }
        return name
    }

    /// The character named `rawName` (any case) or having it as its alias. Swift exposes each
    /// scalar's name but not the reverse map, so this searches the ranges where named characters
    /// live; it runs only for `\N{...}` escapes and `unicodedata.lookup`, which are rare.
    static func scalar(named rawName: String) -> Unicode.Scalar? {
        let name = rawName.uppercased()
        for prefix in ["CJK UNIFIED IDEOGRAPH-", "CJK COMPATIBILITY IDEOGRAPH-"] where name.hasPrefix(prefix) {
            if let value = UInt32(name.dropFirst(prefix.count), radix: 16),
               let scalar = Unicode.Scalar(value), UnicodeNames.name(of: scalar) == name {
                return scalar
            }
        }
        for range in [UInt32(0)...0x3_134F, 0xE_0000...0xE_01EF] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                if UnicodeNames.name(of: scalar) == name || (knows(scalar) && scalar.properties.nameAlias == name) { return scalar }
            }
        }
        return nil
    }
}
