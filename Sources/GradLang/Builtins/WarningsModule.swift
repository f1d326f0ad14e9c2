/// The `warnings` module: `warn`, the filters (`simplefilter`, `filterwarnings`, `resetwarnings`),
/// `catch_warnings` (with `record=True`), `showwarning`/`formatwarning` and `WarningMessage`, as
/// CPython 3.11's, and the `-W` options' reading (`_processoptions`). Python, compiled into grad, on
/// Swift helpers: `_emit` writes to the interpreter's warning stream, `_location` names the code
/// that warned (from the stack of frames running), `_source_line` reads a line of it, `_builtin`
/// and `_import_module` find a category named in a `-W` option. Warnings from grad's torch go through the same
/// filters once the module has been imported (`Interpreter.warn`).
enum WarningsModule {
    static func make(_ interpreter: Interpreter) -> PyModule {
        let module = PyModule(name: "warnings", attributes: [
            "_emit": .object(PyBuiltin("_emit(text)") { args in
                args.interpreter.writeWarning(Repr.str(args["text"]))
                return .none
            }),
            "_location": .object(PyBuiltin("_location(stacklevel)") { args in
                location(stacklevel: try Conversions.int(args["stacklevel"], what: "stacklevel"), args.interpreter)
            }),
            "_import_module": .object(PyBuiltin("_import_module(name)") { args in
                .object(try args.interpreter.importModule(Repr.str(args["name"])))
            }),
            "_builtin": .object(PyBuiltin("_builtin(name)") { args in
                let name = Repr.str(args["name"])
                guard let value = args.interpreter.builtins[name] else {
                    throw PyError(PyExc.attributeError, "module 'builtins' has no attribute '\(name)'")
                }
                return value
            }),
            "_source_line": .object(PyBuiltin("_source_line(filename, lineno)") { args in
                // As linecache.getline: the line with its newline, or "" where there is none.
                guard case .str(let file) = args["filename"], let lines = args.interpreter.sourceLinesByFile[file.string],
                      case .int(let n) = args["lineno"], n >= 1, n <= lines.count else { return .str("") }
                return .str(lines[n - 1] + "\n")
            }),
        ])
        interpreter.addSource(source, filename: filename, to: module)
        interpreter.filesHiddenFromTracebacks.insert(filename)
        return module
    }

    /// `(filename, lineno, module)` of the frame `stacklevel` frames up from the code that called
    /// `warn` (1: that code), as CPython's `setup_context`. The warnings module's own frames do
    /// not count: CPython's `warn` is C code and has none. Past the outermost frame, CPython's
    /// answer: `sys`, line 1.
    private static func location(stacklevel: Int, _ interpreter: Interpreter) -> Value {
        func visible(from frame: Frame?) -> Frame? {
            var frame = frame
            while let f = frame, f.file == filename { frame = f.caller }
            return frame
        }
        var frame = visible(from: interpreter.currentFrame)
        var level = stacklevel
        while level > 1, let f = frame {
            frame = visible(from: f.caller)
            level -= 1
        }
        guard let frame else { return .object(PyTuple([.str("sys"), .int(1), .str("sys")])) }
        let module = interpreter.moduleNamesByFile[frame.file] ?? "__main__"
        return .object(PyTuple([.str(frame.file), .int(frame.line), .str(module)]))
    }

    private static let filename = "warnings.py"

