public import InventoryCore
import Yams

/// A problem in a scenario spec: the line (1-based, when known), the field and what was wrong.
public struct ScenarioSpecProblem: Sendable, Hashable, Codable {
    /// The spec's line.
    public var line: Int?
    /// The field, e.g. `shocks[1].factor`.
    public var field: String
    /// What was wrong, with the value and what was expected.
    public var message: String

    /// `line 7, shocks[1].factor: …`.
    public var description: String { (line.map { "line \($0), " } ?? "") + "\(field): \(message)" }
}

/// A refused spec: every problem found (nothing runs).
public struct ScenarioSpecError: Error, Sendable {
    /// The problems, in the order of the spec.
    public var problems: [ScenarioSpecProblem]

    /// All problems, one a line.
    public var message: String {
        "the scenario spec is not valid — " + problems.map(\.description).joined(separator: "; ")
    }
}

/// Reads a ``ScenarioSpec`` from YAML and checks it against the company's data (docs/scenarios.md):
/// unknown keys, ids, categories and regions, bad dates, factors ≤ 0 are refused with their line and
/// field, all of them at once.
///
/// ```yaml
/// name: Pumps surge in spring
/// from: 2025-01-01          # optional window
/// to: 2025-12-31
/// replications: 20          # optional (1: the history as it was)
/// seed: 7                   # optional
/// unmet_demand: lost_sales  # optional: backorder (default) | lost_sales
/// demand: forecast          # optional: history (default) | forecast
/// lead_times: sampled       # optional: mean (default) | sampled
/// shocks:
///   - kind: demand          # demand | lead_time | supplier_failure | closure | price
///     factor: 1.5
///     category: pumps       # scope: item, category, location, supplier, region (a value or a list;
///                           # location: all — every location)
///     from: 2025-03-01      # a date, start+N or end-N (days); default: the whole replay
///     to: 2025-04-30
///   - kind: supplier_failure
///     supplier: SUP-0004
///     mode: order           # supplier_failure, closure: receipt (default) | order | transit
/// ```
///
/// Two values depend on the data: `supplier: largest-single-source` (the supplier that is the only
/// source of the most item-locations) and, for `lead_time`, `factor: worst-observed-month` (the
/// calendar month whose receipts took longest against the catalog: Σ observed ÷ Σ catalog lead
/// time, months with at least `policy.lead_time_minimum_receipts` receipts).
public enum ScenarioSpecReader {
    /// The largest number of replications accepted.
    public static let largestReplications = 1000

    /// The spec in `yaml`, checked against `snapshot`.
    public static func read(yaml: String, snapshot: Snapshot) throws(ScenarioSpecError) -> ScenarioSpec {
        var reader = Reader(snapshot: snapshot)
        let spec = reader.read(yaml)
        guard reader.problems.isEmpty, let spec else { throw ScenarioSpecError(problems: reader.problems) }
        return spec
    }

    /// The largest single-source supplier: the one that is the only source of the most
    /// item-locations (ties: the first in the data), with that count.
    public static func largestSingleSource(_ snapshot: Snapshot) -> (supplier: Int32, itemLocations: Int)? {
        var sources: [ItemLocation: Set<Int32>] = [:]
        for rule in snapshot.sourcing {
            sources[ItemLocation(item: rule.item, location: rule.location), default: []].insert(rule.supplier)
        }
        var count: [Int32: Int] = [:]
        for set in sources.values where set.count == 1 { count[set.first!, default: 0] += 1 }
        return count.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }
            .map { ($0.key, $0.value) }
    }

    /// The worst observed lead-time month: Σ observed ÷ Σ catalog lead time of the receipts received
    /// in each calendar month with at least `minimumReceipts` receipts on a catalog line, the largest.
    public static func worstLeadTimeMonth(_ snapshot: Snapshot) -> (month: String, factor: Double, receipts: Int)? {
        var catalog: [SupplierKey: Double] = [:]
        for rule in snapshot.sourcing {
            catalog[SupplierKey(item: rule.item, location: rule.location, supplier: rule.supplier)] = rule.leadTimeDays
        }
        var months: [Int: (observed: Double, planned: Double, receipts: Int)] = [:]
        for receipt in snapshot.receipts {
            guard
                let planned = catalog[SupplierKey(item: receipt.item, location: receipt.location, supplier: receipt.supplier)],
                planned > 0
            else { continue }
            let c = receipt.receiptDate.components
            months[c.year * 12 + c.month - 1, default: (0, 0, 0)].observed += Double(receipt.leadTimeDays)
            months[c.year * 12 + c.month - 1, default: (0, 0, 0)].planned += planned
            months[c.year * 12 + c.month - 1, default: (0, 0, 0)].receipts += 1
        }
        let minimum = max(1, snapshot.settings.policy.leadTimes.minimumReceipts)
        let worst = months.filter { $0.value.receipts >= minimum }
            .max { a, b in
                let (x, y) = (a.value.observed / a.value.planned, b.value.observed / b.value.planned)
                return x < y || (x == y && a.key > b.key)
            }
        return worst.map { key, value in
            let month = key % 12 + 1
            return ("\(key / 12)-\(month < 10 ? "0" : "")\(month)", value.observed / value.planned, value.receipts)
        }
    }
}

