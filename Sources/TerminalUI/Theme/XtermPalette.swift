/// The xterm 256-colour palette as RGB, for `#rrggbb` and for degrading to 16 colours.
enum XtermPalette {
    /// xterm's defaults for 0–15. Terminals (and users) change these, so `#rrggbb` never maps
    /// onto them; they serve only as the best guess when a 256-colour theme must use 16.
    private static let ansi: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
        (255, 255, 255),
    ]
    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    static func rgb(_ index: UInt8) -> (Int, Int, Int) {
        switch index {
        case 0..<16: return ansi[Int(index)]
        case 16..<232:
            let cube = Int(index) - 16
            return (cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
        default:
            let grey = 8 + 10 * (Int(index) - 232)
            return (grey, grey, grey)
        }
    }

    /// The nearest of the 6×6×6 cube and the 24 greys (16–255), by RGB distance.
    static func nearestIndex(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
        nearest(to: (Int(red), Int(green), Int(blue)), among: 16...255)
    }

    /// The nearest of the 16 ANSI colours to a palette colour.
    static func nearestANSI(to index: UInt8) -> UInt8 {
        index < 16 ? index : nearest(to: rgb(index), among: 0...15)
    }

    private static func nearest(to target: (Int, Int, Int), among candidates: ClosedRange<UInt8>) -> UInt8 {
        func distance(_ index: UInt8) -> Int {
            let (r, g, b) = rgb(index)
            return (r - target.0) * (r - target.0) + (g - target.1) * (g - target.1) + (b - target.2) * (b - target.2)
        }
        return candidates.min { distance($0) < distance($1) } ?? candidates.lowerBound
    }
}
