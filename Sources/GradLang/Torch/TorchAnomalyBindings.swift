import GradTensor

/// `torch.set_anomaly_enabled`, `is_anomaly_enabled`, `is_anomaly_check_nan_enabled`: anomaly
/// mode's switch (the context managers `detect_anomaly` and `set_detect_anomaly` are Python, in
/// torch.autograd's source). While the mode is on, each node made keeps the stack of frames that
/// made it, and a node whose backward fails is reported with it, as PyTorch's warning
/// "Error detected in MulBackward0. Traceback of forward call that caused the error: ...".
enum TorchAnomalyBindings {
    static var functions: [PyBuiltin] {
        [
            PyBuiltin("is_anomaly_enabled()", style: .torch) { _ in .bool(AnomalyMode.isEnabled) },
            PyBuiltin("is_anomaly_check_nan_enabled()", style: .torch) { _ in .bool(AnomalyMode.checksNaN) },
            PyBuiltin("set_anomaly_enabled(enabled, check_nan=True)", style: .torch) { args in
                set(enabled: try args.bool("enabled"), checkNaN: try args.bool("check_nan"), args.interpreter)
                return .none
            },
        ]
    }

    /// Switches the mode, and while it is on makes `interpreter` the one whose frames new nodes
    /// record. The observers hold the interpreter only while the mode is on (a weak reference
    /// would give every interpreter a side table, sending all its retains and releases down
    /// Swift's slow path); an interpreter starts with the mode off, which lets go of the last.
    static func set(enabled: Bool, checkNaN: Bool, _ interpreter: Interpreter) {
        AnomalyMode.set(enabled: enabled, checkNaN: checkNaN)
        AnomalyMode.placeOfCreation = enabled ? { interpreter.stackOfFrames() } : nil
        AnomalyMode.failureObserver = enabled ? { node in try interpreter.warnOfFailedNode(node) } : nil
    }
}

extension Interpreter {
    /// The frames running now, outermost first, as a traceback lists them; none of `file`'s.
    func stackOfFrames(outside file: String? = nil) -> [TraceEntry] {
        var entries: [TraceEntry] = []
        var frame = currentFrame
        while let f = frame {
            if !filesHiddenFromTracebacks.contains(f.file) && f.file != file {
                entries.append(f.origin.entry(line: f.line, function: f.name))
            }
            frame = f.caller
        }
        return entries.reversed()
    }

    /// PyTorch's warnings for a node whose backward failed in anomaly mode: one for the node,
    /// then one for each node whose backward made the one before (a double backward's chain).
    func warnOfFailedNode(_ node: Node) throws {
        try warnOfPlace(node, isParent: false)
        var parent = node.attachments.parent
        while let next = parent {
            try warnOfPlace(next, isParent: true)
            parent = next.attachments.parent
        }
    }

    /// One of `warnOfFailedNode`'s warnings: where `node` was made, if known.
    private func warnOfPlace(_ node: Node, isParent: Bool) throws {
        let name = node.className
        guard let stack = node.attachments.placeOfCreation as? [TraceEntry] else {
            try warn("Error detected in \(name). No forward pass information available. Enable detect anomaly during forward pass for more information. (Triggered internally at /__w/pytorch/pytorch/torch/csrc/autograd/python_anomaly_mode.cpp:90.)")
            return
        }
        let traceback = ErrorRenderer(sources: sourceLinesByFile).render(stack: stack)
        if isParent {
            try warn("\n\nPrevious calculation was induced by \(name). Traceback of forward call that induced the previous calculation:\n\(traceback) (Triggered internally at /__w/pytorch/pytorch/torch/csrc/autograd/python_anomaly_mode.cpp:115.)")
        } else {
            try warn("Error detected in \(name). Traceback of forward call that caused the error:\n\(traceback) (Triggered internally at /__w/pytorch/pytorch/torch/csrc/autograd/python_anomaly_mode.cpp:108.)")
        }
    }
}
