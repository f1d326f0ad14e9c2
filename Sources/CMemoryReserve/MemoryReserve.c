// The `grad` executable's allocation functions: glibc's, retried once when they fail after the spare
// memory reserve is given back (`grad_memory_reserve_release`, which also tells the interpreter,
// whose next check raises MemoryError). The Swift runtime ends the process when an allocation
// fails ("Could not allocate memory"); with this, the allocation that finds memory exhausted still
// succeeds, and so do the ones after it until the running loop's next check.
//
// Why this is safe:
// - The executable's definitions interpose on every caller in the process (the dynamic linker
//   looks in the executable first; a static link resolves to them). Each forwards to the glibc
//   function that `malloc` itself is an alias of (`__libc_malloc` and kin, exported for exactly
//   this use), so every block still comes from glibc's allocator, and glibc's `free`,
//   `malloc_usable_size` and the rest, which are not redefined, stay right for all of them.
// - Behaviour differs only after a failure: one retry, and only when the reserve was held, so no
//   loop and no recursion (releasing unmaps it and sets an atomic bit; it calls nothing of
//   malloc's). Results are glibc's: NULL, or the error code, when the retry fails too.
// - Sanitizers (ASan, TSan, MSan) replace these functions themselves and see blocks that bypass
//   them as corrupt: under one, nothing here is defined and the reserve stays off. valgrind
//   replaces the `__libc_*` functions these call, so its view stays whole.
#include "MemoryReserve.h"
#include "PendingEvents.h"
#include <errno.h>
#include <stddef.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define GRAD_UNDER_SANITIZER 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define GRAD_UNDER_SANITIZER 1
#endif

/// Enough for what runs between a failed allocation and the next check, then the MemoryError's
/// traceback and the REPL's next prompt.
static const unsigned long reserve_bytes = 16ul << 20;

#if GRAD_UNDER_SANITIZER

bool grad_memory_reserve_install(void) { return false; }

#else

bool grad_memory_reserve_install(void) {
    grad_memory_reserve_enable(reserve_bytes);
    return true;
}

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *block, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void *__libc_valloc(size_t size);
extern void *__libc_pvalloc(size_t size);

// `attempt` allocates; it runs again when it failed and the reserve was there to give back.
#define WITH_RESERVE(attempt) ({                                            \
    void *block = (attempt);                                                \
    if (__builtin_expect(block == NULL, 0) && grad_memory_reserve_release()) \
        block = (attempt);                                                  \
    block;                                                                  \
})

void *malloc(size_t size) { return WITH_RESERVE(__libc_malloc(size)); }

void *calloc(size_t count, size_t size) { return WITH_RESERVE(__libc_calloc(count, size)); }

void *realloc(void *old, size_t size) {
    // realloc(p, 0) frees p and returns NULL: that is no failure, and p must not be freed twice.
    if (size == 0) return __libc_realloc(old, 0);
    // A failed realloc leaves `old` as it was, so trying again is sound.
    return WITH_RESERVE(__libc_realloc(old, size));
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
