/// Anomaly mode (`torch.autograd.detect_anomaly`, `torch.set_anomaly_enabled`): while it is on,
/// each node made keeps where in the program it was made, and a backward pass checks the
/// gradients each node returns for NaN and, when a node fails, names it with that place before
/// the error goes on, then the node whose backward made it (its parent), and so on up.
/// One state for the process, as `GradMode`.
public enum AnomalyMode {
    public static var isEnabled: Bool { enabled }
    /// Whether a NaN in a node's gradients is an error (`check_nan`).
    public static var checksNaN: Bool { checkingNaN }
    nonisolated(unsafe) private static var enabled = false
    nonisolated(unsafe) private static var checkingNaN = true

    /// Asked, for each node made while the mode is on, what to keep about where it was made
    /// (the language answers with the stack of its frames); kept in the node's attachments.
    nonisolated(unsafe) public static var placeOfCreation: (() -> Any?)?
    /// Told of a node whose backward failed while the mode is on, before the error goes on
    /// (PyTorch warns with the place the node was made); what it throws replaces the error.
    nonisolated(unsafe) public static var failureObserver: ((Node) throws -> Void)?
    /// The node whose backward is running while the mode is on: the parent of the nodes its
    /// formula makes (a graph of the gradient), which a failure report names after them.
    nonisolated(unsafe) private static var evaluating: Node?

    /// `body` run as `node`'s backward, the parent of the nodes made meanwhile.
    static func evaluating<R>(_ node: Node, _ body: () throws -> R) rethrows -> R {
        let outer = evaluating
        evaluating = node
        defer { evaluating = outer }
        return try body()
    }

    public static func set(enabled: Bool, checkNaN: Bool) {
        self.enabled = enabled
        checkingNaN = checkNaN
    }

    /// The attachments a node made while the mode is on starts with: where it was made.
    @inline(never)
    static func attachmentsOfNewNode() -> NodeAttachments {
        let attachments = NodeAttachments()
        attachments.placeOfCreation = placeOfCreation?()
        attachments.parent = evaluating
        return attachments
    }
}

extension Tensor {
    /// Whether an element is NaN (anomaly mode's check of the gradients a node returns).
    func containsNaN() throws -> Bool {
        guard dtype.isFloatingPoint else { return false }
        guard case .int(let count) = try ne(self).sum().item() else { return false }
        return count > 0
    }
}
