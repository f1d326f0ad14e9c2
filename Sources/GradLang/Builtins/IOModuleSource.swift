/// The Python half of the `io` module (see IOModule): `open`, the file objects (text and binary),
/// and the in-memory streams `StringIO` and `BytesIO`.
enum IOModuleSource {
    static let text = #"""
class UnsupportedOperation(OSError, ValueError):
    pass


class _IOBase:
    """What every stream here shares: lines by readline(), writelines() by write(), and `with`."""

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

    def writelines(self, lines):
        self._check()
        for line in lines:
            self.write(line)

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc_info):
        self.close()


def _bytes_of(data):
    """What a binary stream stores of data written to it: bytes (a bytearray is copied, so that
    changing it later does not change the stream)."""
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")
    return bytes(data)


class _FileBase(_IOBase):
    """A file opened by open(). The whole file is read on the first read; writes go to the file
    at once. TextIOWrapper reads and writes str, BufferedReader and BufferedWriter bytes."""

    def __init__(self, name, mode, fd, readable, writable):
        self.name = name
        self.mode = mode
        self._fd = fd
        self._readable = readable
        self._writable = writable
        self._content = None
        self._position = 0
        self.closed = False

    def _check(self, readable=False, writable=False, operation=None):
        if self.closed:
            raise ValueError(self._closed_message(operation))
        if readable and not self._readable:
            raise UnsupportedOperation(self._unsupported('read'))
        if writable and not self._writable:
            raise UnsupportedOperation(self._unsupported('write'))

    def _loaded(self):
        if self._content is None:
            self._content = self._read_all()
        return self._content

    def readable(self):
        self._check(operation='readable')
        return self._readable

    def writable(self):
        self._check(operation='writable')
        return self._writable

    def read(self, size=-1):
        self._check(readable=True, operation='read')
        text = self._loaded()
        start = self._position
        end = len(text) if size is None or size < 0 else min(len(text), start + size)
        self._position = end
        return text[start:end]

    def readline(self, size=-1):
        self._check(readable=True, operation='readline')
        text = self._loaded()
        start = self._position
        newline = text.find(self._newline, start)
        end = len(text) if newline < 0 else newline + 1
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._position = end
        return text[start:end]

    def write(self, s):
        self._check(writable=True, operation='write')
        _fd_write(self._fd, self._written(s))
        return len(s)

    def flush(self):
        self._check(operation='flush')

    def close(self):
        if not self.closed:
            self.closed = True
            _fd_close(self._fd)

    def __del__(self):
        self.close()


class TextIOWrapper(_FileBase):
    _newline = '\n'

    def __init__(self, name, mode, fd, readable, writable):
        _FileBase.__init__(self, name, mode, fd, readable, writable)
        self.encoding = 'UTF-8'

    def __repr__(self):
        return f"<_io.TextIOWrapper name={self.name!r} mode={self.mode!r} encoding='UTF-8'>"

    def _closed_message(self, operation):
        return 'I/O operation on closed file.'

    def _unsupported(self, operation):
        return 'not readable' if operation == 'read' else 'not writable'

    def _read_all(self):
        return _fd_read_text(self._fd)

    def _written(self, s):
        if not isinstance(s, str):
            raise TypeError(f'write() argument must be str, not {type(s).__name__}')
        return s


class _BufferedFile(_FileBase):
    _newline = b'\n'

    def __repr__(self):
        return f"<_io.{type(self).__name__} name={self.name!r}>"

    def _closed_message(self, operation):
        # CPython's buffered files word it per operation.
        if operation is None:
            return 'I/O operation on closed file.'
        if operation in ('readable', 'writable'):
            return 'I/O operation on closed file'
        return f"{operation} {'to' if operation == 'write' else 'of'} closed file"

    def _unsupported(self, operation):
        return operation

    def _read_all(self):
        return _fd_read_bytes(self._fd)

    def _written(self, data):
        return _bytes_of(data)


class BufferedReader(_BufferedFile):
    pass


