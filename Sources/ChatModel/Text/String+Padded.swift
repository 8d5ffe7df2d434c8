extension String {
    /// Which side of the padded text the text sits on.
    public enum PaddingAlignment: Sendable {
        /// Text first, padding after: labels and names.
        case leading
        /// Padding first: numbers in a column, zero-filled digits.
        case trailing
    }

    /// The text filled out with `pad` to `width` terminal columns (`DisplayWidth`, so a wide
    /// character counts 2); text already that wide comes back as it is. `pad` is one column wide.
    public func padded(toWidth width: Int, with pad: Character = " ", alignment: PaddingAlignment = .leading) -> String {
        let missing = width - DisplayWidth.of(self)
        guard missing > 0 else { return self }
        let fill = String(repeating: pad, count: missing)
        return alignment == .leading ? self + fill : fill + self
    }
}
