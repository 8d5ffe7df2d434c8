import ChatModel

/// Which users a request may change: a user token only its own user, and not its role or
/// teams, which are server-side only.
enum UserAccess {
    /// `privileged` says which of `users` change a server-side field (see `upsertIsPrivileged`
    /// and `partialIsPrivileged`).
    static func requireOwn(_ users: [User], _ context: ServerContext, operation: String, changing privileged: (User) -> Bool) throws {
        guard case .user(let me)? = context.actor else { return }
        guard users.allSatisfy({ $0.id == me }) else { throw StreamAPIError.notAllowed(operation, "user \(me) may only update itself") }
        guard !users.contains(where: privileged) else {
            throw StreamAPIError.notAllowed(operation, "role and teams can only be changed server-side")
        }
    }

    /// An upserted user that gives a role, teams or a role per team.
    static func upsertIsPrivileged(_ user: User) -> Bool { user.role != nil || user.teams != nil || user.teamsRole != nil }

    /// A partial update that sets or unsets `role`, `teams` or `teams_role` (or a path into one).
    static func partialIsPrivileged(_ change: PartialUpdate) -> Bool {
        let touched = change.set.members.map(\.key) + change.unset
        return touched.contains { ["role", "teams", "teams_role"].contains(String($0.split(separator: ".").first ?? "")) }
    }
}
