#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SixSteps
import Store

/// Step 6: improvement cycles, and the report of what changed in one.
enum CycleCommands {
    static let command = Command(
        name: "cycle", abstract: "Step 6: improvement cycles: open one, measure, close it with a retrospective, report.",
        subcommands: [open, close, RecordCommands.list(.cycle), show, report])

    static let open = Command(
        name: "open", abstract: "Open a new cycle; only one can be open at a time.",
        arguments: [.init(name: "name", help: "e.g. \"Voorjaar 2014\"")],
        options: [.init(name: "start", value: "yyyy-mm-dd", help: "first day (default: today)"),
                  .init(name: "end", value: "yyyy-mm-dd", help: "planned last day")],
        examples: ["molensloot cycle open \"Voorjaar 2014\" --start 2014-03-01 --end 2014-06-30"]
    ) { invocation in
        let cycle = try invocation.openRoadmap().openCycle(name: invocation.argument(0) ?? "", start: invocation.value("start"),
                                                          end: invocation.value("end"))
        Output.print("opened cycle \(cycle.label); measure with 'molensloot measure METRIC VALUE'")
    }

    static let close = Command(
        name: "close", abstract: "Close the open cycle with a retrospective note; its measurements are then frozen.",
        arguments: [.init(name: "cycle", help: "which cycle (default: the open one)", isOptional: true)],
        options: [.init(name: "note", value: "text", help: "the retrospective note (asked for when typing at a terminal)"),
                  .init(name: "end", value: "yyyy-mm-dd", help: "the last day (default: its planned end, else today)")],
        examples: ["molensloot cycle close --note \"Statusberichten werken; wachttijden telefoon nog te lang\""]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        var note = invocation.value("note")
        if note == nil && isatty(0) == 1 { note = askForNote() }
        let cycle = try roadmap.closeCycle(invocation.argument(0), note: note, end: invocation.value("end"))
        Output.print("closed cycle \(cycle.label); see 'molensloot cycle report \(cycle.ref)'")
    }

