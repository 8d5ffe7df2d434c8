import Foundation

/// An emoji name as a Stream reaction `type`: at most 30 characters of `[A-Za-z0-9_+:.-]`.
/// A name that fits is kept. Any other has its other characters replaced with `_` and, when
/// still too long, is cut and given `-` and 8 hex digits of a hash of the original, so two long
/// names stay apart; a Slack skin-tone suffix (`::skin-tone-2`) is kept whole after the cut.
enum ReactionTypeName {
    static func fit(_ name: String) -> String {
        if !name.isEmpty, IDRule.reactionType.problem(with: name, field: "") == nil { return name }
        let cleaned = String(decoding: name.utf8.map { IDRule.reactionType.accepts($0) ? $0 : UInt8(ascii: "_") }, as: UTF8.self)
        if !cleaned.isEmpty, cleaned.utf8.count <= IDRule.reactionType.maxLength { return cleaned }
        var base = Substring(cleaned)
        var tone = ""
        if let range = cleaned.range(of: "::skin-tone-") {
            base = cleaned[..<range.lowerBound]
            tone = String(cleaned[range.lowerBound...])
        }
        let suffix = "-" + StreamIDMap.hexHash(name).prefix(8)
        let room = max(0, IDRule.reactionType.maxLength - suffix.count - tone.utf8.count)
        return String(base.utf8.prefix(room))! + suffix + (tone.utf8.count <= 14 ? tone : "")
    }
}
