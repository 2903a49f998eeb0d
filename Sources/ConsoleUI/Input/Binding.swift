/// One key binding: data the reducer, the footer and the help screen all read.
public struct Binding: Sendable, Equatable {
    public var keys: [Key]
    public var command: Command
    public var help: String
    /// Destructive bindings change the store; read-only mode removes every one of them.
    public var destructive: Bool
    /// Shown in the footer of the views it applies to.
    public var inFooter: Bool
    /// Why the key does nothing here (lazygit's disabled reason): it stays in the table, the help
    /// lists it with the reason, and pressing it says so.
    public var disabledReason: String?

    public init(_ keys: [Key], _ command: Command, _ help: String, destructive: Bool = false, inFooter: Bool = true) {
        self.keys = keys
        self.command = command
        self.help = help
        self.destructive = destructive
        self.inFooter = inFooter
    }
}
