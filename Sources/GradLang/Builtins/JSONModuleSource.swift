/// The Python half of `json` (see JSONModule): the functions' and classes' signatures and
/// defaults, `JSONDecodeError`, and the encoder and decoder classes a program may extend. The
/// text is walked by `_encode` and `_scan`, in Swift.
enum JSONModuleSource {
    static let text = #"""
class JSONDecodeError(ValueError):
    """Malformed JSON text: msg, the text (doc), and where (pos, lineno, colno) it went wrong."""
    __module__ = 'json.decoder'

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, f'{msg}: line {lineno} column {colno} (char {pos})')
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


class JSONEncoder:
    """Python values to JSON text; a subclass may override default() for other types."""
    __module__ = 'json.encoder'
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        return self._encode(o, None)

    def iterencode(self, o, _one_shot=False):
        """The text in chunks: when encoding fails, the text before the failing value comes
        first, as CPython's chunks bring it to a file."""
        written = []
        try:
            text = self._encode(o, written)
        except BaseException:
            yield from written
            raise
        yield text

    def _encode(self, o, partial):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        return _encode(o, indent, self.item_separator, self.key_separator, self.sort_keys, self.skipkeys,
                       self.ensure_ascii, self.allow_nan, self.check_circular, self.default, partial)


class JSONDecoder:
    """JSON text to Python values: objects become dicts (or what object_hook or
    object_pairs_hook makes of them), numbers ints and floats (or parse_int's, parse_float's)."""
    __module__ = 'json.decoder'

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                 strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        return self._scan(s, 0, True)[0]

    def raw_decode(self, s, idx=0):
        """(value, end): the value the text starts with at idx, and where it ends."""
        return self._scan(s, idx, False)

    def _scan(self, s, idx, whole):
        return _scan(s, idx, whole, JSONDecodeError, self.object_hook, self.object_pairs_hook,
                     self.parse_float, self.parse_int, self.parse_constant, self.strict)


def dumps(obj, *, cls=None, **kw):
    """obj as JSON text; kw are JSONEncoder's options (indent, sort_keys, default, ...)."""
    return (cls or JSONEncoder)(**kw).encode(obj)


def dump(obj, fp, *, cls=None, **kw):
    """Writes obj as JSON text to the file fp; kw as for dumps."""
    for chunk in (cls or JSONEncoder)(**kw).iterencode(obj):
        fp.write(chunk)


def loads(s, *, cls=None, **kw):
    """The value the JSON text s holds; kw are JSONDecoder's options (object_hook, parse_float, ...)."""
    if isinstance(s, (bytes, bytearray)):
        # UTF-8 only (CPython also detects UTF-16 and UTF-32); a UTF-8 BOM is skipped.
        s = (s[3:] if s.startswith(b'\xef\xbb\xbf') else s).decode('utf-8')
    elif not isinstance(s, str):
        raise TypeError(f'the JSON object must be str, bytes or bytearray, not {s.__class__.__name__}')
    if s[:1] == '\ufeff':
        raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
    return (cls or JSONDecoder)(**kw).decode(s)


def load(fp, **kw):
    """The value the JSON text of the file fp holds; kw as for loads."""
    return loads(fp.read(), **kw)
"""#
}
