import GradTensor

/// torchviz, so that tutorial code runs unchanged: `make_dot(var, params, show_attrs, show_saved,
/// max_attr_chars)` returns a `graphviz.Digraph`-like object with the same DOT text (`.source`),
/// `.save()`, `.render(filename, format=...)` (Graphviz's `dot` draws the picture) and `.format`.
/// The graph is read and written in Swift (`GraphSnapshot`, `DotWriter`); the object is Python.
enum TorchvizModule {
    static func make(_ interpreter: Interpreter) -> PyModule {
        var attributes: [String: Value] = [:]
        for f in functions { attributes[f.name] = .object(f) }
        let module = PyModule(name: "torchviz", attributes: attributes)
        interpreter.addSource(source, filename: "torchviz/__init__.py", to: module)
        return module
    }

    private static var functions: [PyBuiltin] {
        [
            PyBuiltin("torchviz._dot_source(var, params, show_attrs, show_saved, max_attr_chars, /)") { args in
                let outputs = try tensors(args["var"])
                let names = try parameterNames(args["params"])
                let graph = GraphSnapshot(outputs: outputs) { names[ObjectIdentifier($0)] }
                let writer = DotWriter(showAttributes: try Operators.truthy(args["show_attrs"]),
                                       showSaved: try Operators.truthy(args["show_saved"]),
                                       maximumAttributeCharacters: try Arg.size(args["max_attr_chars"]))
                // torchviz reads every node's saved values for these, which fails once backward freed them.
                if writer.showAttributes || writer.showSaved, let failure = graph.functions.lazy.compactMap(\.savedFailure).first {
                    try TorchBridge.run { throw failure }
                }
                return .str(PyStr(writer.source(of: graph)))
            },
            PyBuiltin("torchviz._write(path, text, /)") { args in
                try DotRendering.write(try Arg.string(args["text"], "text must be str"), to: try Arg.string(args["path"], "path must be str"))
                return .none
            },
            PyBuiltin("torchviz._remove(path, /)") { args in
                try DotRendering.remove(try Arg.string(args["path"], "path must be str"))
                return .none
            },
            // Returns the message of graphviz's ExecutableNotFound when `dot` is missing: the
            // Python code raises it, that class being defined there.
            PyBuiltin("torchviz._run_dot(path, format, output, /)") { args in
                let format = try Arg.string(args["format"], "format must be str")
                switch DotRendering.render(dotFile: try Arg.string(args["path"], "path must be str"), format: format,
                                           to: try Arg.string(args["output"], "output must be str")) {
                case .success: return .none
                case .failure(.notInstalled):
                    return .str(PyStr("failed to execute PosixPath('dot'), make sure the Graphviz executables are on your systems' PATH"
                                      + "; grad: \(DotRendering.installHint)"))
                case .failure(let failure):
                    throw PyError.runtime(DotRendering.describe(failure, format: format))
                }
            },
        ]
    }

    /// torchviz draws one tensor or a tuple of them; anything else fails where it reads `.size()`.
    private static func tensors(_ value: Value) throws -> [Tensor] {
        if case .object(let tuple as PyTuple) = value { return try tuple.items.flatMap(tensors) }
        guard case .tensor(let tensor) = value else { throw PyError.attribute("'\(value.typeName)' object has no attribute 'size'") }
        return [tensor]
    }

    /// `params`' names by tensor; torchviz asserts that every value is a tensor.
    private static func parameterNames(_ params: Value) throws -> [ObjectIdentifier: String] {
        guard case .object(let dict as PyDict) = params else {
            if params.isNone { return [:] }
            throw PyError.attribute("'\(params.typeName)' object has no attribute 'values'")
        }
        var names: [ObjectIdentifier: String] = [:]
        for (key, value) in dict.entries {
            guard case .tensor(let tensor) = value else { throw PyError(PyExc.assertionError, "") }
            names[ObjectIdentifier(tensor)] = Repr.str(key)
        }
        return names
    }

