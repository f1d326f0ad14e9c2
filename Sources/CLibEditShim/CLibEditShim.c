#define _XOPEN_SOURCE 700
#include <wchar.h>
#include "CLibEditShim.h"

int grad_el_set_prompt(EditLine *el, grad_el_prompt_fn prompt, char escape) {
    return el_set(el, EL_PROMPT_ESC, prompt, escape);
}

int grad_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

int grad_el_set_signal_handling(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

int grad_el_add_command(EditLine *el, const char *name, const char *help, grad_el_command_fn command) {
    return el_set(el, EL_ADDFN, name, help, command);
}

int grad_el_bind(EditLine *el, const char *keys, const char *command) {
    return el_set(el, EL_BIND, keys, command, (const char *)NULL);
}

int grad_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

int grad_el_set_read_function(EditLine *el, el_rfunc_t read_character) {
    return el_set(el, EL_GETCFN, read_character);
}

int grad_el_refresh(EditLine *el) {
    return el_set(el, EL_REFRESH);
}

int grad_el_prepare_terminal(EditLine *el, int editing) {
    return el_set(el, EL_PREP_TERM, editing);
}

int grad_wcwidth(wchar_t character) {
    return wcwidth(character);
}

int grad_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}

int grad_history_set_unique(History *h, int on) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, on);
}

int grad_history_enter(History *h, const char *entry) {
    HistEvent event;
    return history(h, &event, H_ENTER, entry);
}
