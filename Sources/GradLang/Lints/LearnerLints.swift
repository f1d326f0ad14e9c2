import GradTensor

/// The learner lints: warnings in plain words about the classic autograd mistakes, given through
/// the `warnings` machinery with the category `GradLintWarning` (`LintWarning.swift`), so that
/// filters and `-W` silence them. One object per interpreter holds whether they are on (`%lint`)
/// and what the accumulation lint remembers between backward passes.
///
/// Where each check lives (see README "### Lints"):
/// - gradients piling up across training steps: the backward binding, told by the engine of each
///   leaf's `.grad` it writes (`LeafGradientObserver`);
/// - `w = w - lr * w.grad` and `w.data -= lr * w.grad`: statements picked out by their shape when
///   compiled (`ParameterUpdateLints.swift`), checked on the values when they have run;
/// - backward through a freed graph: the backward binding, as PyTorch's error is about to go.
final class LearnerLints: LeafGradientObserver {
    /// `%lint on|off`.
    var enabled = true

    /// What the last backward pass that wrote a leaf's `.grad` left there, by leaf. A dead
    /// leaf's identity may come back as a new leaf's: its first pass then writes a fresh `.grad`
    /// (no earlier one to add to), which replaces the record without a comparison.
    private var records: [ObjectIdentifier: GradientRecord] = [:]
    /// Set by a pass that added a gradient to one left over from before the leaf was updated;
    /// cleared when the next pass starts.
    private(set) var sawStaleGradient = false

    // Which passes are watched. A pass is judged against the one before it, so passes are
    // watched in pairs: every pass at first, then pairs further and further apart (up to one
    // pair in `spacingLimit` passes) while backward() keeps being called from one line, a
    // training loop whose first steps have shown how it treats its gradients: the lint then
    // costs a loop nothing measurable. Another line starts the schedule again.
    private var passNumber = 0
    /// The first pass of the next watched pair.
    private var pairStart = 1
    private var spacing = 1
    private static let spacingLimit = 64
    /// Where the passes of the current schedule are called from. The frame's identity answers
    /// for a loop in one frame without comparing file names (a new frame that reuses a freed
    /// one's address is compared by line alone: at worst the schedule goes on at another site).
    private var siteFile = ""
    private var siteLine = 0
    private var siteFrame: ObjectIdentifier?

    /// The records are forgotten wholesale past this many leaves (leaves made afresh in a loop
    /// would otherwise pile up); forgetting can only make the lint miss a step, never warn wrongly.
    private static let recordLimit = 1024

    private struct GradientRecord {
        /// The `.grad` tensor and its version just after the pass wrote it: if either has
        /// changed by the next pass, someone zeroed or replaced the gradient in between.
        var grad: ObjectIdentifier
        var gradVersion: Int
        /// The leaf's version and data then: if either has changed by the next pass, the
        /// parameter was updated in between (in place, or by `w.data = ...`).
        var leafVersion: Int
        var leafStorage: ObjectIdentifier
        /// Updated through `w.data -= ...`, which leaves the version alone.
        var updatedThroughData = false
    }

    /// The observer a backward pass called from `frame` reports to: this object while the lints
    /// are on and the pass is watched, else none.
    func observerForPass(calledFrom frame: Frame?) -> (any LeafGradientObserver)? {
        sawStaleGradient = false
        guard enabled else { return nil }
        passNumber &+= 1
        let line = frame?.line ?? 0
        let frameIdentity = frame.map(ObjectIdentifier.init)
        if line != siteLine || (frameIdentity != siteFrame && frame?.file != siteFile) {
            siteLine = line
            siteFile = frame?.file ?? ""
            pairStart = passNumber
            spacing = 1
        }
        siteFrame = frameIdentity
        if passNumber == pairStart { return self }
        guard passNumber == pairStart &+ 1 else { return nil }
        pairStart = passNumber &+ spacing
        spacing = min(spacing * 2, Self.spacingLimit)
        return self
    }

    func wrote(gradientOf leaf: Tensor, addedToEarlier: Bool) {
        guard let grad = leaf.grad else { return }
        let now = GradientRecord(grad: ObjectIdentifier(grad), gradVersion: grad.version,
                                 leafVersion: leaf.version, leafStorage: ObjectIdentifier(leaf.storage))
        // One hash per pass and leaf: the record is found once and replaced where it is.
        let key = ObjectIdentifier(leaf)
        guard let index = records.index(forKey: key) else {
            if records.count >= Self.recordLimit { records.removeAll(keepingCapacity: true) }
            records[key] = now
            return
        }
        let earlier = records.values[index]
        // The pass's in-place addition bumped the gradient's version once: any other change
        // means it was zeroed or written in between.
        if addedToEarlier, earlier.grad == now.grad, earlier.gradVersion &+ 1 == now.gradVersion,
           earlier.leafVersion != now.leafVersion || earlier.leafStorage != now.leafStorage || earlier.updatedThroughData {
            sawStaleGradient = true
        }
        records.values[index] = now
    }

    /// Notes that `leaf` was changed through `.data`, which its version does not show.
    func noteUpdateThroughData(of leaf: Tensor) {
        records[ObjectIdentifier(leaf)]?.updatedThroughData = true
    }
}

extension Interpreter {
    /// Whether the learner lints are on (`%lint on|off`); `-W ignore` silences them through the
    /// warnings filters instead.
    public var lintsEnabled: Bool {
        get { lints.enabled }
        set { lints.enabled = newValue }
    }
}