    static let source = #"""
"""torchviz: pictures of PyTorch's autograd graph, drawn by Graphviz (grad's own make_dot)."""


class ExecutableNotFound(RuntimeError):
    """Graphviz's dot program is not on PATH (Debian's package: graphviz)."""

    __module__ = "graphviz.backend.execute"


# The output formats the graphviz package accepts (graphviz.FORMATS).
FORMATS = ['bmp', 'canon', 'cgimage', 'cmap', 'cmapx', 'cmapx_np', 'dot', 'dot_json', 'eps', 'exr', 'fig',
           'gd', 'gd2', 'gif', 'gtk', 'gv', 'ico', 'imap', 'imap_np', 'ismap', 'jp2', 'jpe', 'jpeg', 'jpg',
           'json', 'json0', 'pct', 'pdf', 'pic', 'pict', 'plain', 'plain-ext', 'png', 'pov', 'ps', 'ps2',
           'psd', 'sgi', 'svg', 'svg_inline', 'svgz', 'tga', 'tif', 'tiff', 'tk', 'vml', 'vmlz', 'vrml',
           'wbmp', 'webp', 'x11', 'xdot', 'xdot1.2', 'xdot1.4', 'xdot_json', 'xlib']


def _checked_format(format):
    format = format.lower()
    if format not in FORMATS:
        raise ValueError(f"unknown format: {format!r} (must be one of {FORMATS})")
    return format


class Digraph:
    """What make_dot returns, as graphviz.Digraph: the DOT text (.source), written to a file by
    save() and drawn by Graphviz's dot with render()."""

    __module__ = "graphviz.graphs"

    def __init__(self, source):
        self.source = source
        self._format = "pdf"
        self.engine = "dot"
        self.filename = "Digraph.gv"
        self.directory = ""

    @property
    def format(self):
        """The format render() draws unless told: pdf, or one of FORMATS."""
        return self._format

    @format.setter
    def format(self, format):
        self._format = _checked_format(format)

    @property
    def filepath(self):
        if not self.directory:
            return self.filename
        return self.directory.rstrip("/") + "/" + self.filename

    def save(self, filename=None, directory=None):
        """Writes the DOT text to directory/filename (Digraph.gv unless given) and returns its path."""
        if filename is not None:
            self.filename = filename
        if directory is not None:
            self.directory = directory
        _write(self.filepath, self.source)
        return self.filepath

    def render(self, filename=None, directory=None, view=False, cleanup=False, format=None, quiet=False):
        """Saves the DOT text, has Graphviz's dot draw it as FORMAT (self.format, pdf unless set)
        and returns the picture's path, the DOT file's path plus '.' + FORMAT. Nothing is opened
        (view is ignored); cleanup=True removes the DOT file afterwards."""
        format = self.format if format is None else _checked_format(format)
        path = self.save(filename, directory)
        output = path + "." + format
        missing = _run_dot(path, format, output)
        if missing is not None:
            raise ExecutableNotFound(missing)
        if cleanup:
            _remove(path)
        return output

    def __str__(self):
        return self.source


def make_dot(var, params=None, show_attrs=False, show_saved=False, max_attr_chars=50):
    """The autograd graph behind var (a tensor or a tuple of tensors) as Graphviz's DOT text,
    torchviz's colours and labels: grey backward nodes, blue leaves that require grad (named
    from params, e.g. dict(model.named_parameters())), orange saved tensors (show_saved=True),
    green outputs; show_attrs=True lists each node's saved values."""
    return Digraph(_dot_source(var, params, show_attrs, show_saved, max_attr_chars))


def make_dot_from_trace(trace):
    """Not available: PyTorch's JIT traces belong to TensorBoard now, as torchviz says."""
    raise NotImplementedError("This function has been moved to pytorch core and "
                              "can be found here: https://pytorch.org/docs/stable/tensorboard.html")
"""#
}
