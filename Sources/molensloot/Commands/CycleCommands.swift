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
                               .init(title: "CHANGE", alignRight: true), .init(title: "VERDICT"), .init(title: "NOISE"),
                               .init(title: "TARGET", alignRight: true), .init(title: "PROGRESS", alignRight: true)])
        for row in report.comparisons {
            let kind = row.kind
            table.add([row.slug, number(row.baseline), measured(row.previous, kind, withCycle: true), measured(row.current, kind, withCycle: false),
                       number(row.change, signed: true), row.verdict.rawValue.replacingUnderscores, noise(row.noise),
                       number(row.target), row.progress.map { "\(Int(($0 * 100).rounded()))%" } ?? ""])
        }
        table.render().forEach { output.line($0) }
        // Each kind has its own interval: Student's t for a mean, Wilson for a share, normal for an NPS.
        for row in report.comparisons {
            guard let interval = row.interval else { continue }
            output.line("  \(row.slug) (\(row.kind.unitDescription)): 95% interval "
                        + value(interval.lowerBound, row.kind) + " to " + value(interval.upperBound, row.kind))
        }
        output.line()
        if report.effects.isEmpty {
            output.line("No roadmap item with a metric was done in this cycle.")
        } else {
            output.line("Effect of the roadmap items done in this cycle:")
            var effects = TextTable([.init(title: "ITEM"), .init(title: "TITLE", flexible: true), .init(title: "METRIC"),
                                     .init(title: "EXPECTED", alignRight: true), .init(title: "OBSERVED", alignRight: true)])
            for effect in report.effects {
                effects.add([effect.item.ref, effect.item.title, effect.metric, number(effect.expected, signed: true),
                             effect.observed.map { formatNumber($0, signed: true) } ?? "not measured"])
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

    static func number(_ value: Double?, signed: Bool = false) -> String {
        value.map { formatNumber($0, signed: signed) } ?? ""
    }

    static func measured(_ measured: Measured?, _ kind: MetricKind, withCycle: Bool) -> String {
        guard let measured else { return "" }
        if measured.suppressed { return "suppressed" }
        return value(measured.summary.mean, kind) + (withCycle ? " (\(measured.cycle))" : "")
    }

    /// A value as its kind is read: an NPS signed (+12), a share in % (72.5%), a mean as it is.
    static func value(_ value: Double, _ kind: MetricKind) -> String {
        switch kind {
        case .nps: return formatNumber(value, signed: true, decimals: 0)
        case .csat, .fcr, .onTime: return formatNumber(value, decimals: 1) + "%"
        case .mean, .ces: return formatNumber(value)
        }
    }

    static func noise(_ verdict: NoiseVerdict) -> String {
        switch verdict {
        case .significant(let p): return "beyond noise (p \(formatNumber(p, decimals: 3)))"
        case .withinNoise(let p): return "within noise (p \(formatNumber(p, decimals: 2)))"
        case .unknown: return "n/sd unknown"
        }
    }
}
