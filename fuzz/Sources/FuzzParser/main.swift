import LibFuzzerDriver
#if canImport(Glibc)
import Glibc
#endif

exit(runLibFuzzer(CommandLine.argc, CommandLine.unsafeArgv) { fuzzParser($0, $1) })
