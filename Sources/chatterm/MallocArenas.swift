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

    #if os(Linux)
    /// `M_ARENA_MAX` in `<malloc.h>`, which Swift's Glibc module does not include.
    private static let mArenaMax: Int32 = -8
    #endif
}

#if os(Linux)
@_silgen_name("mallopt")
private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