private struct SupplierKey: Hashable {
    var item: Int32
    var location: Int32
    var supplier: Int32
}

private struct Reader {
    let snapshot: Snapshot
    var problems: [ScenarioSpecProblem] = []
    var notes: [String] = []
    lazy var categories = Set(snapshot.items.map(\.category))
    lazy var regions = Set(snapshot.locations.map(\.region))

    init(snapshot: Snapshot) { self.snapshot = snapshot }

    mutating func problem(_ node: Node?, _ field: String, _ message: String) {
        problems.append(ScenarioSpecProblem(line: node?.mark?.line, field: field, message: message))
    }

    static func render(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "'\(scalar.string)'"
        case .sequence(let s): "[" + s.map(render).joined(separator: ", ") + "]"
        case .mapping(let m): "{" + m.map { render($0.key) + ": " + render($0.value) }.joined(separator: ", ") + "}"
        case .alias: "an alias"
        }
    }

    mutating func read(_ yaml: String) -> ScenarioSpec? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            var line: Int?
            var text = "\(error)"
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                line = mark.line
                text = problem
            case .duplicatedKeysInMapping(let duplicates, let context):
                line = context.mark.line
                text = "duplicate key " + duplicates.map { "'\($0)'" }.joined(separator: ", ")
            default: break
            }
            problems.append(ScenarioSpecProblem(line: line, field: "(yaml)", message: "invalid YAML — \(text)"))
            return nil
        } catch {
            problems.append(ScenarioSpecProblem(line: nil, field: "(yaml)", message: "invalid YAML — \(error)"))
            return nil
        }
        guard let root, case .mapping(let mapping) = root else {
            problem(root, "(spec)", "expected a mapping with name and shocks, got \(root.map(Self.render) ?? "nothing")")
            return nil
        }
        var name: String?
        var from: Day?
        var to: Day?
        var replications = 1
        var seed: UInt64 = 1
        var unmetDemand = PolicySimulationInput.UnmetDemand.backorder
        var demand = ScenarioDemand.history
        var leadTimes = ScenarioLeadTimes.mean
        var shocks: [ScenarioShock] = []
        var sawShocks = false
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? Self.render(keyNode)
            switch key {
            case "name":
                if let text = value.scalar?.string, text.contains(where: { !$0.isWhitespace }) {
                    name = text
                } else {
                    problem(value, "name", "expected a name, got \(Self.render(value))")
                }
            case "from": from = day(value, "from")
            case "to": to = day(value, "to")
            case "replications":
                if let n = value.scalar.flatMap({ Int($0.string) }), (1...ScenarioSpecReader.largestReplications).contains(n) {
                    replications = n
                } else {
                    problem(
                        value, "replications",
                        "expected a whole number from 1 to \(ScenarioSpecReader.largestReplications), got \(Self.render(value))")
                }
            case "seed":
                if let n = value.scalar.flatMap({ UInt64($0.string) }) {
                    seed = n
                } else {
                    problem(value, "seed", "expected a whole number ≥ 0, got \(Self.render(value))")
                }
            case "unmet_demand":
                if let text = value.scalar?.string, let parsed = PolicySimulationInput.UnmetDemand(rawValue: text) {
                    unmetDemand = parsed
                } else {
                    problem(value, "unmet_demand", "expected backorder or lost_sales, got \(Self.render(value))")
                }
            case "demand":
                if let text = value.scalar?.string, let parsed = ScenarioDemand(rawValue: text) {
                    demand = parsed
                } else {
                    problem(value, "demand", "expected history or forecast, got \(Self.render(value))")
                }
            case "lead_times":
                if let text = value.scalar?.string, let parsed = ScenarioLeadTimes(rawValue: text) {
                    leadTimes = parsed
                } else {
                    problem(value, "lead_times", "expected mean or sampled, got \(Self.render(value))")
                }
            case "shocks":
                sawShocks = true
                guard case .sequence(let list) = value, !list.isEmpty else {
                    problem(value, "shocks", "expected a list of one or more shocks, got \(Self.render(value))")
                    continue
                }
                for (k, node) in list.enumerated() {
                    if let shock = self.shock(node, "shocks[\(k)]") { shocks.append(shock) }
                }
            default:
                problem(
                    keyNode, key,
                    "unknown key — expected name, from, to, replications, seed, unmet_demand, demand, lead_times or shocks")
            }
        }
        if name == nil, mapping["name"] == nil { problem(root, "name", "missing — every scenario has a name") }
        if !sawShocks { problem(root, "shocks", "missing — list one or more shocks") }
        if let from, let to, from > to { problem(mapping["to"], "to", "\(to) is before from \(from)") }
        guard problems.isEmpty, let name else { return nil }
        var spec = ScenarioSpec(
            name: name, from: from, to: to, replications: replications, seed: seed, shocks: shocks, notes: notes)
        spec.unmetDemand = unmetDemand
        spec.demand = demand
        spec.leadTimes = leadTimes
        return spec
    }

    mutating func day(_ node: Node, _ field: String) -> Day? {
        guard let text = node.scalar?.string, let day = Day(iso: text) else {
            problem(node, field, "expected a date YYYY-MM-DD, got \(Self.render(node))")
            return nil
        }
        return day
    }

    mutating func shockDate(_ node: Node, _ field: String) -> ScenarioDate? {
        let text = node.scalar?.string ?? ""
        if let day = Day(iso: text) { return .day(day) }
        for (prefix, make) in [("start+", ScenarioDate.afterStart), ("end-", ScenarioDate.beforeEnd)]
        where text.hasPrefix(prefix) {
            if let n = Int(text.dropFirst(prefix.count)), n >= 0, n <= 100_000 { return make(n) }
        }
        problem(node, field, "expected a date YYYY-MM-DD, start+N or end-N (N days ≥ 0), got \(Self.render(node))")
        return nil
    }

    mutating func positive(_ node: Node, _ field: String) -> Double? {
        guard let x = node.scalar.flatMap({ Double($0.string) }), x.isFinite, x > 0, x <= 1000 else {
            problem(node, field, "expected a number > 0 (at most 1000), got \(Self.render(node))")
            return nil
        }
        return x
    }

    /// A value or a list of values, each checked by `known`.
    mutating func values(_ node: Node, _ field: String, what: String, known: (String) -> Bool) -> [String]? {
        let nodes: [Node]
        switch node {
        case .scalar: nodes = [node]
        case .sequence(let list) where !list.isEmpty: nodes = Array(list)
        default:
            problem(node, field, "expected \(what) or a list of them, got \(Self.render(node))")
            return nil
        }
        var result: [String] = []
        var ok = true
        for item in nodes {
            guard let text = item.scalar?.string, known(text) else {
                problem(item, field, "unknown \(what) \(Self.render(item))")
                ok = false
                continue
            }
            result.append(text)
        }
        return ok ? result : nil
    }

    mutating func shock(_ node: Node, _ field: String) -> ScenarioShock? {
        guard case .mapping(let mapping) = node else {
            problem(node, field, "expected a mapping with kind, its values, a scope and a window, got \(Self.render(node))")
            return nil
        }
        let before = problems.count
        var kindName: String?
        var factor: Double?
        var factorNode: Node?
        var addDays: Double?
        var addNode: Node?
        var mode = DisruptionType.receiptPausing
        var modeNode: Node?
        var scope = ScenarioScope()
        var from: ScenarioDate?
        var to: ScenarioDate?
        let snapshot = self.snapshot
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? Self.render(keyNode)
            let path = "\(field).\(key)"
            switch key {
            case "kind":
                let text = value.scalar?.string ?? ""
                if ["demand", "lead_time", "supplier_failure", "closure", "price"].contains(text) {
                    kindName = text
                } else {
                    problem(
                        value, path,
                        "expected demand, lead_time, supplier_failure, closure or price, got \(Self.render(value))")
                }
            case "factor":
                factorNode = value
                if value.scalar?.string == "worst-observed-month" {
                    if let worst = ScenarioSpecReader.worstLeadTimeMonth(snapshot) {
                        factor = worst.factor
                        notes.append(
                            "\(path): worst observed lead-time month \(worst.month): receipts took \(worst.factor.formatted2) × the catalog lead time (\(worst.receipts) receipts)"
                        )
                    } else {
                        problem(value, path, "worst-observed-month needs receipts on catalog lines; the data has none")
                    }
                } else {
                    factor = positive(value, path)
                }
            case "add_days":
                addNode = value
                if let x = value.scalar.flatMap({ Double($0.string) }), x.isFinite, abs(x) <= 10_000 {
                    addDays = x
                } else {
                    problem(value, path, "expected a number of days (−10000 … 10000), got \(Self.render(value))")
                }
            case "mode":
                modeNode = value
                switch value.scalar?.string {
                case "receipt": mode = .receiptPausing
                case "order": mode = .orderPausing
                case "transit": mode = .transitPausing
                default: problem(value, path, "expected receipt, order or transit, got \(Self.render(value))")
                }
            case "from": from = shockDate(value, path)
            case "to": to = shockDate(value, path)
            case "item":
                scope.items = values(value, path, what: "item", known: { snapshot.itemIndex(id: $0) != nil })
                    .map { Set($0.compactMap { snapshot.itemIndex(id: $0) }) }
            case "location" where value.scalar?.string == "all":
                break  // every location (a closure of all of them, e.g. the one port)
            case "location":
                scope.locations = values(value, path, what: "location", known: { snapshot.locationIndex(id: $0) != nil })
                    .map { Set($0.compactMap { snapshot.locationIndex(id: $0) }) }
            case "supplier":
                if value.scalar?.string == "largest-single-source" {
                    if let largest = ScenarioSpecReader.largestSingleSource(snapshot) {
                        scope.suppliers = [largest.supplier]
                        notes.append(
                            "\(path): largest single-source supplier \(snapshot.suppliers[Int(largest.supplier)].id) (the only source of \(largest.itemLocations) item-locations)"
                        )
                    } else {
                        problem(value, path, "largest-single-source: no item-location has a single supplier")
                    }
                } else {
                    scope.suppliers = values(value, path, what: "supplier", known: { snapshot.supplierIndex(id: $0) != nil })
                        .map { Set($0.compactMap { snapshot.supplierIndex(id: $0) }) }
                }
            case "category":
                let known = categories
                scope.categories = values(value, path, what: "category", known: { known.contains($0) }).map(Set.init)
            case "region":
                let known = regions
                scope.regions = values(value, path, what: "region", known: { known.contains($0) }).map(Set.init)
            default:
                problem(
                    keyNode, path,
                    "unknown key — expected kind, factor, add_days, mode, from, to, item, category, location, supplier or region")
            }
        }
        if case .day(let a)? = from, case .day(let b)? = to, a > b {
            problem(mapping["to"], "\(field).to", "\(b) is before from \(a)")
        }
        guard let kindName else {
            if mapping["kind"] == nil {
                problem(node, "\(field).kind", "missing — demand, lead_time, supplier_failure, closure or price")
            }
            return nil
        }
        func refuse(_ node: Node?, _ name: String, _ why: String) {
            if let node { problem(node, "\(field).\(name)", "not used by \(kindName) — \(why)") }
        }
        let kind: ScenarioShock.Kind
        switch kindName {
        case "demand", "price":
            refuse(addNode, "add_days", "give factor")
            refuse(modeNode, "mode", "only supplier_failure and closure pause supply")
            if factorNode == nil { problem(node, "\(field).factor", "missing — \(kindName) needs a factor > 0") }
            kind = kindName == "demand" ? .demand(factor: factor ?? 1) : .price(factor: factor ?? 1)
        case "lead_time":
            if factorNode == nil, addNode == nil {
                problem(node, "\(field)", "lead_time needs add_days, factor or both")
            }
            refuse(modeNode, "mode", "only supplier_failure and closure pause supply")
            kind = .leadTime(addDays: addDays ?? 0, factor: factor ?? 1)
        case "supplier_failure":
            refuse(factorNode, "factor", "the supplier delivers nothing in the window")
            refuse(addNode, "add_days", "the supplier delivers nothing in the window")
            if scope.suppliers == nil, mapping["supplier"] == nil {
                problem(node, "\(field).supplier", "missing — supplier_failure needs the supplier that fails")
            }
            kind = .supplierFailure
        default:
            refuse(factorNode, "factor", "deliveries into the location or region wait")
            refuse(addNode, "add_days", "deliveries into the location or region wait")
            if mapping["location"] == nil, mapping["region"] == nil {
                problem(node, "\(field).location", "missing — closure needs the location or region closed")
            }
            kind = .closure
        }
        guard problems.count == before else { return nil }
        return ScenarioShock(kind: kind, scope: scope, from: from, to: to, line: node.mark?.line ?? 0, mode: mode)
    }
}

extension Double {
    fileprivate var formatted2: String {
        let r = (self * 100).rounded() / 100
        return String(r)
    }
}
