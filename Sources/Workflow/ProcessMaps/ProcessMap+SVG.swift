import InventoryCore

extension ProcessMap {
    /// The map drawn as an SVG arc diagram, the form the app's page shows: the states in a row in
    /// their order of progress (the initial state marked, final states with a double border), every
    /// transition to a later state as an arc above the row and every other one (back, or to the same
    /// state) below it, each labelled with its action and with its rule as the tooltip. Arcs are
    /// stacked so no two labels share a line where their spans overlap. No styles or scripts: the
    /// pages' content security policy allows the drawing inline.
    public var svg: String { ProcessMapDrawing(self).svg }
}

/// The geometry of ``ProcessMap/svg`` (whole pixels).
struct ProcessMapDrawing {
    static let boxHeight = 36
    static let gap = 44
    static let level = 24
    static let margin = 24

    let map: ProcessMap
    /// Left edge and width of each state's box.
    let boxes: [(x: Int, width: Int)]
    /// Arcs above the row and below it, each with its stacking level (1 = lowest).
    let above: [(ProcessMap.Transition, from: Int, to: Int, level: Int)]
    let below: [(ProcessMap.Transition, from: Int, to: Int, level: Int)]

    init(_ map: ProcessMap) {
        self.map = map
        var x = Self.margin + 20
        var boxes: [(x: Int, width: Int)] = []
        for s in map.states {
            let width = max(96, 8 * s.id.count + 24)
            boxes.append((x, width))
            x += width + Self.gap
        }
        self.boxes = boxes
        let index = Dictionary(map.states.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var up: [(ProcessMap.Transition, Int, Int)] = []
        var down: [(ProcessMap.Transition, Int, Int)] = []
        for t in map.transitions {
            guard let f = index[t.from], let g = index[t.to] else { continue }
            if f < g { up.append((t, f, g)) } else { down.append((t, f, g)) }
        }
        above = Self.stack(up, boxes: boxes)
        below = Self.stack(down, boxes: boxes)
    }

    /// Levels for arcs: shortest spans first, each one level above every arc it overlaps.
    static func stack(_ arcs: [(ProcessMap.Transition, Int, Int)], boxes: [(x: Int, width: Int)]) -> [(
        ProcessMap.Transition, from: Int, to: Int, level: Int
    )] {
        func span(_ a: (ProcessMap.Transition, Int, Int)) -> (Int, Int) {
            let l = min(a.1, a.2)
            let r = max(a.1, a.2)
            // The label's width counts for an arc to its own state.
            let labelHalf = 4 * a.0.action.count + 8
            let left = boxes[l].x + boxes[l].width / 2
            let right = boxes[r].x + boxes[r].width / 2
            return l == r ? (left - labelHalf, right + labelHalf) : (left, right)
        }
        let sorted = arcs.enumerated().sorted {
            let a = span($0.element)
            let b = span($1.element)
            return (a.1 - a.0, $0.offset) < (b.1 - b.0, $1.offset)
        }.map(\.element)
        var placed: [(ProcessMap.Transition, from: Int, to: Int, level: Int)] = []
        var spans: [(Int, Int, Int)] = []
        for a in sorted {
            let (l, r) = span(a)
            let level = (spans.filter { $0.0 < r && l < $0.1 }.map(\.2).max() ?? 0) + 1
            spans.append((l, r, level))
            placed.append((a.0, a.1, a.2, level))
        }
        return placed
    }

    var svg: String {
        let aboveHeight = (above.map(\.level).max() ?? 0) * Self.level + 16
        let belowHeight = (below.map(\.level).max() ?? 0) * Self.level + 16
        let top = Self.margin + aboveHeight
        let bottom = top + Self.boxHeight
        let width = (boxes.last.map { $0.x + $0.width } ?? 0) + Self.margin
        let height = bottom + belowHeight + Self.margin
        let id = "process-map-" + map.name
        let e = XMLText.escaped
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" id=\"\(e(id))\" aria-label=\"\(e(map.title)) process map\">"
        s +=
            "<defs><marker id=\"\(e(id))-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#3b4a63\"/></marker></defs>"
        // The initial state's mark.
        if let first = map.states.firstIndex(where: { $0.id == map.initial }) {
            let y = top + Self.boxHeight / 2
            let x = boxes[first].x
            s += "<circle cx=\"\(x - 16)\" cy=\"\(y)\" r=\"5\" fill=\"#3b4a63\"/>"
            s +=
                "<line x1=\"\(x - 11)\" y1=\"\(y)\" x2=\"\(x - 1)\" y2=\"\(y)\" stroke=\"#3b4a63\" marker-end=\"url(#\(e(id))-arrow)\"/>"
        }
        for (i, state) in map.states.enumerated() {
            let b = boxes[i]
            s += "<g id=\"\(e(id))-state-\(e(state.id))\"><title>\(e(state.id)): \(e(state.meaning))</title>"
            s +=
                "<rect x=\"\(b.x)\" y=\"\(top)\" width=\"\(b.width)\" height=\"\(Self.boxHeight)\" rx=\"8\" fill=\"#f4f6fa\" stroke=\"#3b4a63\"/>"
            if state.final {
                s +=
                    "<rect x=\"\(b.x + 3)\" y=\"\(top + 3)\" width=\"\(b.width - 6)\" height=\"\(Self.boxHeight - 6)\" rx=\"6\" fill=\"none\" stroke=\"#3b4a63\"/>"
            }
            s +=
                "<text x=\"\(b.x + b.width / 2)\" y=\"\(top + Self.boxHeight / 2 + 4)\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1d2633\">\(e(state.id))</text></g>"
        }
        for (t, f, g, level) in above {
            let x1 = boxes[f].x + boxes[f].width / 2 + 6
            let x2 = boxes[g].x + boxes[g].width / 2 - 6
            let h = level * Self.level
            // A cubic's apex is at 3/4 of its control points' height.
            let c = top - h * 4 / 3
            s += arc(t, path: "M\(x1),\(top) C\(x1),\(c) \(x2),\(c) \(x2),\(top)", labelX: (x1 + x2) / 2, labelY: top - h - 4)
        }
        for (t, f, g, level) in below {
            let h = level * Self.level
            let c = bottom + h * 4 / 3
            if f == g {
                // Outer loops are wider, so they pass around the inner loops' labels.
                let mid = boxes[f].x + boxes[f].width / 2
                let half = 14 + 32 * (level - 1)
                let x1 = mid - half
                let x2 = mid + half
                s += arc(
                    t, path: "M\(x1),\(bottom) C\(x1 - 16),\(c) \(x2 + 16),\(c) \(x2),\(bottom)", labelX: mid,
                    labelY: bottom + h + 12)
            } else {
                let x1 = boxes[f].x + boxes[f].width / 2 - 6
                let x2 = boxes[g].x + boxes[g].width / 2 + 6
                s += arc(
                    t, path: "M\(x1),\(bottom) C\(x1),\(c) \(x2),\(c) \(x2),\(bottom)", labelX: (x1 + x2) / 2,
                    labelY: bottom + h + 12)
            }
        }
        return s + "</svg>"
    }

    func arc(_ t: ProcessMap.Transition, path: String, labelX: Int, labelY: Int) -> String {
        let e = XMLText.escaped
        let id = "process-map-" + map.name
        return "<g class=\"transition\"><title>\(e(t.from)) → \(e(t.to)) by \(e(t.action)): \(e(t.rule))</title>"
            + "<path d=\"\(path)\" fill=\"none\" stroke=\"#3b4a63\" marker-end=\"url(#\(e(id))-arrow)\"/>"
            + "<text x=\"\(labelX)\" y=\"\(labelY)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#3b4a63\">\(e(t.action))</text></g>"
    }
}
