import Findings

/// What the Ingest view shows: workers, queue, recent scans, quarantine.
public struct IngestSnapshot: Sendable, Equatable {
    public var scans: [ScanSummary]
    public var warnings: [ScanWarningLine]
    public var quarantine: [QuarantinedFile]
    /// Reports waiting in the watched inboxes.
    public var queued: Int
    /// The watched inbox directories; empty when the console watches none.
    public var inboxes: [String]
    public var workers: Int

    public init(
        scans: [ScanSummary] = [], warnings: [ScanWarningLine] = [], quarantine: [QuarantinedFile] = [], queued: Int = 0,
        inboxes: [String] = [], workers: Int = 0
    ) {
        self.scans = scans
        self.warnings = warnings
        self.quarantine = quarantine
        self.queued = queued
        self.inboxes = inboxes
        self.workers = workers
    }
}
