import Findings
import Foundation
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

    /// A rule the report says it ran: once any is named, the scan resolves only findings of those.
    public func noteRanRule(_ ruleID: String) {
        ranRules.insert(ruleID)
    }

    /// A file the report names but reported only in part: its findings do not make it covered.
    public func notePartlyReported(_ file: String) {
        if partlyReported.count < IngestSink.namedCap { partlyReported.insert(Coverage.normalize(file)) }
    }

    /// The project this report's findings are stored in (fixed with the first one).
    func currentProjectName() throws -> String {
        _ = try currentProject()
        return projectName.isEmpty ? "default" : projectName
    }

    /// A finding's identity in its project: the tool's fingerprint for the `default` project (as
    /// stores before schema v17 kept it), mixed with the project's name for any other, so two
    /// projects with the same file, rule and message (semgrep's identity) are two findings, and a
    /// scan of one never refreshes, reopens or closes the other's.
    static func inProject(_ fingerprint: Fingerprint, name: String) -> Fingerprint {
        guard name != "default" else { return fingerprint }
        return Fingerprint(bytes: Array(SHA256.hash(Array("mlsoc.project/1\u{0}\(name)\u{0}".utf8) + fingerprint.bytes).prefix(16)))
    }

    /// `mlsoc_project_fingerprint(fingerprint, projectName)`, for the v17 migration.
    static let projectFingerprintFunction = DatabaseFunction("mlsoc_project_fingerprint", argumentCount: 2, pure: true) { values in
        guard let bytes = Data.fromDatabaseValue(values[0]), let name = String.fromDatabaseValue(values[1]) else { return nil }
        return Data(inProject(Fingerprint(bytes: Array(bytes)), name: name).bytes)
    }

    /// The scan's project id: the caller's, else the report's, else the config's path rules, else
    /// `default`. Fixed at the first call; the project row is created or refreshed then.
    func currentProject() throws -> Int64 {
        if let projectID { return projectID }
        let name = header.project ?? reportProject?.name ?? header.fallbackProject ?? "default"
        let declared = header.knownProjects.first { $0.name == name }
        let repository = declared?.repository ?? (header.project == nil ? reportProject?.repository : nil)
        let now = header.ingestedAt
        let id =
            try Int64.fetchOne(
                db.cachedStatement(
                    sql: """
                        INSERT INTO project (name, owner, criticality, repository, source, firstSeen, lastSeen)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (name) DO UPDATE SET lastSeen = max(project.lastSeen, excluded.lastSeen),
                            owner = coalesce(excluded.owner, project.owner), criticality = coalesce(excluded.criticality, project.criticality),
                            repository = coalesce(excluded.repository, project.repository),
                            firstSeen = CASE WHEN project.firstSeen = 0 THEN excluded.firstSeen ELSE project.firstSeen END
                        RETURNING id
                        """),
                arguments: [
                    name, declared?.owner, declared?.criticality, repository, declared == nil ? "ingest" : "config",
                    now, now,
                ]) ?? 1
        projectID = id
        projectName = name
        return id
    }
}
