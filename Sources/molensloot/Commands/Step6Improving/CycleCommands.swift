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
        name: "cycle", abstract: t("verbetercycli: open er een, meet, sluit af met een terugblik, rapporteer.", "improvement cycles: open one, measure, close it with a retrospective, report."),
        subcommands: [open, close, RecordCommands.list(.cycle), show, report])

    static let open = Command(
        name: "open", abstract: t("Open een nieuwe cyclus; er kan er maar één tegelijk open zijn.", "Open a new cycle; only one can be open at a time."),
        arguments: [.init(name: t("naam", "name"), help: t("bijv. \"Voorjaar 2014\"", "e.g. \"Voorjaar 2014\""))],
        options: [.init(name: "start", value: t("jjjj-mm-dd", "yyyy-mm-dd"), help: t("eerste dag (standaard: vandaag)", "first day (default: today)")),
                  .init(name: "end", value: t("jjjj-mm-dd", "yyyy-mm-dd"), help: t("geplande laatste dag", "planned last day"))],
        examples: ["molensloot cycle open \"Voorjaar 2014\" --start 2014-03-01 --end 2014-06-30"]
    ) { invocation in
        let cycle = try invocation.openRoadmap().openCycle(name: invocation.argument(0) ?? "", start: invocation.value("start"),
                                                          end: invocation.value("end"))
        Output.print(t("cyclus \(cycle.label) geopend; meet met 'molensloot measure MEETEENHEID WAARDE'", "opened cycle \(cycle.label); measure with 'molensloot measure METRIC VALUE'"))
    }

    static let close = Command(
        name: "close", abstract: t("Sluit de open cyclus met een terugblik; de metingen liggen daarna vast.", "Close the open cycle with a retrospective note; its measurements are then frozen."),
        arguments: [.init(name: t("cyclus", "cycle"), help: t("welke cyclus (standaard: de open cyclus)", "which cycle (default: the open one)"), isOptional: true)],
        options: [.init(name: "note", value: t("tekst", "text"), help: t("de terugblik (wordt gevraagd als u in een terminal typt)", "the retrospective note (asked for when typing at a terminal)")),
                  .init(name: "end", value: t("jjjj-mm-dd", "yyyy-mm-dd"), help: t("de laatste dag (standaard: het geplande einde, anders vandaag)", "the last day (default: its planned end, else today)"))],
        examples: ["molensloot cycle close --note \"Statusberichten werken; wachttijden telefoon nog te lang\""]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        var note = invocation.value("note")
        if note == nil && isatty(0) == 1 { note = askForNote() }
        let cycle = try roadmap.closeCycle(invocation.argument(0), note: note, end: invocation.value("end"))
        Output.print(t("cyclus \(cycle.label) gesloten; zie 'molensloot cycle report \(cycle.ref)'", "closed cycle \(cycle.label); see 'molensloot cycle report \(cycle.ref)'"))
    }

    /// Reads lines until an empty one: a retrospective is a few sentences, typed at the prompt.
    private static func askForNote() -> String? {
        Output.print(t("Terugblik (wat werkte, wat moet anders); sluit af met een lege regel:", "Retrospective note (what worked, what to change); end with an empty line:"))
        var lines: [String] = []
        while let line = readLine(), !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    static let show = Command(
        name: "show", abstract: t("Toon een cyclus en de metingen erin.", "Show a cycle and its measurements."),
        arguments: [.init(name: "id", help: t("welke cyclus, bijv. C2", "which cycle, e.g. C2"))], options: [.json]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        let (cycle, measurements, suppressed) = try roadmap.read { () throws -> (Record, [Record], Set<SQLValue>) in
            let cycle = try roadmap.record(.cycle, invocation.argument(0) ?? "")
            let measurements = try roadmap.records(.measurement, filter: [.cycle: cycle.key])
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
        name: "report", abstract: t("Voor en na: elke meeteenheid tegen nulmeting, vorige cyclus en doel; het effect van de afgeronde items.", "Before and after: every metric against baseline, previous cycle and target; the effect of the items done."),
        arguments: [.init(name: t("cyclus", "cycle"), help: t("welke cyclus (standaard: de open cyclus, anders de laatste)", "which cycle (default: the open one, else the last)"), isOptional: true)],
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
        let dates = [cycle[.startDate].string, cycle[.endDate].string].compactMap { $0 }.map(localDate).joined(separator: t(" tot ", " to "))
        output.line("\(cycle.label), \(Kind.cycle.field(.status).map { language.valueLabel($0, cycle[.status].string ?? "") } ?? "")" + (dates.isEmpty ? "" : ", \(dates)"))
        output.line(report.previous.map { t("vergeleken met de cyclus ervoor: ", "compared with the cycle before: ") + $0.label }
                    ?? t("de eerste cyclus: vergeleken met de nulmetingen", "the first cycle: compared with the baselines"))
        if let note = cycle[.note].string { output.line(t("terugblik: ", "retrospective: ") + note.singleLine) }
        output.line()
        var table = TextTable([.init(title: t("MEETEENHEID", "METRIC"), flexible: true), .init(title: t("NUL", "BASE"), alignRight: true),
                               .init(title: t("VOOR", "BEFORE"), alignRight: true), .init(title: t("NU", "NOW"), alignRight: true),
                               .init(title: t("VERSCHIL", "CHANGE"), alignRight: true), .init(title: t("OORDEEL", "VERDICT")), .init(title: t("T.O.V.", "VS")), .init(title: "P"),
                               .init(title: t("DOEL", "TARGET"), alignRight: true), .init(title: t("VOORTGANG", "PROGRESS"), alignRight: true)])
        for row in report.comparisons {
            let places = decimals[row.slug] ?? 2
            table.add([row.slug, number(row.baseline, places), measured(row.previous, row.kind, places, withCycle: true),
                       measured(row.current, row.kind, places, withCycle: false), number(row.change, places, signed: true),
                       verdict(row.verdict), comparedWith(row), row.change == nil ? "" : noise(row.noise),
                       number(row.target, places), row.progress.map { localNumber($0 * 100, decimals: 0) + "%" } ?? ""])
        }
        table.render().forEach { output.line($0) }
        output.line(t("verbeterd/verslechterd: groter dan toeval (p < 0,05); geen oordeel: aantal of spreiding onbekend; T.O.V.: vergeleken met",
                      "improved/worse: beyond noise (p < 0.05); no verdict: n or spread unknown; VS: compared with"))
        // Each kind has its own interval: Student's t for a mean, Wilson for a share, normal for an NPS.
        for row in report.comparisons {
            guard let interval = row.interval else { continue }
            let places = decimals[row.slug] ?? 2
            output.line("  \(row.slug) (\(language.metricKindLabel(row.kind))): " + t("95%-interval ", "95% interval ")
                        + value(interval.lowerBound, row.kind, places) + t(" tot ", " to ") + value(interval.upperBound, row.kind, places))
        }
        output.line()
        if report.effects.isEmpty {
            output.line(t("In deze cyclus is geen roadmap-item met een meeteenheid afgerond.", "No roadmap item with a metric was done in this cycle."))
        } else {
            output.line(t("Effect van de roadmap-items die in deze cyclus klaar zijn:", "Effect of the roadmap items done in this cycle:"))
            var effects = TextTable([.init(title: "ITEM"), .init(title: t("TITEL", "TITLE"), flexible: true), .init(title: t("MEETEENHEID", "METRIC")),
                                     .init(title: t("VERWACHT", "EXPECTED"), alignRight: true), .init(title: t("GEMETEN", "OBSERVED"), alignRight: true)])
            for effect in report.effects {
                let places = decimals[effect.metric] ?? 2
                effects.add([effect.item.ref, effect.item.title, effect.metric, number(effect.expected, places, signed: true),
                             effect.observed.map { localNumber($0, decimals: places, signed: true, fixed: true) } ?? language.verdictLabel(.notMeasured)])
            }
            effects.render().forEach { output.line("  " + $0) }
        }
        if !contactEffects.isEmpty {
            output.line(t("Effect op contacten, los van trend en seizoen, van de items die in deze cyclus klaar zijn:", "Effect on contacts, beyond trend and season, of the items done in this cycle:"))
            for effect in contactEffects { ItemEffectCommands.describe(effect, into: &output, indent: "  ") }
        }
        StatusCommand.printAttention(report.attention, into: &output)
        output.flush()
    }

    static func number(_ value: Double?, _ decimals: Int, signed: Bool = false) -> String {
        value.map { localNumber($0, decimals: decimals, signed: signed, fixed: true) } ?? ""
    }

    static func measured(_ measured: Measured?, _ kind: MetricKind, _ decimals: Int, withCycle: Bool) -> String {
        guard let measured else { return "" }
        if measured.suppressed { return language.verdictLabel(.suppressed) }
        return value(measured.summary.mean, kind, decimals) + (withCycle ? " (\(measured.cycle))" : "")
    }

    /// A value as its kind is read, to the metric's precision: an NPS signed (+12), a share in %
    /// (72%), a mean as it is.
    static func value(_ value: Double, _ kind: MetricKind, _ decimals: Int) -> String {
        switch kind {
        case .nps: return localNumber(value, decimals: decimals, signed: true, fixed: true)
        case .csat, .fcr, .onTime: return localNumber(value, decimals: decimals, fixed: true) + "%"
        case .mean, .ces, .leadTime: return localNumber(value, decimals: decimals, fixed: true)
        }
    }

    /// The verdict in words; the JSON has the same verdict as a key.
    static func verdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .noVerdictPossible: return t("geen oordeel", "no verdict")
        default: return language.verdictLabel(verdict)
        }
    }

    /// What the verdict compares with: "C3", "baseline".
    static func comparedWith(_ row: MetricComparison) -> String {
        guard row.verdict != .notMeasured && row.verdict != .suppressed else { return "" }
        switch row.comparedWith {
        case .previous(let cycle): return cycle
        case .baseline: return t("nulmeting", "baseline")
        case .nothing: return ""
        }
    }

    static func noise(_ verdict: NoiseVerdict) -> String {
        switch verdict {
        case .significant(let p), .withinNoise(let p): return pValueText(p, decimalComma: language == .nl)
        case .unknown: return t("n/sd onbekend", "n/sd unknown")
        }
    }
}
