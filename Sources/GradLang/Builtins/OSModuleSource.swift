/// The Python half of `os` and `os.path` (see OSModule): POSIX paths, as CPython's posixpath.
enum OSModuleSource {
    static let text = #"""
def makedirs(name, mode=0o777, exist_ok=False):
    """Make a directory and any missing parents; an existing one is an error unless exist_ok."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        makedirs(head, mode, exist_ok=True)
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def getenv(key, default=None):
    """The environment variable key, or default when it is not set."""
    return environ.get(key, default)
"""#

    static let pathText = #"""
def _text(p, function):
    if not isinstance(p, str):
        raise TypeError(f"{function}() argument must be str, bytes, or os.PathLike object, not '{type(p).__name__}'")
    return p


def join(a, *p):
    """Join path parts with '/'; an absolute part starts the path over."""
    result = _text(a, 'join')
    for part in p:
        part = _text(part, 'join')
        if part.startswith('/'):
            result = part
        elif not result or result.endswith('/'):
            result += part
        else:
            result += '/' + part
    return result


def split(p):
    """(head, tail): tail is everything after the last '/'."""
    p = _text(p, 'split')
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def basename(p):
    return split(p)[1]


def dirname(p):
    return split(p)[0]


def splitext(p):
    """(root, ext): ext starts at the last dot of the last part, unless the part starts with dots."""
    p = _text(p, 'splitext')
    dot = p.rfind('.')
    if dot <= p.rfind('/'):
        return p, ''
    start = p.rfind('/') + 1
    if p[start:dot].strip('.') == '':
        return p, ''
    return p[:dot], p[dot:]


def isabs(p):
    return _text(p, 'isabs').startswith('/')


def normpath(p):
    """Collapse '//', '.' and 'a/..' without looking at the file system."""
    p = _text(p, 'normpath')
    if p == '':
        return '.'
    initial = 2 if p.startswith('//') and not p.startswith('///') else 1 if p.startswith('/') else 0
    parts = []
    for part in p.split('/'):
        if part in ('', '.'):
            continue
        if part != '..' or (not initial and not parts) or (parts and parts[-1] == '..'):
            parts.append(part)
        elif parts:
            parts.pop()
    result = '/' * initial + '/'.join(parts)
    return result or '.'


def abspath(p):
    p = _text(p, 'abspath')
    if not isabs(p):
        import os
        p = join(os.getcwd(), p)
    return normpath(p)


def expanduser(p):
    """'~' or '~/...' with $HOME; other forms are returned unchanged."""
    p = _text(p, 'expanduser')
    if p != '~' and not p.startswith('~/'):
        return p
    import os
    home = os.environ.get('HOME')
    if home is None:
        return p
    return (home.rstrip('/') or '/') + p[1:]


def exists(p):
    return _stat(p) is not None


def isdir(p):
    status = _stat(p)
    return status is not None and status[0]


def isfile(p):
    status = _stat(p)
    return status is not None and not status[0]


def getsize(p):
    return _stat(p, True)[1]
"""#
}
