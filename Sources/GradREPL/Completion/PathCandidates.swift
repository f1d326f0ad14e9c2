#if canImport(Glibc)
import Glibc
#endif

/// File and directory names for completing a path (`%run scr`, `open("data/tr`): the entries of
/// the path's directory that start with its last part, directories with a `/` after them. Hidden
/// entries only when the part typed starts with a dot, as shells and IPython do.
enum PathCandidates {
    /// `path` as typed: relative to the working directory, or absolute, or from `~/`.
    static func completing(_ path: String) -> Completion {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let partial = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var opened = directory.isEmpty ? "." : directory
        if opened.hasPrefix("~/"), let home = environment("HOME") { opened = home + opened.dropFirst() }
        guard let stream = opendir(opened) else { return Completion(partial: partial, candidates: []) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != "..", name.hasPrefix(partial), !name.hasPrefix(".") || partial.hasPrefix(".") else { continue }
            names.append(isDirectory(opened + "/" + name) ? name + "/" : name)
        }
        return Completion(partial: partial, candidates: names.sorted())
    }

    private static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}
