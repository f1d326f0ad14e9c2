/// grad's command line, read with Python's conventions: options first, then `-c CODE`, `-` or a
/// FILE, whose following arguments all go to the program (`sys.argv`).
struct CommandLineOptions: Equatable {
    enum Program: Equatable {
        case file(String)
        case code(String)
        case standardInput
        /// No program named: the REPL on a terminal, else stdin as a script.
        case none
    }

    enum Action: Equatable {
        case run(CommandLineOptions)
        case showHelp
        case showVersion
        case usageError(String)
    }

    var program: Program = .none
    /// `-i`: the REPL after the program, with its variables.
    var inspect = false
    /// `sys.argv`.
    var argv: [String] = [""]
    /// `-W` options in order (`sys.warnoptions` after PYTHONWARNINGS's).
    var warnOptions: [String] = []

    static func parse(_ arguments: [String]) -> Action {
        var options = CommandLineOptions()
        var i = 0
        arguments: while i < arguments.count {
            let argument = arguments[i]
            switch argument {
            case "--":
                if i + 1 < arguments.count { options.useFile(arguments, at: i + 1) }
                return .run(options)
            case "--help": return .showHelp
            case "--version": return .showVersion
            case "-":
                options.program = .standardInput
                options.argv = ["-"] + arguments[(i + 1)...]
                return .run(options)
            default:
                break
            }
            if argument.hasPrefix("--") { return .usageError("unknown option \(argument)") }
            guard argument.hasPrefix("-") else {
                options.useFile(arguments, at: i)
                return .run(options)
            }
            for (offset, flag) in argument.dropFirst().enumerated() {
                switch flag {
                case "i": options.inspect = true
                case "h": return .showHelp
                case "V": return .showVersion
                case "W":
                    guard let option = Self.optionArgument(arguments, at: &i, attached: argument.dropFirst(offset + 2)) else {
                        return .usageError("Argument expected for the -W option")
                    }
                    options.warnOptions.append(option)
                    continue arguments
                case "c":
                    guard let code = Self.optionArgument(arguments, at: &i, attached: argument.dropFirst(offset + 2)) else {
                        return .usageError("Argument expected for the -c option")
                    }
                    options.program = .code(code)
                    options.argv = ["-c"] + arguments[i...]
                    return .run(options)
                default:
                    return .usageError("unknown option -\(flag)")
                }
            }
            i += 1
        }
        return .run(options)
    }

    /// An option's argument: the rest of its word (`-Wignore`) or the next word (`-W ignore`),
    /// after which `i` points; nil when there is none.
    private static func optionArgument(_ arguments: [String], at i: inout Int, attached: Substring) -> String? {
        if !attached.isEmpty {
            i += 1
            return String(attached)
        }
        guard i + 1 < arguments.count else { return nil }
        i += 2
        return arguments[i - 1]
    }

    private mutating func useFile(_ arguments: [String], at index: Int) {
        program = .file(arguments[index])
        argv = Array(arguments[index...])
    }

    static let usage = "usage: grad [-i] [-W ARG] [-c CODE | FILE | -] [ARG]..."

    static let help = """
    \(usage)
    Runs a small Python with PyTorch built in: a script, code given with -c, or the REPL.

      FILE           run the script in FILE (sys.argv is FILE ARG...)
      -              read the script from stdin
      -c CODE        run CODE
      -i             after the script or the -c code, start the REPL with its variables
      -W ARG         warning control, as Python's: action[:message[:category[:module[:lineno]]]]
                     with action ignore, default, error, always, once or module; -W ignore
                     also silences grad's learner lints (GradLintWarning)
      -h, --help     show this help and exit
      -V, --version  show grad's version and exit

    With no FILE, grad starts the REPL when stdin is a terminal, and otherwise runs stdin as a
    script. Exit status: 0 on success, 1 after an uncaught error, 2 for a usage error; exit(N) and
    sys.exit(N) give N; 120 when the last output cannot be written to stdout (as in CPython).

    Environment:
      GRAD_HISTORY   the REPL's history file; empty for none (default: $XDG_STATE_HOME/grad/history,
                     else ~/.local/state/grad/history)
      NO_COLOR       no colour in prompts and tracebacks
      PYTHONWARNINGS warning control, comma-separated -W arguments (before those of -W)

    """
}
