import Findings

public struct ScanWarningLine: Sendable, Equatable {
    public var scanID: Int64
    public var message: String

    public init(scanID: Int64, message: String) {
        self.scanID = scanID
        self.message = message
    }
}
