import SixSteps

/// Step 6: raw resident survey responses, the measurements computed from them, and privacy.
enum SurveyCommands {
    static let command = Command(
        name: "survey", abstract: t("importeer enquêteantwoorden van inwoners; uitkomsten, opmerkingen en privacy.", "import resident survey responses; results, comments and privacy."),
        subcommands: [importFile, results, comments, quote, threshold])

    static let importFile = Command(
        name: "import", abstract: t("Importeer antwoorden (datum, klantreis, fase, kanaal, persona, score, opmerking) voor één meeteenheid.", "Import responses (date, journey, phase, channel, persona, score, comment) for one metric."),
        arguments: [.init(name: t("bestand", "file"), help: t("een CSV-bestand, met komma's of puntkomma's, decimale komma mag", "a CSV file, comma or semicolon separated, decimal comma allowed"))],
        options: [.init(name: "metric", value: t("meeteenheid", "metric"), help: t("de meeteenheid die de scores meten (verplicht)", "the metric the scores measure (required)")),
                  .init(name: "cycle", value: "id", help: t("de cyclus (standaard: die waarin de data van de antwoorden vallen)", "the cycle (default: the one whose dates hold the responses)")),
                  .flag("replace", t("vervang de antwoorden die de cyclus al heeft voor deze meeteenheid", "replace the responses the cycle already has for this metric")),
                  .flag("append", t("voeg toe aan de antwoorden die de cyclus al heeft voor deze meeteenheid", "add to the responses the cycle already has for this metric")),
                  .flag("skip-others", t("laat antwoorden uit een andere cyclus of zonder cyclus weg", "leave out responses dated in another cycle or in none")),
                  ImportOptions.map(RoadmapFile.surveyColumns), ImportOptions.dryRun],
        examples: ["molensloot survey import enquete-voorjaar.csv --metric tevredenheid-mor --dry-run",
                   "molensloot survey import enquete-voorjaar.csv --metric tevredenheid-mor",
                   "molensloot survey import export.csv --metric tevredenheid-mor --map score=vraag3 --replace"]
    ) { invocation in
        guard let metric = invocation.value("metric") else {
            throw UsageError(description: t("'molensloot survey import' heeft --metric MEETEENHEID nodig: de meeteenheid die de scores meten", "'molensloot survey import' needs --metric METRIC: the metric the scores measure"))
        }
        if invocation.flag("replace") && invocation.flag("append") {
            throw UsageError(description: t("--replace en --append sluiten elkaar uit: vervang de antwoorden van de cyclus of voeg eraan toe", "--replace and --append exclude each other: replace the cycle's responses or add to them"))
        }
        let rename = try ImportOptions.renames(invocation, columns: RoadmapFile.surveyColumns)
        let path = invocation.argument(0) ?? ""
        let document = try ImportOptions.read(path)
        let options = SurveyImportOptions(existing: invocation.flag("replace") ? .replace : invocation.flag("append") ? .append : .refuse,
                                          skipOthers: invocation.flag("skip-others"))
        let result = try invocation.openRoadmap().importSurvey(document, path: path, metric: metric, cycle: invocation.value("cycle"),
                                                              rename: rename, dryRun: invocation.flag("dry-run"), options: options)
        var output = Output()
        summary(result, dryRun: invocation.flag("dry-run")).forEach { output.line($0) }
        output.flush()
    }

