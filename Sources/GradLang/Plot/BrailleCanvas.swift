/// A grid of terminal cells drawn in Unicode braille: each cell is 2 × 4 dots, so a plot has
/// twice the columns and four times the rows of its characters in dots. A cell has one colour,
/// the last drawn into it (UnicodePlots' BrailleCanvas works the same way).
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    private var dots: [UInt8]
    private var colors: [RGB?]

    var dotWidth: Int { columns * 2 }
    var dotHeight: Int { rows * 4 }

    init(columns: Int, rows: Int) {
        self.columns = Swift.max(columns, 1)
        self.rows = Swift.max(rows, 1)
        dots = Array(repeating: 0, count: self.columns * self.rows)
        colors = Array(repeating: nil, count: self.columns * self.rows)
    }

    /// The bit of each dot in a braille cell, by (column, row) inside the cell (Unicode's order).
    private static let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Sets the dot at (x, y), counted from the top left; outside the canvas does nothing.
    mutating func set(_ x: Int, _ y: Int, _ color: RGB) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let cell = (y / 4) * columns + x / 2
        dots[cell] |= BrailleCanvas.bits[x % 2][y % 4]
        colors[cell] = color
    }

    /// A straight line between two points in dot coordinates, clipped to the canvas, `pattern`
    /// giving dashes as on/off lengths in dots (empty: solid).
    mutating func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double), _ color: RGB, pattern: [Int] = []) {
        guard let (a, b) = LineClipping.clip(start, end, width: Double(dotWidth - 1), height: Double(dotHeight - 1)) else { return }
        let steps = Int(Swift.max(abs(b.x - a.x), abs(b.y - a.y)).rounded()) + 1
        let period = pattern.reduce(0, +)
        for i in 0..<steps {
            if period > 0 && !DashPattern.isOn(i, pattern: pattern, period: period) { continue }
            let t = steps == 1 ? 0 : Double(i) / Double(steps - 1)
            set(Int((a.x + (b.x - a.x) * t).rounded()), Int((a.y + (b.y - a.y) * t).rounded()), color)
        }
    }

    /// The cell's braille character, or nil when no dot of it is set.
    func character(column: Int, row: Int) -> Character? {
        let bits = dots[row * columns + column]
        guard bits != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(bits)) else { return nil }
        return Character(scalar)
    }

    func color(column: Int, row: Int) -> RGB? { colors[row * columns + column] }
}

/// Whether the `index`th step along a dashed line is drawn: `pattern` alternates on and off lengths.
enum DashPattern {
    static func isOn(_ index: Int, pattern: [Int], period: Int) -> Bool {
        var position = index % period
        for (i, length) in pattern.enumerated() {
            if position < length { return i % 2 == 0 }
            position -= length
        }
        return true
    }
}

/// Cutting a segment to a rectangle (Liang–Barsky), so that drawing never walks far outside it.
enum LineClipping {
    typealias Point = (x: Double, y: Double)

    /// The part of the segment inside 0...width × 0...height, or nil when none is.
    static func clip(_ a: Point, _ b: Point, width: Double, height: Double) -> (Point, Point)? {
        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite else { return nil }
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, a.x), (dx, width - a.x), (-dy, a.y), (dy, height - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
                continue
            }
            let r = q / p
            if p < 0 { t0 = Swift.max(t0, r) } else { t1 = Swift.min(t1, r) }
            if t0 > t1 { return nil }
        }
        return ((a.x + t0 * dx, a.y + t0 * dy), (a.x + t1 * dx, a.y + t1 * dy))
    }
}
