/// A place for one tensor in a process-wide cache (the wrapped numbers handed out again, the
/// backward seeds). A cache is a `static let` array of these: the array never changes after it is
/// made, and a slot's field is written by a plain store, so neither is checked for exclusive access
/// at run time, as every access to a `static var` array written through its subscript would be.
final class TensorSlot {
    var tensor: Tensor?
}
