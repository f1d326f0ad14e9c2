#if canImport(Glibc)
import Glibc
#endif
import CLibEdit
import CLibEditShim

/// Reads lines on a terminal with libedit: editing keys, history (up/down, Ctrl-R), tab completion,
/// and bracketed paste, which the terminal wraps in ESC[200~ … ESC[201~ once it is switched on.
public final class EditLineReader: LineReader {
    let editor: OpaquePointer
    private let history: OpaquePointer
    private let historyFile: HistoryFile?
    let completer: Completer
    private let style: Style
    private let bracketedPaste: Bool
    private var promptText: UnsafeMutablePointer<CChar>?
    private var lastEntry: String?
    private var historyLimit: Int { historyFile?.limit ?? 1000 }
    /// The history, oldest first, as Ctrl-R searches it.
    private(set) var entries: [String] = []
    /// Set by the paste command while libedit reads: the line holds a paste, return it as a chunk.
    var lineHoldsPaste = false
    /// The prompt of the line being read.
    private(set) var prompt: Prompt = .primary
    /// The terminal's width as libedit last learned it.
    var knownColumns = Terminal.columns()
    /// Colours the line as it is typed (nil when colour is off).
    var highlighter: LineHighlighter?
    /// Set while an editor command reads keys itself (a paste, Ctrl-R's search line): the line on
    /// the screen is not libedit's then, and is not coloured.
    var commandReadsKeys = false

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

        grad_history_set_size(history, Int32(historyLimit))
        grad_history_set_unique(history, 1)
        entries = historyFile?.load() ?? []
        for entry in entries { grad_history_enter(history, RecalledBlock.shown(entry)) }
        lastEntry = nil

        Self.readers[editor] = Weak(reader: self)
        grad_el_set_editor(editor, "emacs")
        grad_el_set_signal_handling(editor, 0)
        grad_el_set_history(editor, history)
        grad_el_set_read_function(editor) { editor, character in
            guard let character else { return -1 }
            let reader = editor.flatMap(EditLineReader.of)
            reader?.prepareToWait()
            return KeyboardInput.readCharacter(character) { reader?.prepareToWait() }
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
        grad_el_add_command(editor, "grad-delete-or-end", "Delete the next character, or end input on a blank line",
                            EditLineCommands.deleteOrEnd)
        grad_el_add_command(editor, "grad-backspace", "Delete the previous character, or dedent",
                            EditLineCommands.backspace)
        grad_el_add_command(editor, "grad-rubout-word", "Delete the space-delimited word before the cursor",
                            EditLineCommands.ruboutWord)
        grad_el_add_command(editor, "grad-backward-word", "Move to the start of this or the previous word",
                            WordCommands.backward)
        grad_el_add_command(editor, "grad-forward-word", "Move to the end of this or the next word", WordCommands.forward)
        grad_el_add_command(editor, "grad-kill-word", "Delete to the end of this or the next word",
                            WordCommands.deleteForward)
        grad_el_add_command(editor, "grad-backward-kill-word", "Delete to the start of this or the previous word",
                            WordCommands.deleteBackward)
        grad_el_bind(editor, "^I", "grad-complete")
        grad_el_bind(editor, "\\e[200~", "grad-paste")
        grad_el_add_command(editor, "grad-reverse-search", "Search the history backwards as you type",
                            HistorySearch.reverse)
        grad_el_bind(editor, "^R", "grad-reverse-search")
        grad_el_add_command(editor, "grad-up", "The line above, or the previous history entry", RecalledBlock.up)
        grad_el_add_command(editor, "grad-down", "The line below, or the next history entry", RecalledBlock.down)
        for key in ["\\e[A", "\\eOA", "^P"] { grad_el_bind(editor, key, "grad-up") }
        for key in ["\\e[B", "\\eOB", "^N"] { grad_el_bind(editor, key, "grad-down") }
        grad_el_bind(editor, RecalledBlock.previousEntryKey, "ed-prev-history")
        grad_el_bind(editor, RecalledBlock.nextEntryKey, "ed-next-history")
        grad_el_bind(editor, "^D", "grad-delete-or-end")
        for key in ["^?", "^H"] { grad_el_bind(editor, key, "grad-backspace") }
        grad_el_bind(editor, "^W", "grad-rubout-word")
        grad_el_add_command(editor, "grad-suspend", "Stop grad until the shell continues it (fg)", EditLineCommands.suspend)
        grad_el_bind(editor, "^Z", "grad-suspend")
        for key in Self.otherKeys { grad_el_bind(editor, key, "ed-unassigned") }
        for (keys, command) in Self.readlineKeys {
            for key in keys { grad_el_bind(editor, key, command) }
        }
    }

