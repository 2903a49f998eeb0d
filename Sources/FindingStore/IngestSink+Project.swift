import Foundation
import Findings
import GRDB

extension IngestSink {
    /// Says which project the report is about (SARIF `versionControlProvenance`, a CycloneDX
    /// metadata component, a red-team target). The caller's `--project` wins over it, and it must
    /// come before the first finding: the project is fixed once findings are written.
    public func noteProject(_ name: String, repository: String? = nil) {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard reportProject == nil, projectID == nil, !trimmed.isEmpty else { return }
        reportProject = (trimmed, repository)
    }

    /// Something the report says it looked at (a root, a file, a target).
    public func noteCoverage(_ entry: Coverage.Entry) {
        declared.insert(entry)
    }

    /// The scan's project id: the caller's, else the report's, else the config's path rules, else
    /// `default`. Fixed at the first call; the project row is created or refreshed then.
    func currentProject() throws -> Int64 {
        if let projectID { return projectID }
        let name = header.project ?? reportProject?.name ?? header.fallbackProject ?? "default"
        let declared = header.knownProjects.first { $0.name == name }
        let repository = declared?.repository ?? (header.project == nil ? reportProject?.repository : nil)
        let now = header.ingestedAt
        let id = try Int64.fetchOne(db.cachedStatement(sql: """
            INSERT INTO project (name, owner, criticality, repository, source, firstSeen, lastSeen)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET lastSeen = max(lastSeen, excluded.lastSeen),
                owner = coalesce(excluded.owner, owner), criticality = coalesce(excluded.criticality, criticality),
                repository = coalesce(excluded.repository, repository),
                firstSeen = CASE WHEN firstSeen = 0 THEN excluded.firstSeen ELSE firstSeen END
            RETURNING id
            """), arguments: [name, declared?.owner, declared?.criticality, repository, declared == nil ? "ingest" : "config",
                               now, now]) ?? 1
        projectID = id
        projectName = name
        return id
    }
}
