/// Reading a figure model from the dicts pyplot's `_spec()` methods build. pyplot builds them,
/// so a malformed one is grad's bug, reported as a TypeError rather than trusted.
extension FigureModel {
    init(_ spec: Value) throws {
        let fields = try SpecFields(spec)
        let size = try fields.numbers("size")
        guard size.count == 2 else { throw SpecFields.malformed("size") }
        width = size[0]
        height = size[1]
        dpi = try fields.number("dpi")
        guard [width, height, dpi].allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw PyError.value("figure size and dpi must be positive and finite")
        }
        title = try fields.string("title")
        axes = try fields.list("axes").map(AxesModel.init)
    }
}

extension AxesModel {
    init(_ spec: Value) throws {
        let fields = try SpecFields(spec)
        let grid = try fields.numbers("grid").map { Int($0) }
        guard grid.count == 3, grid[0] > 0, grid[1] > 0, (1...grid[0] * grid[1]).contains(grid[2]) else {
            throw SpecFields.malformed("grid")
        }
        (rows, columns, index) = (grid[0], grid[1], grid[2])
        title = try fields.string("title")
        xLabel = try fields.string("xlabel")
        yLabel = try fields.string("ylabel")
        xLimits = try fields.limits("xlim")
        yLimits = try fields.limits("ylim")
        xLog = try fields.string("xscale") == "log"
        yLog = try fields.string("yscale") == "log"
        showsGrid = try fields.flag("grid_on")
        showsLegend = try fields.flag("legend")
        artists = try fields.list("artists").map(Artist.init)
    }
}

extension Artist {
    init(_ spec: Value) throws {
        let fields = try SpecFields(spec)
        guard let kind = Kind(rawValue: try fields.string("kind")) else { throw SpecFields.malformed("kind") }
        self.kind = kind
        x = try fields.numbers("x")
        y = try fields.numbers("y")
        widths = kind == .bars ? try fields.numbers("widths") : []
        guard x.count == y.count, kind != .bars || widths.count == x.count else { throw SpecFields.malformed("x") }
        guard let color = RGB(hex: try fields.string("color")) else { throw SpecFields.malformed("color") }
        self.color = color
        guard let style = LineStyle(rawValue: try fields.string("linestyle")) else { throw SpecFields.malformed("linestyle") }
        lineStyle = style
        marker = try fields.string("marker")
        lineWidth = try fields.number("linewidth")
        markerSize = try fields.number("markersize")
        let label = try fields.value("label")
        self.label = label.isNone ? nil : try SpecFields.string(label, "label")
    }
}

/// The entries of one spec dict, read by name with their expected types.
private struct SpecFields {
    let dict: PyDict

    init(_ value: Value) throws {
        guard case .object(let dict as PyDict) = value else { throw SpecFields.malformed("spec") }
        self.dict = dict
    }

    static func malformed(_ field: String) -> PyError {
        PyError.type("matplotlib.pyplot: malformed figure description ('\(field)')")
    }

    func value(_ key: String) throws -> Value {
        guard let value = try dict.get(.str(key)) else { throw SpecFields.malformed(key) }
        return value
    }

    static func string(_ value: Value, _ key: String) throws -> String {
        guard case .str(let s) = value else { throw malformed(key) }
        return s.string
    }

    static func number(_ value: Value, _ key: String) throws -> Double {
        switch value {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        default: throw malformed(key)
        }
    }

    func string(_ key: String) throws -> String { try SpecFields.string(value(key), key) }
    func number(_ key: String) throws -> Double { try SpecFields.number(value(key), key) }

    func flag(_ key: String) throws -> Bool {
        guard case .bool(let b) = try value(key) else { throw SpecFields.malformed(key) }
        return b
    }

    func list(_ key: String) throws -> [Value] {
        switch try value(key) {
        case .object(let list as PyList): return list.values
        case .object(let tuple as PyTuple): return tuple.items
        default: throw SpecFields.malformed(key)
        }
    }

    func numbers(_ key: String) throws -> [Double] {
        try list(key).map { try SpecFields.number($0, key) }
    }

    /// nil (automatic) or a (low, high) pair; reversed limits draw the axis reversed, which the
    /// model does not do: they are put in order.
    func limits(_ key: String) throws -> ClosedRange<Double>? {
        if try value(key).isNone { return nil }
        let pair = try numbers(key)
        guard pair.count == 2, pair.allSatisfy(\.isFinite) else { throw SpecFields.malformed(key) }
        return Swift.min(pair[0], pair[1])...Swift.max(pair[0], pair[1])
    }
}
