import ChatModel

enum DeviceRules {
    static func decode(_ data: some FieldSource) -> (ImportItem?, [String]) {
        var f = FieldReader(data, itemName: "device")
        let id = f.id("id", .deviceID)
        let userID = f.id("user_id", .user)
        let providerName = f.requiredString("push_provider_type")
        let provider = providerName.flatMap(PushProvider.init(rawValue:))
        if let providerName, provider == nil {
            f.fail("'\(providerName)' is not a valid device.push_provider_type (one of: firebase, apn, huawei, xiaomi)")
        }
        let configName = f.string("push_provider_name")
        let createdAt = f.timestamp("created_at")
        f.rejectUnknownFields(allowed: ["id", "user_id", "push_provider_type", "push_provider_name", "created_at"])
        guard let id, let userID, let provider else { return (nil, f.errors) }
        var device = Device(id: id, userID: userID, pushProvider: provider)
        device.pushProviderName = configName
        device.createdAt = createdAt
        return (.device(device), f.errors)
    }
}
