/// The rest of a record's story that its chain does not hold: a metric's measurements cycle by
/// cycle with their verdicts, an item's expected and observed effect. The command line's `show`
/// tells it as the site's pages do.
extension RoadmapFile {
    /// The metric in every cycle, oldest first, each compared as that cycle's report compares it.
    public func metricHistory(_ ref: String) throws -> [MetricInCycle] {
        try read {
            let metric = try record(.metric, ref)
            let cycles = try cyclesInOrder()
            let threshold = try privacyThreshold()
            return try cycles.enumerated().map { index, cycle in
                MetricInCycle(cycle: cycle.ref, comparison: try compare(metric, in: cycle, earlier: Array(cycles[..<index]), threshold: threshold))
            }
        }
    }

    /// The item's effect on each metric it should move, in the cycle it was done in (from that
    /// cycle's report); empty while it is not done in a cycle.
    public func itemMetricEffects(_ ref: String) throws -> [(cycle: String, effect: ItemEffect)] {
        try read {
            let item = try record(.item, ref)
            var found: [(cycle: String, effect: ItemEffect)] = []
            for cycle in try cyclesInOrder() {
                let report = try cycleReport(cycle.ref)
                found += report.effects.filter { $0.item.key == item.key }.map { (cycle.ref, $0) }
            }
            return found
        }
    }
}

/// A metric in one cycle, as that cycle's report compares it.
public struct MetricInCycle: Sendable {
    public let cycle: String
    public let comparison: MetricComparison

    /// For `--json`: the same keys in every language.
    public var json: JSONObject {
        var object = JSONObject([("cycle", .string(cycle))])
        for (key, value) in comparison.json where key != "metric" { object.append(key, value) }
        return object
    }
}
