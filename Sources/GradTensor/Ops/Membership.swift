/// `isin`: whether each element equals one of the test elements (NaN never does).
extension Tensor {
    /// `isin(elements, test_elements, invert)`: a bool tensor shaped as `elements`, compared in
    /// their promoted dtype.
    public static func isin(_ elements: Tensor, _ tests: Tensor, invert: Bool) throws -> Tensor {
        try GradMode.with(enabled: false) {
            let matches = try elements.reshape(elements.shape + [1]).eq(tests.reshape([-1])).sum(dims: [-1])
            let found = try matches.gt(.wrapping(.int(0)))
            return invert ? try found.logicalNot() : found
        }
    }
}
