import LibFuzzerDriver
#if canImport(Glibc)
import Glibc
#endif

exit(runLibFuzzer(CommandLine.argc, CommandLine.unsafeArgv) { fuzzLexer($0, $1) })