    private static let source = #"""
"""Issue warnings and decide, by filters, what becomes of them."""

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")

# As CPython's defaults: deprecation warnings show only for code run as the main program.
filters = [
    ("default", None, DeprecationWarning, "__main__", 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
]
defaultaction = "default"

# Warnings already shown under "default", "module" and "once"; forgotten whenever the filters
# change, as CPython forgets them.
_already_shown = set()


def _pattern_matches(pattern, text, ignore_case=True):
    # The subset of `re.match` that filters use (messages ignoring case, modules not): literal
    # characters, `.`, `\` escapes, the end anchor `\Z` and the repeats `*`, `+`, `?`, anchored
    # at the start.
    if ignore_case:
        pattern = pattern.lower()
        text = text.lower()
    pieces = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char in "[](){}|^$":
            raise NotImplementedError(f"grad's warnings filters match only literal text, '.', "
                                      f"'\\' escapes and '*', '+', '?' (pattern {pattern!r})")
        if char == "\\" and i + 1 < len(pattern):
            i += 1
            char = "\\" + pattern[i]
        repeat = ""
        if i + 1 < len(pattern) and pattern[i + 1] in "*+?":
            repeat = pattern[i + 1]
            i += 1
        pieces.append((char, repeat))
        i += 1

    def one(piece, at):
        char = piece[0]
        if char == "\\Z":
            return False
        if at >= len(text):
            return False
        if char == ".":
            return text[at] != "\n"
        return text[at] == char[-1]

    def match_from(k, at):
        if k == len(pieces):
            return True
        piece, repeat = pieces[k], pieces[k][1]
        if piece[0] == "\\Z":
            return at == len(text) and match_from(k + 1, at)
        if repeat == "":
            return one(piece, at) and match_from(k + 1, at + 1)
        if repeat == "?":
            return (one(piece, at) and match_from(k + 1, at + 1)) or match_from(k + 1, at)
        end = at
        while one(piece, end):
            end += 1
        lowest = at + 1 if repeat == "+" else at
        for stop in range(end, lowest - 1, -1):
            if match_from(k + 1, stop):
                return True
        return False

    return match_from(0, 0)


def _add_filter(entry, append):
    global _already_shown
    if entry in filters:
        filters.remove(entry)
    if append:
        filters.append(entry)
    else:
        filters.insert(0, entry)
    _already_shown = set()


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    """Add a filter: warnings whose text starts like `message` (a pattern), of `category`, get `action`."""
    if action not in _ACTIONS:
        raise AssertionError(f"invalid action: {action!r}")
    if not isinstance(message, str):
        raise AssertionError("message must be a string")
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise AssertionError("category must be a Warning subclass")
    if not isinstance(module, str):
        raise AssertionError("module must be a string")
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError("lineno must be an int >= 0")
    _pattern_matches(message, "")  # refuses syntax grad does not match now, not at the first warning
    _add_filter((action, message or None, category, module or None, lineno), append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Add a filter that gives every warning of `category` the `action`."""
    if action not in _ACTIONS:
        raise AssertionError(f"invalid action: {action!r}")
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError("lineno must be an int >= 0")
    _add_filter((action, None, category, None, lineno), append)


def resetwarnings():
    """Remove every filter, CPython's defaults included."""
    global _already_shown
    filters[:] = []
    _already_shown = set()


class WarningMessage:
    """One warning as catch_warnings(record=True) keeps it."""

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return (f"{{message : {self.message!r}, category : {self._category_name!r}, "
                f"filename : {self.filename!r}, lineno : {self.lineno}, line : {self.line!r}}}")


def formatwarning(message, category, filename, lineno, line=None):
    """The text a shown warning prints: `file:line: Category: message` and the source line."""
    text = f"{filename}:{lineno}: {category.__name__}: {message}\n"
    if line is None:
        line = _source_line(filename, lineno)
    if line:
        text += f"  {line.strip()}\n"
    return text


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Write a warning to the error stream (replace this to send warnings elsewhere)."""
    text = formatwarning(message, category, filename, lineno, line)
    if file is None:
        _emit(text)
    else:
        file.write(text)


def _action_for(text, category, module, lineno):
    for action, message, kind, module_pattern, line in filters:
        if ((message is None or _pattern_matches(message, text))
                and issubclass(category, kind)
                and (module_pattern is None or _pattern_matches(module_pattern, module, ignore_case=False))
                and (line == 0 or line == lineno)):
            return action
    return defaultaction


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning: shown, raised, recorded or ignored as the filters say."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError(f"category must be a Warning subclass, not '{type(category).__name__}'")
    if not isinstance(message, Warning):
        message = category(message)
    text = str(message)
    filename, lineno, module = _location(stacklevel)
    action = _action_for(text, category, module, lineno)
    if action == "error":
        raise message
    if action == "ignore":
        return
    # "default" shows a warning once per line that gives it.
    key = {"once": (text, category), "module": (text, category, module),
           "default": (text, category, filename, lineno)}.get(action)
    if key is not None:
        if key in _already_shown:
            return
        _already_shown.add(key)
    showwarning(message, category, filename, lineno)


class catch_warnings:
    """A context that restores the filters and showwarning when it ends; with record=True it
    collects the warnings in a list instead of showing them."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._filter = None if action is None else (action, category, lineno, append)
        self._entered = False

    def __repr__(self):
        return "catch_warnings(record=True)" if self._record else "catch_warnings()"

    def __enter__(self):
        global showwarning, _already_shown
        if self._entered:
            raise RuntimeError(f"Cannot enter {self!r} twice")
        self._entered = True
        self._saved = (filters[:], showwarning, _already_shown)
        _already_shown = set()
        if self._filter is not None:
            simplefilter(*self._filter)
        if not self._record:
            return None
        log = []

        def record(message, category, filename, lineno, file=None, line=None):
            log.append(WarningMessage(message, category, filename, lineno, file, line))

        showwarning = record
        return log

    def __exit__(self, *exc_info):
        global showwarning, _already_shown
        if not self._entered:
            raise RuntimeError(f"Cannot exit {self!r} without entering first")
        saved_filters, showwarning, _already_shown = self._saved
        filters[:] = saved_filters


class _OptionError(Exception):
    """Exception used by option processing helpers."""


def _processoptions(args):
    # The -W options and PYTHONWARNINGS, as CPython's: each adds a filter in front.
    for arg in args:
        try:
            _setoption(arg)
        except _OptionError as msg:
            _emit(f"Invalid -W option ignored: {msg}\n")


def _setoption(arg):
    # action:message:category:module:lineno
    parts = arg.split(':')
    if len(parts) > 5:
        raise _OptionError("too many fields (max 5): %r" % (arg,))
    while len(parts) < 5:
        parts.append('')
    action, message, category, module, lineno = [s.strip() for s in parts]
    action = _getaction(action)
    category = _getcategory(category)
    if message:
        message = _escape(message)
    if module:
        module = _escape(module) + r'\Z'
    if lineno:
        try:
            lineno = int(lineno)
            if lineno < 0:
                raise ValueError
        except (ValueError, OverflowError):
            raise _OptionError("invalid lineno %r" % (lineno,)) from None
    else:
        lineno = 0
    filterwarnings(action, message, category, module, lineno)


def _escape(text):
    # re.escape's effect on the patterns `_pattern_matches` reads: every character but letters,
    # digits and `_` taken literally.
    return "".join(c if c.isalnum() or c == "_" else "\\" + c for c in text)


def _getaction(action):
    if not action:
        return "default"
    if action == "all":
        return "always"  # Alias
    for a in ('default', 'always', 'ignore', 'module', 'once', 'error'):
        if a.startswith(action):
            return a
    raise _OptionError("invalid action: %r" % (action,))


def _getcategory(category):
    if not category:
        return Warning
    if '.' not in category:
        m = None  # the built-in names
        klass = category
    else:
        module, _, klass = category.rpartition('.')
        try:
            m = _import_module(module)
        except ImportError:
            raise _OptionError("invalid module name: %r" % (module,)) from None
    try:
        cat = _builtin(klass) if m is None else getattr(m, klass)
    except AttributeError:
        raise _OptionError("unknown warning category: %r" % (category,)) from None
    if not issubclass(cat, Warning):
        raise _OptionError("invalid warning category: %r" % (category,))
    return cat


def _warn_from_grad(message, category):
    # Where grad's own warnings (torch's, random's) enter the filters.
    warn(message, category)
"""#
}

extension Interpreter {
    /// Applies `-W` options and PYTHONWARNINGS entries (`action:message:category:module:lineno`),
    /// as CPython does at start-up: each adds a filter in front, an invalid one is reported and
    /// ignored. With none, the warnings module is not even imported.
    public func applyWarningOptions(_ options: [String]) throws(ProgramError) {
        guard !options.isEmpty else { return }
        do {
            guard let process = try importModule("warnings").attributes["_processoptions"] else { return }
            _ = try call(process, Arguments([.object(PyList(options.map { .str($0) }))]))
        } catch let error as PyError {
            throw .runtime(error)
        } catch {
            throw .runtime(PyError(PyExc.systemError, "internal error: \(error)"))
        }
    }
}
