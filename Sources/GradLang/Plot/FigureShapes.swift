import Foundation

/// A figure laid out in pixels (y down), as matplotlib places it: each axes in its subplot cell
/// (subplot parameters left 0.125, right 0.9, bottom 0.11, top 0.88, spacing 0.2), ticks outside
/// the frame, labels at 10 points and titles at 12. The PNG and SVG back ends draw these shapes.
struct FigureShapes {
    struct Point {
        var x: Double
        var y: Double
    }

    enum Anchor {
        case start, middle, end
    }

    enum Shape {
        case polyline([Point], color: RGB, width: Double, dashes: [Double])
        case rectangle(x: Double, y: Double, width: Double, height: Double, fill: RGB?, stroke: RGB?)
        case marker(Point, kind: String, size: Double, color: RGB)
        /// Text whose baseline's `anchor` point is `at`; `vertical` reads bottom to top.
        case text(String, at: Point, anchor: Anchor, size: Double, color: RGB, vertical: Bool)
    }

    let width: Int
    let height: Int
    private(set) var shapes: [Shape] = []
    /// Pixels per point.
    private let scale: Double

    init(_ figure: FigureModel) {
        // At most 4096 pixels a side: a figure's description is checked finite and positive,
        // but figsize × dpi may still ask for more memory than a picture should take.
        width = Int(Swift.min(Swift.max((figure.width * figure.dpi).rounded(), 1), 4096))
        height = Int(Swift.min(Swift.max((figure.height * figure.dpi).rounded(), 1), 4096))
        scale = figure.dpi / 72
        shapes.append(.rectangle(x: 0, y: 0, width: Double(width), height: Double(height), fill: .white, stroke: nil))
        if !figure.title.isEmpty {
            shapes.append(.text(figure.title, at: Point(x: Double(width) / 2, y: 0.04 * Double(height)), anchor: .middle,
                                size: 12 * scale, color: .black, vertical: false))
        }
        for axes in figure.axes { add(axes) }
    }

    /// The axes' frame in pixels, from its place in its subplot grid.
    private func frame(_ axes: AxesModel) -> (x: Double, y: Double, width: Double, height: Double) {
        let (w, h) = (Double(width), Double(height))
        let cellWidth = 0.775 / (Double(axes.columns) + 0.2 * Double(axes.columns - 1))
        let cellHeight = 0.77 / (Double(axes.rows) + 0.2 * Double(axes.rows - 1))
        let left = 0.125 + Double(axes.column) * cellWidth * 1.2
        let top = 0.12 + Double(axes.row) * cellHeight * 1.2
        return (left * w, top * h, cellWidth * w, cellHeight * h)
    }

