import SixSteps

/// Step 2: contact volumes per channel and contact reason, over time.
enum VolumeCommands {
    static let command = Command(
        name: "volume", abstract: t("kanaalvolumes: importeer aantallen of contactregistraties; de kanaalmix door de tijd.", "channel volumes: import counts or contact registrations; the channel mix over time."),
        subcommands: [importFile, mix, repeats, window, ForecastCommands.forecast])

    static let columns = ["period", "date", "channel", "reason", "count", "case", "journey", "resolved"]

    static let importFile = Command(
        name: "import",
        abstract: t("Importeer aantallen (periode, kanaal, reden, aantal), één regel per contact (datum, kanaal, reden), "
              + "of contactregistraties (datum en tijd, kanaal, reden, zaak, klantreis); zaaknummers worden versleuteld, nooit bewaard.",
            "Import counts (period, channel, reason, count), one row per contact (date, channel, reason), "
              + "or contact registrations (date and time, channel, reason, case, journey); case keys are hashed, never stored."),
        arguments: [.init(name: t("bestand", "file"), help: t("een CSV-bestand, met komma's of puntkomma's, of een JSON-export van een KCC-systeem", "a CSV file, comma or semicolon separated, or a KCC system's JSON export"))],
        options: [ImportOptions.map(columns),
                  .init(name: "format", value: t("formaat", "format"),
                        help: t("voor JSON: ", "for JSON: ") + RegistrationFormat.names.joined(separator: ", ") + t(" (standaard: afgeleid uit het bestand)", " (default: told from the file)")),
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
        let verb = invocation.flag("dry-run") ? t("proef: zou importeren: ", "dry run: would import ") : t("geïmporteerd: ", "imported ")
        if let new = result.newContacts {
            Output.print(verb + t("\(result.contacts) contactregistraties (\(new) nieuw; de zaaknummers staan er alleen versleuteld in) "
                                + "en \(result.rows) aantallen voor ", "\(result.contacts) contact registrations (\(new) new; the case keys are stored only as hashes) "
                                + "and \(result.rows) counts for ") + periodRange(result.periods))
        } else {
            Output.print(verb + t("\(result.contacts) contacten in \(result.rows) aantallen voor ", "\(result.contacts) contacts in \(result.rows) counts for ") + result.periods.map(language.month).joined(separator: ", "))
        }
    }

    static let mix = Command(
        name: "mix", abstract: t("Toon de kanaalmix en de belangrijkste contactredenen per maand.", "Show the channel mix and the top contact reasons per month."),
        options: [.init(name: "top", value: "n", help: t("hoeveel contactredenen per maand (standaard 5)", "how many contact reasons per month (default 5)")), .json]
    ) { invocation in
        var top = 5
        if let text = invocation.value("top") {
            guard let value = Int(text), value >= 1 else { throw UsageError(description: t("--top '\(text)' kan niet: verwacht een geheel getal van minstens 1", "--top '\(text)' is not valid: expected a whole number of at least 1")) }
            top = value
        }
        let roadmap = try invocation.openRoadmap()
        let mixes = try roadmap.channelMix(topReasons: top)
        if invocation.json {
            Output.json(.array(mixes.map { .object($0.json) }))
            return
        }
        var output = Output()
        if mixes.isEmpty { output.line(t("nog geen volumes; importeer ze met 'molensloot volume import BESTAND.csv'", "no volumes yet; import them with 'molensloot volume import FILE.csv'")) }
        for mix in mixes {
            output.line("\(language.month(mix.period)): \(mix.total) " + t("contacten", "contacts"))
            let channels = mix.channels.map { "\($0.channel) \(Int((mix.share($0.count) * 100).rounded()))%" }.joined(separator: ", ")
            output.line(t("  kanalen: ", "  channels: ") + channels)
            if !mix.reasons.isEmpty {
                output.line(t("  belangrijkste redenen: ", "  top reasons: ") + mix.reasons.map { "\($0.reason) (\($0.count))" }.joined(separator: ", "))
            }
        }
        output.flush()
    }

    static let repeats = Command(
        name: "repeats",
        abstract: t("Herhaalcontacten en kanaalwisselingen per cyclus, klantreis, reden en maand, uit contactregistraties.", "Repeat contacts and channel switches per cycle, journey, reason and month, from contact registrations."),
        options: [.json]
    ) { invocation in
        let report = try invocation.openRoadmap().contactReport()
        if invocation.json {
            Output.json(.object(report.json))
            return
        }
        var output = Output()
        guard !report.isEmpty else {
            output.line(t("nog geen contactregistraties; importeer ze met 'molensloot volume import BESTAND.csv' (kolommen date, channel, reason, case, journey)",
                          "no contact registrations yet; import them with 'molensloot volume import FILE.csv' (columns date, channel, reason, case, journey)"))
            output.flush()
            return
        }
        output.line(t("\(report.contacts) contacten; een zaak is de contacten van één sleutel binnen \(report.windowDays) dagen na het eerste; "
                      + "groepen van minder dan \(report.threshold) zaken worden afgeschermd",
                    "\(report.contacts) contacts; a case is one key's contacts within \(report.windowDays) days of its first; "
                      + "groups of fewer than \(report.threshold) cases are suppressed"))
        for cycle in report.cycles {
            output.line()
            output.line("\(cycle.cycle) \(cycle.name): " + summary(cycle.overall)
                        + (cycle.change.map { change in
                            t("; aandeel herhaalcontact \(signedPoints(change.points)) sinds \(change.since)", "; repeat share \(signedPoints(change.points)) since \(change.since)")
                                + (change.noise.isSignificant ? t(" (groter dan toeval)", " (larger than noise)") : t(" (kan toeval zijn)", " (could be noise)"))
                        } ?? ""))
            var table = TextTable([.init(title: t("KLANTREIS / REDEN", "JOURNEY / REASON"), flexible: true), .init(title: t("ZAKEN", "CASES"), alignRight: true),
                                   .init(title: t("HERHAALD", "REPEAT"), alignRight: true), .init(title: t("GEWISSELD", "SWITCH"), alignRight: true)])
            for group in cycle.journeys { table.add(row(group, label: t("klantreis ", "journey ") + group.label)) }
            for group in cycle.reasons.prefix(8) { table.add(row(group, label: group.label)) }
            table.render().forEach { output.line("  " + $0) }
            if !cycle.flows.isEmpty {
                output.line(t("  kanaalwisselingen (eerste → tweede contact, tweede → derde):", "  channel switches (first → second contact, second → third):"))
                for flow in cycle.flows where flow.from != flow.to {
                    output.line("    \(flow.step == 1 ? "1→2" : "2→3")  \(flow.from) → \(flow.to)  \(flow.cases) " + t("zaken", "cases"))
                }
            }
            if cycle.hiddenFlowCases > 0 {
                output.line(t("  \(cycle.hiddenFlowCases) zaken in afgeschermde stromen (onder de grens, of zodat er geen uit te rekenen is) staan er niet bij",
                              "  \(cycle.hiddenFlowCases) cases in flows that are suppressed (below the threshold, or so that one cannot be worked out) are not shown"))
            }
        }
        output.line()
        var months = TextTable([.init(title: t("MAAND", "MONTH")), .init(title: t("ZAKEN", "CASES"), alignRight: true), .init(title: t("HERHAALD", "REPEAT"), alignRight: true),
                                .init(title: t("GEWISSELD", "SWITCH"), alignRight: true)])
        for period in report.periods { months.add(row(period.overall, label: language.month(period.period))) }
        months.render().forEach { output.line($0) }
        output.flush()
    }

    static let window = Command(
        name: "window", abstract: t("Toon of kies hoeveel dagen na een eerste contact tot dezelfde zaak horen (standaard 30).", "Show or set how many days after a first contact count as the same case (default 30)."),
        arguments: [.init(name: t("dagen", "days"), help: t("de nieuwe termijn, 1 tot 366 dagen", "the new window, 1 to 366 days"), isOptional: true)]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        if let text = invocation.argument(0) {
            guard let value = Int(text) else {
                throw UsageError(description: t("'\(text)' kan niet: verwacht een geheel aantal dagen van 1 tot 366", "'\(text)' is not valid: expected a whole number of days from 1 to 366"))
            }
            try roadmap.setRepeatWindowDays(value)
        }
        let days = try roadmap.repeatWindowDays()
        Output.print(t("contacten binnen \(days) dagen na het eerste contact van een zaak horen bij dezelfde zaak", "contacts within \(days) days of a case's first contact count as the same case"))
    }

    static func summary(_ group: ContactGroup) -> String {
        guard let figures = group.figures else { return t("afgeschermd: minder zaken dan de privacygrens", "suppressed: fewer cases than the privacy threshold") }
        return t("\(figures.cases) zaken, \(percent(figures.repeatShare)) had meer dan één contact nodig, \(percent(figures.switchShare)) wisselde van kanaal",
                 "\(figures.cases) cases, \(percent(figures.repeatShare)) needed more than one contact, \(percent(figures.switchShare)) switched channel")
    }

    static func row(_ group: ContactGroup, label: String) -> [String] {
        guard let figures = group.figures else { return [label, language.verdictLabel(.suppressed), "", ""] }
        return [label, String(figures.cases), percent(figures.repeatShare), percent(figures.switchShare)]
    }

    static func percent(_ share: SampleSummary?) -> String {
        share.map { oneDecimal($0.mean) + "%" } ?? ""
    }

    static func signedPoints(_ points: Double) -> String {
        (points >= 0 ? "+" : "") + oneDecimal(points) + t(" procentpunt", " points")
    }

    static func periodRange(_ periods: [String]) -> String {
        guard let first = periods.first, let last = periods.last else { return t("geen maanden", "no months") }
        return first == last ? language.month(first) : language.month(first) + t(" tot ", " to ") + language.month(last)
    }
}
