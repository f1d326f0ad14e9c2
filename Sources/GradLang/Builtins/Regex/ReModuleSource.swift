/// The Python half of `re` (see ReModule): the flags, `re.error`, `Pattern` and `Match`, the
/// module's functions and replacement templates, over the Swift part's `_compile`, `_match`,
/// `_scan`, `_findall`, `_split` and `_sub_literal`.
enum ReModuleSource {
    static let text = #"""
class RegexFlag(int):
    """The flags of a pattern; they combine with |."""

    _names = (('ASCII', 256), ('IGNORECASE', 2), ('LOCALE', 4), ('UNICODE', 32), ('MULTILINE', 8),
              ('DOTALL', 16), ('VERBOSE', 64), ('TEMPLATE', 1), ('DEBUG', 128))

    def __repr__(self):
        value = int(self)
        if value == 0:
            return 're.NOFLAG'
        parts = []
        for name, bit in RegexFlag._names:
            if value & bit:
                parts.append('re.' + name)
                value &= ~bit
        if value:
            parts.append(hex(value))
        return '|'.join(parts)

    __str__ = __repr__

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    __rand__ = __and__

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 511)


NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
U = UNICODE = RegexFlag(32)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
X = VERBOSE = RegexFlag(64)
T = TEMPLATE = RegexFlag(1)
DEBUG = RegexFlag(128)