    private mutating func add(_ axes: AxesModel) {
        let box = frame(axes)
        let xScale = axes.scale(.x), yScale = axes.scale(.y)
        func px(_ v: Double) -> Double? { xScale.fraction(v).map { box.x + $0 * box.width } }
        func py(_ v: Double) -> Double? { yScale.fraction(v).map { box.y + (1 - $0) * box.height } }
        let font = 10 * scale, tickLength = 3.5 * scale
        let xTicks = xScale.ticks(maximumCount: Swift.max(2, Int(box.width / (font * 4)) + 1))
        let yTicks = yScale.ticks(maximumCount: Swift.max(2, Int(box.height / (font * 2.5)) + 1))
        let xLabels = Ticks.labels(xTicks, isLog: xScale.isLog, ascii: true)
        let yLabels = Ticks.labels(yTicks, isLog: yScale.isLog, ascii: true)
        let bottom = box.y + box.height, right = box.x + box.width

        if axes.showsGrid {
            for x in xTicks.compactMap(px) {
                shapes.append(.polyline([Point(x: x, y: box.y), Point(x: x, y: bottom)], color: .gridGray, width: 0.8 * scale, dashes: []))
            }
            for y in yTicks.compactMap(py) {
                shapes.append(.polyline([Point(x: box.x, y: y), Point(x: right, y: y)], color: .gridGray, width: 0.8 * scale, dashes: []))
            }
        }
        let clip = Clip(left: box.x, top: box.y, right: right, bottom: bottom)
        for artist in axes.artists { add(artist, clip: clip, px: px, py: py, baseline: yScale.isLog ? yScale.low : 0) }
        shapes.append(.rectangle(x: box.x, y: box.y, width: box.width, height: box.height, fill: nil, stroke: .black))

        for (tick, label) in zip(xTicks, xLabels) {
            guard let x = px(tick) else { continue }
            shapes.append(.polyline([Point(x: x, y: bottom), Point(x: x, y: bottom + tickLength)], color: .black, width: 0.8 * scale, dashes: []))
            shapes.append(.text(label, at: Point(x: x, y: bottom + tickLength + font * 1.1), anchor: .middle, size: font, color: .black, vertical: false))
        }
        var widestY = 0.0
        for (tick, label) in zip(yTicks, yLabels) {
            guard let y = py(tick) else { continue }
            shapes.append(.polyline([Point(x: box.x - tickLength, y: y), Point(x: box.x, y: y)], color: .black, width: 0.8 * scale, dashes: []))
            shapes.append(.text(label, at: Point(x: box.x - tickLength - 0.4 * font, y: y + font * 0.35), anchor: .end, size: font, color: .black, vertical: false))
            widestY = Swift.max(widestY, Double(label.count) * font * 0.6)
        }
        if !axes.title.isEmpty {
            shapes.append(.text(axes.title, at: Point(x: box.x + box.width / 2, y: box.y - 0.6 * font), anchor: .middle, size: 12 * scale, color: .black, vertical: false))
        }
        if !axes.xLabel.isEmpty {
            shapes.append(.text(axes.xLabel, at: Point(x: box.x + box.width / 2, y: bottom + tickLength + font * 2.5), anchor: .middle, size: font, color: .black, vertical: false))
        }
        if !axes.yLabel.isEmpty {
            shapes.append(.text(axes.yLabel, at: Point(x: box.x - tickLength - widestY - 0.8 * font, y: box.y + box.height / 2), anchor: .middle, size: font, color: .black, vertical: true))
        }
        if axes.showsLegend { addLegend(axes.artists, right: right, top: box.y, font: font) }
    }

    private struct Clip {
        var left, top, right, bottom: Double

        func contains(_ p: Point) -> Bool { p.x >= left - 0.5 && p.x <= right + 0.5 && p.y >= top - 0.5 && p.y <= bottom + 0.5 }

        func clamp(_ p: Point) -> Point {
            Point(x: Swift.min(Swift.max(p.x, left), right), y: Swift.min(Swift.max(p.y, top), bottom))
        }

        /// The part of a segment inside, or nil.
        func segment(_ a: Point, _ b: Point) -> [Point]? {
            let shifted = LineClipping.clip((a.x - left, a.y - top), (b.x - left, b.y - top), width: right - left, height: bottom - top)
            return shifted.map { [Point(x: $0.0.x + left, y: $0.0.y + top), Point(x: $0.1.x + left, y: $0.1.y + top)] }
        }
    }

