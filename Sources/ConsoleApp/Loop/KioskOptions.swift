import ConsoleUI
import Dispatch
import FindingStore
import Findings
import Foundation

/// How the dashboard's kiosk mode runs: which views, how long each.
public struct KioskOptions: Sendable {
    public var views: [ViewID]
    public var rotate: Duration

    public init(views: [ViewID], rotate: Duration) {
        self.views = views
        self.rotate = rotate
    }
}