    /// What a manager needs to know of an import, before (dry run) and after: what was read, what
    /// lands where, what was left out and why, and the result.
    static func summary(_ result: SurveyImport, dryRun: Bool) -> [String] {
        var lines = [(dryRun ? t("proef: zou importeren: ", "dry run: would import ") : t("geïmporteerd: ", "imported "))
                     + t("\(result.responses) antwoorden voor \(result.metric) in \(result.cycle) \"\(result.cycleName)\"",
                         "\(result.responses) responses for \(result.metric) into \(result.cycle) \"\(result.cycleName)\"")
                     + (result.replaced > 0 ? t(", in plaats van de \(result.replaced) eerdere antwoorden", ", replacing its \(result.replaced) earlier responses") : "")
                     + (result.kept > 0 ? t(", naast de \(result.kept) eerdere antwoorden", ", adding to its \(result.kept) earlier responses") : "")]
        lines.append(t("  regels gelezen: \(result.rowsRead); geïmporteerd: \(result.responses); overgeslagen: \(result.skipped)",
                       "  rows read: \(result.rowsRead); imported: \(result.responses); skipped: \(result.skipped)"))
        if !result.nonResponses.isEmpty {
            lines.append(t("  overgeslagen als geen antwoord: ", "  skipped as no answer: ") + result.nonResponses.map { "\($0.answer == "empty" ? t("leeg", "empty") : $0.answer) \($0.count)" }.joined(separator: ", "))
        }
        if result.otherCycles > 0 {
            lines.append(t("  overgeslagen omdat ze in een andere cyclus of in geen cyclus vallen: ", "  skipped as dated in another cycle or in none: ") + "\(result.otherCycles)")
        }
        lines.append(t("  data: ", "  dates: ") + (result.dates.map { localDate($0.lowerBound) + t(" tot ", " to ") + localDate($0.upperBound) }
                                                  ?? t("geen in het bestand", "none in the file")))
        if !result.ignoredColumns.isEmpty { lines.append(t("  kolommen niet gelezen: ", "  columns not read: ") + result.ignoredColumns.joined(separator: ", ")) }
        let summary = result.measurement
        let value: String
        if result.suppressed {
            value = t("minder respondenten dan de privacygrens, dus de uitkomst wordt afgeschermd", "fewer respondents than the privacy threshold, so the result is shown as suppressed")
        } else {
            switch result.kind {
            case .mean, .ces:
                value = t("gemiddelde ", "mean ") + "\(localNumber(summary.mean)), sd \(summary.sd.map { localNumber($0) } ?? "–"), n \(summary.n ?? 0)"
            case .nps:
                value = "NPS \(localNumber(summary.mean, decimals: 1, signed: true)), n \(summary.n ?? 0)"
            case .csat, .fcr, .onTime:
                value = "\(language.metricKindLabel(result.kind)) \(localNumber(summary.mean))%, n \(summary.n ?? 0)"
            case .leadTime:
                value = t("mediaan ", "median ") + "\(localNumber(summary.mean)) " + t("dagen", "days") + ", n \(summary.n ?? 0)"
            }
        }
        lines.append(t("  uitkomst: ", "  result: ") + value)
        return lines
    }

    static let results = Command(
        name: "results", abstract: t("Toon de enquête-uitkomsten van een meeteenheid: verdeling en per fase, kanaal en persona.", "Show a metric's survey results: distribution and per phase, channel and persona."),
        arguments: [.init(name: t("meeteenheid", "metric"), help: t("de slug van de meeteenheid", "the metric's slug"))],
        options: [.init(name: "cycle", value: "id", help: t("de cyclus (standaard: de laatste met antwoorden)", "the cycle (default: the last one with responses)")), .json]
    ) { invocation in
        let results = try invocation.openRoadmap().surveyResults(metric: invocation.argument(0) ?? "", cycle: invocation.value("cycle"))
        if invocation.json {
            Output.json(.object(results.json))
            return
        }
        var output = Output()
        output.line("\(results.metric) " + t("in", "in") + " \(results.cycle): " + describe(results.overall))
        if !results.distribution.isEmpty {
            output.line()
            let largest = results.distribution.map(\.count).max() ?? 1
            for entry in results.distribution {
                let bar = String(repeating: "█", count: max(1, entry.count * 40 / max(largest, 1)))
                output.line("  " + localNumber(entry.score).leftPadded(to: 5) + "  " + bar + " \(entry.count)")
            }
        }
        if results.otherScores > 0 {
            output.line(t("  \(results.otherScores) antwoorden met scores die minder dan \(results.threshold) keer gegeven zijn (of samen daarmee afgeschermd) staan niet per score",
                          "  \(results.otherScores) answers with scores given fewer than \(results.threshold) times (or suppressed with them) are not shown by score"))
        }
        for (title, groups) in [(t("FASE", "PHASE"), results.byPhase), (t("KANAAL", "CHANNEL"), results.byChannel), ("PERSONA", results.byPersona)]
        where !groups.isEmpty {
            output.line()
            var table = TextTable([.init(title: title, flexible: true), .init(title: "N", alignRight: true),
                                   .init(title: t("GEMIDDELD", "MEAN"), alignRight: true), .init(title: "SD", alignRight: true)])
            for group in groups {
                // A group suppressed to protect another may be larger than the threshold: no count is shown.
                table.add(group.suppressed ? [group.label, "-", language.verdictLabel(.suppressed), ""]
                          : [group.label, String(group.n), localNumber(group.summary?.mean ?? 0),
                             group.summary?.sd.map { localNumber($0) } ?? ""])
            }
            table.render().forEach { output.line($0) }
        }
        output.flush()
    }

