import GradTensor

/// Counting: `histc`, `histogram`, `bincount` (functions and methods) and the function `isin`.
enum TorchHistogramBindings {
    static var ops: [TorchOp] {
        [
            TorchOp.tensor("histc", "bins=100, min=0, max=0") { t, args in
                try t.histc(bins: try args.int("bins"), min: try args.scalar("min").doubleValue, max: try args.scalar("max").doubleValue)
            }.withOut,
            TorchOp("histogram", "bins, *, range=None, weight=None, density=False") { t, args in
                let weight = args["weight"].isNone ? nil : try args.tensor("weight")
                let density = try args.bool("density")
                let result: (hist: Tensor, edges: Tensor)
                if case .tensor(let edges) = args["bins"] {
                    result = try TorchBridge.run { try t.histogram(edges: edges, weight: weight, density: density) }
                } else {
                    let (bins, range) = (try args.int("bins"), try histogramRange(args))
                    result = try TorchBridge.run { try t.histogram(bins: bins, range: range, weight: weight, density: density) }
                }
                return TorchReductionBindings.namedTuple("torch.return_types.histogram", ["hist": result.hist, "bin_edges": result.edges])
            },
            TorchOp.tensor("bincount", "weights=None, minlength=0") { t, args in
                try t.bincount(weights: args["weights"].isNone ? nil : try args.tensor("weights"), minlength: try args.int("minlength"))
            },
        ]
    }

    static var functions: [PyBuiltin] {
        [PyBuiltin("isin(elements, test_elements, *, assume_unique=False, invert=False)", style: .torch) { args in
            let (elements, tests) = (try args.operand("elements"), try args.operand("test_elements"))
            // One of the two may be a number, not both.
            let givenTensors = [args["elements"], args["test_elements"]].filter { if case .tensor = $0 { true } else { false } }
            if givenTensors.isEmpty {
                throw args.mismatch("elements", expected: "Tensor", got: args["elements"])
            }
            return .tensor(try TorchBridge.run { try Tensor.isin(elements, tests, invert: try args.bool("invert")) })
        }]
    }

    /// `range=(min, max)`: two numbers, or None.
    private static func histogramRange(_ args: BoundArguments) throws -> (Double, Double)? {
        if args["range"].isNone { return nil }
        guard let items = args["range"].sequenceItems, items.count == 2, let low = items[0].asScalar, let high = items[1].asScalar else {
            throw args.mismatch("range", expected: "tuple of floats", got: args["range"])
        }
        return (low.doubleValue, high.doubleValue)
    }
}
