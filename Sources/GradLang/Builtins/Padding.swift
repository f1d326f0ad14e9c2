/// Padding as str and bytes do it (`center`, `ljust`, `rjust`, `zfill`), with CPython's rules,
/// over code points or bytes alike.
enum Padding {
    /// Where the text goes: `ljust` puts it on the left, `rjust` on the right.
    enum Placement { case left, right, center }

    /// `text` padded with `fill` to `width` (unchanged when already that long); MemoryError for a
    /// width past the runtime's limit.
    static func padded<Element>(_ text: [Element], to width: Int, with fill: Element, _ placement: Placement) throws -> [Element] {
        guard width > text.count else { return text }
        try Arg.checkLength(width)
        let total = width - text.count
        let left: Int
        switch placement {
        case .left: left = 0
        case .right: left = total
        // CPython's rounding: the odd cell goes left only when the width is odd too.
        case .center: left = total / 2 + (total & width & 1)
        }
        return Array(repeating: fill, count: left) + text + Array(repeating: fill, count: total - left)
    }

    /// `zfill`: zeros on the left, after a leading `+` or `-`.
    static func zeroFilled<Element: Equatable>(_ text: [Element], to width: Int, zero: Element,
                                               signs: [Element]) throws -> [Element] {
        guard width > text.count else { return text }
        var out = try padded(text, to: width, with: zero, .right)
        if let sign = text.first, signs.contains(sign) {
            out[0] = sign
            out[width - text.count] = zero
        }
        return out
    }
}