    /// The keys xterm, VTE, rxvt and the Linux console send for word motion, Home, End, Delete and
    /// the like, bound as GNU readline (with Debian's /etc/inputrc) binds them, so that none of
    /// them inserts the tail of its escape sequence.
    private static let readlineKeys: [(keys: [String], command: String)] = [
        (["\\e[1;5D", "\\e[5D", "\\e[1;3D", "\\e\\e[D", "\\eOd", "\\eb", "\\eB"], "grad-backward-word"),
        (["\\e[1;5C", "\\e[5C", "\\e[1;3C", "\\e\\e[C", "\\eOc", "\\ef", "\\eF"], "grad-forward-word"),
        (["\\e[3;5~", "\\e[3;3~", "\\ed", "\\eD"], "grad-kill-word"),
        (["\\e^?", "\\e^H"], "grad-backward-kill-word"),
        (["\\e[H", "\\eOH", "\\e[1~", "\\e[7~"], "ed-move-to-beg"),
        (["\\e[F", "\\eOF", "\\e[4~", "\\e[8~"], "ed-move-to-end"),
        (["\\e[3~"], "ed-delete-next-char"),
        (["\\e[2~"], "ed-quoted-insert"),
    ]

    /// Every other function, editing or arrow key with Shift, Alt or Ctrl (xterm's sequences), and
    /// PageUp and PageDown: bound to nothing (a beep), so that the tail of a sequence libedit does
    /// not know is never typed into the line.
    private static var otherKeys: [String] {
        let finals = ["A", "B", "C", "D", "H", "F", "P", "Q", "R", "S"]
        let numbers = [2, 3, 5, 6, 15, 17, 18, 19, 20, 21, 23, 24]
        var keys = ["\\eOP", "\\eOQ", "\\eOR", "\\eOS"] + numbers.map { "\\e[\($0)~" }
        for modifier in 2...8 {
            keys += finals.map { "\\e[1;\(modifier)\($0)" } + numbers.map { "\\e[\($0);\(modifier)~" }
        }
        return keys
    }

    public func read(_ prompt: Prompt, indentation: String) -> InputEvent {
        self.prompt = prompt
        setPrompt(prompt)
        StandardStreams.output.flush()
        lineHoldsPaste = false
        // A typed line starts indented; text already arriving (a paste without bracketed paste
        // markers) carries its own indentation and gets none.
        if !indentation.isEmpty && !Terminal.inputPending(0, withinMilliseconds: Self.pasteWait) { type(indentation) }
        noticeResize()
        setBracketedPaste(true)
        TerminalSignals.install()
        var count: Int32 = 0
        let line = el_wgets(editor, &count)
        TerminalSignals.uninstall()
        setBracketedPaste(false)
        // Ctrl-C while reading drops the line, even when libedit went on to return one (a Ctrl-C
        // inside a paste or a Ctrl-R search reaches us as a line or as end of input).
        if Interrupts.wasReceived { return .interrupt }
        guard let line else { return .endOfInput }
        var text = String(wideCharacters: line, count: Int(count))
        if text.hasSuffix("\n") { text.removeLast() }
        if !lineHoldsPaste { text = RecalledBlock.entered(text) }
        if lineHoldsPaste || text.contains("\n") { return .chunk(text) }
        let waitForPaste: Int32 = prompt == .continuation && text.isBlank ? Self.pasteWait : 0
        let moreInputFollows = Terminal.inputPending(0, withinMilliseconds: waitForPaste)
        // Enter on a typed line of nothing but indentation (the auto-indent) ends the block, as an
        // empty line does (CPython 3.13 and IPython do the same); pasted, the spaces are kept.
        if prompt == .continuation && text.isBlank && !moreInputFollows { text = "" }
        return .line(text, moreInputFollows: moreInputFollows)
    }

