/// What `help()` adds at the grad> prompt and in scripts run by `grad`: the REPL's keys and magics
/// (installed as `Interpreter.helpTopics`; the language's help lives in GradLang/Help).
enum SessionHelp {
    static let topics = """

    At the grad> prompt:
        help(x)              help on x: help(torch), help(torch.zeros), help(torch.Tensor), help(x.backward)
        Tab                  complete names, keywords and attributes (x.requires_gr<Tab>)
        Up, Down, Ctrl-R     walk and search the history (kept in $GRAD_HISTORY)
        Enter on an empty `...` line, or Ctrl-D there: end the block (lines after `:` start indented)
        Ctrl-C               drop the line, or stop running code (KeyboardInterrupt)
        Ctrl-D, exit, exit() leave
        %timeit STMT         time a statement (mean ± std of 7 runs); %time STMT runs it once
        %who, %whos, %reset  list (with types and values), or delete, the variables defined here
        %run FILE [ARGS]     run a script here, with its variables kept; %load FILE shows and runs it
        obj?, obj??          help on obj, and (??) the source of a function or class defined here
        %history [-n] [1-4]  this session's inputs; %save FILE 1-4 writes them to FILE
        %pwd, %cd DIR        the working directory
        %graph [-s] EXPR     draw a tensor's autograd graph (-s: saved values); -o FILE.svg|.png|.pdf|.dot
        %plot EXPR           draw it as plt.plot(EXPR) would (%plot losses, %plot x, y)
        %lint on|off         grad's warnings about classic autograd mistakes (on at start)
        %why x.grad          how backward got x.grad: each path's chain rule, and accumulation

    """
}
