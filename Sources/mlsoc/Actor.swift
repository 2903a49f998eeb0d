import FindingStore
import Foundation

/// Who is acting: the OS account from getuid (not $USER), plus SUDO_USER and the ssh client address,
/// and on a PostgreSQL store the database role the server knows the session as. The role follows
/// " via ", as the ssh client does, so `AcceptanceProposal.person` (four-eyes) still names the person.
enum Actor {
    static func current(environment: [String: String], store: FindingStore? = nil) -> String {
        var actor = osAccount(environment: environment)
        if let role = store?.serverRole { actor += " via PostgreSQL role \(role)" }
        return actor
    }

    private static func osAccount(environment: [String: String]) -> String {
        var actor = accountName(uid: getuid())
        #if DEBUG
            // A test hook, compiled into debug builds only (the tests and CI run those): the
            // end-to-end tests act as two people (four-eyes acceptance) without two OS accounts.
            // A release build always takes the account from getuid.
            if let account = environment["MLSOC_TEST_ACCOUNT"], !account.isEmpty { actor = account }
        #endif
        if let sudo = environment["SUDO_USER"], !sudo.isEmpty, sudo != actor { actor += " (sudo by \(sudo))" }
        if let ssh = environment["SSH_CLIENT"]?.split(separator: " ").first { actor += " via ssh \(ssh)" }
        return actor
    }

    static func accountName(uid: uid_t) -> String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid \(uid)" }
        return String(cString: name)
    }
}
