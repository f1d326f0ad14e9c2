import XCTest
@testable import GradTensor

/// First-order gradchecks of Ops/Views.swift and Ops/Copying.swift. Each view is followed by a
/// multiplication with position-dependent values in some cases, so a gradient routed to the wrong
/// element cannot pass by symmetry (the harness's random output weights already ensure this).
final class ViewGradcheckTests: XCTestCase {
    static func view(_ name: String, _ shape: [Int], _ f: @escaping @Sendable (Tensor) throws -> Tensor) -> GradcheckCase {
        GradcheckCase("\(name) of \(shape)", [InputSpec(shape)]) { try f($0[0]) }
    }

    static let reshapeCases: [GradcheckCase] = [
        view("view [3, 2]", [2, 3]) { try $0.view([3, 2]) },
        view("view [-1]", [2, 3]) { try $0.view([-1]) },
        view("view [2, -1, 2]", [12]) { try $0.view([2, -1, 2]) },
        view("view [1]", []) { try $0.view([1]) },
        view("view []", [1]) { try $0.view([]) },
        view("view [6, 4]", [2, 3, 4]) { try $0.view([6, 4]) },
        view("transpose(0, 1) then view [3, 2, 2, 2] (strided view)", [2, 3, 4]) { try $0.transpose(0, 1).view([3, 2, 2, 2]) },
        view("reshape [3, 2]", [2, 3]) { try $0.reshape([3, 2]) },
        view("reshape [-1]", [2, 3, 4]) { try $0.reshape([-1]) },
        view("reshape []", [1, 1]) { try $0.reshape([]) },
        view("t() then reshape [-1] (copy)", [3, 4]) { try $0.t().reshape([-1]) },
        view("transpose(0, 2) then reshape [4, 6] (copy)", [2, 3, 4]) { try $0.transpose(0, 2).reshape([4, 6]) },
        view("expand [3, 4] then reshape [2, 6] (copy)", [3, 1]) { try $0.expand([3, 4]).reshape([2, 6]) },
        view("flatten()", [2, 3, 4]) { try $0.flatten() },
        view("flatten(1)", [2, 3, 4]) { try $0.flatten(startDim: 1) },
        view("flatten(0, 1)", [2, 3, 4]) { try $0.flatten(startDim: 0, endDim: 1) },
        view("flatten()", []) { try $0.flatten() },
        view("flatten()", [5]) { try $0.flatten() },
        view("permute then flatten() (copy)", [2, 3, 4]) { try $0.permute([1, 2, 0]).flatten() },
    ]

    func testViewReshapeFlatten() {
        Gradcheck.run(Self.reshapeCases)
    }

    static let expandCases: [GradcheckCase] = [
        view("expand [3, 4]", [3, 1]) { try $0.expand([3, 4]) },
        view("expand [2, 3, 4]", [3, 1]) { try $0.expand([2, 3, 4]) },
        view("expand [2, 3]", [3]) { try $0.expand([2, 3]) },
        view("expand [2, 3]", []) { try $0.expand([2, 3]) },
        view("expand [4, -1]", [1, 3]) { try $0.expand([4, -1]) },
        view("expand to the same shape [2, 3]", [2, 3]) { try $0.expand([2, 3]) },
        view("expand [2, 1, 3] then sum", [1, 1, 3]) { try $0.expand([2, 1, 3]).sum(dims: [0]) },
        view("transposed then expand [2, 4, 3]", [3, 4]) { try $0.t().expand([2, 4, 3]) },
    ]

    func testExpand() {
        Gradcheck.run(Self.expandCases)
    }

    static let permuteCases: [GradcheckCase] = [
        view("permute [1, 0]", [2, 3]) { try $0.permute([1, 0]) },
        view("permute [2, 0, 1]", [2, 3, 4]) { try $0.permute([2, 0, 1]) },
        view("permute [-1, 0, -2]", [2, 3, 4]) { try $0.permute([-1, 0, -2]) },
        view("permute []", []) { try $0.permute([]) },
        view("transpose(0, 1)", [2, 3]) { try $0.transpose(0, 1) },
        view("transpose(0, 2)", [2, 3, 4]) { try $0.transpose(0, 2) },
        view("transpose(-1, -2)", [2, 3, 4]) { try $0.transpose(-1, -2) },
        view("transpose(0, 0)", [5]) { try $0.transpose(0, 0) },
        view("t()", []) { try $0.t() },
        view("t()", [5]) { try $0.t() },
        view("t()", [2, 3]) { try $0.t() },
        view("t().t()", [2, 3]) { try $0.t().t() },
        view("T", []) { try $0.T },
        view("T", [5]) { try $0.T },
        view("T", [2, 3]) { try $0.T },
        view("T", [2, 3, 4]) { try $0.T },
    ]

