/// The id Stream gives a distinct channel (one created from its member list, without an id):
/// `!members-` + unpadded base64url of SHA-512/256 over the sorted, comma-joined member ids.
/// This mirrors stream-cli's validator, the only public copy of the rule.
public enum DistinctChannelID {
    public static let prefix = "!members-"

    public static func make(memberIDs: [String]) -> String {
        let digest = SHA512_256.hash(memberIDs.sorted().joined(separator: ",").utf8)
        return prefix + base64URLNoPadding(digest)
    }

    public static func isDistinct(_ channelID: String) -> Bool { channelID.hasPrefix(prefix) }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Written straight into the string: a distinct channel's messages each need their cid, and
    /// building it from small arrays was a third of the cost of the hash itself.
    static func base64URLNoPadding(_ bytes: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: (bytes.count * 4 + 2) / 3) { out in
            var o = 0
            func put(_ n: UInt32, _ digits: Int) {
                for shift in stride(from: 18, to: 18 - 6 * digits, by: -6) {
                    out[o] = alphabet[Int(n >> UInt32(shift) & 63)]
                    o += 1
                }
            }
            var i = 0
            while i + 3 <= bytes.count {
                put(UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]), 4)
                i += 3
            }
            switch bytes.count - i {
            case 1: put(UInt32(bytes[i]) << 16, 2)
            case 2: put(UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8, 3)
            default: break
            }
            return o
        }
    }
}
