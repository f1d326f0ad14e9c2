/// What the learner lints say. Each names the mistake, why it matters and the fix, in plain
/// words; the texts do not change from one run of a line to the next, so the warnings filters'
/// "default" action shows each once per source line.
enum LintText {
    /// `backward()` adding to a `.grad` left over from before the parameter's last update.
    static let gradientsPileUp = "backward() added this gradient to the one already in .grad, which was not zeroed after the parameter was last updated: the next update will use the sum of the gradients of every step so far. Zero the gradients once per step, before backward(): optimizer.zero_grad(), or p.grad.zero_() (or p.grad = None) for each parameter p. (Gradients summed on purpose over several backward() calls are fine: this warns only when the parameter changed in between.)"

    /// `w = w - lr * w.grad` outside `no_grad`.
    static func rebound(_ name: String) -> String {
        "\(name) is now the result of an operation, not a leaf tensor: outside torch.no_grad() autograd records this update, so the next backward() will not fill \(name).grad (it stays None). Update the parameter in place without recording it: with torch.no_grad(): \(name) -= lr * \(name).grad"
    }

    /// `w.data -= lr * w.grad`.
    static func updatedThroughData(_ name: String) -> String {
        "updating \(name) through .data is the old way to keep autograd from recording a change; it also hides the change from autograd's checks for values modified in place. The modern form is an in-place update inside torch.no_grad(): with torch.no_grad(): \(name) -= lr * \(name).grad"
    }

    /// `backward()` through a graph an earlier `backward()` freed.
    static let backwardThroughFreedGraph = "this backward() goes through a part of the graph that an earlier backward() already went through and freed (backward() frees the values the graph saved for it). This happens when part of the graph is computed once, e.g. before a loop, and backward() is called in every iteration: compute the forward pass again before each backward(), inside the loop, or pass retain_graph=True to the earlier backward() if going through the same graph twice is really meant. PyTorch's error follows."
}
