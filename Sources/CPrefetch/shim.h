// Swift has no prefetch of its own: the reference checker asks for its tables' slots a few
// items ahead (IDTable.prefetch), so that their misses in memory overlap its other work.
static inline void chatterm_prefetch(const void *address) { __builtin_prefetch(address); }
