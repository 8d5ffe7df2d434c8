import ChatModel

/// How a message written over the API names its channel to the item rules (the import's):
/// `channel_type` with `channel_id`, or, for a distinct channel, with `channel_member_ids`, as
/// the rules (like Stream's importer) take no `!members-` id as a channel id.
enum ItemChannelReference {
    static func set(_ channel: Channel, in data: inout JSONObject) {
        data["channel_type"] = .string(channel.type)
        if DistinctChannelID.isDistinct(channel.id), let members = channel.memberIDs {
            data["channel_id"] = nil
            data["channel_member_ids"] = .array(members.map(JSONValue.string))
        } else {
            data["channel_id"] = .string(channel.id)
            data["channel_member_ids"] = nil
        }
    }
}
