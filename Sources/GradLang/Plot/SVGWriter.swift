/// A figure as an SVG document: the same shapes the PNG is drawn from (`FigureShapes`), written
/// as SVG elements in pixel units, text in a sans-serif font; its size in points, as matplotlib's
/// (figsize × 72).
enum SVGWriter {
    static func document(_ figure: FigureModel) -> String {
        let layout = FigureShapes(figure)
        var svg = """
        <?xml version="1.0" encoding="utf-8" standalone="no"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(number(figure.width * 72))pt" height="\(number(figure.height * 72))pt" \
        viewBox="0 0 \(layout.width) \(layout.height)" version="1.1">

        """
        for shape in layout.shapes { svg += element(shape) + "\n" }
        return svg + "</svg>\n"
    }

    private static func number(_ v: Double) -> String {
        let rounded = (v * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    private static func points(_ points: [FigureShapes.Point]) -> String {
        points.map { number($0.x) + "," + number($0.y) }.joined(separator: " ")
    }

    private static func element(_ shape: FigureShapes.Shape) -> String {
        switch shape {
        case .rectangle(let x, let y, let w, let h, let fill, let stroke):
            return "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(w))\" height=\"\(number(h))\" "
                + "fill=\"\(fill?.hex ?? "none")\" stroke=\"\(stroke?.hex ?? "none")\"/>"
        case .polyline(let p, let color, let width, let dashes):
            let dash = dashes.isEmpty ? "" : " stroke-dasharray=\"\(dashes.map(number).joined(separator: ","))\""
            return "<polyline points=\"\(points(p))\" fill=\"none\" stroke=\"\(color.hex)\" "
                + "stroke-width=\"\(number(width))\" stroke-linecap=\"square\"\(dash)/>"
        case .marker(let p, let kind, let size, let color):
            let r = size / 2
            switch kind {
            case "s":
                return "<rect x=\"\(number(p.x - r))\" y=\"\(number(p.y - r))\" width=\"\(number(size))\" height=\"\(number(size))\" fill=\"\(color.hex)\"/>"
            case "+", "x", "X":
                let d = kind == "+" ? [(r, 0.0), (0.0, r)] : [(r, r), (r, -r)]
                return d.map { dx, dy in
                    "<line x1=\"\(number(p.x - dx))\" y1=\"\(number(p.y - dy))\" x2=\"\(number(p.x + dx))\" y2=\"\(number(p.y + dy))\" stroke=\"\(color.hex)\" stroke-width=\"\(number(Swift.max(1, size / 6)))\"/>"
                }.joined(separator: "\n")
            case "^", "v":
                let s: Double = kind == "^" ? 1 : -1
                let corners = [FigureShapes.Point(x: p.x, y: p.y - s * r), .init(x: p.x - r, y: p.y + s * r), .init(x: p.x + r, y: p.y + s * r)]
                return "<polygon points=\"\(points(corners))\" fill=\"\(color.hex)\"/>"
            case "D", "d":
                let corners = [FigureShapes.Point(x: p.x, y: p.y - r), .init(x: p.x + r, y: p.y), .init(x: p.x, y: p.y + r), .init(x: p.x - r, y: p.y)]
                return "<polygon points=\"\(points(corners))\" fill=\"\(color.hex)\"/>"
            default:
                return "<circle cx=\"\(number(p.x))\" cy=\"\(number(p.y))\" r=\"\(number(kind == "." ? r / 2 : r))\" fill=\"\(color.hex)\"/>"
            }
        case .text(let text, let at, let anchor, let size, let color, let vertical):
            let anchorName: String
            switch anchor {
            case .start: anchorName = "start"
            case .middle: anchorName = "middle"
            case .end: anchorName = "end"
            }
            let rotation = vertical ? " transform=\"rotate(-90 \(number(at.x)) \(number(at.y)))\"" : ""
            return "<text x=\"\(number(at.x))\" y=\"\(number(at.y))\" font-family=\"DejaVu Sans, sans-serif\" "
                + "font-size=\"\(number(size))\" fill=\"\(color.hex)\" text-anchor=\"\(anchorName)\"\(rotation)>\(escaped(text))</text>"
        }
    }

    private static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
