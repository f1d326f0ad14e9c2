// swift-tools-version:6.0
import PackageDescription

// Code generation for this machine's CPU: without it x86-64 builds target SSE2, where the matmul
// micro-kernel's SIMD fused multiply-adds become per-element libm calls. grad is always built
// where it runs (scripts/repl, scripts/test). GRAD_TARGET_CPU names another CPU: bench/instructions
// builds for haswell (AVX2), as valgrind cannot run AVX-512 code.
let targetCPU = SwiftSetting.unsafeFlags(["-target-cpu", Context.environment["GRAD_TARGET_CPU"] ?? "native"])

let package = Package(
    name: "grad",
    products: [
        .library(name: "GradTensor", targets: ["GradTensor"]),
        .library(name: "GradLang", targets: ["GradLang"]),
        .library(name: "GradREPL", targets: ["GradREPL"]),
        .executable(name: "grad", targets: ["grad"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        // Python ints are exact at any size (`2**100`).
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    ],
    targets: [
        // The matrix products, the only kernels that run on several threads: a module of their
        // own, with atomic reference counts, so that no code of GradTensor's runs off its thread
        // (see MatrixProducts.swift).
        .target(name: "GradKernels", swiftSettings: [targetCPU]),
        // dtypes, storage, kernels, the autograd graph and engine, torch-style printing.
        .target(
            name: "GradTensor",
            // CPendingEvents: whether the spare memory reserve is spent (AllocationProbe, Storage).
            dependencies: ["GradKernels", .product(name: "RealModule", package: "swift-numerics"), "CPendingEvents"],
            // Reference counts without atomic instructions: tensors, storages and graph nodes are
            // made, used and freed on the one thread that runs the program; the kernels that
            // use worker threads are GradKernels', which takes raw memory and no closure.
            swiftSettings: [targetCPU, .unsafeFlags(["-Xfrontend", "-assume-single-threaded"])]
        ),
        // source → tokens → AST → values; builtins; the `torch` module.
        .target(
            name: "GradLang",
            dependencies: ["GradTensor", "CPendingEvents", .product(name: "BigInt", package: "BigInt")],
            // Reference counts without atomic instructions: a Python program's values live on
            // the one thread that runs it (ProgramThread), and GradLang starts no thread that
            // touches them: LargeStack's thread runs while its starter waits in pthread_join, and
            // ChildProcess runs `dot` without Foundation's monitoring thread. GradTensor's worker
            // threads (Parallel, matrix products) see only tensor memory, never a GradLang value.
            // Measured 2026-12-07: 5-7% fewer instructions in string, dict and class-heavy code.
            swiftSettings: [.unsafeFlags(["-Xfrontend", "-assume-single-threaded"])]
        ),
        // The word of events running code checks for (Ctrl-C, memory exhausted) and the spare memory reserve.
        .target(name: "CPendingEvents"),
        // The executable's malloc and kin: small blocks from pools of its own, the rest glibc's, each
        // retried with the spare memory reserve when it fails.
        .target(name: "CMemoryReserve", dependencies: ["CPendingEvents"]),
        // Links the executable's malloc family into the test binary: every test runs over it.
        .testTarget(name: "CMemoryReserveTests", dependencies: ["CMemoryReserve"]),
        .testTarget(name: "GradLangTests", dependencies: ["GradLang", "GradTestSupport"], exclude: ["Fixtures", "Golden", "Drawings"]),
        // libedit, the line editor (only GradREPL uses it), and C wrappers for its variadic calls.
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "CLibEditShim", dependencies: ["CLibEdit"]),
        // The interactive console: prompts, blocks, paste, completion, history, magics, help.
        .target(name: "GradREPL", dependencies: ["GradLang", "CLibEditShim"]),
        .testTarget(name: "GradREPLTests", dependencies: ["GradREPL"]),
        // The command line: runs a file, -c code or stdin, or starts the REPL.
        .executableTarget(name: "grad", dependencies: ["GradREPL", "GradLang", "CMemoryReserve"]),
        .testTarget(name: "GradTensorTests", dependencies: ["GradTensor", "GradKernels", "GradTestSupport"], exclude: ["Fixtures"]),
        // What several test targets share: the seeded random generator.
        .target(name: "GradTestSupport", path: "Tests/GradTestSupport"),
    ],
    swiftLanguageModes: [.v6]
)
