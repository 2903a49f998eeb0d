import ArgumentParser
import FindingStore
import Foundation
import PostgresStore

extension Mlsoc {
    /// The store itself: moving it between backends.
    struct Store: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Work on the store itself: upgrade its schema, copy it between SQLite and PostgreSQL.",
            discussion: """
                A store is a SQLite file (the default) or a PostgreSQL database named by a URL:
                  postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE?sslmode=verify-full
                  postgres://USER@/DATABASE?host=/run/postgresql          (a Unix socket directory)
                A password not in the URL comes from PGPASSWORD. docs/DEPLOY.md has the roles, TLS and backups.
                """,
            subcommands: [Migrate.self, Copy.self, GrantReader.self]
        )

        struct Copy: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Copy a store into a new, empty store (SQLite ↔ PostgreSQL), then check every table's count.",
                discussion: """
                    FROM is read in one snapshot (writers may go on; the copy sees one moment). TO must be new: a \
                    SQLite file that does not exist yet (created with mode 0600), or a PostgreSQL database without \
                    mlsoc's tables or with an empty store (the schema is created). Rows go a page at a time, so \
                    memory stays flat however large the store. TO is committed only when every table holds as many \
                    rows as FROM; otherwise nothing is left behind (the new file is removed, the server's \
                    transaction rolled back).

                      mlsoc store copy /var/lib/mlsoc/findings.db 'postgres://mlsoc@db.example/mlsoc?sslmode=verify-full'
                      mlsoc store copy 'postgres://mlsoc@db.example/mlsoc' backup.db
                    """
            )

            @Argument(help: ArgumentHelp("The store to copy: a SQLite file or a postgres:// URL.", valueName: "from"))
            var from: String

            @Argument(help: ArgumentHelp("The new store: a SQLite file or a postgres:// URL.", valueName: "to"))
            var to: String

            @Flag(help: "No progress on standard error.")
            var quiet = false

            func run() throws {
                let environment = ProcessInfo.processInfo.environment
                let source: StoreEndpoint
                let destination: StoreEndpoint
                do {
                    source = try StoreEndpoint.parse(from, environment: environment)
                    destination = try StoreEndpoint.parse(to, environment: environment)
                } catch let error as PostgresStoreError {
                    throw ValidationError(error.description)
                }
                let started = Date()
                let quiet = quiet
                let progress = StoreCopyProgress()
                let counts: [StoreCopy.TableCount]
                do {
                    counts = try runBlocking {
                        try await StoreCopy.run(from: source, to: destination) { table, copied, total in
                            if !quiet { progress.report(table: table, copied: copied, total: total) }
                        }
                    }
                } catch let error as PostgresStoreError {
                    throw CLIError("store copy: \(TextForTerminal.safe(error.description))")
                }
                let rows = counts.reduce(Int64(0)) { $0 + $1.rows }
                let findings = counts.first { $0.table == "finding" }?.rows ?? 0
                let events = counts.first { $0.table == "findingEvent" }?.rows ?? 0
                let seconds = Date().timeIntervalSince(started)
                print(
                    "copied \(TextForTerminal.safe(source.description)) → \(TextForTerminal.safe(destination.description)): \(findings) findings, \(events) audit events, \(rows) rows in \(counts.count) tables, every count checked (\(String(format: "%.1f", seconds)) s)"
                )
            }
        }
    }
}

