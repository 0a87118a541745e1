extension ExposureReport.Figures {
    /// The sum of several groups' figures under one name (item-locations summed as counted per
    /// group), with its decision share.
    public static func sum(_ name: String, _ groups: some Sequence<ExposureReport.Figures>) -> Self {
        var out = Self(name: name)
        for g in groups {
            out.itemLocations += g.itemLocations
            out.exposureValue += g.exposureValue
            out.newExposureValue += g.newExposureValue
            out.decisionValue += g.decisionValue
            for k in 0..<min(out.byFamily.count, g.byFamily.count) {
                out.byFamily[k] += g.byFamily[k]
                out.newByFamily[k] += g.newByFamily[k]
            }
        }
        out.decisionShare = out.exposureValue > 0 ? out.decisionValue / out.exposureValue : 0
        return out
    }
}

extension ExposureReport {
    /// The name other people's figures are summed under in a personal view.
    public static let otherPeople = "(other people)"
    /// The name that replaces another person's in a personal view.
    public static let anotherPerson = "(another person)"

    /// The report as someone sees it who may not see other people's over-ordering (the incentive
    /// metric is personal): per buyer and per planner only `userID`'s own group and one group
    /// ``otherPeople`` summing everybody else's (so every grouping still adds up to the total); in the
    /// lines, their causes and the attributions, every other person's name reads ``anotherPerson``.
    /// Company totals and the groupings by category, location, supplier and cause are unchanged.
    /// Who sees the whole report is the front doors' rule (docs/excess.md, "Who sees whose figures").
    public func personal(to userID: String) -> ExposureReport {
        func mask(_ name: String) -> String { name == userID || name == "(none)" ? name : Self.anotherPerson }
        func own(_ groups: [Figures]) -> [Figures] {
            let others = groups.filter { $0.name != userID && $0.name != "(none)" }
            return groups.filter { $0.name == userID || $0.name == "(none)" }
                + (others.isEmpty ? [] : [.sum(Self.otherPeople, others)])
        }
        var r = self
        r.personalView = true
        r.byBuyer = own(byBuyer)
        r.byPlanner = own(byPlanner)
        r.lines = lines.map { line in
            var l = line
            l.buyer = mask(l.buyer)
            l.planner = mask(l.planner)
            l.causes = l.causes.map { share in
                var c = share
                if ExcessAttribution.decisionCauses.contains(c.cause) { c.decidedBy = mask(c.decidedBy) }
                return c
            }
            return l
        }
        r.attributions = attributions.map { attribution in
            var a = attribution
            a.buyer = mask(a.buyer)
            a.planner = mask(a.planner)
            return a
        }
        return r
    }
}
