import Foundation
import XCTest

@testable import TerminalUI

/// The light theme draws on its own background, and every attribute's text on it reads at the
/// WCAG AA contrast for normal text (4.5:1), at 256 colours and as a 16-colour terminal shows it.
final class LightThemeContrastTests: XCTestCase {
    /// WCAG 2 relative luminance of an xterm palette colour.
    private func luminance(_ color: TerminalColor) -> Double {
        let index: UInt8
        switch color {
        case .ansi(let i), .indexed(let i): index = i
        case .terminalDefault: preconditionFailure("no RGB for the terminal's own colour")
        }
        let (r, g, b) = XtermPalette.rgb(index)
        func linear(_ channel: Int) -> Double {
            let c = Double(channel) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    private func contrast(_ a: TerminalColor, _ b: TerminalColor) -> Double {
        let sorted = [luminance(a), luminance(b)].sorted()
        return (sorted[1] + 0.05) / (sorted[0] + 0.05)
    }

    func testLuminanceMatchesWCAGsFigures() {
        XCTAssertEqual(contrast(.ansi(0), .ansi(15)), 21, accuracy: 0.01)
        XCTAssertEqual(contrast(.ansi(15), .ansi(15)), 1, accuracy: 0.01)
        // xterm's grey (127) on white is the classic failure: 4.0.
        XCTAssertEqual(contrast(.ansi(8), .ansi(15)), 4.0, accuracy: 0.05)
    }

    func testEveryTextColourOfTheLightThemeReadsOnItsBackground() throws {
        for colorCount in [16, 256] {
            let theme = try ThemeScratch.builtIn("light", colorCount: colorCount, noColor: false)
            let root = theme.style("default")
            // Every attribute inherits these, so with them set no colour is left to the terminal.
            guard root.background != .terminalDefault, root.foreground != .terminalDefault else {
                return XCTFail("the light theme sets its own background and text colour: \(root)")
            }
            for attribute in Theme.attributes {
                let style = theme.style(attribute.name)
                let ratio = contrast(style.foreground, style.background)
                XCTAssertGreaterThanOrEqual(ratio, 4.5, "\(attribute.name) at \(colorCount) colours: \(style)")
            }
        }
    }
}
