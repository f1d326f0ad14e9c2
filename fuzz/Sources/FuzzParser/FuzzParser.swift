import GradLang

/// The entry point libFuzzer calls with each input: parses the bytes as a script file (a tree
/// or a SyntaxError), and the same text as REPL input (complete, incomplete or an error).
func fuzzParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? SourceText(utf8: bytes, filename: "fuzz.grad") else { return 0 }
    _ = try? parseModule(text, readFromFile: true)
    _ = parseInteractive(source: String(decoding: bytes, as: UTF8.self))
    return 0
}
