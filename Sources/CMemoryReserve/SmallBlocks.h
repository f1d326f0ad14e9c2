// The executable's own allocator for small blocks (SmallBlocks.c), which MemoryReserve.c's malloc
// family uses below GRAD_SMALL_BLOCK_LIMIT bytes; glibc's serves the rest.
#ifndef GRAD_SMALL_BLOCKS_H
#define GRAD_SMALL_BLOCKS_H

#include <stdbool.h>
#include <stddef.h>

// Sanitizers (ASan, TSan, MSan) replace the malloc family themselves and see blocks that bypass
// them as corrupt: under one, neither file defines anything.
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define GRAD_UNDER_SANITIZER 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define GRAD_UNDER_SANITIZER 1
#endif
#ifndef GRAD_UNDER_SANITIZER
#define GRAD_UNDER_SANITIZER 0
#endif

#define GRAD_SMALL_BLOCK_LIMIT 512

#if !GRAD_UNDER_SANITIZER
/// A block of at least `size` (at most GRAD_SMALL_BLOCK_LIMIT) bytes, aligned to 16; NULL when
/// memory is exhausted. From glibc on a thread that is ending.
void *grad_small_blocks_malloc(size_t size);

/// Frees `block` and answers true when it is a small block; false (nothing done) for any other
/// pointer.
bool grad_small_blocks_free(void *block);

/// A small block's usable size; 0 for any other pointer.
size_t grad_small_blocks_size(const void *block);

/// Unmaps the empty arenas the calling thread's heap keeps for reuse; whether there were any.
bool grad_small_blocks_release_spares(void);
#endif

#endif
