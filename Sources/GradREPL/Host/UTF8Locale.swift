#if canImport(Glibc)
import Glibc
#endif

/// libedit decodes keyboard input with the C library's character type: in the "C" locale it drops
/// every non-ASCII byte. So the REPL takes the user's LC_CTYPE when it is UTF-8 and otherwise switches
/// to a UTF-8 one itself (only LC_CTYPE: number formatting stays untouched).
public enum UTF8Locale {
    public static func ensure() {
        setlocale(LC_CTYPE, "")
        if isUTF8 { return }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"] where setlocale(LC_CTYPE, name) != nil {
            if isUTF8 { return }
        }
    }

    static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }
}
