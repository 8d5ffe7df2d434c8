/// glibc's allocator gives each thread that contends for it an arena of its own, up to eight
/// per core, and a freed block goes back to the arena it came from. `validate` and `import`
/// decode on every core and free the decoded items on the checking thread, so each decoding
/// thread's arena holds free pages that the other threads' allocations cannot reuse: about
/// 26 MB of a million-message import's peak. With two arenas the threads share more, at no CPU
/// cost we could measure on a million messages, so those commands set the limit before their
/// threads start (glibc fixes it once it has made more than eight arenas).
enum MallocArenas {
    static func limitForDecoding() {
        #if os(Linux)
        _ = mallopt(mArenaMax, 2)
        #endif
    }

    /// `serve` keeps up to 4 MiB free at the top of each arena instead of giving it back to the
    /// system. A channel query's answer (57 kB, written into a 64 kB block first) is freed once
    /// sent; glibc then found more than its trim threshold free at the top of that thread's
    /// arena and gave those pages back (`madvise`), and the next answer faulted them in again:
    /// 2-4 % of a query's CPU. Setting the trim threshold also stops glibc raising its mmap
    /// threshold as large blocks are freed, so that is set too: blocks under 1 MiB (a
    /// 300-message answer is some 300 kB) come from the arenas, not from a mapping each.
    static func keepFreedTopsForServing() {
        #if os(Linux)
        _ = mallopt(mMmapThreshold, 1 << 20)
        _ = mallopt(mTrimThreshold, 4 << 20)
        #endif
    }

    #if os(Linux)
    /// `M_ARENA_MAX`, `M_TRIM_THRESHOLD` and `M_MMAP_THRESHOLD` in `<malloc.h>`, which Swift's
    /// Glibc module does not include.
    private static let mArenaMax: Int32 = -8
    private static let mTrimThreshold: Int32 = -1
    private static let mMmapThreshold: Int32 = -3
    #endif
}

#if os(Linux)
@_silgen_name("mallopt")
private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
