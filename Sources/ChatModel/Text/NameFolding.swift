import Foundation

/// Names as people type them to pick a channel or a person: case, accents and full-width forms
/// folded, so "tomas" finds "Tomás", "jimenez" "Jiménez" and "ｔｏｍ" "tom". Each character folds
/// to one character (one that would become several, "ß", is only lower-cased), so a place found
/// in the folded name is the same place in the name as shown. Letters without a decomposition
/// ("ł", "ø") stay themselves. Message search is another matter: its words keep their accents
/// (`MessageWords` in the store).
public enum NameFolding {
    /// `text`'s characters, folded, one for one.
    public static func characters(_ text: String) -> [Character] { text.map(fold) }

    /// `text` folded, one character for one.
    public static func folded(_ text: String) -> String { String(characters(text)) }

    public static func fold(_ character: Character) -> Character {
        if character.isASCII { return character.isUppercase ? Character(character.lowercased()) : character }
        // Foundation's folding costs about a microsecond a character: what it cannot change
        // (marks, emoji, ideographs, which have no case or accent) is passed by.
        guard character.isLetter || character.isNumber, character.unicodeScalars.first?.properties.isIdeographic != true else {
            return character
        }
        let folded = String(character).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        if folded.count == 1, let only = folded.first { return only }
        let lower = character.lowercased()
        return lower.count == 1 ? lower.first ?? character : character
    }
}
