/// How a secret a scanner found is shown: its first four characters and its length, never the rest.
enum SecretText {
    static func masked(_ secret: String) -> String {
        String(secret.prefix(4)) + "…[redacted \(secret.count) chars]"
    }
}
