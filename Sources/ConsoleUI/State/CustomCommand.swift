import Findings

/// A command from config.yaml `commands:` (k9s plugins, lazygit custom commands): a key in the
/// Findings list or detail runs a shell command with the marked findings, or the one under the
/// cursor, as JSON on stdin and in `MLSOC_*` variables.
public struct CustomCommand: Sendable, Equatable {
    public var key: Character
    public var description: String
    public var inList: Bool
    public var inDetail: Bool
    public var command: String
    /// Asked before it runs (y or Enter runs it); nil: it runs at once.
    public var confirm: String?
    /// Absent from the read-only dashboard; audited on every finding it ran for.
    public var dangerous: Bool
    /// Runs without leaving the console, its output in a pane; otherwise the console steps aside.
    public var background: Bool
    public var timeoutSeconds: Int

    public init(
        key: Character, description: String, inList: Bool = true, inDetail: Bool = true, command: String, confirm: String? = nil,
        dangerous: Bool = false, background: Bool = false, timeoutSeconds: Int = 60
    ) {
        self.key = key
        self.description = description
        self.inList = inList
        self.inDetail = inDetail
        self.command = command
        self.confirm = confirm
        self.dangerous = dangerous
        self.background = background
        self.timeoutSeconds = timeoutSeconds
    }
}

/// A command waiting for its confirmation.
public struct PendingCommand: Sendable, Equatable {
    public var command: CustomCommand
    public var rows: [FindingRow]
}

/// What a command did: shown in a pane until Esc.
public struct CommandOutput: Sendable, Equatable {
    public var title: String
    /// Exit status, or nil when it was stopped at its timeout.
    public var status: Int32?
    public var text: String

    public init(title: String, status: Int32?, text: String) {
        self.title = title
        self.status = status
        self.text = text
    }
}
