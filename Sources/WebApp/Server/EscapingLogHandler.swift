import Foundation
public import Logging

/// A swift-log handler for the server's standard error: one line per event, metadata as
/// `key=value` fields, and every value and message escaped so that nothing a client sends — a
/// user id with a line break, an escape sequence — can start a line of its own or forge a field
/// (issue 19.9). A value with a blank, `"`, `=` or `\` is quoted; control characters are written
/// `\n`, `\r`, `\t` or `\u{1b}`.
///
/// ```
/// 2026-11-30T08:12:03Z info procura.web : address=127.0.0.1 user="x\n2026-… signed in" [WebApp] sign-in refused
/// ```
public struct EscapingLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let write: @Sendable (String) -> Void

    /// A handler writing to standard error.
    public static func standardError(label: String) -> EscapingLogHandler {
        EscapingLogHandler(label: label) { line in FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// A handler writing each line (with its line feed) through `write`.
    public init(label: String, write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { _, new in new } }
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        write(
            Self.line(
                date: Date(), level: event.level, label: label, metadata: all, source: event.source, message: "\(event.message)"))
    }

    /// The formatted line.
    static func line(date: Date, level: Logger.Level, label: String, metadata: Logger.Metadata, source: String, message: String)
        -> String
    {
        let fields = metadata.sorted { $0.key < $1.key }.map {
            Self.escape($0.key, quoting: false) + "=" + Self.escape("\($0.value)", quoting: true)
        }
        let time = ISO8601DateFormatter().string(from: date)
        return "\(time) \(level) \(escape(label, quoting: false)) :" + fields.map { " " + $0 }.joined()
            + " [\(escape(source, quoting: false))] \(escape(message, quoting: false))\n"
    }

    /// `text` with control characters escaped; quoted (with `"` and `\` escaped) when `quoting`
    /// and it has a blank, `"`, `=`, `\` or is empty.
    static func escape(_ text: String, quoting: Bool) -> String {
        var out = ""
        var needsQuotes = quoting && text.isEmpty
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\"", "\\":
                needsQuotes = needsQuotes || quoting
                out += quoting ? "\\" + String(scalar) : String(scalar)
            case " ", "=":
                needsQuotes = needsQuotes || quoting
                out.unicodeScalars.append(scalar)
            default:
                if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                    || scalar == "\u{2028}" || scalar == "\u{2029}"
                {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return needsQuotes ? "\"" + out + "\"" : out
    }
}
