import Foundation
import TerminalUI

extension Frame {
    /// The first row (below `below`) whose text contains `needle`, and the column where it starts.
    func find(_ needle: String, below: Int = -1) -> (x: Int, y: Int)? {
        for y in (below + 1)..<height {
            var columns: [Int] = []
            var text = ""
            for x in 0..<width where !self[x, y].text.isEmpty {
                for _ in self[x, y].text { columns.append(x) }
                text += self[x, y].text
            }
            if let range = text.range(of: needle) { return (columns[text.distance(from: text.startIndex, to: range.lowerBound)], y) }
        }
        return nil
    }
}
