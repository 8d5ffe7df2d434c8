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

    static func base64URLNoPadding(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var out: [UInt8] = []
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            let n = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)]]
            if rest == 2 { out.append(alphabet[Int(n >> 6 & 63)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
