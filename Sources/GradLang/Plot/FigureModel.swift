/// One figure as pyplot drew it: the model every back end (terminal braille, PNG, SVG) renders.
/// Built from the plain description pyplot's Python part hands over (`FigureModel+Decoding`).
struct FigureModel {
    /// In inches, as matplotlib's figsize.
    var width: Double
    var height: Double
    var dpi: Double
    var title: String
    var axes: [AxesModel]
}

struct AxesModel {
    /// The subplot's place: a grid of `rows` × `columns`, `index` counted from 1 along rows.
    var rows: Int
    var columns: Int
    var index: Int
    var title: String
    var xLabel: String
    var yLabel: String
    var xLimits: ClosedRange<Double>?
    var yLimits: ClosedRange<Double>?
    var xLog: Bool
    var yLog: Bool
    var showsGrid: Bool
    var showsLegend: Bool
    var artists: [Artist]

    var row: Int { (index - 1) / columns }
    var column: Int { (index - 1) % columns }
}

struct RGB: Equatable {
    var red: UInt8
    var green: UInt8
    var blue: UInt8

    static let black = RGB(red: 0, green: 0, blue: 0)
    static let white = RGB(red: 255, green: 255, blue: 255)
    static let gridGray = RGB(red: 0xb0, green: 0xb0, blue: 0xb0)

    /// From "#rrggbb"; nil for anything else.
    init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 7, digits[0] == UInt8(ascii: "#"),
              let value = UInt32(String(decoding: digits[1...], as: UTF8.self), radix: 16) else { return nil }
        self.init(red: UInt8(value >> 16 & 0xff), green: UInt8(value >> 8 & 0xff), blue: UInt8(value & 0xff))
    }

    init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    var hex: String {
        "#" + [red, green, blue].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}

enum LineStyle: String {
    case solid = "-"
    case dashed = "--"
    case dotted = ":"
    case dashDot = "-."
    case none = ""

    /// On and off lengths in units of the line width (matplotlib's scaled dash patterns).
    var dashPattern: [Double] {
        switch self {
        case .solid, .none: return []
        case .dashed: return [3.7, 1.6]
        case .dotted: return [1, 1.65]
        case .dashDot: return [6.4, 1.6, 1, 1.6]
        }
    }
}

/// What one pyplot call added to an axes.
struct Artist {
    enum Kind: String {
        case line, scatter, bars
        /// axhline / axvline: across the whole axes at `y[0]` / `x[0]`.
        case horizontalLine = "hline"
        case verticalLine = "vline"
    }

    var kind: Kind
    var x: [Double]
    var y: [Double]
    /// Bars only: each bar's width, centred on its `x`.
    var widths: [Double]
    var color: RGB
    var lineStyle: LineStyle
    /// A matplotlib marker character ("o", ".", "s", "^", "x", "+", "*", "D"), or "" for none.
    var marker: String
    /// In points.
    var lineWidth: Double
    var markerSize: Double
    /// Shown in the legend unless nil or starting with "_", as matplotlib does.
    var label: String?

    var legendLabel: String? {
        guard let label, !label.isEmpty, !label.hasPrefix("_") else { return nil }
        return label
    }
}
