import GradLang

/// `%timeit [-n LOOPS] [-r RUNS] STMT`, as IPython does it: the statement runs inside a function
/// (so its assignments stay local), LOOPS times per run; LOOPS is chosen as the first power of ten
/// whose run takes at least 0.2 s; the mean and standard deviation of RUNS (7) runs are printed.
struct Timeit {
    let session: Session
    static let function = "__grad_timeit__"

    func run(_ argument: String) -> RunOutcome {
        var words = argument.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var loops: Int?, runs = 7
        while words.count >= 2, words[0] == "-n" || words[0] == "-r", let n = Int(words[1]), n > 0 {
            if words[0] == "-n" { loops = n } else { runs = n }
            words.removeFirst(2)
        }
        let statement = words.joined(separator: " ")
        guard !statement.isBlank else {
            session.writeError("UsageError: %timeit needs a statement: %timeit [-n LOOPS] [-r RUNS] STMT\n")
            return .finished
        }
        do {
            _ = try parseModule(source: statement, filename: "<magic-timeit>")
        } catch {
            session.report(error, filename: "<magic-timeit>")
            return .finished
        }
        let definition = "def \(Self.function)(__grad_loops__):\n    for __grad_loop__ in range(__grad_loops__):\n        \(statement)\n"
        let defined = session.runScript(source: definition, filename: "<magic-timeit>")
        defer { session.globals[Self.function] = nil }
        guard defined == .finished else { return defined }

        var perRun: Double
        if let loops {
            switch timeRun(loops) {
            case .success(let seconds): perRun = seconds
            case .failure(let stop): return stop.outcome
            }
        } else {
            loops = 1
            while true {
                switch timeRun(loops!) {
                case .success(let seconds): perRun = seconds
                case .failure(let stop): return stop.outcome
                }
                if perRun >= 0.2 || loops! >= 1_000_000_000 { break }
                loops! *= 10
            }
        }
        var timings: [Double] = []
        for _ in 0..<runs {
            switch timeRun(loops!) {
            case .success(let seconds): timings.append(seconds / Double(loops!))
            case .failure(let stop): return stop.outcome
            }
        }
        session.writeOutput(Self.report(timings, loops: loops!) + "\n")
        return .finished
    }

    struct Stop: Error { let outcome: RunOutcome }

    /// Seconds for one run of `loops` loops.
    private func timeRun(_ loops: Int) -> Result<Double, Stop> {
        let start = Clocks.wall()
        let outcome = session.runScript(source: "\(Self.function)(\(loops))", filename: "<magic-timeit>")
        let seconds = Clocks.wall() - start
        return outcome == .finished ? .success(seconds) : .failure(Stop(outcome: outcome))
    }

    /// `1.23 µs ± 4.56 ns per loop (mean ± std. dev. of 7 runs, 100,000 loops each)`.
    static func report(_ timings: [Double], loops: Int) -> String {
        let mean = timings.reduce(0, +) / Double(timings.count)
        let variance = timings.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(timings.count)
        let runs = timings.count
        return "\(DurationText.format(mean)) ± \(DurationText.format(variance.squareRoot())) per loop "
            + "(mean ± std. dev. of \(runs) run\(runs == 1 ? "" : "s"), "
            + "\(DurationText.groupedThousands(loops)) loop\(loops == 1 ? "" : "s") each)"
    }
}
