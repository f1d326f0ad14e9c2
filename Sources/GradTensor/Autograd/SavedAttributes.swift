/// What PyTorch shows of a node's saved state: the `_saved_*` attributes its generated node
/// classes have (derivatives.yaml names what each op saves), read from what grad's own formula
/// keeps, so nothing is saved for them. Only the ops listed in `SavedAttributes.table` have them.

/// One saved value as PyTorch's `_saved_*` gives it.
public enum SavedValue {
    /// A saved tensor, nil where the op did not need to save it (PyTorch's None).
    case tensor(Tensor?)
    case scalar(Scalar)
    case int(Int)
    /// A dimension as PyTorch's generated getters print it: a negative one as the unsigned
    /// 64-bit number with the same bits (-1 is 18446744073709551615).
    case dim(Int)
    /// Dimensions so printed, as a tuple.
    case dims([Int])
    /// An optional argument the call did not give (PyTorch's None).
    case none
    case bool(Bool)
    /// Sizes (`_saved_self_sym_sizes`): a tuple of ints.
    case sizes([Int])
}

/// Where one `_saved_*` attribute comes from. A path names a field of the op's saved state by
/// its labels ("operands.first"); the empty path is the whole state.
enum SavedSource: Sendable {
    /// A saved tensor, the `SavedSlot` or `SavedSlot?` holding it at a path.
    case tensor(String)
    /// The op's output (`_saved_result`), attached to its node as PyTorch's unpacking gives it.
    case output
    /// A `Scalar` (or `Double`) at a path; for a `Scalar?`, nil stands for `fallback` (`add`'s
    /// default alpha), or reads None without one (`clamp`'s bound not given).
    case scalar(String, fallback: Scalar? = nil)
    /// An Int dimension at a path, as the user gave it.
    case dim(String)
    /// An `[Int]?` of dimensions at a path, as the user gave them (nil, none given, reads None).
    case dims(String)
    /// A `Bool` at a path.
    case bool(String)
    /// A `LossReduction` at a path, shown as ATen's number for it.
    case reduction(String)
    /// The shape of input `i` when the op ran.
    case inputSizes(Int)
    /// The element count of input `i` when the op ran.
    case inputNumel(Int)
    /// A number grad's op always has (`addmm`'s alpha and beta are 1).
    case constant(Int)
    /// A matrix operand's strides when the op ran, at a path of the state (an `(Int, Int)`):
    /// saved, as PyTorch saves them, only when input `ofInput` needs a gradient (else `()`).
    case strides(String, ofInput: Int)

    /// Whether the value is a saved tensor, which has a `_raw_saved_` twin.
    var isTensor: Bool {
        switch self {
        case .tensor, .output: return true
        default: return false
        }
    }
}

