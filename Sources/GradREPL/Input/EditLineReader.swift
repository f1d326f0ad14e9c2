#if canImport(Glibc)
import Glibc
#endif
import CLibEdit
import CLibEditShim

/// Reads lines on a terminal with libedit: editing keys, history (up/down, Ctrl-R), tab completion,
/// and bracketed paste, which the terminal wraps in ESC[200~ … ESC[201~ once it is switched on.
public final class EditLineReader: LineReader {
    private let editor: OpaquePointer
    private let history: OpaquePointer
    private let historyFile: HistoryFile?
    let completer: Completer
    private let style: Style
    private let bracketedPaste: Bool
    private var promptText: UnsafeMutablePointer<CChar>?
    private var lastEntry: String?
    /// Set by the paste command while libedit reads: the line holds a paste, return it as a chunk.
    var lineHoldsPaste = false

    /// Prompts' colour codes go between two of these, so libedit gives them no width.
    private static let invisible = "\u{1}"

    /// The reader of each live editor, for libedit's callbacks, which are given only the editor.
    /// Weak, and emptied in `deinit`: a reader owns its editor and ends it there. (The REPL reads
    /// on one thread, as the library promises; see `Interpreter`.)
    nonisolated(unsafe) private static var readers: [OpaquePointer: Weak] = [:]
    private struct Weak { weak var reader: EditLineReader? }

    /// nil when libedit cannot start (then the REPL reads plainly).
    public init?(completer: Completer, historyFile: HistoryFile?, style: Style) {
        guard let input = fdopen(0, "r"), let output = fdopen(1, "w"), let errors = fdopen(2, "w"),
              let editor = el_init("grad", input, output, errors) else { return nil }
        guard let history = history_init() else {
            el_end(editor)
            return nil
        }
        self.editor = editor
        self.history = history
        self.historyFile = historyFile
        self.completer = completer
        self.style = style
        bracketedPaste = environment("TERM") != "dumb"

        grad_history_set_size(history, Int32(historyFile?.limit ?? 1000))
        grad_history_set_unique(history, 1)
        for entry in historyFile?.load() ?? [] { grad_history_enter(history, entry) }
        lastEntry = nil

        Self.readers[editor] = Weak(reader: self)
        grad_el_set_editor(editor, "emacs")
        grad_el_set_signal_handling(editor, 0)
        grad_el_set_history(editor, history)
        grad_el_set_read_function(editor) { _, character in
            guard let character else { return -1 }
            return KeyboardInput.readCharacter(character)
        }
        grad_el_set_prompt(editor, { editor in
            guard let editor else { return nil }
            return EditLineReader.of(editor)?.promptText
        }, 1)
        el_source(editor, nil)
        bind()
    }

    deinit {
        Self.readers[editor] = nil
        el_end(editor)
        history_end(history)
        free(promptText)
    }

    /// The reader whose editor libedit is calling back for.
    static func of(_ editor: OpaquePointer) -> EditLineReader? {
        readers[editor]?.reader
    }

    private func bind() {
        grad_el_add_command(editor, "grad-complete", "Complete the name or attribute before the cursor",
                            EditLineCommands.complete)
        grad_el_add_command(editor, "grad-paste", "Read a bracketed paste", EditLineCommands.paste)
        grad_el_bind(editor, "^I", "grad-complete")
        grad_el_bind(editor, "\\e[200~", "grad-paste")
        grad_el_bind(editor, "^R", "em-inc-search-prev")
    }

    public func read(_ prompt: Prompt) -> InputEvent {
        setPrompt(prompt)
        StandardStreams.output.flush()
        lineHoldsPaste = false
        if bracketedPaste { writeTerminal("\u{1B}[?2004h") }
        var count: Int32 = 0
        let line = el_wgets(editor, &count)
        if bracketedPaste { writeTerminal("\u{1B}[?2004l") }
        // Ctrl-C while reading drops the line, even when libedit went on to return one (a Ctrl-C
        // inside a paste or a Ctrl-R search reaches us as a line or as end of input).
        if Interrupts.wasReceived { return .interrupt }
        guard let line else { return .endOfInput }
        var text = String(wideCharacters: line, count: Int(count))
        if text.hasSuffix("\n") { text.removeLast() }
        if lineHoldsPaste || text.contains("\n") { return .chunk(text) }
        let waitForPaste: Int32 = prompt == .continuation && text.isBlank ? 30 : 0
        return .line(text, moreInputFollows: Terminal.inputPending(0, withinMilliseconds: waitForPaste))
    }

    public func remember(_ entry: String) {
        guard !entry.isBlank, entry != lastEntry else { return }
        lastEntry = entry
        grad_history_enter(history, entry)
        historyFile?.append(entry)
    }

    private func setPrompt(_ prompt: Prompt) {
        let invisible = Self.invisible
        let text = prompt == .primary || prompt == .continuation
            ? style.prompt(prompt.text, invisible: { invisible + $0 + invisible })
            : prompt.text
        free(promptText)
        promptText = strdup(text)
    }

    private func writeTerminal(_ sequence: String) {
        Files.writeAll(1, Array(sequence.utf8))
    }

    /// Inserts text at the cursor.
    func insert(_ text: String) -> Bool {
        var wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        return el_winsertstr(editor, wide) == 0
    }

    /// The line's text before the cursor.
    func textBeforeCursor() -> String {
        guard let info = el_wline(editor), let buffer = info.pointee.buffer, let cursor = info.pointee.cursor else { return "" }
        return String(wideCharacters: buffer, count: cursor - buffer)
    }

    /// Has libedit take a newline next, as if Enter were pressed.
    func pressEnter() {
        var newline: [wchar_t] = [10, 0]
        el_wpush(editor, &newline)
    }
}

extension String {
    /// Text from libedit's wide characters (UCS-4 on Linux); values that are not scalars are dropped.
    init(wideCharacters: UnsafePointer<wchar_t>, count: Int) {
        var scalars = String.UnicodeScalarView()
        for i in 0..<Swift.max(count, 0) {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: wideCharacters[i])) { scalars.append(scalar) }
        }
        self = String(scalars)
    }
}
