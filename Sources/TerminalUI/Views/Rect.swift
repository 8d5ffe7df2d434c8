/// A region of the screen, in cells: where a view draws.
struct Rect: Equatable {
    var x: Int, y: Int, width: Int, height: Int
}