extension Mlsoc.Store {
    /// A SELECT-only role for wall dashboards: the server, not mlsoc, refuses its writes.
    struct GrantReader: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "grant-reader",
            abstract: "Let a PostgreSQL role read the store and nothing more (for dashboards and wall screens).",
            discussion: """
                Run as the store's owner. The role must exist (CREATE ROLE mlsoc_reader LOGIN PASSWORD '…'). It gets \
                CONNECT, USAGE on the schema and SELECT on every table, also on tables later migrations add; \
                INSERT, UPDATE, DELETE and TRUNCATE are revoked, so a dashboard connecting as it cannot write \
                whatever the client does.
                """
        )

        @Argument(help: ArgumentHelp("The store: a postgres:// URL (as its owner).", valueName: "url"))
        var url: String

        @Option(help: ArgumentHelp("The role to grant to.", valueName: "role"))
        var role = "mlsoc_reader"

        func run() throws {
            guard PostgresLocation.isURL(url) else { throw ValidationError("grant-reader is for PostgreSQL stores: pass a postgres:// URL") }
            guard StoreCopy.isIdentifier(role) else { throw ValidationError("--role \(TextForTerminal.safe(role)) is not a plain SQL identifier") }
            let role = role
            do {
                let location = try PostgresLocation.parse(url, environment: ProcessInfo.processInfo.environment)
                guard StoreCopy.isIdentifier(location.database) else {
                    throw PostgresStoreError("the database name \(location.database) is not a plain SQL identifier")
                }
                try PostgresSession.grantReader(location, role: role)
                print("\(role) may read \(location) and nothing more")
            } catch let error as PostgresStoreError {
                throw CLIError(TextForTerminal.safe(error.description))
            }
        }
    }
}

/// A line on stderr per table, and every second or so on a large one.
final class StoreCopyProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var lastLine = Date.distantPast

    func report(table: String, copied: Int64, total: Int64) {
        lock.withLock {
            let now = Date()
            guard copied == total || now.timeIntervalSince(lastLine) >= 1 else { return }
            lastLine = now
            FileHandle.standardError.write(Data("  \(table): \(copied) of \(total) rows\n".utf8))
        }
    }
}

extension Mlsoc.Store {
    /// The schema upgrade any writing command does on open, on its own and said: what a team runs
    /// after installing a new mlsoc, before the wall screens (which never migrate) read the store.
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring the store's schema up to this mlsoc's, and say which migrations ran.",
            discussion: """
                Every writing command (the console, ingest, watch, triage) does the same when it opens the store; \
                read-only ones (dashboard, findings, export) refuse a store an older mlsoc wrote until a writer \
                has opened it. A migration may read every finding once (a few seconds per million); each runs in \
                its own transaction, so an interrupted upgrade leaves the store at the last one that finished. \
                A store a newer mlsoc wrote is refused, untouched.

                  mlsoc store migrate --db /var/lib/mlsoc/findings.db
                  mlsoc store migrate --db 'postgres://mlsoc_owner@db.example/mlsoc?sslmode=verify-full'
                """
        )

        @OptionGroup var options: GlobalOptions

        func run() throws {
            let location = options.storePath
            let shown = TextForTerminal.safe(location)
            let (before, known) = try migrations(location)
            let pending = known.filter { !before.contains($0) }
            // A store a newer mlsoc wrote is refused by the open below, with its reason.
            let newer = !before.isSubset(of: known)
            if !before.isEmpty, !pending.isEmpty, !newer {
                FileHandle.standardError.write(Data("migrating \(shown): \(pending.joined(separator: ", "))\n".utf8))
            }
            let started = Date()
            _ = try options.openStore(mode: .readWrite)
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            let schema = known.last ?? "none"
            if before.isEmpty {
                print("\(shown): a new store at schema \(schema) (\(seconds) s)")
            } else if pending.isEmpty {
                print("\(shown) is up to date: schema \(schema)")
            } else {
                let ran = pending.joined(separator: ", ")
                let from = known.last(where: before.contains) ?? "none"
                print("\(shown): \(from) → \(schema), \(pending.count) migration\(pending.count == 1 ? "" : "s") (\(ran)) in \(seconds) s")
            }
        }

        /// The migrations the store has, and those this mlsoc knows for its backend (a server store
        /// starts at v25 in one step and has migrations of its own: PostgresSchema).
        private func migrations(_ location: String) throws -> (applied: Set<String>, known: [String]) {
            do {
                if PostgresLocation.isURL(location) {
                    let session = try PostgresSession.connect(try PostgresLocation.parse(location, environment: ProcessInfo.processInfo.environment))
                    defer { session.close() }
                    return (Set(try session.appliedMigrations()), PostgresSchema.migrations.map(\.identifier))
                }
                return (try FindingStore.appliedMigrations(path: location), FindingStore.schemaMigrations)
            } catch let error as PostgresStoreError {
                throw CLIError(TextForTerminal.safe(error.description))
            } catch let error as StoreError {
                throw CLIError(TextForTerminal.safe(error.description))
            }
        }
    }
}
