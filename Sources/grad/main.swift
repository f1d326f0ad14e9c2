import GradREPL
#if canImport(Glibc)
import Glibc
#endif

// grad: the command line (see CommandLineOptions.help). Everything runs on a large-stack thread.
CrashReports.disableInteractiveBacktraces()
let status = ProgramThread.run { Launcher.run(Array(CommandLine.arguments.dropFirst())) }
exit(StandardStreams.finish(status: status))
