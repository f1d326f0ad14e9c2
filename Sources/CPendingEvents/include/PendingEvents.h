#ifndef GRAD_PENDING_EVENTS_H
#define GRAD_PENDING_EVENTS_H

#include <stdbool.h>

/// What running code must attend to at its next check (loop back-edges, `Interpreter`'s
/// `checkPendingEvents`): one word, so that the check on the hot path is one load. Set from a
/// signal handler (Ctrl-C), another thread (the fuzzer's time budget) or an allocator that ran out
/// (CMemoryReserve); every access is atomic (relaxed: a flag orders nothing else), and lock-free,
/// so a signal handler may set it.
#define GRAD_EVENT_INTERRUPT 1u
#define GRAD_EVENT_MEMORY_EXHAUSTED 2u
/// Freed generators wait to be closed (GradLang's GeneratorFinalizers).
#define GRAD_EVENT_FINALIZERS 4u

extern unsigned grad_pending_events_word;

/// The events pending now (0 when none: the hot path's only question).
static inline unsigned grad_pending_events(void) {
    return __atomic_load_n(&grad_pending_events_word, __ATOMIC_RELAXED);
}

static inline void grad_pending_events_add(unsigned events) {
    __atomic_fetch_or(&grad_pending_events_word, events, __ATOMIC_RELAXED);
}

/// Clears `events` and tells which of them were pending.
static inline unsigned grad_pending_events_take(unsigned events) {
    return __atomic_fetch_and(&grad_pending_events_word, ~events, __ATOMIC_RELAXED) & events;
}

/// The spare memory reserve (Emacs's `memory-full` reserve): memory held back from the start so
/// that, when an allocation fails, giving it back lets that allocation and what follows it up to
/// the interpreter's next check succeed; the check then raises MemoryError. Only an allocator
/// that retries after `grad_memory_reserve_release` uses it (the `grad` executable's
/// CMemoryReserve); elsewhere nothing enables it and these do nothing.

/// Nonzero from when the reserve is given back until it is taken again: memory ran out, and the
/// allocation sites that check (`AllocationProbe`) refuse, or take the reserve back first.
extern unsigned grad_memory_reserve_spent_word;

static inline bool grad_memory_reserve_spent(void) {
    return __atomic_load_n(&grad_memory_reserve_spent_word, __ATOMIC_RELAXED) != 0;
}

/// Holds `bytes` back from now on (mapped, not touched: it counts against `ulimit -v` and the
/// kernel's commit limit, not against resident memory). Once, at start.
void grad_memory_reserve_enable(unsigned long bytes);

/// Gives the reserve back, if it is held, and adds GRAD_EVENT_MEMORY_EXHAUSTED; whether it was held.
bool grad_memory_reserve_release(void);

/// Takes the reserve back after a MemoryError, if it is enabled and not held; whether it is held now.
bool grad_memory_reserve_refill(void);

#endif
