// Small blocks (up to 512 bytes: Swift objects, closure contexts, short arrays and strings), from
// pools of one size each, as CPython's obmalloc and mimalloc hand them out. glibc's malloc gives
// every block a header and, past its per-thread cache of seven blocks per size, bins that a large
// request consolidates (a split into 100,000 strs spent a third of its time there); a pool's free
// list is one load and one store each way.
//
// Layout: arenas of 1 MiB, aligned to 1 MiB and mapped on their own; each is 64 pools of 16 KiB,
// the first holding the arena's header. A pool holds blocks of one size (a multiple of 16 bytes,
// so every block is aligned as malloc's are) after a 64-byte header; a block's pool and arena are
// its address rounded down. An arena whose pools are all free is kept for reuse, up to
// `spare_limit` per heap, and unmapped beyond that: a program that frees a structure and builds
// the next one like it (a function called again, the next batch) reuses pages already faulted in
// (page faults were a sixth of the strings workload's time when only one was kept), and a process
// under `ulimit -v` that freed what filled it has its address space back. The spares themselves
// are unmapped when an allocation fails (`grad_small_blocks_release_spares`).
//
// Threads: each thread takes a heap (its pools and arenas) at its first allocation; only that
// thread changes the heap, without atomics. A block freed by another thread is pushed onto its
// heap's `remote` stack (a compare-and-swap) and taken back by the owner when a pool of its runs
// out. A thread that ends leaves its heap to the next thread that starts (heaps are never freed,
// so a late remote free always finds its heap); a thread in its last destructors uses glibc.
//
// Which blocks are these: a radix map of arena addresses answers `grad_small_blocks_free` for any
// pointer (glibc's blocks are never inside an arena). A bit is set before an arena's first block is
// handed out and cleared after its last is freed, so a pointer to a live block always finds it.
#include "SmallBlocks.h"

#if !GRAD_UNDER_SANITIZER

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/mman.h>

extern void *__libc_malloc(size_t size);

enum {
    granule = 16,
    class_count = GRAD_SMALL_BLOCK_LIMIT / granule,
    pool_size = 16 << 10,
    pool_header = 64,
    arena_size = 1 << 20,
    pools_per_arena = arena_size / pool_size,
    arena_shift = 20,
    spare_limit = 16,
    // The radix map over 47-bit user addresses: 13 bits choose a leaf, 14 bits an arena in it.
    address_bits = 47,
    leaf_shift = 34,
    leaf_arenas = 1 << (leaf_shift - arena_shift),
};

typedef struct block { struct block *next; } block;
struct heap;

typedef struct pool {
    struct heap *heap;     // set when the pool is taken, unchanged while it holds a block
    struct pool *next;     // in its heap's list for its size while listed; else the arena's free pools
    struct pool *prev;
    block *free;           // blocks freed back to it
    char *fresh;           // the next block never handed out
    char *end;             // after the last whole block
    uint32_t used;         // blocks handed out and not freed back (remote frees count until taken back)
    uint16_t block_size;
    uint8_t size_class;
    uint8_t listed;        // in its heap's list for its size (may have room)
} pool;

_Static_assert(sizeof(pool) <= pool_header, "a pool's header fits before its first block");

typedef struct arena {
    struct heap *heap;
    struct arena *next;    // in its heap's list of arenas with a pool to give, while listed
    struct arena *prev;
    pool *free_pools;
    uint32_t fresh_pool;   // the next pool never used (pool 0 is this header)
    uint32_t pools_in_use;
    uint8_t listed;
} arena;

typedef struct heap {
    pool *available[class_count];   // per size: pools that may have room, the one in use first
    arena *arenas;                  // arenas with a pool to give
    arena *spares;                  // arenas all of whose pools are free, kept for reuse
    unsigned spare_count;           // at most spare_limit
    _Atomic(block *) remote;        // blocks other threads freed
    struct heap *next_abandoned;
} heap;

enum thread_state { no_heap, taking_heap, has_heap, exited };
static __thread heap *current __attribute__((tls_model("initial-exec")));
static __thread unsigned char state __attribute__((tls_model("initial-exec")));

static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t abandoned_lock = PTHREAD_MUTEX_INITIALIZER;
static heap *abandoned;

static _Atomic(_Atomic uint64_t *) radix[1 << (address_bits - leaf_shift)];

static inline pool *pool_of(const void *p) { return (pool *)((uintptr_t)p & ~(uintptr_t)(pool_size - 1)); }
static inline arena *arena_of(const void *p) { return (arena *)((uintptr_t)p & ~(uintptr_t)(arena_size - 1)); }

