import ChatModel

/// The kinds of attachment a card tells apart.
enum AttachmentKind: String {
    case image, video, audio, file, giphy, link

    init(_ attachment: Attachment) {
        switch attachment.type {
        case "image": self = .image
        case "video": self = .video
        case "audio", "voiceRecording": self = .audio
        case "file": self = .file
        case "giphy": self = .giphy
        default: self = attachment.assetURL != nil ? .file : .link
        }
    }

    var icon: String {
        switch self {
        case .image: "🖼"
        case .video: "🎬"
        case .audio: "🎵"
        case .file: "📄"
        case .giphy: "🎞"
        case .link: "🔗"
        }
    }
}
