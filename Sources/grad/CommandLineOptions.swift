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

    static func parse(_ arguments: [String]) -> Action {
        var options = CommandLineOptions()
        var i = 0
        while i < arguments.count {
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
                case "c":
                    let attached = String(argument.dropFirst(offset + 2))
                    var rest = i + 1
                    let code: String
                    if !attached.isEmpty {
                        code = attached
                    } else if i + 1 < arguments.count {
                        code = arguments[i + 1]
                        rest = i + 2
                    } else {
                        return .usageError("Argument expected for the -c option")
                    }
                    options.program = .code(code)
                    options.argv = ["-c"] + arguments[min(rest, arguments.count)...]
                    return .run(options)
                default:
                    return .usageError("unknown option -\(flag)")
                }
            }
            i += 1
        }
        return .run(options)
    }

    private mutating func useFile(_ arguments: [String], at index: Int) {
        program = .file(arguments[index])
        argv = Array(arguments[index...])
    }

    static let usage = "usage: grad [-i] [-c CODE | FILE | -] [ARG]..."

    static let help = """
    \(usage)
    Runs a small Python with PyTorch built in: a script, code given with -c, or the REPL.

      FILE           run the script in FILE (sys.argv is FILE ARG...)
      -              read the script from stdin
      -c CODE        run CODE
      -i             after the script or the -c code, start the REPL with its variables
      -h, --help     show this help and exit
      -V, --version  show grad's version and exit

    With no FILE, grad starts the REPL when stdin is a terminal, and otherwise runs stdin as a
    script. Exit status: 0 on success, 1 after an uncaught error, 2 for a usage error; exit(N) and
    sys.exit(N) give N; 120 when the last output cannot be written to stdout (as in CPython).

    Environment:
      GRAD_HISTORY   the REPL's history file; empty for none (default: $XDG_STATE_HOME/grad/history,
                     else ~/.local/state/grad/history)
      NO_COLOR       no colour in prompts and tracebacks

    """
}
