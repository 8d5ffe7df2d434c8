import ChatModel

extension JSONObject {
    /// Refuses, in Stream's error shape, the first option of a request that is not among
    /// `handled` (a null counts as absent): an option Stream acts on is never accepted and ignored.
    func requireHandled(_ handled: Set<String>, operation: String) throws {
        if let option = members.first(where: { !handled.contains($0.key) && $0.value != .null }) {
            throw StreamAPIError.input(operation, "\(option.key) is not supported by the local server in \(operation)")
        }
    }
}