    /// Reads lines until an empty one: a retrospective is a few sentences, typed at the prompt.
    private static func askForNote() -> String? {
        Output.print("Retrospective note (what worked, what to change); end with an empty line:")
        var lines: [String] = []
        while let line = readLine(), !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    static let show = Command(
        name: "show", abstract: "Show a cycle and its measurements.",
        arguments: [.init(name: "id", help: "which cycle, e.g. C2")], options: [.json]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        let (cycle, measurements, suppressed) = try roadmap.read { () throws -> (Record, [Record], Set<SQLValue>) in
            let cycle = try roadmap.record(.cycle, invocation.argument(0) ?? "")
            let measurements = try roadmap.records(.measurement, filter: ["cycle": cycle.key])
            return (cycle, measurements, Set(try measurements.filter { try roadmap.isSuppressed($0) }.map(\.key)))
        }
        if invocation.json {
            var object = cycle.json
            object.append("measurements", .array(measurements.map {
                .object(MeasureCommands.json($0, suppressed: suppressed.contains($0.key)))
            }))
            Output.json(.object(object))
            return
        }
        RecordCommands.printTrace(Trace(record: cycle, sections: []))
        Output.print("")
        MeasureCommands.printTable(measurements, suppressed: suppressed)
    }

    static let report = Command(
        name: "report", abstract: "Before and after: every metric against baseline, previous cycle and target; the effect of the items done.",
        arguments: [.init(name: "cycle", help: "which cycle (default: the open one, else the last)", isOptional: true)],
        options: [.json]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        let report = try roadmap.cycleReport(invocation.argument(0))
        let contactEffects = try roadmap.itemVolumeEffects(doneIn: report.cycle)
        let decimals = try roadmap.metricDecimals()
        if invocation.json {
            var object = report.json
            object.append("contact_effects", .array(contactEffects.map { .object($0.json) }))
            Output.json(.object(object))
            return
        }
        var output = Output()
        let cycle = report.cycle
        let dates = [cycle["start_date"].string, cycle["end_date"].string].compactMap { $0 }.joined(separator: " to ")
        output.line("\(cycle.label), \(cycle["status"].string ?? "")" + (dates.isEmpty ? "" : ", \(dates)"))
        output.line(report.previous.map { "compared with the cycle before: \($0.label)" } ?? "the first cycle: compared with the baselines")
        if let note = cycle["note"].string { output.line("retrospective: \(note.singleLine)") }
        output.line()
        var table = TextTable([.init(title: "METRIC", flexible: true), .init(title: "BASE", alignRight: true),
                               .init(title: "BEFORE", alignRight: true), .init(title: "NOW", alignRight: true),
                               .init(title: "CHANGE", alignRight: true), .init(title: "VERDICT"), .init(title: "VS"), .init(title: "P"),
                               .init(title: "TARGET", alignRight: true), .init(title: "PROGRESS", alignRight: true)])
        for row in report.comparisons {
            let places = decimals[row.slug] ?? 2
            table.add([row.slug, number(row.baseline, places), measured(row.previous, row.kind, places, withCycle: true),
                       measured(row.current, row.kind, places, withCycle: false), number(row.change, places, signed: true),
                       verdict(row.verdict), comparedWith(row), row.change == nil ? "" : noise(row.noise),
                       number(row.target, places), row.progress.map { "\(Int(($0 * 100).rounded()))%" } ?? ""])
        }
        table.render().forEach { output.line($0) }
        output.line("improved/worse: beyond noise (p < 0.05); no verdict: n or spread unknown; VS: compared with")
        // Each kind has its own interval: Student's t for a mean, Wilson for a share, normal for an NPS.
        for row in report.comparisons {
            guard let interval = row.interval else { continue }
            let places = decimals[row.slug] ?? 2
            output.line("  \(row.slug) (\(row.kind.unitDescription)): 95% interval "
                        + value(interval.lowerBound, row.kind, places) + " to " + value(interval.upperBound, row.kind, places))
        }
        output.line()
        if report.effects.isEmpty {
            output.line("No roadmap item with a metric was done in this cycle.")
        } else {
            output.line("Effect of the roadmap items done in this cycle:")
            var effects = TextTable([.init(title: "ITEM"), .init(title: "TITLE", flexible: true), .init(title: "METRIC"),
                                     .init(title: "EXPECTED", alignRight: true), .init(title: "OBSERVED", alignRight: true)])
            for effect in report.effects {
                let places = decimals[effect.metric] ?? 2
                effects.add([effect.item.ref, effect.item.title, effect.metric, number(effect.expected, places, signed: true),
                             effect.observed.map { formatNumber($0, signed: true, decimals: places, fixed: true) } ?? "not measured"])
            }
            effects.render().forEach { output.line("  " + $0) }
        }
        if !contactEffects.isEmpty {
            output.line("Effect on contacts, beyond trend and season, of the items done in this cycle:")
            for effect in contactEffects { ItemEffectCommands.describe(effect, into: &output, indent: "  ") }
        }
        StatusCommand.printAttention(report.attention, into: &output)
        output.flush()
    }

    static func number(_ value: Double?, _ decimals: Int, signed: Bool = false) -> String {
        value.map { formatNumber($0, signed: signed, decimals: decimals, fixed: true) } ?? ""
    }

    static func measured(_ measured: Measured?, _ kind: MetricKind, _ decimals: Int, withCycle: Bool) -> String {
        guard let measured else { return "" }
        if measured.suppressed { return "suppressed" }
        return value(measured.summary.mean, kind, decimals) + (withCycle ? " (\(measured.cycle))" : "")
    }

    /// A value as its kind is read, to the metric's precision: an NPS signed (+12), a share in %
    /// (72%), a mean as it is.
    static func value(_ value: Double, _ kind: MetricKind, _ decimals: Int) -> String {
        switch kind {
        case .nps: return formatNumber(value, signed: true, decimals: decimals, fixed: true)
        case .csat, .fcr, .onTime: return formatNumber(value, decimals: decimals, fixed: true) + "%"
        case .mean, .ces, .leadTime: return formatNumber(value, decimals: decimals, fixed: true)
        }
    }

    /// The verdict in words; the JSON has the same verdict as a key.
    static func verdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .noClearChange: return "no clear change"
        case .noVerdictPossible: return "no verdict"
        case .notMeasured: return "not measured"
        case .nothingToCompare: return "nothing to compare"
        default: return verdict.rawValue
        }
    }

    /// What the verdict compares with: "C3", "baseline".
    static func comparedWith(_ row: MetricComparison) -> String {
        guard row.verdict != .notMeasured && row.verdict != .suppressed else { return "" }
        switch row.comparedWith {
        case .previous(let cycle): return cycle
        case .baseline: return "baseline"
        case .nothing: return ""
        }
    }

    static func noise(_ verdict: NoiseVerdict) -> String {
        switch verdict {
        case .significant(let p), .withinNoise(let p): return pValueText(p, decimalComma: false)
        case .unknown: return "n/sd unknown"
        }
    }
}
