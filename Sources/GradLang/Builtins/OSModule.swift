import Glibc

/// The `os` module's common part, with `os.path`: the calls on the file system are Swift here;
/// `makedirs`, `getenv` and `os.path`'s string functions are Python (`OSModuleSource`).
enum OSModule {
    static func make(_ interpreter: Interpreter) -> PyModule {
        let path = PyModule(name: "os.path", attributes: [
            // (is a directory, size), or None for a path that cannot be read (an error when strict).
            "_stat": .object(PyBuiltin("_stat(path, strict=False, /)") { args in
                var status = stat()
                let name = try pathArgument(args["path"], "stat")
                guard stat(name, &status) == 0 else {
                    if try Operators.truthy(args["strict"]) { throw PyError.lastOSError(filename: name) }
                    return .none
                }
                return .object(PyTuple([.bool(status.st_mode & S_IFMT == S_IFDIR), .int(Int(status.st_size))]))
            }),
            "sep": .str("/"),
        ])
        let os = PyModule(name: "os", attributes: [
            "path": .object(path),
            "name": .str("posix"),
            "sep": .str("/"),
            "linesep": .str("\n"),
            "curdir": .str("."),
            "pardir": .str(".."),
            "environ": .object(environment()),
            "getcwd": .object(PyBuiltin("getcwd()") { _ in .str(try currentDirectory()) }),
            "listdir": .object(PyBuiltin("listdir(path=None)") { args in
                let name = args["path"].isNone ? "." : try pathArgument(args["path"], "listdir")
                return .object(PyList(try entries(of: name).map { .str($0) }))
            }),
            "mkdir": .object(PyBuiltin("mkdir(path, mode=511)") { args in
                let name = try pathArgument(args["path"], "mkdir")
                if Glibc.mkdir(name, mode_t(try Arg.size(args["mode"]))) != 0 { throw PyError.lastOSError(filename: name) }
                return .none
            }),
            "remove": .object(fileCall("remove") { Glibc.unlink($0) }),
            "unlink": .object(fileCall("unlink") { Glibc.unlink($0) }),
            "rmdir": .object(fileCall("rmdir") { Glibc.rmdir($0) }),
            "chdir": .object(fileCall("chdir") { Glibc.chdir($0) }),
            "rename": .object(PyBuiltin("rename(src, dst)") { args in
                let from = try pathArgument(args["src"], "rename"), to = try pathArgument(args["dst"], "rename")
                if Glibc.rename(from, to) != 0 {
                    let error = PyError.lastOSError(filename: from)
                    error.exception.setAttribute("filename2", .str(to))
                    throw error
                }
                return .none
            }),
            "cpu_count": .object(PyBuiltin("cpu_count()") { _ in .int(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }),
        ])
        interpreter.moduleTable[path.name] = path
        interpreter.addSource(OSModuleSource.pathText, filename: "posixpath.py", to: path)
        interpreter.addSource(OSModuleSource.text, filename: "os.py", to: os)
        return os
    }

    /// A call on one path that returns 0 or -1 with errno, as `os.remove(path)`.
    private static func fileCall(_ name: String, _ call: @escaping (String) -> Int32) -> PyBuiltin {
        PyBuiltin("\(name)(path)") { args in
            let path = try pathArgument(args["path"], name)
            if call(path) != 0 { throw PyError.lastOSError(filename: path) }
            return .none
        }
    }

    private static func pathArgument(_ value: Value, _ function: String) throws -> String {
        try Arg.string(value, "\(function): path should be string, bytes or os.PathLike, not \(value.typeName)")
    }

    private static func currentDirectory() throws -> String {
        guard let path = getcwd(nil, 0) else {
            throw PyError.lastOSError()
        }
        defer { free(path) }
        return String(cString: path)
    }

    /// The names in a directory, in the order the system lists them (as CPython's), without `.` and `..`.
    private static func entries(of path: String) throws -> [String] {
        guard let directory = opendir(path) else { throw PyError.lastOSError(filename: path) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                raw.baseAddress.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? ""
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// `os.environ` as a dict read at start (CPython's is a mapping that also sets the variables).
    private static func environment() -> PyDict {
        let dict = PyDict()
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                try? dict.set(.str(String(text[..<equals])), .str(String(text[text.index(after: equals)...])))
            }
            entry += 1
        }
        return dict
    }
}
