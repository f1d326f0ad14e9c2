/// One item of a Python subscript, as the language layer hands it to `index(_:)` / `indexAssign(_:_:)`.
///
/// `t[0, 1:3, None, ...]` is `[.int(0), .slice(start: 1, stop: 3, step: nil), .none, .ellipsis]`.
/// A subscript that is not a tuple (`t[0]`) is a one-item list; PyTorch takes shortcuts for those,
/// which show in the `grad_fn` (`t[0:3]` records SliceBackward0 while `t[0:3, :]` is an alias).
/// Python lists used as indices (`t[[0, 2]]`) arrive as `.tensor` of an int64 or bool tensor.
public enum TensorIndex {
    /// An integer, possibly negative. Python ints beyond Int64 are the language layer's error.
    case int(Int)
    /// `start:stop:step`; nil where omitted. Bounds may be anything (clamped as Python does);
    /// a zero step is a ValueError, a negative one is rejected as PyTorch does.
    case slice(start: Int?, stop: Int?, step: Int?)
    /// `None`: a new axis of size 1.
    case none
    /// `...`
    case ellipsis
    /// Python `True` / `False` (PyTorch treats them apart from ints: a new axis, kept or emptied).
    case bool(Bool)
    /// An int64 or bool tensor ("advanced" indexing, returns a copy). A 0-dim int64 tensor acts like
    /// an int, a 0-dim bool like `.bool`.
    case tensor(Tensor)
}
