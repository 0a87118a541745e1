extension ProcessMap {
    /// The map as a Mermaid state diagram (`stateDiagram-v2`), the form docs/process-maps.md embeds
    /// (GitHub and most documentation sites draw it): `[*]` into the initial state, one line per
    /// transition labelled with its action, final states into `[*]`.
    public var mermaid: String {
        var lines = ["stateDiagram-v2", "    [*] --> \(initial)"]
        for t in transitions { lines.append("    \(t.from) --> \(t.to) : \(t.action)") }
        for s in states where s.final { lines.append("    \(s.id) --> [*]") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The map in Graphviz DOT (`dot -Tsvg`): left to right, final states drawn with a double border,
    /// each edge labelled with its action and its rule as the tooltip.
    public var dot: String {
        func quoted(_ text: String) -> String {
            "\"" + text.map { $0 == "\"" || $0 == "\\" ? "\\" + String($0) : String($0) }.joined() + "\""
        }
        var lines = [
            "digraph \(quoted(name)) {", "    label=\(quoted(title)); rankdir=LR;", "    node [shape=box, style=rounded];",
            "    \"[*]\" [shape=point];", "    \"[*]\" -> \(quoted(initial));",
        ]
        for s in states {
            lines.append("    \(quoted(s.id)) [tooltip=\(quoted(s.meaning))\(s.final ? ", peripheries=2" : "")];")
        }
        for t in transitions {
            lines.append("    \(quoted(t.from)) -> \(quoted(t.to)) [label=\(quoted(t.action)), tooltip=\(quoted(t.rule))];")
        }
        return (lines + ["}"]).joined(separator: "\n") + "\n"
    }

    /// One line per transition, for a terminal: `from --action--> to  (rule)`.
    public var table: String {
        var out = "\(title) (\(name)): starts \(initial)\n"
        for t in transitions { out += "  \(t.from) --\(t.action)--> \(t.to)    \(t.rule)\n" }
        out += "  final: " + states.filter(\.final).map(\.id).joined(separator: ", ") + "\n"
        return out
    }
}