enum SavedAttributes {
    /// Per node name, its attributes (without the `_saved_` prefix) in the order `dir` lists them.
    static let table: [String: [(name: String, source: SavedSource)]] = [
        "AddBackward0": [("alpha", .scalar("", fallback: .int(1)))],
        "SubBackward0": [("alpha", .scalar(""))],
        "MulBackward0": [("other", .tensor("second")), ("self", .tensor("first"))],
        "MulBackward1": [("other", .scalar(""))],
        "DivBackward0": [("other", .tensor("other")), ("self", .tensor("input"))],
        "PowBackward0": [("exponent", .scalar("exponent")), ("self", .tensor("base"))],
        "PowBackward1": [("exponent", .tensor("exponent")), ("result", .output), ("self", .tensor("base"))],
        "PowBackward2": [("exponent", .tensor("exponent")), ("result", .output), ("self", .scalar("base"))],
        "ExpBackward0": [("result", .output)],
        "Atan2Backward0": [("other", .tensor("other")), ("self", .tensor("input"))],
        "MaximumBackward0": [("other", .tensor("other")), ("self", .tensor("input"))],
        "MinimumBackward0": [("other", .tensor("other")), ("self", .tensor("input"))],
        "RemainderBackward1": [("other", .tensor("other")), ("self", .tensor("input"))],
        "FmodBackward1": [("other", .tensor("other")), ("self", .tensor("input"))],
        "HypotBackward0": [("other", .tensor("other")), ("result", .output), ("self", .tensor("input"))],
        "LerpBackward1": [("end", .tensor("end")), ("self", .tensor("input")), ("weight", .tensor("weight"))],
        "AddcmulBackward0": [("tensor1", .tensor("t1")), ("tensor2", .tensor("t2")), ("value", .scalar("value"))],
        "AddcdivBackward0": [("tensor1", .tensor("t1")), ("tensor2", .tensor("t2")), ("value", .scalar("value"))],
        "ClampBackward0": [("max", .tensor("max")), ("min", .tensor("min")), ("self", .tensor("input"))],
        "ClampBackward1": [("max", .scalar("max")), ("min", .scalar("min")), ("self", .tensor("input"))],
        "ClampMinBackward0": [("min", .scalar("bound")), ("self", .tensor("input"))],
        "ClampMaxBackward0": [("max", .scalar("bound")), ("self", .tensor("input"))],
        "WhereBackward0": [("condition", .tensor(""))],
        "MaskedFillBackward0": [("mask", .tensor(""))],
        "MaskedFillBackward1": [("mask", .tensor(""))],
        "MaxBackward1": [("result", .output), ("self", .tensor(""))],
        "MinBackward1": [("result", .output), ("self", .tensor(""))],
        "ProdBackward0": [("result", .output), ("self", .tensor("input"))],
        "LinalgPinvBackward0": [("result", .output), ("self", .tensor("input"))],
        "LogBackward0": [("self", .tensor(""))],
        "SinBackward0": [("self", .tensor(""))],
        "CosBackward0": [("self", .tensor(""))],
        "AsinBackward0": [("self", .tensor(""))],
        "AcosBackward0": [("self", .tensor(""))],
        "AtanBackward0": [("self", .tensor(""))],
        "SinhBackward0": [("self", .tensor(""))],
        "CoshBackward0": [("self", .tensor(""))],
        "AsinhBackward0": [("self", .tensor(""))],
        "AcoshBackward0": [("self", .tensor(""))],
        "AtanhBackward0": [("self", .tensor(""))],
        "AbsBackward0": [("self", .tensor(""))],
        "Log1PBackward0": [("self", .tensor(""))],
        "Log2Backward0": [("self", .tensor(""))],
        "Log10Backward0": [("self", .tensor(""))],
        "LgammaBackward0": [("self", .tensor(""))],
        "DigammaBackward0": [("self", .tensor(""))],
        "ErfBackward0": [("self", .tensor(""))],
        "ErfcBackward0": [("self", .tensor(""))],
        "ErfinvBackward0": [("self", .tensor(""))],
        "NanToNumBackward0": [("self", .tensor(""))],
        "SiluBackward0": [("self", .tensor(""))],
        "MishBackward0": [("self", .tensor(""))],
        "HardswishBackward0": [("self", .tensor(""))],
        "HardsigmoidBackward0": [("self", .tensor(""))],
        "TanhBackward0": [("result", .output)],
        "SigmoidBackward0": [("result", .output)],
        "ReluBackward0": [("result", .output)],
        "SumBackward0": [("self_sym_sizes", .inputSizes(0))],
        "SumBackward1": [("dim", .dims("dims")), ("keepdim", .bool("keepdim")), ("self_sym_sizes", .inputSizes(0))],
        "NansumBackward0": [("dim", .dims("dims")), ("keepdim", .bool("keepdim")), ("self", .tensor("input"))],
        "MeanBackward0": [("self_sym_numel", .inputNumel(0)), ("self_sym_sizes", .inputSizes(0))],
        "MeanBackward1": [("dim", .dims("dims")), ("keepdim", .bool("keepdim")),
                          ("self_sym_numel", .inputNumel(0)), ("self_sym_sizes", .inputSizes(0))],
        "MmBackward0": [("mat2", .tensor("operands.second")), ("mat2_sym_sizes", .inputSizes(1)),
                        ("mat2_sym_strides", .strides("mat2Layout.strides", ofInput: 1)),
                        ("self", .tensor("operands.first")), ("self_sym_sizes", .inputSizes(0)),
                        ("self_sym_strides", .strides("mat1Layout.strides", ofInput: 0))],
        "AddmmBackward0": [("alpha", .scalar("alpha", fallback: .int(1))), ("beta", .scalar("beta", fallback: .int(1))),
                           ("mat1", .tensor("product.operands.first")), ("mat1_sym_sizes", .inputSizes(1)),
                           ("mat1_sym_strides", .strides("product.mat1Layout.strides", ofInput: 1)),
                           ("mat2", .tensor("product.operands.second")), ("mat2_sym_sizes", .inputSizes(2)),
                           ("mat2_sym_strides", .strides("product.mat2Layout.strides", ofInput: 2))],
        "BmmBackward0": [("mat2", .tensor("second")), ("self", .tensor("first"))],
        "MvBackward0": [("self", .tensor("first")), ("vec", .tensor("second"))],
        "DotBackward0": [("self", .tensor("first")), ("tensor", .tensor("second"))],
        "ViewBackward0": [("self_sym_sizes", .inputSizes(0))],
        "UnsafeViewBackward0": [("self_sym_sizes", .inputSizes(0))],
        "ExpandBackward0": [("self_sym_sizes", .inputSizes(0))],
        "TransposeBackward0": [("dim0", .dim("given0")), ("dim1", .dim("given1"))],
        "PermuteBackward0": [("dims", .dims("given"))],
        "UnsqueezeBackward0": [("dim", .dim("given"))],
        "CatBackward0": [("dim", .dim("given"))],
        "StackBackward0": [("dim", .dim("given"))],
        "SoftmaxBackward0": [("dim", .dim("given")), ("result", .output)],
        "LogSoftmaxBackward0": [("dim", .dim("given")), ("result", .output)],
        "MseLossBackward0": [("reduction", .reduction("reduction")), ("self", .tensor("input")), ("target", .tensor("target"))],
        "SmoothL1LossBackward0": [("beta", .scalar("beta")), ("reduction", .reduction("reduction")),
                                  ("self", .tensor("input")), ("target", .tensor("target"))],
        "HuberLossBackward0": [("delta", .scalar("delta")), ("reduction", .reduction("reduction")),
                               ("self", .tensor("input")), ("target", .tensor("target"))],
        "BinaryCrossEntropyBackward0": [("reduction", .reduction("reduction")), ("self", .tensor("input")),
                                        ("target", .tensor("target")), ("weight", .tensor("weight"))],
        "BinaryCrossEntropyWithLogitsBackward0": [("pos_weight", .tensor("posWeight")), ("reduction", .reduction("reduction")),
                                                  ("self", .tensor("input")), ("target", .tensor("target")),
                                                  ("weight", .tensor("weight"))],
    ]
}