    static func describe(_ group: SurveyGroup) -> String {
        guard let summary = group.summary else { return t("afgeschermd: minder respondenten dan de privacygrens", "suppressed: fewer respondents than the privacy threshold") }
        return t("gemiddelde ", "mean ") + "\(localNumber(summary.mean)) (n \(group.n), sd \(summary.sd.map { localNumber($0) } ?? "–"))"
    }

    static let comments = Command(
        name: "comments", abstract: t("Toon de opmerkingen van inwoners met hun ids, om te kiezen welke op de site geciteerd mogen worden.", "List residents' comments with their ids, to decide which may be quoted on the site."),
        arguments: [.init(name: t("meeteenheid", "metric"), help: t("alleen deze meeteenheid (zoals bij 'survey results')", "only this metric (as with 'survey results')"), isOptional: true)],
        options: [.init(name: "metric", value: t("meeteenheid", "metric"), help: t("hetzelfde als het argument, voor oudere scripts", "the same as the argument, for older scripts")),
                  .init(name: "cycle", value: "id", help: t("alleen deze cyclus", "only this cycle")), .json]
    ) { invocation in
        let metric = invocation.argument(0) ?? invocation.value("metric")
        if let typed = invocation.argument(0), let option = invocation.value("metric"), typed != option {
            throw UsageError(description: t("noem één meeteenheid: '\(typed)' of --metric '\(option)'", "name one metric: '\(typed)' or --metric '\(option)'"))
        }
        let comments = try invocation.openRoadmap().surveyComments(metric: metric, cycle: invocation.value("cycle"))
        if invocation.json {
            Output.json(.array(comments.map { .object($0.json) }))
            return
        }
        var table = TextTable([.init(title: "ID", alignRight: true), .init(title: t("CYCLUS", "CYCLE")), .init(title: "SCORE", alignRight: true),
                               .init(title: t("CITEREN", "QUOTE")), .init(title: t("OPMERKING", "COMMENT"), flexible: true)])
        for comment in comments {
            table.add([String(comment.id), comment.cycle, localNumber(comment.score), comment.quotable ? t("ja", "yes") : "", comment.comment])
        }
        var output = Output()
        table.render().forEach { output.line($0) }
        output.line(t("\(comments.count) opmerkingen; alleen die gemarkeerd met 'molensloot survey quote ID' komen op de site", "\(comments.count) comments; only those marked with 'molensloot survey quote ID' reach the site"))
        output.flush()
    }

    static let quote = Command(
        name: "quote", abstract: t("Markeer opmerkingen als citeerbaar op de site (of niet meer, met --undo).", "Mark comments as quotable on the site (or not, with --undo)."),
        arguments: [.init(name: "id", help: t("ids van opmerkingen uit 'survey comments'", "comment ids from 'survey comments'"), isVariadic: true)],
        options: [.flag("undo", t("markeer ze als niet citeerbaar", "mark them as not quotable"))]
    ) { invocation in
        let ids = try invocation.arguments.map { text -> Int64 in
            guard let id = Int64(text), id > 0 else {
                throw UsageError(description: t("'\(text)' is geen id van een opmerking; zie 'molensloot survey comments'", "'\(text)' is not a comment id; see 'molensloot survey comments'"))
            }
            return id
        }
        try invocation.openRoadmap().setQuotable(ids, !invocation.flag("undo"))
        Output.print((invocation.flag("undo") ? t("niet meer citeerbaar: ", "no longer quotable: ") : t("citeerbaar: ", "quotable: ")) + invocation.arguments.joined(separator: ", "))
    }

    static let threshold = Command(
        name: "threshold", abstract: t("Toon of kies de kleinste groep respondenten waarvan uitkomsten getoond worden (standaard 10).", "Show or set the smallest group of respondents whose results are shown (default 10)."),
        arguments: [.init(name: t("respondenten", "respondents"), help: t("de nieuwe grens", "the new threshold"), isOptional: true)],
        options: [.flag("allow-small-groups", t("bevestig een grens onder 5", "confirm a threshold below 5"))]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        if let text = invocation.argument(0) {
            guard let value = Int(text), value >= 1 else {
                throw UsageError(description: t("'\(text)' kan niet: verwacht een geheel aantal respondenten van minstens 1", "'\(text)' is not valid: expected a whole number of respondents of at least 1"))
            }
            try roadmap.setPrivacyThreshold(value, allowSmallGroups: invocation.flag("allow-small-groups"))
        }
        let smallest = try roadmap.privacyThreshold()
        Output.print(t("groepen van minder dan \(smallest) respondenten worden afgeschermd", "groups of fewer than \(smallest) respondents are suppressed"))
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        cellWidth >= width ? self : String(repeating: " ", count: width - cellWidth) + self
    }
}
