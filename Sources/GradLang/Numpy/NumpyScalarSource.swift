/// numpy's scalar types `float64`, `float32` and `int64`, written in Python: subclasses of
/// Python's float and int (so every built-in taking a number takes them, as numpy's do), printing
/// as numpy 2 does (`np.float64(0.5)`), whose operators go through numpy's rules (Swift's
/// `_scalar_binary`, `_scalar_compare`), so `np.float32(1) + 1.0` stays float32.
enum NumpyScalarSource {
    static let text = #"""
class _NumpyScalar:
    """The operators numpy scalars share: numpy's promotion, results as numpy scalars."""

    def __add__(self, other): return _scalar_binary("+", self, other)
    def __radd__(self, other): return _scalar_binary("+", other, self)
    def __sub__(self, other): return _scalar_binary("-", self, other)
    def __rsub__(self, other): return _scalar_binary("-", other, self)
    def __mul__(self, other): return _scalar_binary("*", self, other)
    def __rmul__(self, other): return _scalar_binary("*", other, self)
    def __truediv__(self, other): return _scalar_binary("/", self, other)
    def __rtruediv__(self, other): return _scalar_binary("/", other, self)
    def __floordiv__(self, other): return _scalar_binary("//", self, other)
    def __rfloordiv__(self, other): return _scalar_binary("//", other, self)
    def __mod__(self, other): return _scalar_binary("%", self, other)
    def __rmod__(self, other): return _scalar_binary("%", other, self)
    def __pow__(self, other): return _scalar_binary("**", self, other)
    def __rpow__(self, other): return _scalar_binary("**", other, self)
    def __matmul__(self, other): return _scalar_binary("@", self, other)
    def __rmatmul__(self, other): return _scalar_binary("@", other, self)
    def __eq__(self, other): return _scalar_compare("==", self, other)
    def __ne__(self, other): return _scalar_compare("!=", self, other)
    def __lt__(self, other): return _scalar_compare("<", self, other)
    def __le__(self, other): return _scalar_compare("<=", self, other)
    def __gt__(self, other): return _scalar_compare(">", self, other)
    def __ge__(self, other): return _scalar_compare(">=", self, other)
    def __neg__(self): return _scalar_binary("*", self, -1)
    def __pos__(self): return self
    def __abs__(self): return _scalar_abs(self)
    def __hash__(self): return _scalar_hash(self)
    def item(self): return _scalar_item(self)


class float64(_NumpyScalar, float):
    def __repr__(self): return "np.float64(" + float.__repr__(self) + ")"
    def __str__(self): return float.__repr__(self)


class float32(_NumpyScalar, float):
    def __repr__(self): return "np.float32(" + _float32_text(self) + ")"
    def __str__(self): return _float32_text(self)


class int64(_NumpyScalar, int):
    def __repr__(self): return "np.int64(" + int.__repr__(self) + ")"
    def __str__(self): return int.__repr__(self)


class bool_(_NumpyScalar, int):
    def __repr__(self): return "np.True_" if self else "np.False_"
    def __str__(self): return "True" if self else "False"


_register_scalar_types(float64, float32, int64, bool_)
bool = bool_
True_ = bool_(1)
False_ = bool_(0)
"""#
}