extension Node {
    /// This node's `_saved_*` attributes (names without the prefix), in `dir` order.
    public var savedAttributes: [(name: String, isTensor: Bool)] {
        SavedAttributes.table[name]?.map { ($0.name, $0.source.isTensor) } ?? []
    }

    /// Where `_saved_<name>` comes from; nil when the node has no such attribute.
    func savedSource(_ name: String) -> SavedSource? {
        SavedAttributes.table[self.name]?.first(where: { $0.name == name })?.source
    }

    /// `_saved_<name>`; nil when the node has no such attribute. Reading a saved tensor after
    /// backward freed it is PyTorch's error; sizes, constants and the numbers of a state kept
    /// with them (`Node.SavedTensorPlace.slots`) outlive it, as in PyTorch.
    public func savedAttribute(_ name: String) throws -> SavedValue? {
        guard let source = savedSource(name) else { return nil }
        switch source {
        case .inputSizes(let i): return .sizes(inputs[i].shape)
        case .strides(let path, let i):
            guard case .none = inputs[i].edge else {
                guard let state = keptSavedState, let strides = Node.field(path, of: state) as? (Int, Int) else { throw Node.freedError }
                return .sizes([strides.0, strides.1])
            }
            return .sizes([])
        case .inputNumel(let i): return .int(inputs[i].shape.reduce(1, *))
        case .constant(let value): return .int(value)
        case .output:
            guard !isReleased, let output = savedOutput else { throw Node.freedError }
            return .tensor(try unpackedForReading(output) ?? attachedOutput)
        case .tensor(let path):
            guard let state = savedState, let value = Node.field(path, of: state) else { throw Node.freedError }
            let saved = try savedValue(value, source)
            if case .tensor(let t?) = saved, let unpacked = try unpackedForReading(t) { return .tensor(unpacked) }
            return saved
        case .scalar(let path, _), .dim(let path), .dims(let path), .bool(let path), .reduction(let path):
            guard let state = keptSavedState, let value = Node.field(path, of: state) else { throw Node.freedError }
            return try savedValue(value, source)
        }
    }

    /// `_saved_<name>` for a number or tensor of the state as explanations read it: even after
    /// backward freed the node, while its state is kept (`PassRecords`); nil when not there.
    public func keptSavedValue(_ name: String) -> SavedValue? {
        guard let source = savedSource(name),
              let state = keptSavedState else { return nil }
        switch source {
        case .tensor(let path), .scalar(let path, _):
            return Node.field(path, of: state).flatMap { try? savedValue($0, source) }
        default:
            return nil
        }
    }

    /// A field of the state as the saved value its source says it is (a slot as the tensor in it).
    private func savedValue(_ value: Any, _ source: SavedSource) throws -> SavedValue {
        switch source {
        case .tensor:
            if let slot = value as? SavedSlot? { return .tensor(slot.flatMap(tensor(in:))) }
        case .scalar(_, let fallback):
            if let scalar = value as? Scalar? { return (scalar ?? fallback).map(SavedValue.scalar) ?? .none }
            if let number = value as? Double { return .scalar(.double(number)) }
        case .dim:
            if let dim = value as? Int { return .dim(dim) }
        case .dims:
            if let dims = value as? [Int]? { return dims.map(SavedValue.dims) ?? .none }
        case .bool:
            if let flag = value as? Bool { return .bool(flag) }
        case .reduction:
            if let reduction = value as? Tensor.LossReduction { return .int(reduction.enumValue) }
        default: break
        }
        // The table and an op's saved state disagree: a bug of grad's, not of the user's code.
        throw TorchError.runtime("internal error: the saved state of this node does not hold \(source)")
    }

    /// The state's field at a label path, or the state itself for "".
    static func field(_ path: String, of state: Any) -> Any? {
        var value = state
        for label in path.split(separator: ".") {
            guard let child = Mirror(reflecting: value).children.first(where: { $0.label == String(label) }) else { return nil }
            value = child.value
        }
        return value
    }
}

extension Tensor.LossReduction {
    /// ATen's `at::Reduction` number, which losses' nodes save (`_saved_reduction`).
    var enumValue: Int {
        switch self {
        case .none: return 0
        case .mean: return 1
        case .sum: return 2
        }
    }
}
