/// How far an analysis has come, for progress bars.
public struct ImportProgress: Sendable {
    public var items: Int
    public var bytes: Int64
}
