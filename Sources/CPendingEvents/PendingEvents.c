#include "PendingEvents.h"
#include <stddef.h>
#include <sys/mman.h>

unsigned grad_pending_events_word = 0;
unsigned grad_memory_reserve_spent_word = 0;

// The reserve is a private anonymous mapping of its own rather than a malloc block: unmapping it
// returns address space and commit charge to the system at once, whatever malloc's heap looks
// like, and releasing it calls nothing of malloc's (it runs inside a failed malloc call).
static void *reserve = NULL;
static unsigned long reserve_bytes = 0;

void grad_memory_reserve_enable(unsigned long bytes) {
    __atomic_store_n(&reserve_bytes, bytes, __ATOMIC_RELAXED);
    grad_memory_reserve_refill();
}

bool grad_memory_reserve_release(void) {
    // Exchange, not load-then-store: two threads failing at once must not unmap it twice.
    void *held = __atomic_exchange_n(&reserve, NULL, __ATOMIC_ACQ_REL);
    if (held == NULL) return false;
    munmap(held, __atomic_load_n(&reserve_bytes, __ATOMIC_RELAXED));
    __atomic_store_n(&grad_memory_reserve_spent_word, 1, __ATOMIC_RELAXED);
    grad_pending_events_add(GRAD_EVENT_MEMORY_EXHAUSTED);
    return true;
}

bool grad_memory_reserve_refill(void) {
    unsigned long bytes = __atomic_load_n(&reserve_bytes, __ATOMIC_RELAXED);
    if (bytes == 0) return false;
    if (__atomic_load_n(&reserve, __ATOMIC_ACQUIRE) != NULL) return true;
    // Taken back only while as much again is free beside it: the first half of a mapping of twice
    // its size is kept. Taking the last free memory back would make the next small allocation fail
    // at once (an `except MemoryError:` runs while what filled memory may still be alive).
    void *fresh = mmap(NULL, 2 * bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (fresh == MAP_FAILED) return false;
    munmap((char *)fresh + bytes, bytes);
    void *expected = NULL;
    if (!__atomic_compare_exchange_n(&reserve, &expected, fresh, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        munmap(fresh, bytes);  // another thread refilled it first
    }
    __atomic_store_n(&grad_memory_reserve_spent_word, 0, __ATOMIC_RELAXED);
    return true;
}
