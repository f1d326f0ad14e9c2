import CMemoryReserve
import GradREPL
#if canImport(Glibc)
import Glibc
#endif

// grad: the command line (see CommandLineOptions.help). Everything runs on a large-stack thread.
CrashReports.disableInteractiveBacktraces()
// Memory running out is a MemoryError, not an abort (see CMemoryReserve).
_ = grad_memory_reserve_install()
let status = ProgramThread.run { Launcher.run(Array(CommandLine.arguments.dropFirst())) }
exit(StandardStreams.finish(status: status))
