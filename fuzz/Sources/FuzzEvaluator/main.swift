import LibFuzzerDriver
#if canImport(Glibc)
import Glibc
#endif

exit(runLibFuzzer(CommandLine.argc, CommandLine.unsafeArgv) { fuzzEvaluator($0, $1) })
