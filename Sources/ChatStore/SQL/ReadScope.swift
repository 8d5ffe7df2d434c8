#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The read transaction a `ChatStore.readTogether` call holds open on the calling thread: while
/// it is open, the backend's reads run on its session instead of each opening a transaction of
/// its own. A channel query made about eight separate reads (a GRDB pool read, or a pooled
/// PostgreSQL connection, each); now it makes one, and sees one state of the store.
///
/// Thread-local rather than task-local: the scope's body is synchronous, so it never leaves its
/// thread, and a task started inside it (which would inherit a task-local) must not reach a
/// session that ends with the scope.
enum ReadScope {
    private final class Frame {
        let backend: ObjectIdentifier
        let session: any SQLSession
        let outer: Frame?
        init(backend: ObjectIdentifier, session: any SQLSession, outer: Frame?) {
            self.backend = backend
            self.session = session
            self.outer = outer
        }
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    private static var top: Frame? {
        pthread_getspecific(key).map { Unmanaged<Frame>.fromOpaque($0).takeUnretainedValue() }
    }

    /// The session of the innermost open scope on this thread for `backend`, if any.
    static func session(for backend: AnyObject) -> (any SQLSession)? {
        var frame = top
        while let current = frame {
            if current.backend == ObjectIdentifier(backend) { return current.session }
            frame = current.outer
        }
        return nil
    }

    /// Runs `body` with `session` as `backend`'s open read on this thread.
    static func run<T>(_ session: any SQLSession, for backend: AnyObject, _ body: () throws -> T) rethrows -> T {
        let frame = Frame(backend: ObjectIdentifier(backend), session: session, outer: top)
        pthread_setspecific(key, Unmanaged.passUnretained(frame).toOpaque())
        defer { pthread_setspecific(key, frame.outer.map { Unmanaged.passUnretained($0).toOpaque() }) }
        return try withExtendedLifetime(frame) { try body() }
    }
}
