// Fixed-arity wrappers for libedit's variadic el_set and history calls, which Swift cannot call.
#ifndef GRAD_CLIBEDIT_SHIM_H
#define GRAD_CLIBEDIT_SHIM_H

#include <histedit.h>

typedef char *(*grad_el_prompt_fn)(EditLine *);
typedef unsigned char (*grad_el_command_fn)(EditLine *, int);

/// EL_PROMPT_ESC: text between two `escape` characters is printed as-is and takes no width.
int grad_el_set_prompt(EditLine *el, grad_el_prompt_fn prompt, char escape);
/// EL_EDITOR: "emacs" or "vi".
int grad_el_set_editor(EditLine *el, const char *mode);
/// EL_SIGNAL: whether libedit installs its own signal handlers while reading.
int grad_el_set_signal_handling(EditLine *el, int on);
/// EL_ADDFN: a new editor command that key bindings can name.
int grad_el_add_command(EditLine *el, const char *name, const char *help, grad_el_command_fn command);
/// EL_BIND: binds a key sequence (as in editrc(5), e.g. "^I" or "\\e[200~") to a command.
int grad_el_bind(EditLine *el, const char *keys, const char *command);
/// EL_HIST: the history the editor's up/down and search keys walk.
int grad_el_set_history(EditLine *el, History *history);
/// EL_GETCFN: the function libedit reads each character with.
int grad_el_set_read_function(EditLine *el, el_rfunc_t read_character);
/// EL_REFRESH: redraws the prompt and the line now (from inside an editor command).
int grad_el_refresh(EditLine *el);
/// EL_PREP_TERM: puts the terminal in libedit's editing mode (1) or back as it was (0).
int grad_el_prepare_terminal(EditLine *el, int editing);

/// wcwidth(3): the columns a character takes on the terminal (-1 when it is not printable).
int grad_wcwidth(wchar_t character);

/// H_SETSIZE, H_SETUNIQUE and H_ENTER.
int grad_history_set_size(History *history, int size);
int grad_history_set_unique(History *history, int on);
int grad_history_enter(History *history, const char *entry);

#endif
