/// Registers the `torch` module, tensor methods and properties, and the short forms bound at top
/// level (`tensor`, `no_grad`).
extension Interpreter {
    func installTorch() {
    }
}
