import Foundation

/// The throwaway PostgreSQL server of the tests: `make test` starts one (scripts/pg-test-cluster.sh)
/// and names it in MLSOC_TEST_POSTGRES. Without it the PostgreSQL tests fail, saying why: they do
/// not skip silently (issue 22).
public enum TestPostgres {
    public static let variable = "MLSOC_TEST_POSTGRES"

    /// The admin URL (a role that may create databases), or nil.
    public static var adminURL: String? {
        ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    }

    public static let missing =
        "no PostgreSQL server for the tests: run them with `make test` (it starts one), or set MLSOC_TEST_POSTGRES=postgres://USER@HOST:PORT/postgres"

    /// `admin` with its database replaced by `database` (and a user, when given).
    public static func url(_ admin: String, database: String, user: String? = nil) -> String {
        guard var components = URLComponents(string: admin) else { return admin }
        components.path = "/" + database
        if let user { components.user = user }
        return components.string ?? admin
    }
}
