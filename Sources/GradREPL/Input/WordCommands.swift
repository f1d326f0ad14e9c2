#if canImport(Glibc)
import Glibc
#endif
import CLibEdit
import CLibEditShim

/// Word motion and deletion as GNU readline does them (Ctrl/Alt-Left and -Right, Alt-B, Alt-F,
/// Alt-D, Ctrl-Delete, Alt-Backspace): a word is a run of letters and digits, so `x.grad` is two
/// words. (libedit's own commands count `.`, `_`, `-` and more as word characters.)
enum WordCommands {
    static let backward: grad_el_command_fn = { editor, _ in
        guard let editor, let reader = EditLineReader.of(editor) else { return UInt8(CC_ERROR) }
        reader.moveCursor(by: -wordLength(reader.textBeforeCursor().unicodeScalars.reversed()))
        return UInt8(CC_CURSOR)
    }

    static let forward: grad_el_command_fn = { editor, _ in
        guard let editor, let reader = EditLineReader.of(editor) else { return UInt8(CC_ERROR) }
        reader.moveCursor(by: wordLength(Array(reader.textAfterCursor().unicodeScalars)))
        return UInt8(CC_CURSOR)
    }

    static let deleteForward: grad_el_command_fn = { editor, _ in
        guard let editor, let reader = EditLineReader.of(editor) else { return UInt8(CC_ERROR) }
        reader.deleteAfterCursor(wordLength(Array(reader.textAfterCursor().unicodeScalars)))
        return UInt8(CC_REFRESH)
    }

    static let deleteBackward: grad_el_command_fn = { editor, _ in
        guard let editor, let reader = EditLineReader.of(editor) else { return UInt8(CC_ERROR) }
        reader.deleteBeforeCursor(wordLength(reader.textBeforeCursor().unicodeScalars.reversed()))
        return UInt8(CC_REFRESH)
    }

    /// How far the next word ends, walking `scalars` from the cursor: past what is not a word, then
    /// past the word.
    private static func wordLength(_ scalars: [Unicode.Scalar]) -> Int {
        let isWord: (Unicode.Scalar) -> Bool = { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        let gap = scalars.prefix { !isWord($0) }.count
        return gap + scalars.dropFirst(gap).prefix(while: isWord).count
    }
}
