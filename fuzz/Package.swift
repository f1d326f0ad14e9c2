// swift-tools-version:6.0
import PackageDescription

// libFuzzer harnesses for grad's front end and evaluator, kept out of the main build: each is an
// executable whose main hands its entry point to libFuzzer's driver. Build and run them with
// `fuzz/run` (see README, Fuzzing), which builds with
//   swift build -c release --package-path fuzz -Xswiftc -sanitize=fuzzer
let package = Package(
    name: "grad-fuzz",
    dependencies: [.package(name: "grad", path: "..")],
    targets: [
        // Bytes → SourceText (UTF-8 and NUL checks) → tokens.
        .target(name: "LibFuzzerDriver"),
        .executableTarget(name: "FuzzLexer", dependencies: [.product(name: "GradLang", package: "grad"), "LibFuzzerDriver"]),
        // Bytes → a module (file mode) and the REPL's complete/incomplete/error verdict.
        .executableTarget(name: "FuzzParser", dependencies: [.product(name: "GradLang", package: "grad"), "LibFuzzerDriver"]),
        // Bytes → a script run to the end, an error, or the time budget's KeyboardInterrupt.
        .executableTarget(name: "FuzzEvaluator", dependencies: [.product(name: "GradLang", package: "grad"), "LibFuzzerDriver"]),
    ],
    swiftLanguageModes: [.v6]
)
