/// An instance's `__dict__` (`obj.__dict__["x"] = 1`, `self.__dict__.update(kwargs)`): grad keeps
/// attributes in slots (see PyInstance), so `__dict__` is a dict made when asked for, whose
/// changes are written through to the instance. It does not see changes made to the instance
/// afterwards; asking for `__dict__` again does.
extension PyDict {
    /// `key` was set to `value` (nil: deleted) in the `__dict__` of `attributeOwner`.
    func changedAttribute(_ key: Value, _ value: Value?) {
        guard let owner = attributeOwner, case .str(let name) = key else { return }
        owner.setAttribute(name.string, value)
    }
}
