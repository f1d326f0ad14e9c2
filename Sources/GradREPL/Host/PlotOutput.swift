import GradLang

extension Terminal {
    /// Where `plt.show()` and `%plot` draw: stdout's size and colour when it is a terminal; nil
    /// otherwise (then `show()` does nothing, as matplotlib's Agg backend).
    public static func plotOutput() -> PlotTerminal? {
        guard isTerminal(1) else { return nil }
        return PlotTerminal(columns: columns(1), rows: rows(1), colored: allowsColour(1))
    }
}
