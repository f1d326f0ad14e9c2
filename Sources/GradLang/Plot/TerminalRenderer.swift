/// Draws a figure as terminal text: each axes a frame of box-drawing lines around a braille
/// canvas, ticks on the frame (`┤`, `┬`) with their labels beside them, the title above, the x
/// label below and the y label over the tick labels, the legend in the top right corner
/// (the layout of Julia's UnicodePlots and Python's plotext); in ASCII when asked.
struct TerminalRenderer {
    let terminal: PlotTerminal

    init(_ terminal: PlotTerminal) { self.terminal = terminal }

    func render(_ figure: FigureModel) -> String {
        let width = Swift.max(Swift.min(terminal.columns - 1, 100), 20)
        // Terminal cells are about twice as tall as wide: keep the figure's shape.
        let wanted = Int(Swift.min((Double(width) * figure.height / figure.width * 0.5).rounded(), 1000))
        let height = Swift.max(Swift.min(wanted, terminal.rows - 2), 8)
        let titleRows = figure.title.isEmpty ? 0 : 1
        var grid = TextGrid(width: width, height: height + titleRows)
        grid.write(figure.title, centeredAt: width / 2, row: 0)
        for axes in figure.axes {
            let blockWidth = (width - 2 * (axes.columns - 1)) / axes.columns
            let blockHeight = (height - (axes.rows - 1)) / axes.rows
            let block = drawAxes(axes, width: blockWidth, height: blockHeight)
            grid.place(block, column: axes.column * (blockWidth + 2), row: titleRows + axes.row * (blockHeight + 1))
        }
        return grid.lines(colored: terminal.colored, ascii: terminal.ascii).joined(separator: "\n") + "\n"
    }

    private func drawAxes(_ axes: AxesModel, width: Int, height: Int) -> TextGrid {
        var grid = TextGrid(width: width, height: height)
        let xScale = axes.scale(.x), yScale = axes.scale(.y)
        let titleRows = axes.title.isEmpty ? 0 : 1
        let yLabelRows = axes.yLabel.isEmpty ? 0 : 1
        let frameTop = titleRows + yLabelRows
        let plotRows = height - frameTop - 3 - (axes.xLabel.isEmpty ? 0 : 1)
        guard plotRows >= 2 else {
            grid.write("(too small to draw)", column: 0, row: 0)
            return grid
        }
        let yTicks = yScale.ticks(maximumCount: plotRows * 2 / 5 + 2)
        let yLabels = Ticks.labels(yTicks, isLog: yScale.isLog, ascii: terminal.ascii)
        let margin = (yLabels.map(\.count).max() ?? 0) + 1
        let plotColumns = width - margin - 2
        guard plotColumns >= 4 else {
            grid.write("(too small)", column: 0, row: 0)
            return grid
        }
        var canvas = BrailleCanvas(columns: plotColumns, rows: plotRows)
        let place = DotPlacement(x: xScale, y: yScale, canvas: canvas)
        let xTicks = fittingTicks(xScale, columns: plotColumns)
        for artist in axes.artists { draw(artist, on: &canvas, place) }

        let left = margin, right = margin + plotColumns + 1
        grid.write(axes.title, centeredAt: left + 1 + plotColumns / 2, row: 0)
        grid.write(axes.yLabel, column: 0, row: titleRows)
        grid.write("┌" + String(repeating: "─", count: plotColumns) + "┐", column: left, row: frameTop)
        // Grid lines go in the cells the data leaves empty, in gray (plotext's way).
        let gridRows = axes.showsGrid ? Set(yTicks.compactMap { place.y($0).map { Int($0) / 4 } }) : []
        let gridColumns = axes.showsGrid ? Set(xTicks.ticks.compactMap { place.x($0).map { Int($0) / 2 } }) : []
        for row in 0..<plotRows {
            grid.write("│", column: left, row: frameTop + 1 + row)
            grid.write("│", column: right, row: frameTop + 1 + row)
            for column in 0..<plotColumns {
                guard let character = canvas.character(column: column, row: row) else {
                    let mark: String? = gridRows.contains(row) ? (gridColumns.contains(column) ? "┼" : "┄") : (gridColumns.contains(column) ? "┆" : nil)
                    if let mark { grid.write(mark, column: left + 1 + column, row: frameTop + 1 + row, color: .gridGray) }
                    continue
                }
                grid.set(.init(character: character, color: canvas.color(column: column, row: row)),
                         column: left + 1 + column, row: frameTop + 1 + row)
            }
        }
        for (tick, label) in zip(yTicks, yLabels) {
            guard let y = place.y(tick) else { continue }
            let row = frameTop + 1 + Int(y) / 4
            grid.write(label, column: left - label.count, row: row)
            grid.write("┤", column: left, row: row)
        }
        let bottom = frameTop + plotRows + 1
        grid.write("└" + String(repeating: "─", count: plotColumns) + "┘", column: left, row: bottom)
        var lastLabelEnd = -1
        for (tick, label) in zip(xTicks.ticks, xTicks.labels) {
            guard let x = place.x(tick) else { continue }
            let column = left + 1 + Int(x) / 2
            grid.write("┬", column: column, row: bottom)
            let start = Swift.min(Swift.max(column - (label.count - 1) / 2, 0), width - label.count)
            guard start > lastLabelEnd else { continue }
            grid.write(label, column: start, row: bottom + 1)
            lastLabelEnd = start + label.count
        }
        grid.write(axes.xLabel, centeredAt: left + 1 + plotColumns / 2, row: bottom + 2)
        if axes.showsLegend { drawLegend(axes.artists, on: &grid, right: right - 2, top: frameTop + 1) }
        return grid
    }

