import GradLang

/// The entry point libFuzzer calls with each input: decodes the bytes as a script file is
/// decoded, then tokenizes them. Any outcome but a trap is fine: an error is data here.
func fuzzLexer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? SourceText(utf8: bytes, filename: "fuzz.grad") else { return 0 }
    _ = Lexer.tokenize(text)
    return 0
}
