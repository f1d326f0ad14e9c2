// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "grad",
    products: [
        .library(name: "GradTensor", targets: ["GradTensor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        // dtypes, storage, kernels, the autograd graph and engine, torch-style printing.
        .target(
            name: "GradTensor",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")],
            // Code generation for this machine's CPU: without it x86-64 builds target SSE2, where
            // the matmul micro-kernel's SIMD fused multiply-adds become per-element libm calls.
            // grad is always built where it runs (scripts/repl, scripts/test).
            swiftSettings: [.unsafeFlags(["-target-cpu", "native"])]
        ),
        .testTarget(name: "GradTensorTests", dependencies: ["GradTensor"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
