/// The Python half of the `io` module (see IOModule): `open` and the text file object.
enum IOModuleSource {
    static let text = #"""
class UnsupportedOperation(OSError, ValueError):
    pass


class TextIOWrapper:
    """A text file opened by open(): read() and readline() return str, write() takes str.

    The whole file is read on the first read; writes go to the file at once."""

    def __init__(self, name, mode, fd, readable, writable):
        self.name = name
        self.mode = mode
        self.encoding = 'UTF-8'
        self._fd = fd
        self._readable = readable
        self._writable = writable
        self._text = None
        self._position = 0
        self.closed = False

    def __repr__(self):
        return f"<_io.TextIOWrapper name={self.name!r} mode={self.mode!r} encoding='UTF-8'>"

    def _check(self, readable=False, writable=False):
        if self.closed:
            raise ValueError('I/O operation on closed file.')
        if readable and not self._readable:
            raise UnsupportedOperation('not readable')
        if writable and not self._writable:
            raise UnsupportedOperation('not writable')

    def _loaded(self):
        if self._text is None:
            self._text = _fd_read_text(self._fd)
        return self._text

    def readable(self):
        self._check()
        return self._readable

    def writable(self):
        self._check()
        return self._writable

    def read(self, size=-1):
        self._check(readable=True)
        text = self._loaded()
        start = self._position
        end = len(text) if size is None or size < 0 else min(len(text), start + size)
        self._position = end
        return text[start:end]

    def readline(self, size=-1):
        self._check(readable=True)
        text = self._loaded()
        start = self._position
        newline = text.find('\n', start)
        end = len(text) if newline < 0 else newline + 1
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._position = end
        return text[start:end]

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, s):
        self._check(writable=True)
        if not isinstance(s, str):
            raise TypeError(f'write() argument must be str, not {type(s).__name__}')
        _fd_write(self._fd, s)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._check()

    def close(self):
        if not self.closed:
            self.closed = True
            _fd_close(self._fd)

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __del__(self):
        self.close()


def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
    if not isinstance(file, str):
        raise TypeError(f'expected str, bytes or os.PathLike object, not {type(file).__name__}')
    if not isinstance(mode, str):
        raise TypeError(f'open() argument 2 must be str, not {type(mode).__name__}')
    if len(set(mode)) != len(mode) or any(c not in 'rwaxbt+' for c in mode):
        raise ValueError(f'invalid mode: {mode!r}')
    kinds = [c for c in mode if c in 'rwax']
    if len(kinds) > 1:
        raise ValueError('must have exactly one of create/read/write/append mode')
    if 'b' in mode and 't' in mode:
        raise ValueError("can't have text and binary mode at once")
    if not kinds:
        raise ValueError('Must have exactly one of create/read/write/append mode and at most one plus')
    if 'b' in mode:
        raise NotImplementedError(f"grad has no bytes type yet: binary mode {mode!r} is not supported")
    if '+' in mode:
        raise NotImplementedError(f"grad opens files for reading or for writing, not both: mode {mode!r} is not supported yet")
    if encoding is not None and encoding.lower().replace('_', '-') not in ('utf-8', 'utf8'):
        raise NotImplementedError(f"grad reads and writes UTF-8 only, not {encoding!r}")
    kind = kinds[0]
    flags = {'r': _O_RDONLY, 'w': _O_WRONLY | _O_CREAT | _O_TRUNC,
             'a': _O_WRONLY | _O_CREAT | _O_APPEND, 'x': _O_WRONLY | _O_CREAT | _O_EXCL}[kind]
    fd = _fd_open(file, flags)
    return TextIOWrapper(file, mode, fd, kind == 'r', kind != 'r')
"""#
}
