import ChatCore
import ChatModel

#if canImport(Glibc)
import Glibc
#endif

/// Events from other threads (the effect worker's answers, a live backend's news) waiting
/// for the input loop, which alone touches the state. An event put into an empty inbox writes
/// a byte to a pipe the loop waits on beside the keyboard, so it is reduced at once rather
/// than at the next key or tick.
final class EventInbox: Sendable {
    private let queue = Locked<[ChatEvent]>([])
    /// The pipe's ends; -1 when it could not be made (the loop then sees events at its next tick).
    private let readEnd: Int32, writeEnd: Int32

    init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            // Neither end blocks, and neither is inherited by a program started meanwhile (the opener).
            for end in ends {
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
        } else {
            ends = [-1, -1]
        }
        (readEnd, writeEnd) = (ends[0], ends[1])
    }

    deinit {
        if readEnd >= 0 { Glibc.close(readEnd) }
        if writeEnd >= 0 { Glibc.close(writeEnd) }
    }

    /// Readable while events wait: for `poll`, beside the terminal.
    var wakeDescriptor: Int32 { readEnd }

    func push(_ event: ChatEvent) {
        let wasEmpty = queue.withLock { events in
            defer { events.append(event) }
            return events.isEmpty
        }
        // One byte per batch: the loop takes the whole queue when it wakes.
        if wasEmpty { wake() }
    }

    /// Wakes the loop (or `wait`) without an event. A full pipe (EAGAIN) already wakes it.
    func wake() {
        guard writeEnd >= 0 else { return }
        var byte: UInt8 = 1
        _ = Glibc.write(writeEnd, &byte, 1)
    }

    /// Everything waiting, oldest first; the inbox is empty after.
    func drain() -> [ChatEvent] {
        // The pipe first: an event pushed after this read finds the queue empty and writes again.
        if readEnd >= 0 {
            var bytes = [UInt8](repeating: 0, count: 64)
            while Glibc.read(readEnd, &bytes, bytes.count) > 0 {}
        }
        return queue.withLock { events in
            defer { events.removeAll(keepingCapacity: true) }
            return events
        }
    }

    /// Waits until an event is pushed, at most `timeoutMilliseconds`; true when one is waiting.
    func wait(timeoutMilliseconds: Int32) -> Bool {
        if queue.withLock({ !$0.isEmpty }) { return true }
        var ready = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
        _ = poll(&ready, 1, timeoutMilliseconds)
        return queue.withLock { !$0.isEmpty }
    }
}
