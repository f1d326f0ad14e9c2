// libFuzzer's driver (part of libclang_rt.fuzzer, linked by -sanitize=fuzzer), started from a
// harness's own main: SwiftPM gives each executable target its main, so libFuzzer's is not used.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// Runs libFuzzer with the process's arguments (`-runs=`, `-max_total_time=`, corpus folders).
static inline int runLibFuzzer(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size)) {
    return LLVMFuzzerRunDriver(&argc, &argv, callback);
}
