import Dispatch
import GradLang
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// How long an input may run before the harness interrupts it as Ctrl-C would, so that a slow
/// loop ends in KeyboardInterrupt instead of being reported as a hang (`GRAD_FUZZ_BUDGET_MS`,
/// default 50). Work that never reaches an interrupt check (one huge computation) runs on; the
/// campaign's `-timeout` reports that.
private let budget = getenv("GRAD_FUZZ_BUDGET_MS").flatMap { Int(String(cString: $0)) } ?? 50

/// Counts runs, so a timer set for an earlier input does not interrupt a later one.
private let runNumber = Atomic<Int>(0)

/// The entry point libFuzzer calls with each input: runs the bytes as `grad FILE` would (fresh
/// interpreter and globals, on a 1 GiB stack), output discarded, an uncaught error rendered as
/// the traceback grad would print.
func fuzzEvaluator(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let run = runNumber.add(1, ordering: .relaxed).newValue
    Interpreter.interruptRequested = false
    DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(budget)) {
        if runNumber.load(ordering: .relaxed) == run { Interpreter.interruptRequested = true }
    }
    LargeStack.run(stackSize: LargeStack.programSize) {
        let interpreter = Interpreter(writeOutput: { _ in }, writeWarning: { _ in })
        do throws(ProgramError) {
            try interpreter.run(fileContents: bytes, filename: "fuzz.grad", in: Globals())
        } catch {
            _ = ErrorRenderer(sources: interpreter.sourceLines).render(error)
        }
    }
    runNumber.add(1, ordering: .relaxed)
    Interpreter.interruptRequested = false
    return 0
}
