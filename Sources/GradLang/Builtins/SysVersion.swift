/// `sys.version_info` and `sys.version`: those of CPython 3.11.7, whose behaviour grad follows,
/// so that a program's version checks (`if sys.version_info >= (3, 8):`) take CPython's path.
/// `sys.version` names grad after the number (CPython names its build and compiler there).
public enum SysVersion {
    public static func install(in sys: PyModule, gradVersion: String, _ interpreter: Interpreter) {
        sys.attributes["version"] = .str("3.11.7 (grad \(gradVersion))")
        interpreter.addSource(source, filename: "sys.py", to: sys)
    }

    private static let source = #"""
from collections import namedtuple as _namedtuple


class version_info(_namedtuple('version_info', ['major', 'minor', 'micro', 'releaselevel', 'serial'])):
    """The version of Python whose behaviour grad follows."""
    __slots__ = ()

    def __repr__(self):
        return 'sys.' + super().__repr__()


version_info = version_info(3, 11, 7, 'final', 0)
hexversion = 0x30B07F0
del _namedtuple
"""#
}
