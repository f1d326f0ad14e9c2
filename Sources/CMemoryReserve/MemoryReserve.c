// The `grad` executable's allocation functions: small blocks from its own pools (SmallBlocks.c),
// the rest from glibc; either retried when it fails, once after the empty arenas kept for reuse
// are unmapped and once after the spare memory reserve is given back
// (`grad_memory_reserve_release`, which also tells the interpreter, whose next check raises
// MemoryError). The Swift runtime ends the process when an allocation fails ("Could not allocate
// memory"); with this, the allocation that finds memory exhausted still succeeds, and so do the
// ones after it until the running loop's next check.
//
// Why this is safe:
// - The executable's definitions interpose on every caller in the process (the dynamic linker
//   looks in the executable first; a static link resolves to them), glibc's own internal callers
//   included. Every function that takes or returns a block is defined here (malloc, calloc,
//   realloc, free, malloc_usable_size and the aligned ones), so each block goes back to the
//   allocator it came from: a small block is known by its address (SmallBlocks.c), any other
//   pointer is glibc's, from the glibc function `malloc` itself is an alias of (`__libc_malloc`
//   and kin, exported for exactly this use).
// - Behaviour differs only after a failure: a retry only when arenas were unmapped, another only
//   when the reserve was held, so no loop and no recursion (releasing either unmaps memory, and
//   the reserve sets an atomic bit; neither calls anything of malloc's). Results are glibc's: NULL, or the error code, when the retry fails too.
// - Under a sanitizer nothing here is defined and the reserve stays off (see SmallBlocks.h).
//   valgrind replaces the `__libc_*` functions these call, and sees small blocks as the memory of
//   their arenas.
#define _GNU_SOURCE
#include "MemoryReserve.h"
#include "PendingEvents.h"
#include "SmallBlocks.h"
#include <dlfcn.h>
#include <errno.h>
#include <stddef.h>
#include <string.h>

/// Enough for what runs between a failed allocation and the next check, then the MemoryError's
/// traceback and the REPL's next prompt.
static const unsigned long reserve_bytes = 16ul << 20;

#if GRAD_UNDER_SANITIZER

bool grad_memory_reserve_install(void) { return false; }

bool grad_allocation_functions_defined(void) { return false; }

bool grad_release_spare_arenas(void) { return false; }

#else

bool grad_memory_reserve_install(void) {
    grad_memory_reserve_enable(reserve_bytes);
    return true;
}

bool grad_allocation_functions_defined(void) { return true; }

bool grad_release_spare_arenas(void) { return grad_small_blocks_release_spares(); }

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *block, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void *__libc_valloc(size_t size);
extern void *__libc_pvalloc(size_t size);
extern void __libc_free(void *block);

// `attempt` allocates; it runs again when it failed and empty arenas were there to unmap, and
// again when it failed still and the reserve was there to give back.
#define WITH_RESERVE(attempt) ({                                                         \
    void *block = (attempt);                                                             \
    if (__builtin_expect(block == NULL, 0) && grad_small_blocks_release_spares())        \
        block = (attempt);                                                               \
    if (__builtin_expect(block == NULL, 0) && grad_memory_reserve_release())             \
        block = (attempt);                                                               \
    block;                                                                               \
})

void *malloc(size_t size) {
    if (size <= GRAD_SMALL_BLOCK_LIMIT) return WITH_RESERVE(grad_small_blocks_malloc(size));
    return WITH_RESERVE(__libc_malloc(size));
}

void free(void *block) {
    if (block != NULL && !grad_small_blocks_free(block)) __libc_free(block);
}

void *calloc(size_t count, size_t size) {
    size_t bytes;
    if (!__builtin_mul_overflow(count, size, &bytes) && bytes <= GRAD_SMALL_BLOCK_LIMIT) {
        void *block = WITH_RESERVE(grad_small_blocks_malloc(bytes));
        return block == NULL ? NULL : memset(block, 0, bytes);
    }
    return WITH_RESERVE(__libc_calloc(count, size));
}

void *realloc(void *old, size_t size) {
    if (old == NULL) return malloc(size);
    size_t small = grad_small_blocks_size(old);
    if (small == 0) {
        // realloc(p, 0) frees p and returns NULL: that is no failure, and p must not be freed twice.
        if (size == 0) return __libc_realloc(old, 0);
        // A failed realloc leaves `old` as it was, so trying again is sound.
        return WITH_RESERVE(__libc_realloc(old, size));
    }
    if (size == 0) {
        free(old);
        return NULL;
    }
    if (size <= small) return old;
    void *moved = malloc(size);
    if (moved == NULL) return NULL;
    memcpy(moved, old, small);
    free(old);
    return moved;
}

size_t malloc_usable_size(void *block) {
    if (block == NULL) return 0;
    size_t small = grad_small_blocks_size(block);
    if (small != 0) return small;
    // glibc's, which this definition hides from the name's other callers.
    static size_t (*_Atomic glibc)(void *);
    size_t (*usable)(void *) = glibc;
    if (usable == NULL) glibc = usable = (size_t (*)(void *))dlsym(RTLD_NEXT, "malloc_usable_size");
    return usable(block);
}

// glibc 2.36's aligned_alloc is __libc_memalign under another name.
void *memalign(size_t alignment, size_t size) { return WITH_RESERVE(__libc_memalign(alignment, size)); }

void *aligned_alloc(size_t alignment, size_t size) { return WITH_RESERVE(__libc_memalign(alignment, size)); }

void *valloc(size_t size) { return WITH_RESERVE(__libc_valloc(size)); }

void *pvalloc(size_t size) { return WITH_RESERVE(__libc_pvalloc(size)); }

int posix_memalign(void **result, size_t alignment, size_t size) {
    // glibc's own check: a power of two, and a multiple of the size of a pointer.
    if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0 || alignment == 0) return EINVAL;
    void *block = WITH_RESERVE(__libc_memalign(alignment, size));
    if (block == NULL) return ENOMEM;
    *result = block;
    return 0;
}

#endif
