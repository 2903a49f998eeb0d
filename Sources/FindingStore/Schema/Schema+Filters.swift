extension Schema {
    /// v25: every filter term's first page from an index at 10M findings (issue 25), paid for by a
    /// smaller row.
    /// - `taxonomy`: a finding's ATLAS/OWASP/CWE ids, interned like messages (v10). The text was
    ///   ~26 bytes of each row and repeats per rule; the row now keeps a small id, and `cwe:` globs
    ///   match the few taxonomy rows instead of every finding.
    /// - `finding_by_rule` (ruleRef, severity): `tool:`, `rule:` and an opened rule group walk the
    ///   matching rules' ranges, most severe first, instead of every finding (`PagePlan`).
    /// - `finding_by_model_severity` (modelId, severity): the same for `model:` and a model's view.
    /// - `finding_by_severity` goes: a page most severe first is a merge of the per-threat ranges of
    ///   `finding_by_cell` (14 threats), which SQLite reads as a union of short seeks.
    /// - `finding_by_cell` and `finding_by_due` lose their explicit `id`: an index entry always ends
    ///   with the rowid, so naming it stored it twice (4 bytes per entry).
    /// - The due key is the SLA due date of an open or accepted finding (an acceptance can lapse); a
    ///   closed one sorts with those that have none (it is due nowhere). `sla:overdue` is then a range
    ///   of `finding_by_due`. Part of a migration: never change its output (`FindingStore.dueKey`
    ///   must stay the same expression, or the index is not used).
    static var v25: String {
        """
        CREATE TABLE taxonomy (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
        INSERT INTO taxonomy (text) SELECT DISTINCT taxonomy FROM finding WHERE taxonomy != '' ORDER BY 1;
        ALTER TABLE finding ADD COLUMN taxonomyId INTEGER REFERENCES taxonomy(id);
        UPDATE finding SET taxonomyId = (SELECT t.id FROM taxonomy t WHERE t.text = finding.taxonomy) WHERE taxonomy != '';
        ALTER TABLE finding DROP COLUMN taxonomy;
        DROP INDEX finding_by_severity;
        DROP INDEX finding_by_cell;
        CREATE INDEX finding_by_cell ON finding (threat, severity);
        DROP INDEX finding_by_due;
        CREATE INDEX finding_by_due ON finding (CASE WHEN state IN (0, 1, 2, 6) THEN coalesce(slaDue, 9223372036854775807) ELSE 9223372036854775807 END);
        CREATE INDEX finding_by_rule ON finding (ruleRef, severity);
        CREATE INDEX finding_by_model_severity ON finding (modelId, severity) WHERE modelId IS NOT NULL;
        """
    }
}
