import Foundation

/// An RGB image of a figure: its shapes (`FigureShapes`) filled pixel by pixel, lines as strings
/// of discs, text in the built-in bitmap font scaled to whole pixels. No anti-aliasing.
struct FigureRaster {
    let width: Int
    let height: Int
    /// Red, green, blue per pixel, row by row from the top.
    private(set) var pixels: [UInt8]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        pixels = Array(repeating: 255, count: width * height * 3)
    }

    static func draw(_ figure: FigureModel) -> FigureRaster {
        let layout = FigureShapes(figure)
        var raster = FigureRaster(width: layout.width, height: layout.height)
        for shape in layout.shapes { raster.draw(shape) }
        return raster
    }

    func pixel(x: Int, y: Int) -> RGB? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        let i = (y * width + x) * 3
        return RGB(red: pixels[i], green: pixels[i + 1], blue: pixels[i + 2])
    }

    mutating func set(_ x: Int, _ y: Int, _ color: RGB) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let i = (y * width + x) * 3
        pixels[i] = color.red
        pixels[i + 1] = color.green
        pixels[i + 2] = color.blue
    }

    private mutating func fill(x0: Double, y0: Double, x1: Double, y1: Double, _ color: RGB) {
        let left = Swift.max(0, Int(x0.rounded())), right = Swift.min(width, Int(x1.rounded()))
        let top = Swift.max(0, Int(y0.rounded())), bottom = Swift.min(height, Int(y1.rounded()))
        guard left < right, top < bottom else { return }
        for y in top..<bottom {
            for x in left..<right { set(x, y, color) }
        }
    }

    private mutating func disc(_ cx: Double, _ cy: Double, radius: Double, _ color: RGB) {
        let r = Swift.max(radius, 0.5)
        let reach = Int(r.rounded(.up))
        let (x0, y0) = (Int(cx.rounded()), Int(cy.rounded()))
        for dy in -reach...reach {
            for dx in -reach...reach where Double(dx * dx + dy * dy) <= r * r + 0.25 { set(x0 + dx, y0 + dy, color) }
        }
    }

    private mutating func draw(_ shape: FigureShapes.Shape) {
        switch shape {
        case .rectangle(let x, let y, let w, let h, let fillColor, let stroke):
            if let fillColor { fill(x0: x, y0: y, x1: x + w, y1: y + h, fillColor) }
            if let stroke {
                let p = [FigureShapes.Point(x: x, y: y), .init(x: x + w, y: y), .init(x: x + w, y: y + h), .init(x: x, y: y + h), .init(x: x, y: y)]
                polyline(p, stroke, width: 1, dashes: [])
            }
        case .polyline(let points, let color, let width, let dashes):
            polyline(points, color, width: width, dashes: dashes)
        case .marker(let p, let kind, let size, let color):
            marker(p, kind: kind, size: size, color)
        case .text(let text, let at, let anchor, let size, let color, let vertical):
            self.text(text, at: at, anchor: anchor, size: size, color, vertical: vertical)
        }
    }

    /// Discs every half pixel along the segments; dashes are on/off lengths along the whole line.
    private mutating func polyline(_ points: [FigureShapes.Point], _ color: RGB, width: Double, dashes: [Double]) {
        let period = dashes.reduce(0, +)
        var travelled = 0.0
        for (a, b) in zip(points, points.dropFirst()) {
            let length = hypot(b.x - a.x, b.y - a.y)
            guard length.isFinite, length < 1e5 else { continue }
            let steps = Swift.max(1, Int(length * 2))
            for i in 0...steps {
                let t = Double(i) / Double(steps)
                if period > 0 && !isDashOn(travelled + t * length, dashes: dashes, period: period) { continue }
                let x = a.x + (b.x - a.x) * t, y = a.y + (b.y - a.y) * t
                if width <= 1.2 { set(Int(x.rounded(.down)), Int(y.rounded(.down)), color) } else { disc(x, y, radius: width / 2, color) }
            }
            travelled += length
        }
    }

    private func isDashOn(_ distance: Double, dashes: [Double], period: Double) -> Bool {
        var position = distance.truncatingRemainder(dividingBy: period)
        for (i, length) in dashes.enumerated() {
            if position < length { return i % 2 == 0 }
            position -= length
        }
        return true
    }

    private mutating func marker(_ p: FigureShapes.Point, kind: String, size: Double, _ color: RGB) {
        let r = size / 2
        switch kind {
        case ".": disc(p.x, p.y, radius: r / 2, color)
        case ",": set(Int(p.x), Int(p.y), color)
        case "s": fill(x0: p.x - r, y0: p.y - r, x1: p.x + r, y1: p.y + r, color)
        case "+", "x", "X", "|", "_", "1", "2", "3", "4":
            let arms: [(Double, Double)] = (kind == "x" || kind == "X") ? [(r, r), (r, -r)] : [(r, 0), (0, r)]
            for (dx, dy) in arms {
                polyline([.init(x: p.x - dx, y: p.y - dy), .init(x: p.x + dx, y: p.y + dy)], color, width: Swift.max(1, size / 6), dashes: [])
            }
        case "^", "v", "<", ">", "D", "d":
            // Filled by rows: half-width shrinking linearly towards the apex.
            let reach = Int(r.rounded(.up))
            for dy in -reach...reach {
                for dx in -reach...reach {
                    let (u, v) = (Double(dx), Double(dy))
                    let inside: Bool
                    switch kind {
                    case "^": inside = abs(u) <= (v + r) / 2
                    case "v": inside = abs(u) <= (r - v) / 2
                    case "<": inside = abs(v) <= (u + r) / 2
                    case ">": inside = abs(v) <= (r - u) / 2
                    default: inside = abs(u) + abs(v) <= r
                    }
                    if inside { set(Int(p.x.rounded()) + dx, Int(p.y.rounded()) + dy, color) }
                }
            }
        default: disc(p.x, p.y, radius: r, color)
        }
    }

    /// The bitmap font's glyphs at a whole-number scale near `size` pixels, the baseline at `at`.
    private mutating func text(_ text: String, at: FigureShapes.Point, anchor: FigureShapes.Anchor, size: Double, _ color: RGB, vertical: Bool) {
        let ascent = 11
        let k = Swift.max(1, Int(size / Double(ascent) + 0.25))
        let length = Double(text.count * BitmapFont.width * k)
        let offset: Double
        switch anchor {
        case .start: offset = 0
        case .middle: offset = length / 2
        case .end: offset = length
        }
        for (i, character) in text.enumerated() {
            for v in 0..<BitmapFont.height {
                for u in 0..<BitmapFont.width where BitmapFont.isSet(character, x: u, y: v) {
                    let along = Double((i * BitmapFont.width + u) * k) - offset
                    let across = Double((v - ascent) * k)
                    for a in 0..<k {
                        for b in 0..<k {
                            if vertical {
                                set(Int(at.x + across) + b, Int(at.y - along) - a, color)
                            } else {
                                set(Int(at.x + along) + a, Int(at.y + across) + b, color)
                            }
                        }
                    }
                }
            }
        }
    }
}
