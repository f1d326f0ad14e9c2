/// An error raised by the tensor library, carrying the Python exception type PyTorch raises for it.
/// The language layer turns it into `RuntimeError: <message>` etc.; nothing here prints.
public struct TorchError: Error, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case runtimeError = "RuntimeError"
        case typeError = "TypeError"
        case valueError = "ValueError"
        case indexError = "IndexError"
        case memoryError = "MemoryError"
        case notImplementedError = "NotImplementedError"
        /// `torch.linalg.LinAlgError`, a RuntimeError subclass that prints as `torch._C._LinAlgError`.
        case linalgError = "torch._C._LinAlgError"
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func runtime(_ message: String) -> TorchError { TorchError(.runtimeError, message) }
    public static func type(_ message: String) -> TorchError { TorchError(.typeError, message) }
    public static func value(_ message: String) -> TorchError { TorchError(.valueError, message) }
    public static func index(_ message: String) -> TorchError { TorchError(.indexError, message) }
    public static func notImplemented(_ message: String) -> TorchError { TorchError(.notImplementedError, message) }

    public var description: String { "\(kind.rawValue): \(message)" }
}