class error(Exception):
    """A malformed pattern or replacement: msg, pattern, pos, and the line and column of pos."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        self.lineno = self.colno = None
        if pattern is not None and pos is not None:
            msg = f'{msg} at position {pos}'
            self.lineno = pattern.count('\n', 0, pos) + 1
            self.colno = pos - pattern.rfind('\n', 0, pos)
            if '\n' in pattern:
                msg = f'{msg} (line {self.lineno}, column {self.colno})'
        super().__init__(msg)


def _group_text(string, spans, index, default):
    start, end = spans[2 * index], spans[2 * index + 1]
    return default if start < 0 or end < 0 else string[start:end]


_repr_flags = (('TEMPLATE', 1), ('IGNORECASE', 2), ('LOCALE', 4), ('MULTILINE', 8), ('DOTALL', 16),
               ('UNICODE', 32), ('VERBOSE', 64), ('DEBUG', 128), ('ASCII', 256))


class Pattern:
    """A compiled regular expression."""

    def __init__(self, pattern, flags):
        program, *rest = _compile(pattern, int(flags))
        if program is None:
            message, pos, kind = rest
            if kind == 'overflow':
                raise OverflowError(message)
            if kind == 'value':
                raise ValueError(message)
            if kind == 'recursion':
                raise RecursionError(message)
            raise error(message, pattern, pos)
        self._program = program
        self.pattern = pattern
        self.flags, self.groups, names = rest
        self.groupindex = dict(names)
        self._template_cache = {}

    def __repr__(self):
        text = f're.compile({self.pattern!r}'[:211]
        flags = self.flags
        if flags & (LOCALE | UNICODE | ASCII) == UNICODE:
            flags &= ~UNICODE
        if not flags:
            return text + ')'
        parts = []
        for name, bit in _repr_flags:
            if flags & bit:
                parts.append('re.' + name)
                flags &= ~bit
        if flags:
            parts.append(hex(flags))
        return text + ', ' + '|'.join(parts) + ')'

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _found(self, spans, string, pos, endpos):
        if spans is None:
            return None
        return Match(self, string, pos, endpos, spans)

    def _run(self, string, pos, endpos, mode):
        return self._found(_match(self._program, string, pos, endpos, mode), string, pos, endpos)

    def match(self, string, pos=0, endpos=None):
        """A Match if the pattern matches at pos, else None."""
        return self._run(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=None):
        """A Match if the pattern matches all of string[pos:endpos], else None."""
        return self._run(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=None):
        """The first Match anywhere in string[pos:endpos], or None."""
        return self._run(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        """An iterator of the Matches of non-overlapping occurrences."""
        return iter([Match(self, string, pos, endpos, spans)
                     for spans in _scan(self._program, string, pos, endpos, 0)])

    def findall(self, string, pos=0, endpos=None):
        """The strings matched (the group's with one group; tuples of them with more)."""
        return _findall(self._program, string, pos, endpos)

    def split(self, string, maxsplit=0):
        """string cut at the matches, with the groups' strings between the pieces."""
        if maxsplit < 0:
            return [string]
        return _split(self._program, string, maxsplit)

    def sub(self, repl, string, count=0):
        """string with the matches replaced by repl (a template or a function of the Match)."""
        if type(repl) is str and count >= 0 and '\\' not in repl:
            return _sub_literal(self._program, string, repl, count)[0]
        return self.subn(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        """(new string, number of replacements), as sub."""
        if count < 0:
            return string, 0
        if isinstance(repl, str) and '\\' not in repl:
            return _sub_literal(self._program, string, repl, count)
        if not callable(repl):
            if not isinstance(repl, str):
                raise TypeError(f"expected str instance, {type(repl).__name__} found")
            template = self._template(repl)
            if len(template) == 1 and isinstance(template[0], str):
                return _sub_literal(self._program, string, template[0], count)
            if not template:
                return _sub_literal(self._program, string, '', count)
        pieces = []
        last = 0
        n = 0
        for spans in _scan(self._program, string, 0, None, count):
            if last < spans[0]:
                pieces.append(string[last:spans[0]])
            match = Match(self, string, 0, None, spans)
            piece = repl(match) if callable(repl) else match._expand(template)
            # As in CPython: None adds nothing; anything else not a str fails in the join.
            if piece is not None:
                pieces.append(piece)
            last = spans[1]
            n += 1
        if n == 0:
            return string, 0
        if last < len(string):
            pieces.append(string[last:])
        return ''.join(pieces), n

    def _template(self, repl):
        template = self._template_cache.get(repl)
        if template is None:
            template = _parse_template(repl, self)
            self._template_cache[repl] = template
        return template


_simple_escapes = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v', '\\': '\\'}
_octal = '01234567'
_ascii_letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'


def _parse_template(repl, pattern):
    """repl as a list of strings and group numbers, with the errors CPython's parse_template raises."""
    parts = []
    i = 0
    n = len(repl)

    def literal(text):
        if parts and isinstance(parts[-1], str):
            parts[-1] += text
        else:
            parts.append(text)

    def group(index, at):
        if index > pattern.groups:
            raise error(f'invalid group reference {index}', repl, at)
        parts.append(index)

    while i < n:
        c = repl[i]
        if c != '\\':
            literal(c)
            i += 1
            continue
        if i + 1 >= n:
            raise error('bad escape (end of pattern)', repl, n - 1)
        c = repl[i + 1]
        start = i
        i += 2
        if c == 'g':
            if i >= n or repl[i] != '<':
                raise error('missing <', repl, i)
            close = repl.find('>', i + 1)
            if close < 0:
                name = repl[i + 1:]
                if not name:
                    raise error('missing group name', repl, n)
                raise error('missing >, unterminated name', repl, i + 1)
            name = repl[i + 1:close]
            if not name:
                raise error('missing group name', repl, close)
            i = close + 1
            if name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError(f'unknown group name {name!r}')
                index = pattern.groupindex[name]
            elif name.isdecimal() and name.isascii():
                index = int(name)
            else:
                raise error(f'bad character in group name {name!r}', repl, close - len(name))
            group(index, close - len(name))
        elif c == '0':
            digits = c
            while len(digits) < 3 and i < n and repl[i] in _octal:
                digits += repl[i]
                i += 1
            literal(chr(int(digits, 8) & 0xff))
        elif c in '123456789':
            digits = c
            if i < n and repl[i] in '0123456789':
                digits += repl[i]
                i += 1
                if c in _octal and digits[1] in _octal and i < n and repl[i] in _octal:
                    digits += repl[i]
                    i += 1
                    value = int(digits, 8)
                    if value > 0o377:
                        raise error(f'octal escape value \\{digits} outside of range 0-0o377', repl, start)
                    literal(chr(value))
                    continue
            group(int(digits), start + 1)
        elif c in _simple_escapes:
            literal(_simple_escapes[c])
        elif c in _ascii_letters:
            raise error(f'bad escape \\{c}', repl, start)
        else:
            literal('\\' + c)
    return parts


class Match:
    """The result of a successful match: the groups' spans in string."""

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = len(string) if endpos is None else max(0, min(endpos, len(string)))
        self._spans = spans

    @property
    def lastindex(self):
        return self._spans[-1] or None

    @property
    def lastgroup(self):
        index = self._spans[-1]
        for name, group in self.re.groupindex.items():
            if group == index:
                return name
        return None

    @property
    def regs(self):
        return tuple(self.span(i) for i in range(self.re.groups + 1))

    def _index(self, group):
        if isinstance(group, int):
            if 0 <= group <= self.re.groups:
                return int(group)
        elif isinstance(group, str):
            index = self.re.groupindex.get(group)
            if index is not None:
                return index
        raise IndexError('no such group')

    def _group(self, index, default=None):
        return _group_text(self.string, self._spans, index, default)

    def group(self, *groups):
        """The string a group matched (0, the default: the whole match), or a tuple of them."""
        if not groups:
            return self._group(0)
        if len(groups) == 1:
            return self._group(self._index(groups[0]))
        return tuple(self._group(self._index(g)) for g in groups)

    def __getitem__(self, group):
        return self._group(self._index(group))

    def groups(self, default=None):
        """The strings of all groups, default for those that did not match."""
        return tuple(self._group(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        """The named groups' strings by name."""
        return {name: self._group(index, default) for name, index in self.re.groupindex.items()}

    def start(self, group=0):
        i = self._index(group)
        return self._spans[2 * i] if self._spans[2 * i + 1] >= 0 else -1

    def end(self, group=0):
        i = self._index(group)
        return self._spans[2 * i + 1] if self._spans[2 * i] >= 0 else -1

    def span(self, group=0):
        return self.start(group), self.end(group)

    def _expand(self, template):
        return ''.join(part if isinstance(part, str) else self._group(part, '') for part in template)

    def expand(self, template):
        """template with its group references replaced, as sub does."""
        return self._expand(self.re._template(template))

    def __repr__(self):
        return f'<re.Match object; span={self.span()!r}, match={self.group()!r}>'

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_cache = {}
_MAXCACHE = 512


def compile(pattern, flags=0):
    """Compile a pattern into a Pattern object."""
    if type(pattern) is str:
        compiled = _cache.get((pattern, flags))
        if compiled is not None:
            return compiled
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if not isinstance(pattern, str):
        raise TypeError('first argument must be string or compiled pattern')
    key = (pattern, int(flags))
    compiled = _cache.get(key)
    if compiled is None:
        compiled = Pattern(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            del _cache[next(iter(_cache))]
        _cache[key] = compiled
    return compiled


def purge():
    """Clear the cache of compiled patterns."""
    _cache.clear()


def match(pattern, string, flags=0):
    """A Match if the pattern matches at the start of string, else None."""
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """A Match if the pattern matches all of string, else None."""
    return compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """The first Match anywhere in string, or None."""
    return compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """string with the matches of pattern replaced by repl."""
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """(new string, number of replacements), as sub."""
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """string cut at the matches of pattern."""
    return compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """All non-overlapping matches of pattern in string, as strings or tuples of groups."""
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """An iterator of the Matches of pattern in string."""
    return compile(pattern, flags).finditer(string)


_special_chars = {ord(c): '\\' + c for c in '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """pattern with the characters special in patterns escaped."""
    return pattern.translate(_special_chars)
"""#
}
