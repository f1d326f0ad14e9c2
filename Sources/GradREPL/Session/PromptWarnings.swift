extension Session {
    /// Warnings at the prompt leave out PyTorch's " (Triggered internally at FILE:LINE.)" trailer,
    /// which names a C++ file of PyTorch's build and nothing of the user's (scripts keep it, as
    /// PyTorch prints it).
    func dropInternalWarningTrailers() {
        let write = interpreter.writeWarning
        interpreter.writeWarning = { text in write(Self.withoutInternalTrailer(text)) }
    }

    static func withoutInternalTrailer(_ text: String) -> String {
        guard let start = text.range(of: " (Triggered internally at "),
              let end = text[start.upperBound...].firstIndex(of: ")") else { return text }
        return String(text[..<start.lowerBound] + text[text.index(after: end)...])
    }
}