    private mutating func add(_ artist: Artist, clip: Clip, px: (Double) -> Double?, py: (Double) -> Double?, baseline: Double) {
        let lineWidth = artist.lineWidth * scale
        let dashes = artist.lineStyle.dashPattern.map { $0 * lineWidth }
        switch artist.kind {
        case .horizontalLine:
            if let y = artist.y.first.flatMap(py), let part = clip.segment(Point(x: clip.left, y: y), Point(x: clip.right, y: y)) {
                shapes.append(.polyline(part, color: artist.color, width: lineWidth, dashes: dashes))
            }
        case .verticalLine:
            if let x = artist.x.first.flatMap(px), let part = clip.segment(Point(x: x, y: clip.top), Point(x: x, y: clip.bottom)) {
                shapes.append(.polyline(part, color: artist.color, width: lineWidth, dashes: dashes))
            }
        case .bars:
            for (i, (center, height)) in zip(artist.x, artist.y).enumerated() {
                guard let x0 = px(center - artist.widths[i] / 2), let x1 = px(center + artist.widths[i] / 2),
                      let y0 = py(baseline), let y1 = py(height) else { continue }
                let a = clip.clamp(Point(x: Swift.min(x0, x1), y: Swift.min(y0, y1)))
                let b = clip.clamp(Point(x: Swift.max(x0, x1), y: Swift.max(y0, y1)))
                shapes.append(.rectangle(x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y, fill: artist.color, stroke: nil))
            }
        case .line, .scatter:
            let points = zip(artist.x, artist.y).map { x, y in px(x).flatMap { x in py(y).map { Point(x: x, y: $0) } } }
            if artist.lineStyle != .none {
                // Runs of drawable points become polylines, each segment clipped to the frame.
                var run: [Point] = []
                for (a, b) in zip(points, points.dropFirst()) {
                    guard let a, let b, let part = clip.segment(a, b) else {
                        if run.count > 1 { shapes.append(.polyline(run, color: artist.color, width: lineWidth, dashes: dashes)) }
                        run = []
                        continue
                    }
                    if run.isEmpty { run = part } else if run.last?.x == part[0].x && run.last?.y == part[0].y { run.append(part[1]) } else {
                        shapes.append(.polyline(run, color: artist.color, width: lineWidth, dashes: dashes))
                        run = part
                    }
                }
                if run.count > 1 { shapes.append(.polyline(run, color: artist.color, width: lineWidth, dashes: dashes)) }
            }
            guard !artist.marker.isEmpty else { return }
            for point in points.compactMap({ $0 }) where clip.contains(point) {
                shapes.append(.marker(point, kind: artist.marker, size: artist.markerSize * scale, color: artist.color))
            }
        }
    }

    private mutating func addLegend(_ artists: [Artist], right: Double, top: Double, font: Double) {
        let entries = artists.compactMap { artist in artist.legendLabel.map { (artist, $0) } }
        guard let widest = entries.map({ Double($0.1.count) * font * 0.6 }).max() else { return }
        let rowHeight = font * 1.4, symbolWidth = font * 2
        let boxWidth = widest + symbolWidth + font * 1.2, boxHeight = Double(entries.count) * rowHeight + font * 0.6
        let x = right - boxWidth - font * 0.5, y = top + font * 0.5
        shapes.append(.rectangle(x: x, y: y, width: boxWidth, height: boxHeight, fill: .white, stroke: RGB(red: 0xcc, green: 0xcc, blue: 0xcc)))
        for (i, (artist, label)) in entries.enumerated() {
            let middle = y + font * 0.3 + (Double(i) + 0.5) * rowHeight
            let start = Point(x: x + font * 0.4, y: middle), end = Point(x: x + font * 0.4 + symbolWidth * 0.8, y: middle)
            switch artist.kind {
            case .bars:
                shapes.append(.rectangle(x: start.x, y: middle - font * 0.35, width: symbolWidth * 0.8, height: font * 0.7, fill: artist.color, stroke: nil))
            case .line, .horizontalLine, .verticalLine, .scatter:
                if artist.kind != .scatter && artist.lineStyle != .none {
                    shapes.append(.polyline([start, end], color: artist.color, width: artist.lineWidth * scale, dashes: artist.lineStyle.dashPattern.map { $0 * artist.lineWidth * scale }))
                }
                if !artist.marker.isEmpty {
                    shapes.append(.marker(Point(x: (start.x + end.x) / 2, y: middle), kind: artist.marker, size: artist.markerSize * scale, color: artist.color))
                }
            }
            shapes.append(.text(label, at: Point(x: x + symbolWidth + font * 0.6, y: middle + font * 0.35), anchor: .start, size: font, color: .black, vertical: false))
        }
    }
}
