import TerminalUI

/// Where each part of the screen goes at a size. Pure geometry, shared by the views (to draw)
/// and the reducer (to keep each pane's selection scrolled into view).
public struct Layout: Sendable, Equatable {
    /// Below this the dashboard shows one line saying the terminal is too small.
    public static let minimum = Size(width: 60, height: 15)

    /// The size laid out.
    public var size: Size
    /// The status bar, top row.
    public var header: Rect
    /// The key hints, bottom row.
    public var footer: Rect
    /// Each pane's box, borders included.
    public var panes: [PaneID: Rect]

    /// Lays out the screen.
    public init(size: Size) {
        self.size = size
        header = Rect(x: 0, y: 0, width: size.width, height: 1)
        footer = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        let body = size.height - 2
        let activityHeight = min(10, max(4, body / 4))
        let top = body - activityHeight
        let leftWidth = size.width * 3 / 5
        let rightWidth = size.width - leftWidth
        let repositoriesHeight = top * 2 / 5
        panes = [
            .migrations: Rect(x: 0, y: 1, width: leftWidth, height: top),
            .repositories: Rect(x: leftWidth, y: 1, width: rightWidth, height: repositoriesHeight),
            .imports: Rect(
                x: leftWidth, y: 1 + repositoriesHeight, width: rightWidth, height: top - repositoriesHeight),
            .activity: Rect(x: 0, y: 1 + top, width: size.width, height: activityHeight),
        ]
    }

    /// True when the terminal is smaller than the dashboard can use.
    public var isTooSmall: Bool { size.width < Self.minimum.width || size.height < Self.minimum.height }

    /// Rows of content a pane shows at once.
    public func visibleRows(_ pane: PaneID) -> Int {
        let inner = (panes[pane]?.height ?? 0) - 2
        switch pane {
        case .migrations: return max(0, inner - 1)
        case .imports: return max(0, inner / 2)
        case .repositories, .activity: return max(0, inner)
        }
    }
}
