import SixSteps

/// Step 2: contact volumes per channel and contact reason, over time.
enum VolumeCommands {
    static let command = Command(
        name: "volume", abstract: "Step 2: channel volumes: import counts or contact registrations; the channel mix over time.",
        subcommands: [importFile, mix, repeats, window, ForecastCommands.forecast])

    static let columns = ["period", "date", "channel", "reason", "count", "case", "journey", "resolved"]

    static let importFile = Command(
        name: "import",
        abstract: "Import counts (period, channel, reason, count), one row per contact (date, channel, reason), "
            + "or contact registrations (date and time, channel, reason, case, journey); case keys are hashed, never stored.",
        arguments: [.init(name: "file", help: "a CSV file, comma or semicolon separated, or a KCC system's JSON export")],
        options: [ImportOptions.map(columns),
                  .init(name: "format", value: "format",
                        help: "for JSON: " + RegistrationFormat.names.joined(separator: ", ") + " (default: told from the file)"),
                  ImportOptions.dryRun],
        examples: ["molensloot volume import kcc-2014.csv",
                   "molensloot volume import contacten.csv --dry-run",
                   "molensloot volume import klantcontacten.json",
                   "molensloot volume import registraties.csv --map case=dossier --map date=aangemaakt"]
    ) { invocation in
        let path = invocation.argument(0) ?? ""
        if RegistrationCommands.isJSON(path) {
            try RegistrationCommands.importJSON(invocation, path: path)
            return
        }
        let document = try ImportOptions.read(path)
        let result = try invocation.openRoadmap().importVolumes(document, path: path,
                                                               rename: try ImportOptions.renames(invocation, columns: columns),
                                                               dryRun: invocation.flag("dry-run"),
                                                               key: { try PseudonymKey.load(path: invocation.keyFilePath) })
        let verb = invocation.flag("dry-run") ? "dry run: would import " : "imported "
        if let new = result.newContacts {
            Output.print(verb + "\(result.contacts) contact registrations (\(new) new; the case keys are stored only as hashes) "
                         + "and \(result.rows) counts for " + periodRange(result.periods))
        } else {
            Output.print(verb + "\(result.contacts) contacts in \(result.rows) counts for " + result.periods.joined(separator: ", "))
        }
    }

    static let mix = Command(
        name: "mix", abstract: "Show the channel mix and the top contact reasons per month.",
        options: [.init(name: "top", value: "n", help: "how many contact reasons per month (default 5)"), .json]
    ) { invocation in
        var top = 5
        if let text = invocation.value("top") {
            guard let value = Int(text), value >= 1 else { throw UsageError(description: "--top '\(text)' is not valid: expected a whole number of at least 1") }
            top = value
        }
        let roadmap = try invocation.openRoadmap()
        let mixes = try roadmap.channelMix(topReasons: top)
        if invocation.json {
            Output.json(.array(mixes.map { .object($0.json) }))
            return
        }
        var output = Output()
        if mixes.isEmpty { output.line("no volumes yet; import them with 'molensloot volume import FILE.csv'") }
        for mix in mixes {
            output.line("\(mix.period): \(mix.total) contacts")
            let channels = mix.channels.map { "\($0.channel) \(Int((mix.share($0.count) * 100).rounded()))%" }.joined(separator: ", ")
            output.line("  channels: \(channels)")
            if !mix.reasons.isEmpty {
                output.line("  top reasons: " + mix.reasons.map { "\($0.reason) (\($0.count))" }.joined(separator: ", "))
            }
        }
        output.flush()
    }

    static let repeats = Command(
        name: "repeats",
        abstract: "Repeat contacts and channel switches per cycle, journey, reason and month, from contact registrations.",
        options: [.json]
    ) { invocation in
        let report = try invocation.openRoadmap().contactReport()
        if invocation.json {
            Output.json(.object(report.json))
            return
        }
        var output = Output()
        guard !report.isEmpty else {
            output.line("no contact registrations yet; import them with 'molensloot volume import FILE.csv' "
                        + "(columns date, channel, reason, case, journey)")
            output.flush()
            return
        }
        output.line("\(report.contacts) contacts; a case is one key's contacts within \(report.windowDays) days of its first; "
                    + "groups of fewer than \(report.threshold) cases are suppressed")
        for cycle in report.cycles {
            output.line()
            output.line("\(cycle.cycle) \(cycle.name): " + summary(cycle.overall)
                        + (cycle.change.map { change in
                            "; repeat share \(signedPoints(change.points)) since \(change.since)"
                                + (change.noise.isSignificant ? " (larger than noise)" : " (could be noise)")
                        } ?? ""))
            var table = TextTable([.init(title: "JOURNEY / REASON", flexible: true), .init(title: "CASES", alignRight: true),
                                   .init(title: "REPEAT", alignRight: true), .init(title: "SWITCH", alignRight: true)])
            for group in cycle.journeys { table.add(row(group, label: "journey " + group.label)) }
            for group in cycle.reasons.prefix(8) { table.add(row(group, label: group.label)) }
            table.render().forEach { output.line("  " + $0) }
            if !cycle.flows.isEmpty {
                output.line("  channel switches (first → second contact, second → third):")
                for flow in cycle.flows where flow.from != flow.to {
                    output.line("    \(flow.step == 1 ? "1→2" : "2→3")  \(flow.from) → \(flow.to)  \(flow.cases) cases")
                }
            }
            if cycle.hiddenFlowCases > 0 {
                output.line("  \(cycle.hiddenFlowCases) cases in flows that are suppressed (below the threshold, or so that one cannot be worked out) are not shown")
            }
        }
        output.line()
        var months = TextTable([.init(title: "MONTH"), .init(title: "CASES", alignRight: true), .init(title: "REPEAT", alignRight: true),
                                .init(title: "SWITCH", alignRight: true)])
        for period in report.periods { months.add(row(period.overall, label: period.period)) }
        months.render().forEach { output.line($0) }
        output.flush()
    }

    static let window = Command(
        name: "window", abstract: "Show or set how many days after a first contact count as the same case (default 30).",
        arguments: [.init(name: "days", help: "the new window, 1 to 366 days", isOptional: true)]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        if let text = invocation.argument(0) {
            guard let value = Int(text) else {
                throw UsageError(description: "'\(text)' is not valid: expected a whole number of days from 1 to 366")
            }
            try roadmap.setRepeatWindowDays(value)
        }
        Output.print("contacts within \(try roadmap.repeatWindowDays()) days of a case's first contact count as the same case")
    }

    static func summary(_ group: ContactGroup) -> String {
        guard let figures = group.figures else { return "suppressed: fewer cases than the privacy threshold" }
        return "\(figures.cases) cases, \(percent(figures.repeatShare)) needed more than one contact, "
            + "\(percent(figures.switchShare)) switched channel"
    }

    static func row(_ group: ContactGroup, label: String) -> [String] {
        guard let figures = group.figures else { return [label, "suppressed", "", ""] }
        return [label, String(figures.cases), percent(figures.repeatShare), percent(figures.switchShare)]
    }

    static func percent(_ share: SampleSummary?) -> String {
        share.map { oneDecimal($0.mean) + "%" } ?? ""
    }

    static func signedPoints(_ points: Double) -> String {
        (points >= 0 ? "+" : "") + oneDecimal(points) + " points"
    }

    static func periodRange(_ periods: [String]) -> String {
        guard let first = periods.first, let last = periods.last else { return "no months" }
        return first == last ? first : "\(first) to \(last)"
    }
}
