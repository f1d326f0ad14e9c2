/// ANSI colour for terminal drawings: the nearest of xterm's 256 colours (the 6 × 6 × 6 cube and
/// the gray ramp), which every colour terminal shows; black is the terminal's own text colour,
/// so that it shows on a dark background too.
enum TerminalColor {
    static let reset = "\u{1B}[0m"

    static func foreground(_ color: RGB) -> String {
        Swift.max(color.red, color.green, color.blue) < 48 ? "\u{1B}[39m" : "\u{1B}[38;5;\(index(color))m"
    }

    static func index(_ color: RGB) -> Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func nearestLevel(_ v: UInt8) -> Int {
            levels.indices.min { abs(levels[$0] - Int(v)) < abs(levels[$1] - Int(v)) } ?? 0
        }
        let (r, g, b) = (nearestLevel(color.red), nearestLevel(color.green), nearestLevel(color.blue))
        let cube = (levels[r], levels[g], levels[b])
        let average = (Int(color.red) + Int(color.green) + Int(color.blue)) / 3
        let grayStep = Swift.min(23, Swift.max(0, (average - 8 + 5) / 10))
        let gray = 8 + grayStep * 10
        func distance(_ c: (Int, Int, Int)) -> Int {
            let d = (c.0 - Int(color.red), c.1 - Int(color.green), c.2 - Int(color.blue))
            return d.0 * d.0 + d.1 * d.1 + d.2 * d.2
        }
        return distance((gray, gray, gray)) < distance(cube) ? 232 + grayStep : 16 + 36 * r + 6 * g + b
    }
}