    public func remember(_ entry: String) {
        guard !entry.isBlank, entry != lastEntry else { return }
        lastEntry = entry
        entries.removeAll { $0 == entry }
        entries.append(entry)
        if entries.count > historyLimit { entries.removeFirst() }
        grad_history_enter(history, RecalledBlock.shown(entry))
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

    /// Before waiting for a key (and again when a signal interrupts the wait): a Ctrl-Z, `fg` or
    /// resize that came while libedit was busy is handled now, and the line is coloured.
    private func prepareToWait() {
        handleTerminalSignals()
        highlightWhileIdle()
        // One that came while the line was coloured would not interrupt the wait: handled now.
        if handleTerminalSignals() { highlightWhileIdle() }
    }

    /// Colours the line (see `LineHighlighter`) when libedit is about to wait for a key: not while
    /// more input is already waiting (a paste or fast typing is coloured once it stops).
    private func highlightWhileIdle() {
        guard let highlighter, !commandReadsKeys, prompt == .primary || prompt == .continuation,
              !Terminal.inputPending(0), let info = el_wline(editor), let buffer = info.pointee.buffer,
              let cursor = info.pointee.cursor, let end = info.pointee.lastchar else { return }
        let line = (0..<Swift.max(end - buffer, 0)).compactMap { Unicode.Scalar(UInt32(bitPattern: buffer[$0])) }
        // A value that is no character is drawn by libedit in a way not worked out here.
        guard line.count == end - buffer else { return }
        if let repaint = highlighter.repaint(line: line, cursor: cursor - buffer, promptWidth: prompt.text.count,
                                             columns: knownColumns, rows: Terminal.rows()) {
            writeTerminal(repaint)
        }
    }

    /// The terminal's bracketed paste mode, on while a line is read (when the terminal has it).
    func setBracketedPaste(_ on: Bool) {
        if bracketedPaste { writeTerminal(on ? "\u{1B}[?2004h" : "\u{1B}[?2004l") }
    }

    func writeTerminal(_ sequence: String) {
        Files.writeAll(1, Array(sequence.utf8))
    }

    /// How long to wait for more input before taking the input so far as typed, not pasted
    /// (milliseconds): a terminal delivers a paste in pieces far faster than anyone types.
    private static let pasteWait: Int32 = 30

    /// Has libedit read `text` as if typed, before the keyboard's input (a tab quoted with ^V, as
    /// Tab itself completes).
    private func type(_ text: String) {
        var keys: [wchar_t] = []
        for scalar in text.unicodeScalars {
            if scalar == "\t" { keys.append(0x16) }
            keys.append(wchar_t(bitPattern: scalar.value))
        }
        keys.append(0)
        el_wpush(editor, keys)
    }

    /// Has libedit read `keys` (as written for a binding, `\e[A`) as if typed, next.
    func push(_ keys: String) {
        var wide = keys.replacing("\\e", with: "\u{1B}").unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        el_wpush(editor, wide)
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

    /// The line's text after the cursor.
    func textAfterCursor() -> String {
        guard let info = el_wline(editor), let cursor = info.pointee.cursor, let end = info.pointee.lastchar else { return "" }
        return String(wideCharacters: cursor, count: end - cursor)
    }

    /// Deletes `count` characters before the cursor (as many as there are).
    func deleteBeforeCursor(_ count: Int) {
        let available = textBeforeCursor().unicodeScalars.count
        el_deletestr(editor, Int32(Swift.min(count, available)))
    }

    /// Deletes `count` characters from the cursor on (as many as there are).
    func deleteAfterCursor(_ count: Int) {
        let deleted = Swift.min(count, textAfterCursor().unicodeScalars.count)
        guard deleted > 0 else { return }
        el_cursor(editor, Int32(deleted))
        el_deletestr(editor, Int32(deleted))
    }

    /// Moves the cursor `offset` characters right (left when negative).
    func moveCursor(by offset: Int) {
        if offset != 0 { el_cursor(editor, Int32(clamping: offset)) }
    }

    /// Empties the line.
    func deleteLine() {
        deleteAfterCursor(Int.max)
        deleteBeforeCursor(Int.max)
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
