import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import GradLang

/// `%graph`'s terminal drawings of the graphs built by `Drawings/Graphs/NAME.grad` (its `out`), compared
/// with `Drawings/Graphs/NAME.txt`: grad's own pictures, with no peer to record them from, checked by eye
/// once and frozen. GRAPH_DRAWINGS_RECORD=1 rewrites the files and fails, so nothing passes silently.
/// Also: `%graph -o`'s pictures drawn through Graphviz decode as PNG and SVG.
final class GraphDrawingTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Drawings/Graphs")

    /// The graph of the script's `out`, leaves named by its globals.
    static func graph(of script: String) throws -> GraphSnapshot {
        let source = try String(contentsOf: folder.appendingPathComponent(script + ".grad"), encoding: .utf8)
        let interpreter = Interpreter(writeOutput: { _ in })
        let globals = Globals()
        try interpreter.run(source: source, filename: script + ".grad", in: globals)
        let names = TensorNames.names(in: globals, interpreter: interpreter)
        return try XCTUnwrap(GraphSnapshot(of: try XCTUnwrap(globals["out"]), names: names))
    }

    /// The three ways `%graph` draws: piped (ASCII), on a terminal without colour codes, and `-s`.
    static func drawings(of script: String) throws -> String {
        let graph = try graph(of: script)
        let modes: [(String, GraphDrawing)] = [
            ("ascii", GraphDrawing(unicode: false, colour: false, showSaved: false)),
            ("unicode", GraphDrawing(unicode: true, colour: false, showSaved: false)),
            ("saved", GraphDrawing(unicode: true, colour: false, showSaved: true)),
        ]
        return modes.map { "--- \($0.0)\n" + $0.1.draw(graph, title: "out") }.joined()
    }

    func testDrawingsEqualTheFrozenOnes() throws {
        let scripts = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".grad") }.map { String($0.dropLast(5)) }.sorted()
        XCTAssertGreaterThanOrEqual(scripts.count, 5)
        let record = ProcessInfo.processInfo.environment["GRAPH_DRAWINGS_RECORD"] == "1"
        for script in scripts {
            let actual = try Self.drawings(of: script)
            let file = Self.folder.appendingPathComponent(script + ".txt")
            if record {
                try actual.write(to: file, atomically: true, encoding: .utf8)
                XCTFail("recorded \(file.lastPathComponent); check it by eye, then run without GRAPH_DRAWINGS_RECORD")
                continue
            }
            let expected = try String(contentsOf: file, encoding: .utf8)
            XCTAssertEqual(actual, expected, "\(script): drawing differs from \(file.lastPathComponent)")
        }
    }

    func testColourWrapsTextInANSICodesOnly() throws {
        let graph = try Self.graph(of: "mlp")
        let coloured = GraphDrawing(unicode: true, colour: true, showSaved: false).draw(graph, title: "out")
        XCTAssertTrue(coloured.contains("\u{1B}["))
        let stripped = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        XCTAssertEqual(stripped, GraphDrawing(unicode: true, colour: false, showSaved: false).draw(graph, title: "out"))
    }

    /// Every line of every drawing (2-layer MLPs, a folded deep network, a long irregular chain)
    /// fits in 80 columns.
    func testDrawingsFitEightyColumns() throws {
        for script in ["mlp", "sequential", "deep", "irregular", "shared", "leaves"] {
            for line in try Self.drawings(of: script).split(separator: "\n") {
                XCTAssertLessThanOrEqual(line.count, 80, "\(script): \(line)")
            }
        }
    }

    /// The DOT text has one node statement per vertex and one edge per input.
    func testDotHasTheGraphsNodesAndEdges() throws {
        let graph = try Self.graph(of: "sequential")
        let source = DotWriter().source(of: graph)
        let statements = source.split(separator: "\n").filter { $0.hasPrefix("\t") && $0.dropFirst().first?.isNumber == true }
        let edges = statements.filter { $0.contains(" -> ") }
        let leaves = graph.functions.filter { $0.variable != nil }.count
        XCTAssertEqual(edges.count, graph.functions.map(\.inputs.count).reduce(0, +) + leaves + 1)
        XCTAssertEqual(statements.count - edges.count, graph.functions.count + leaves + 1)
        XCTAssertTrue(source.contains("[label=\"model.0.weight\n (4, 3)\" fillcolor=lightblue]"))
    }

    func testRenderedPNGAndSVGDecode() throws {
        guard DotRendering.executable() != nil else { throw XCTSkip("Graphviz's dot is not on PATH (scripts/setup installs Debian's graphviz)") }
        let graph = try Self.graph(of: "mlp")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grad-graph-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let dotFile = directory.appendingPathComponent("mlp.dot").path
        try DotRendering.write(DotWriter().source(of: graph), to: dotFile)
        for format in ["png", "svg"] {
            let output = directory.appendingPathComponent("mlp." + format).path
            guard case .success = DotRendering.render(dotFile: dotFile, format: format, to: output) else {
                return XCTFail("dot -T\(format) failed")
            }
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
            if format == "png" {
                XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
                XCTAssertEqual(String(decoding: bytes[12..<16], as: UTF8.self), "IHDR")
                let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
                XCTAssertGreaterThan(width, 100)
                XCTAssertGreaterThan(height, 200)
            } else {
                let parser = XMLParser(data: Data(bytes))
                XCTAssertTrue(parser.parse(), "the SVG is not well-formed XML")
                XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains("MmBackward0"))
            }
        }
    }

    /// torchviz's `render(filename, format=...)` writes the DOT file and the picture beside it
    /// and returns the picture's path.
    func testTorchvizRenderWritesThePicture() throws {
        guard DotRendering.executable() != nil else { throw XCTSkip("Graphviz's dot is not on PATH (scripts/setup installs Debian's graphviz)") }
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("grad-torchviz-\(getpid())").path
        defer { for suffix in ["", ".png"] { try? FileManager.default.removeItem(atPath: base + suffix) } }
        var printed = ""
        let interpreter = Interpreter(writeOutput: { printed += $0 })
        try interpreter.run(source: """
            import torch
            from torchviz import make_dot
            a = torch.ones(2, requires_grad=True)
            print(make_dot((a * 3).sum(), params={"a": a}).render("\(base)", format="png"))
            """, filename: "render.grad", in: Globals())
        XCTAssertEqual(printed, base + ".png\n")
        XCTAssertTrue(try String(contentsOfFile: base, encoding: .utf8).hasPrefix("digraph {"))
        let png = [UInt8](try Data(contentsOf: URL(fileURLWithPath: base + ".png")))
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
    }

    func testAMissingDotIsReportedNotHung() throws {
        let text = DotRendering.describe(.notInstalled, format: "png")
        XCTAssertTrue(text.contains("graphviz") && text.contains(".dot"))
        let directory = FileManager.default.temporaryDirectory.path
        guard DotRendering.executable() != nil else { throw XCTSkip("Graphviz's dot is not on PATH") }
        let bad = directory + "/grad-bad-\(getpid()).dot"
        try DotRendering.write("digraph { this is not DOT", to: bad)
        defer { try? FileManager.default.removeItem(atPath: bad) }
        guard case .failure(.failed(_, let message)) = DotRendering.render(dotFile: bad, format: "png", to: bad + ".png") else {
            return XCTFail("dot accepted bad DOT")
        }
        XCTAssertTrue(message.contains("syntax error"), message)
    }
}
