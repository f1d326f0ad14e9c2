/// The Python part of the `traceback` module (TracebackModule): CPython 3.11's functions and
/// their arguments, over the primitives that render through grad's ErrorRenderer.
enum TracebackModuleSource {
    static let filename = "traceback.py"

    static let text = #"""
_sentinel = object()
_RECURSIVE_CUTOFF = 3


class FrameSummary:
    """One frame of a traceback or stack: filename, lineno, name and line (its source, stripped)."""

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.locals = locals
        self._frame = None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename, self.lineno, self.name, self.locals) == (other.filename, other.lineno, other.name, other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __len__(self):
        return 4

    def __repr__(self):
        return f"<FrameSummary file {self.filename}, line {self.lineno} in {self.name}>"

    @property
    def line(self):
        if self._line is None:
            return None
        return self._line.strip()


def _summary(frame):
    filename, lineno, name, line = _frame_info(frame)
    summary = FrameSummary(filename, lineno, name, line=line)
    summary._frame = frame
    return summary


def _cut(items, limit):
    """The first `limit` items, or the last -limit when negative."""
    if limit is None:
        return items
    return items[:limit] if limit >= 0 else items[limit:]


class StackSummary(list):
    """A list of FrameSummary objects, outermost first."""

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        if frame_summary._frame is not None:
            return _format_frame(frame_summary._frame)
        text = f'  File "{frame_summary.filename}", line {frame_summary.lineno}, in {frame_summary.name}\n'
        if frame_summary.line:
            text += f'    {frame_summary.line}\n'
        return text

    def format(self):
        result = []
        last = None
        repeats = 0
        for frame_summary in self:
            here = (frame_summary.filename, frame_summary.lineno, frame_summary.name)
            if here == last:
                repeats += 1
                if repeats >= _RECURSIVE_CUTOFF:
                    continue
            else:
                if repeats >= _RECURSIVE_CUTOFF:
                    result.append(_repeated(repeats - _RECURSIVE_CUTOFF + 1))
                last = here
                repeats = 0
            result.append(self.format_frame_summary(frame_summary))
        if repeats >= _RECURSIVE_CUTOFF:
            result.append(_repeated(repeats - _RECURSIVE_CUTOFF + 1))
        return result


def _repeated(count):
    return f'  [Previous line repeated {count} more time{"s" if count > 1 else ""}]\n'


def _file(file):
    return _stderr() if file is None else file


def _value_and_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is not _sentinel:
        return value, tb
    if exc is None:
        return None, None
    if not isinstance(exc, BaseException):
        raise TypeError(f'Exception expected for value, {type(exc).__name__} found')
    return exc, exc.__traceback__


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    value, tb = _value_and_tb(exc, value, tb)
    return _format_exception(value, tb, limit, chain)


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    file = _file(file)
    for piece in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(piece, file=file, end="")


def format_exception_only(exc, /, value=_sentinel):
    if value is _sentinel:
        value = exc
    return _format_exception_only(value)


def format_exc(limit=None, chain=True):
    return "".join(format_exception(_handled(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(_handled(), limit=limit, file=file, chain=chain)


def extract_tb(tb, limit=None):
    return StackSummary(_summary(frame) for frame in _cut(_frames(tb), limit))


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    file = _file(file)
    for piece in StackSummary.from_list(extracted_list).format():
        print(piece, file=file, end="")


def _no_frame(f):
    if f is not None:
        raise TypeError("grad has no frame objects: call with f=None")


def extract_stack(f=None, limit=None):
    _no_frame(f)
    innermost_first = _stack_frames()[::-1]
    return StackSummary(_summary(frame) for frame in _cut(innermost_first, limit)[::-1])


def format_stack(f=None, limit=None):
    return extract_stack(f, limit).format()


def print_stack(f=None, limit=None, file=None):
    print_list(extract_stack(f, limit), file=file)
"""#
}
