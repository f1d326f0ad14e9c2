#ifndef GRAD_MEMORY_RESERVE_H
#define GRAD_MEMORY_RESERVE_H

#include <stdbool.h>
// The functions this target defines for the whole executable, malloc_usable_size among them.
#include <malloc.h>

/// Turns the spare memory reserve on (see CPendingEvents); whether this build's allocation
/// functions retry with it (false under a sanitizer, which brings its own).
bool grad_memory_reserve_install(void);

/// Whether this build defines the allocation functions (small blocks from grad's own pools, see
/// SmallBlocks.c): false under a sanitizer, whose own serve every block.
bool grad_allocation_functions_defined(void);

/// Unmaps the empty arenas of small blocks that the calling thread keeps for reuse (allocation
/// functions do so themselves before they fail); whether there were any.
bool grad_release_spare_arenas(void);

#endif