    /// Ticks for the x axis whose labels fit side by side with a space between them.
    private func fittingTicks(_ scale: AxisScale, columns: Int) -> (ticks: [Double], labels: [String]) {
        var count = Swift.max(2, columns / 6 + 1)
        while true {
            let ticks = scale.ticks(maximumCount: count)
            let labels = Ticks.labels(ticks, isLog: scale.isLog, ascii: terminal.ascii)
            let widest = (labels.map(\.count).max() ?? 0) + 2
            if count <= 2 || ticks.count * widest <= columns { return (ticks, labels) }
            count -= 1
        }
    }

    private func draw(_ artist: Artist, on canvas: inout BrailleCanvas, _ place: DotPlacement) {
        let (w, h) = (Double(canvas.dotWidth - 1), Double(canvas.dotHeight - 1))
        let pattern = TerminalRenderer.dots(artist.lineStyle)
        switch artist.kind {
        case .horizontalLine:
            if let y = artist.y.first.flatMap(place.y) { canvas.line(from: (0, y), to: (w, y), artist.color, pattern: pattern) }
        case .verticalLine:
            if let x = artist.x.first.flatMap(place.x) { canvas.line(from: (x, 0), to: (x, h), artist.color, pattern: pattern) }
        case .bars:
            for (i, (center, height)) in zip(artist.x, artist.y).enumerated() {
                let base = place.yScale.isLog ? place.yScale.low : 0
                guard let x0 = place.x(center - artist.widths[i] / 2, clamped: true),
                      let x1 = place.x(center + artist.widths[i] / 2, clamped: true),
                      let y0 = place.y(base, clamped: true), let y1 = place.y(height, clamped: true) else { continue }
                let first = Int(Swift.min(x0, x1).rounded()), last = Int(Swift.max(x0, x1).rounded())
                // A dot column of gap before the next bar, when the bar is wide enough to spare it.
                let end = last - first > 2 ? last - 1 : Swift.max(last, first + 1)
                for x in first..<end {
                    canvas.line(from: (Double(x), y0), to: (Double(x), y1), artist.color)
                }
            }
        case .line, .scatter:
            let points = zip(artist.x, artist.y).map { (x: place.x($0.0), y: place.y($0.1)) }
            if artist.lineStyle != .none {
                for (a, b) in zip(points, points.dropFirst()) {
                    guard let ax = a.x, let ay = a.y, let bx = b.x, let by = b.y else { continue }
                    canvas.line(from: (ax, ay), to: (bx, by), artist.color, pattern: pattern)
                }
            }
            guard !artist.marker.isEmpty else { return }
            for point in points {
                guard let x = point.x, let y = point.y, (-2...w + 2).contains(x), (-2...h + 2).contains(y) else { continue }
                for (dx, dy) in TerminalRenderer.markerDots(artist.marker) {
                    canvas.set(Int(x.rounded()) + dx, Int(y.rounded()) + dy, artist.color)
                }
            }
        }
    }

    /// A line style's dashes in braille dots.
    private static func dots(_ style: LineStyle) -> [Int] {
        switch style {
        case .solid, .none: return []
        case .dashed: return [4, 2]
        case .dotted: return [1, 2]
        case .dashDot: return [4, 2, 1, 2]
        }
    }

    /// The dots of a marker around its centre: one for "." and ",", a cross for "+" and "x", a
    /// 2 × 2 block for the filled shapes.
    private static func markerDots(_ marker: String) -> [(Int, Int)] {
        switch marker {
        case ".", ",": return [(0, 0)]
        case "+": return [(0, 0), (-1, 0), (1, 0), (0, -1), (0, 1)]
        case "x", "X": return [(0, 0), (-1, -1), (1, 1), (-1, 1), (1, -1)]
        default: return [(0, 0), (1, 0), (0, 1), (1, 1)]
        }
    }

    private func drawLegend(_ artists: [Artist], on grid: inout TextGrid, right: Int, top: Int) {
        let entries = artists.compactMap { artist in artist.legendLabel.map { (artist, $0) } }
        guard let widest = entries.map({ $0.1.count }).max() else { return }
        let column = Swift.max(right - widest - 3, 0)
        for (row, (artist, label)) in entries.enumerated() {
            let symbol: String
            switch artist.kind {
            case .bars: symbol = "██"
            case .scatter: symbol = " •"
            case .line, .horizontalLine, .verticalLine: symbol = artist.lineStyle == .none ? " •" : "──"
            }
            grid.write(symbol, column: column, row: top + row, color: artist.color)
            grid.write(" " + label + String(repeating: " ", count: widest - label.count + 1), column: column + 2, row: top + row)
        }
    }
}

/// Data values to braille dot coordinates on one canvas (y counted down from the top).
struct DotPlacement {
    let xScale: AxisScale
    let yScale: AxisScale
    let width: Double
    let height: Double

    init(x: AxisScale, y: AxisScale, canvas: BrailleCanvas) {
        xScale = x
        yScale = y
        width = Double(canvas.dotWidth - 1)
        height = Double(canvas.dotHeight - 1)
    }

    /// nil where the scale cannot show the value; `clamped` keeps it on the canvas (bars).
    func x(_ value: Double, clamped: Bool) -> Double? {
        xScale.fraction(value).map { clamp($0, clamped) * width }
    }

    func y(_ value: Double, clamped: Bool) -> Double? {
        yScale.fraction(value).map { (1 - clamp($0, clamped)) * height }
    }

    func x(_ value: Double) -> Double? { x(value, clamped: false) }
    func y(_ value: Double) -> Double? { y(value, clamped: false) }

    private func clamp(_ fraction: Double, _ clamped: Bool) -> Double {
        clamped ? Swift.min(Swift.max(fraction, 0), 1) : fraction
    }
}
