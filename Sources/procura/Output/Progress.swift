/// A one-line progress note on stderr while a long step runs, shown only on a terminal.
struct Progress {
    let enabled: Bool

    init(enabled: Bool, text: String) {
        self.enabled = enabled && StandardStreams.errorIsTerminal
        if self.enabled { StandardStreams.error(text + "\r") }
    }

    func clear() {
        if enabled { StandardStreams.error("\u{1B}[K") }
    }
}
