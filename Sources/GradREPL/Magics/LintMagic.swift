/// `%lint on|off`: switches grad's learner lints (GradLang's Lints/); `%lint` says whether they
/// are on. `grad -W ignore` silences them, with every other warning, through the filters instead.
struct LintMagic {
    let session: Session

    func run(_ argument: String) {
        switch argument {
        case "": break
        case "on": session.interpreter.lintsEnabled = true
        case "off": session.interpreter.lintsEnabled = false
        default:
            session.writeError("UsageError: %lint takes on or off, not '\(argument)'\n")
            return
        }
        session.writeOutput("Lints are \(session.interpreter.lintsEnabled ? "on" : "off").\n")
    }
}