    func testPermuteTransposeT() {
        Gradcheck.run(Self.permuteCases)
    }

    static let squeezeCases: [GradcheckCase] = [
        view("unsqueeze(0)", []) { try $0.unsqueeze(0) },
        view("unsqueeze(-1)", []) { try $0.unsqueeze(-1) },
        view("unsqueeze(0)", [5]) { try $0.unsqueeze(0) },
        view("unsqueeze(1)", [5]) { try $0.unsqueeze(1) },
        view("unsqueeze(1)", [2, 3]) { try $0.unsqueeze(1) },
        view("unsqueeze(-1)", [2, 3]) { try $0.unsqueeze(-1) },
        view("transposed then unsqueeze(1)", [2, 3]) { try $0.t().unsqueeze(1) },
        view("squeeze()", [1, 3, 1]) { try $0.squeeze() },
        view("squeeze()", [1]) { try $0.squeeze() },
        view("squeeze()", []) { try $0.squeeze() },
        view("squeeze(0)", [1, 3]) { try $0.squeeze(dims: [0]) },
        view("squeeze(1) (not size 1: no-op)", [2, 3]) { try $0.squeeze(dims: [1]) },
        view("squeeze(-2)", [2, 1, 3]) { try $0.squeeze(dims: [-2]) },
        view("squeeze((0, 2))", [1, 3, 1]) { try $0.squeeze(dims: [0, 2]) },
        view("unsqueeze(2) then squeeze()", [2, 3]) { try $0.unsqueeze(2).squeeze() },
    ]

    func testUnsqueezeSqueeze() {
        Gradcheck.run(Self.squeezeCases)
    }

    /// Conversions and copies. The float32 round trip loses precision, so it is checked with a
    /// step (and tolerance) far above float32 rounding.
    static let copyCases: [GradcheckCase] = [
        view("to(float64) (same dtype)", [2, 3]) { try $0.to(.float64) },
        GradcheckCase("to(float32).to(float64) of [2, 3]", [InputSpec([2, 3])], eps: 1e-2, atol: 1e-4) {
            try $0[0].to(.float32).to(.float64)
        },
        GradcheckCase("to(float32) of [2, 3] (float32 output)", [InputSpec([2, 3])], eps: 1e-2, atol: 1e-4) {
            try $0[0].to(.float32)
        },
        GradcheckCase("to(float32) times float64 [] of [3]", [InputSpec([3]), InputSpec([])], eps: 1e-2, atol: 1e-4) {
            try $0[0].to(.float32).mul($0[1])
        },
        view("clone()", []) { try $0.clone() },
        view("clone()", [2, 3]) { try $0.clone() },
        view("transposed then clone()", [2, 3]) { try $0.t().clone() },
        view("contiguous() (already contiguous)", [2, 3]) { try $0.contiguous() },
        view("transposed then contiguous()", [2, 3]) { try $0.t().contiguous() },
        view("expanded then contiguous()", [3, 1]) { try $0.expand([3, 4]).contiguous() },
    ]

    func testCopying() {
        Gradcheck.run(Self.copyCases)
    }

    /// Chains of views feeding arithmetic.
    static let chainCases: [GradcheckCase] = [
        GradcheckCase("x.t() * y of [2, 3] and [3, 2]", [InputSpec([2, 3]), InputSpec([3, 2])]) {
            try $0[0].t().mul($0[1])
        },
        GradcheckCase("x.view(3, 2).t().unsqueeze(0).expand(4, 2, 3) * y of [6] and [2, 3]",
                      [InputSpec([6]), InputSpec([2, 3])]) {
            try $0[0].view([3, 2]).t().unsqueeze(0).expand([4, 2, 3]).mul($0[1])
        },
        GradcheckCase("x.permute(2, 0, 1).reshape(4, 6).sum(1) of [2, 3, 4]", [InputSpec([2, 3, 4])]) {
            try $0[0].permute([2, 0, 1]).reshape([4, 6]).sum(dims: [1])
        },
        GradcheckCase("x.unsqueeze(1) + y.unsqueeze(0) (outer sum) of [3] and [4]", [InputSpec([3]), InputSpec([4])]) {
            try $0[0].unsqueeze(1).add($0[1].unsqueeze(0))
        },
        GradcheckCase("x reused through two views: x.t() * x.T of [3, 3]", [InputSpec([3, 3])]) {
            try $0[0].t().mul($0[0].T)
        },
    ]

    func testViewChains() {
        Gradcheck.run(Self.chainCases)
    }
}
