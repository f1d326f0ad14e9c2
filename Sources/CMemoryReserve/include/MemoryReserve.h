#ifndef GRAD_MEMORY_RESERVE_H
#define GRAD_MEMORY_RESERVE_H

#include <stdbool.h>

/// Turns the spare memory reserve on (see CPendingEvents); whether this build's allocation
/// functions retry with it (false under a sanitizer, which brings its own).
bool grad_memory_reserve_install(void);

#endif