static inline bool in_arena(const void *p) {
    uintptr_t a = (uintptr_t)p;
    if (a >> address_bits) return false;
    _Atomic uint64_t *leaf = atomic_load_explicit(&radix[a >> leaf_shift], memory_order_acquire);
    if (leaf == NULL) return false;
    size_t i = (a >> arena_shift) & (leaf_arenas - 1);
    return (atomic_load_explicit(&leaf[i / 64], memory_order_relaxed) >> (i % 64)) & 1;
}

/// Marks or clears an arena in the radix map; false when a leaf of the map cannot be mapped.
static bool radix_mark(uintptr_t a, bool set) {
    _Atomic(_Atomic uint64_t *) *slot = &radix[a >> leaf_shift];
    _Atomic uint64_t *leaf = atomic_load_explicit(slot, memory_order_acquire);
    if (leaf == NULL) {
        void *fresh = mmap(NULL, leaf_arenas / 8, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (fresh == MAP_FAILED) return false;
        _Atomic uint64_t *expected = NULL;
        if (atomic_compare_exchange_strong(slot, &expected, (_Atomic uint64_t *)fresh)) {
            leaf = fresh;
        } else {
            munmap(fresh, leaf_arenas / 8);  // another thread mapped this leaf first
            leaf = expected;
        }
    }
    size_t i = (a >> arena_shift) & (leaf_arenas - 1);
    if (set) atomic_fetch_or(&leaf[i / 64], (uint64_t)1 << (i % 64));
    else atomic_fetch_and(&leaf[i / 64], ~((uint64_t)1 << (i % 64)));
    return true;
}

// Heaps: one per running thread, handed on when it ends.

static void abandon(void *value) {
    heap *h = value;
    current = NULL;
    state = exited;
    pthread_mutex_lock(&abandoned_lock);
    h->next_abandoned = abandoned;
    abandoned = h;
    pthread_mutex_unlock(&abandoned_lock);
}

static void make_exit_key(void) {
    if (pthread_key_create(&exit_key, abandon) != 0) exit_key = (pthread_key_t)-1;
}

static heap *take_heap(void) {
    if (state != no_heap) return NULL;  // taking one already (a call below allocated), or exited
    state = taking_heap;
    pthread_once(&exit_key_once, make_exit_key);
    pthread_mutex_lock(&abandoned_lock);
    heap *h = abandoned;
    if (h != NULL) abandoned = h->next_abandoned;
    pthread_mutex_unlock(&abandoned_lock);
    if (h == NULL) {
        void *fresh = mmap(NULL, sizeof(heap), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (fresh == MAP_FAILED) {
            state = no_heap;
            return NULL;
        }
        h = fresh;  // zeroed: empty lists, no remote blocks
    }
    current = h;
    if (exit_key != (pthread_key_t)-1) pthread_setspecific(exit_key, h);
    state = has_heap;
    return h;
}

// Arenas.

static void arena_link(heap *h, arena *a) {
    a->prev = NULL;
    a->next = h->arenas;
    if (h->arenas != NULL) h->arenas->prev = a;
    h->arenas = a;
    a->listed = 1;
}

static void arena_unlink(heap *h, arena *a) {
    if (a->prev != NULL) a->prev->next = a->next; else h->arenas = a->next;
    if (a->next != NULL) a->next->prev = a->prev;
    a->listed = 0;
}

static arena *arena_new(heap *h) {
    // Twice the size, then the ends that are not aligned unmapped.
    char *mapped = mmap(NULL, 2 * arena_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) return NULL;
    uintptr_t start = ((uintptr_t)mapped + arena_size - 1) & ~(uintptr_t)(arena_size - 1);
    if (start > (uintptr_t)mapped) munmap(mapped, start - (uintptr_t)mapped);
    uintptr_t after = (uintptr_t)mapped + 2 * arena_size;
    if (after > start + arena_size) munmap((void *)(start + arena_size), after - (start + arena_size));
    if (!radix_mark(start, true)) {
        munmap((void *)start, arena_size);
        return NULL;
    }
    arena *a = (arena *)start;
    a->heap = h;
    a->fresh_pool = 1;
    return a;
}

static void arena_free(arena *a) {
    radix_mark((uintptr_t)a, false);
    munmap(a, arena_size);
}

// Pools.

static void pool_link(heap *h, pool *p) {
    pool **head = &h->available[p->size_class];
    p->prev = NULL;
    p->next = *head;
    if (*head != NULL) (*head)->prev = p;
    *head = p;
    p->listed = 1;
}

static void pool_unlink(heap *h, pool *p) {
    if (p->prev != NULL) p->prev->next = p->next; else h->available[p->size_class] = p->next;
    if (p->next != NULL) p->next->prev = p->prev;
    p->listed = 0;
}

static pool *pool_take(heap *h, unsigned size_class) {
    arena *a = h->arenas;
    if (a == NULL) {
        a = h->spares;
        if (a != NULL) {
            h->spares = a->next;
            h->spare_count--;
        } else if ((a = arena_new(h)) == NULL) {
            return NULL;
        }
        arena_link(h, a);
    }
    pool *p = a->free_pools;
    if (p != NULL) a->free_pools = p->next;
    else p = (pool *)((char *)a + (size_t)a->fresh_pool++ * pool_size);
    a->pools_in_use++;
    if (a->free_pools == NULL && a->fresh_pool == pools_per_arena) arena_unlink(h, a);
    unsigned size = (size_class + 1) * granule;
    p->heap = h;
    p->free = NULL;
    p->fresh = (char *)p + pool_header;
    p->end = p->fresh + (pool_size - pool_header) / size * size;
    p->used = 0;
    p->block_size = (uint16_t)size;
    p->size_class = (uint8_t)size_class;
    pool_link(h, p);
    return p;
}

/// Gives an empty pool back to its arena, and the arena, once all its pools are free, to the system
/// (or to the heap's spares).
static void pool_release(heap *h, pool *p) {
    if (p->listed) pool_unlink(h, p);
    arena *a = arena_of(p);
    p->next = a->free_pools;
    a->free_pools = p;
    a->pools_in_use--;
    if (!a->listed) arena_link(h, a);
    if (a->pools_in_use > 0) return;
    arena_unlink(h, a);
    if (h->spare_count == spare_limit) {
        arena_free(a);
        return;
    }
    a->next = h->spares;
    h->spares = a;
    h->spare_count++;
}

bool grad_small_blocks_release_spares(void) {
    heap *h = current;
    if (h == NULL || h->spares == NULL) return false;
    while (h->spares != NULL) {
        arena *a = h->spares;
        h->spares = a->next;
        arena_free(a);
    }
    h->spare_count = 0;
    return true;
}

static inline __attribute__((always_inline)) void free_here(heap *h, block *b) {
    pool *p = pool_of(b);
    b->next = p->free;
    p->free = b;
    p->used--;
    if (!p->listed) pool_link(h, p);  // it was full; it has room again
    // An empty pool goes back unless it is its size's only one (a loop that allocates and frees
    // one block would otherwise take and give back a pool each time).
    if (p->used == 0 && (p->prev != NULL || p->next != NULL)) pool_release(h, p);
}

static void free_remote(heap *owner, block *b) {
    block *head = atomic_load_explicit(&owner->remote, memory_order_relaxed);
    do b->next = head;
    while (!atomic_compare_exchange_weak_explicit(&owner->remote, &head, b, memory_order_release, memory_order_relaxed));
}

static void take_remote(heap *h) {
    if (atomic_load_explicit(&h->remote, memory_order_relaxed) == NULL) return;
    block *b = atomic_exchange_explicit(&h->remote, NULL, memory_order_acquire);
    while (b != NULL) {
        block *next = b->next;
        free_here(h, b);
        b = next;
    }
}

static inline void *carve(pool *p) {
    block *b = p->free;
    if (b != NULL) {
        p->free = b->next;
        p->used++;
        return b;
    }
    if (p->fresh < p->end) {
        void *fresh = p->fresh;
        p->fresh += p->block_size;
        p->used++;
        return fresh;
    }
    return NULL;
}

/// The first pool of `size_class` with room (full ones leave the list), or a new one.
static __attribute__((noinline)) void *refill(heap *h, unsigned size_class) {
    take_remote(h);
    pool *p;
    while ((p = h->available[size_class]) != NULL) {
        void *b = carve(p);
        if (b != NULL) return b;
        pool_unlink(h, p);
    }
    p = pool_take(h, size_class);
    return p == NULL ? NULL : carve(p);
}

void *grad_small_blocks_malloc(size_t size) {
    heap *h = current;
    if (__builtin_expect(h == NULL, 0) && (h = take_heap()) == NULL) return __libc_malloc(size);
    unsigned size_class = size == 0 ? 0 : (unsigned)((size - 1) / granule);
    pool *p = h->available[size_class];
    if (__builtin_expect(p != NULL, 1)) {
        void *b = carve(p);
        if (__builtin_expect(b != NULL, 1)) return b;
    }
    return refill(h, size_class);
}

bool grad_small_blocks_free(void *p) {
    if (!in_arena(p)) return false;
    heap *owner = pool_of(p)->heap;
    if (owner == current) free_here(owner, p);
    else free_remote(owner, p);
    return true;
}

size_t grad_small_blocks_size(const void *p) {
    return in_arena(p) ? pool_of(p)->block_size : 0;
}

#endif
