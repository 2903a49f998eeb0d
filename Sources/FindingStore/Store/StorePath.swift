/// Where the store lives: `--db`, then `MLSOC_DB`, then config.yaml's `store: location:`, then
/// `$XDG_DATA_HOME/mlsoc/findings.db`, then `~/.local/share/mlsoc/findings.db`.
public enum StorePath {
    public static func resolve(explicit: String?, environment: [String: String], configured: String? = nil) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let env = environment["MLSOC_DB"], !env.isEmpty { return env }
        if let configured, !configured.isEmpty { return configured }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return xdg + "/mlsoc/findings.db"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return home + "/.local/share/mlsoc/findings.db"
    }
}
