import SixSteps

/// What `show` adds to a record's chain so it tells the whole story: a metric's measurements
/// cycle by cycle with their verdicts, an item's expected and observed effect.
enum StorySections {
    /// The extra keys of `--json` for a record of this kind; none for most kinds.
    static func json(_ kind: Kind, _ ref: String, _ roadmap: RoadmapFile) throws -> [(String, JSON)] {
        switch kind {
        case .metric:
            return [("cycles", .array(try roadmap.metricHistory(ref).map { .object($0.json) }))]
        case .item:
            let effects = try roadmap.itemMetricEffects(ref).map { found -> JSON in
                var object = JSONObject([("cycle", .string(found.cycle))])
                for (key, value) in found.effect.json where key != "item" && key != "title" { object.append(key, value) }
                return .object(object)
            }
            let contacts = try roadmap.itemVolumeEffects(item: try roadmap.read { try roadmap.record(.item, ref).ref })
            return [("effects", .array(effects)), ("contact_effects", .array(contacts.map { .object($0.json) }))]
        default:
            return []
        }
    }

    static func print(_ kind: Kind, _ ref: String, _ roadmap: RoadmapFile) throws {
        var output = Output()
        switch kind {
        case .metric: try metric(ref, roadmap, into: &output)
        case .item: try item(ref, roadmap, into: &output)
        default: return
        }
        output.flush()
    }

    private static func metric(_ ref: String, _ roadmap: RoadmapFile, into output: inout Output) throws {
        let history = try roadmap.metricHistory(ref)
        let places = try roadmap.metricDecimals()[ref] ?? 2
        output.line()
        guard !history.isEmpty else {
            output.line(t("Nog geen cycli: open er een met 'molensloot cycle open NAAM' en meet.",
                          "No cycles yet: open one with 'molensloot cycle open NAME' and measure."))
            return
        }
        output.line(t("Metingen per cyclus:", "Measurements per cycle:"))
        var table = TextTable([.init(title: t("CYCLUS", "CYCLE")), .init(title: t("WAARDE", "VALUE"), alignRight: true),
                               .init(title: "N", alignRight: true), .init(title: t("VERSCHIL", "CHANGE"), alignRight: true),
                               .init(title: t("T.O.V.", "VS")), .init(title: t("OORDEEL", "VERDICT")), .init(title: "P")])
        for row in history {
            let comparison = row.comparison
            table.add([row.cycle, CycleCommands.measured(comparison.current, comparison.kind, places, withCycle: false),
                       comparison.current.flatMap { $0.suppressed ? nil : $0.summary.n }.map(String.init) ?? "",
                       CycleCommands.number(comparison.change, places, signed: true), CycleCommands.comparedWith(comparison),
                       CycleCommands.verdict(comparison.verdict), comparison.change == nil ? "" : CycleCommands.noise(comparison.noise)])
        }
        table.render().forEach { output.line("  " + $0) }
    }

    private static func item(_ ref: String, _ roadmap: RoadmapFile, into output: inout Output) throws {
        let trace = try roadmap.trace(.item, ref)
        let expected = trace.sections.first { $0.key == "metrics" }?.records ?? []
        let observed = try roadmap.itemMetricEffects(ref)
        let decimals = try roadmap.metricDecimals()
        output.line()
        output.line(t("Effect op de meeteenheden:", "Effect on the metrics:"))
        if expected.isEmpty {
            output.line(t("  geen meeteenheid gekoppeld; zeg wat het moet verbeteren met 'item link \(trace.record.ref) --metric ...'",
                          "  no metric linked; say what it should move with 'item link \(trace.record.ref) --metric ...'"))
        }
        for metric in expected {
            let places = decimals[metric.ref] ?? 2
            let wanted = metric.expectedChange.map { t("verwacht ", "expected ") + localNumber($0, decimals: places, signed: true) }
                ?? t("geen verwachting vastgelegd", "no expected change recorded")
            let seen = observed.filter { $0.effect.metric == metric.ref }.map { found in
                (found.effect.observed.map { t("gemeten ", "observed ") + localNumber($0, decimals: places, signed: true, fixed: true) }
                    ?? language.verdictLabel(.notMeasured)) + t(" in ", " in ") + found.cycle
            }
            let status = trace.record[.status].string
            let after = seen.isEmpty
                ? (status == "done" ? t("nog niet gemeten in de cyclus waarin het klaar was", "not yet measured in the cycle it was done in")
                                    : t("nog niet klaar, dus nog niets gemeten", "not done yet, so nothing measured"))
                : seen.joined(separator: ", ")
            output.line("  \(metric.ref): \(wanted); \(after)")
        }
        let contacts = try roadmap.itemVolumeEffects(item: trace.record.ref)
        if !contacts.isEmpty {
            output.line(t("Effect op contacten, los van trend en seizoen:", "Effect on contacts, beyond trend and season:"))
            for effect in contacts { ItemEffectCommands.describe(effect, into: &output, indent: "  ") }
        }
    }
}