class BufferedWriter(_BufferedFile):
    pass


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
    binary = 'b' in mode
    if binary:
        for argument, value in (('an encoding', encoding), ('an errors', errors), ('a newline', newline)):
            if value is not None:
                raise ValueError(f"binary mode doesn't take {argument} argument")
    if '+' in mode:
        raise NotImplementedError(f"grad opens files for reading or for writing, not both: mode {mode!r} is not supported yet")
    if encoding is not None and encoding.lower().replace('_', '-') not in ('utf-8', 'utf8'):
        raise NotImplementedError(f"grad reads and writes UTF-8 only, not {encoding!r}")
    kind = kinds[0]
    flags = {'r': _O_RDONLY, 'w': _O_WRONLY | _O_CREAT | _O_TRUNC,
             'a': _O_WRONLY | _O_CREAT | _O_APPEND, 'x': _O_WRONLY | _O_CREAT | _O_EXCL}[kind]
    fd = _fd_open(file, flags)
    if binary:
        return (BufferedReader if kind == 'r' else BufferedWriter)(file, mode, fd, kind == 'r', kind != 'r')
    return TextIOWrapper(file, mode, fd, kind == 'r', kind != 'r')


class _MemoryIO(_IOBase):
    """A stream over a str (StringIO) or bytes (BytesIO) in memory: one position for reading and
    writing; a write past the end pads with NULs. Appends are kept as pieces, joined when read."""

    def __init__(self, initial_value):
        self._pieces = [initial_value]
        self._length = len(initial_value)
        self._position = 0
        self.closed = False

    def _check(self):
        if self.closed:
            raise ValueError(self._closed_message)

    def _value(self):
        if len(self._pieces) != 1:
            self._pieces = [self._empty.join(self._pieces)]
        return self._pieces[0]

    def _size(self, size):
        if size is None:
            return -1
        if not isinstance(size, int):
            raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")
        return size

    def getvalue(self):
        self._check()
        return self._value()

    def read(self, size=-1):
        self._check()
        size = self._size(size)
        start = min(self._position, self._length)
        end = self._length if size < 0 else min(self._length, start + size)
        self._position = max(self._position, end)
        return self._value()[start:end]

    def readline(self, size=-1):
        self._check()
        size = self._size(size)
        text = self._value()
        start = min(self._position, self._length)
        newline = text.find(self._newline, start)
        end = self._length if newline < 0 else newline + 1
        if size >= 0:
            end = min(end, start + size)
        self._position = max(self._position, end)
        return text[start:end]

    def write(self, s):
        # The common case, appending the stream's own type, without a call: a loop of small
        # writes (or prints) spends its time here.
        if self.closed:
            raise ValueError(self._closed_message)
        if type(s) is not self._kind:
            s = self._stored(s)
        size = len(s)
        if self._position == self._length:
            self._pieces.append(s)
            self._length += size
            self._position = self._length
            return size
        text = self._value()
        if self._position > self._length:
            text += self._nul * (self._position - self._length)
        self._pieces = [text[:self._position] + s + text[self._position + size:]]
        self._position += size
        self._length = max(self._length, self._position)
        return size

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError(self._negative_seek_message + str(pos))
            self._position = pos
        elif whence == 1 or whence == 2:
            if not self._relative_seeks and pos != 0:
                # CPython's message says "cur" for either.
                raise OSError("Can't do nonzero cur-relative seeks")
            self._position = max(0, (self._position if whence == 1 else self._length) + pos)
        else:
            raise ValueError(f'Invalid whence ({whence}, should be 0, 1 or 2)')
        return self._position

    def tell(self):
        self._check()
        return self._position

    def truncate(self, size=None):
        self._check()
        size = self._position if size is None else size
        if size < 0:
            raise ValueError(self._negative_size_message + str(size))
        if size < self._length:
            self._pieces = [self._value()[:size]]
            self._length = size
        return size

    def readable(self):
        self._check()
        return True

    writable = readable
    seekable = readable

    def flush(self):
        self._check()

    def close(self):
        self.closed = True


class StringIO(_MemoryIO):
    """A text stream in memory: write str to it, read str from it, getvalue() for the whole."""
    _kind = str
    _empty = ''
    _nul = '\0'
    _newline = '\n'
    _closed_message = 'I/O operation on closed file'
    _negative_seek_message = 'Negative seek position '
    _negative_size_message = 'Negative size value '
    _relative_seeks = False

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError(f'initial_value must be str or None, not {type(initial_value).__name__}')
        _MemoryIO.__init__(self, initial_value)

    def _stored(self, s):
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        return s


class BytesIO(_MemoryIO):
    """A binary stream in memory: write bytes to it, read bytes from it, getvalue() for the whole."""
    _kind = bytes
    _empty = b''
    _nul = b'\0'
    _newline = b'\n'
    _closed_message = 'I/O operation on closed file.'
    _negative_seek_message = 'negative seek value '
    _negative_size_message = 'negative size value '
    _relative_seeks = True

    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        _MemoryIO.__init__(self, self._stored(initial_bytes))

    def _stored(self, s):
        return _bytes_of(s)
"""#
}
