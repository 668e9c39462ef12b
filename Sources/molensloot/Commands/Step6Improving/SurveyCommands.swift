import SixSteps

/// Step 6: raw resident survey responses, the measurements computed from them, and privacy.
enum SurveyCommands {
    static let command = Command(
        name: "survey", abstract: "Step 6: import resident survey responses; results, comments and privacy.",
        subcommands: [importFile, results, comments, quote, threshold])

    static let importFile = Command(
        name: "import", abstract: "Import responses (date, journey, phase, channel, persona, score, comment) for one metric.",
        arguments: [.init(name: "file", help: "a CSV file, comma or semicolon separated, decimal comma allowed")],
        options: [.init(name: "metric", value: "metric", help: "the metric the scores measure (required)"),
                  .init(name: "cycle", value: "id", help: "the cycle (default: the one whose dates hold the responses)"),
                  .flag("replace", "replace the responses the cycle already has for this metric"),
                  .flag("append", "add to the responses the cycle already has for this metric"),
                  .flag("skip-others", "leave out responses dated in another cycle or in none"),
                  ImportOptions.map(RoadmapFile.surveyColumns), ImportOptions.dryRun],
        examples: ["molensloot survey import enquete-voorjaar.csv --metric tevredenheid-mor --dry-run",
                   "molensloot survey import enquete-voorjaar.csv --metric tevredenheid-mor",
                   "molensloot survey import export.csv --metric tevredenheid-mor --map score=vraag3 --replace"]
    ) { invocation in
        guard let metric = invocation.value("metric") else {
            throw UsageError(description: "'molensloot survey import' needs --metric METRIC: the metric the scores measure")
        }
        if invocation.flag("replace") && invocation.flag("append") {
            throw UsageError(description: "--replace and --append exclude each other: replace the cycle's responses or add to them")
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
        var lines = [(dryRun ? "dry run: would import " : "imported ")
                     + "\(result.responses) responses for \(result.metric) into \(result.cycle) \"\(result.cycleName)\""
                     + (result.replaced > 0 ? ", replacing its \(result.replaced) earlier responses" : "")
                     + (result.kept > 0 ? ", adding to its \(result.kept) earlier responses" : "")]
        lines.append("  rows read: \(result.rowsRead); imported: \(result.responses); skipped: \(result.skipped)")
        if !result.nonResponses.isEmpty {
            lines.append("  skipped as no answer: " + result.nonResponses.map { "\($0.answer) \($0.count)" }.joined(separator: ", "))
        }
        if result.otherCycles > 0 { lines.append("  skipped as dated in another cycle or in none: \(result.otherCycles)") }
        lines.append("  dates: " + (result.dates.map { "\($0.lowerBound) to \($0.upperBound)" } ?? "none in the file"))
        if !result.ignoredColumns.isEmpty { lines.append("  columns not read: " + result.ignoredColumns.joined(separator: ", ")) }
        let summary = result.measurement
        let value: String
        if result.suppressed {
            value = "fewer respondents than the privacy threshold, so the result is shown as suppressed"
        } else {
            switch result.kind {
            case .mean, .ces:
                value = "mean \(formatNumber(summary.mean)), sd \(summary.sd.map { formatNumber($0) } ?? "–"), n \(summary.n ?? 0)"
            case .nps:
                value = "NPS \(formatNumber(summary.mean, signed: true, decimals: 1)), n \(summary.n ?? 0)"
            case .csat, .fcr, .onTime:
                value = "\(result.kind.unitDescription) \(formatNumber(summary.mean))%, n \(summary.n ?? 0)"
            case .leadTime:
                value = "median \(formatNumber(summary.mean)) days, n \(summary.n ?? 0)"
            }
        }
        lines.append("  result: " + value)
        return lines
    }

    static let results = Command(
        name: "results", abstract: "Show a metric's survey results: distribution and per phase, channel and persona.",
        arguments: [.init(name: "metric", help: "the metric's slug")],
        options: [.init(name: "cycle", value: "id", help: "the cycle (default: the last one with responses)"), .json]
    ) { invocation in
        let results = try invocation.openRoadmap().surveyResults(metric: invocation.argument(0) ?? "", cycle: invocation.value("cycle"))
        if invocation.json {
            Output.json(.object(results.json))
            return
        }
        var output = Output()
        output.line("\(results.metric) in \(results.cycle): " + describe(results.overall))
        if !results.distribution.isEmpty {
            output.line()
            let largest = results.distribution.map(\.count).max() ?? 1
            for entry in results.distribution {
                let bar = String(repeating: "█", count: max(1, entry.count * 40 / max(largest, 1)))
                output.line("  " + formatNumber(entry.score).leftPadded(to: 5) + "  " + bar + " \(entry.count)")
            }
        }
        if results.otherScores > 0 {
            output.line("  \(results.otherScores) answers with scores given fewer than \(results.threshold) times (or suppressed with them) are not shown by score")
        }
        for (title, groups) in [("PHASE", results.byPhase), ("CHANNEL", results.byChannel), ("PERSONA", results.byPersona)]
        where !groups.isEmpty {
            output.line()
            var table = TextTable([.init(title: title, flexible: true), .init(title: "N", alignRight: true),
                                   .init(title: "MEAN", alignRight: true), .init(title: "SD", alignRight: true)])
            for group in groups {
                // A group suppressed to protect another may be larger than the threshold: no count is shown.
                table.add(group.suppressed ? [group.label, "-", "suppressed", ""]
                          : [group.label, String(group.n), formatNumber(group.summary?.mean ?? 0),
                             group.summary?.sd.map { formatNumber($0) } ?? ""])
            }
            table.render().forEach { output.line($0) }
        }
        output.flush()
    }

    static func describe(_ group: SurveyGroup) -> String {
        guard let summary = group.summary else { return "suppressed: fewer respondents than the privacy threshold" }
        return "mean \(formatNumber(summary.mean)) (n \(group.n), sd \(summary.sd.map { formatNumber($0) } ?? "–"))"
    }

    static let comments = Command(
        name: "comments", abstract: "List residents' comments with their ids, to decide which may be quoted on the site.",
        options: [.init(name: "metric", value: "metric", help: "only this metric"),
                  .init(name: "cycle", value: "id", help: "only this cycle"), .json]
    ) { invocation in
        let comments = try invocation.openRoadmap().surveyComments(metric: invocation.value("metric"), cycle: invocation.value("cycle"))
        if invocation.json {
            Output.json(.array(comments.map { .object($0.json) }))
            return
        }
        var table = TextTable([.init(title: "ID", alignRight: true), .init(title: "CYCLE"), .init(title: "SCORE", alignRight: true),
                               .init(title: "QUOTE"), .init(title: "COMMENT", flexible: true)])
        for comment in comments {
            table.add([String(comment.id), comment.cycle, formatNumber(comment.score), comment.quotable ? "yes" : "", comment.comment])
        }
        var output = Output()
        table.render().forEach { output.line($0) }
        output.line("\(comments.count) comments; only those marked with 'molensloot survey quote ID' reach the site")
        output.flush()
    }

    static let quote = Command(
        name: "quote", abstract: "Mark comments as quotable on the site (or not, with --undo).",
        arguments: [.init(name: "id", help: "comment ids from 'survey comments'", isVariadic: true)],
        options: [.flag("undo", "mark them as not quotable")]
    ) { invocation in
        let ids = try invocation.arguments.map { text -> Int64 in
            guard let id = Int64(text), id > 0 else {
                throw UsageError(description: "'\(text)' is not a comment id; see 'molensloot survey comments'")
            }
            return id
        }
        try invocation.openRoadmap().setQuotable(ids, !invocation.flag("undo"))
        Output.print((invocation.flag("undo") ? "no longer quotable: " : "quotable: ") + invocation.arguments.joined(separator: ", "))
    }

    static let threshold = Command(
        name: "threshold", abstract: "Show or set the smallest group of respondents whose results are shown (default 10).",
        arguments: [.init(name: "respondents", help: "the new threshold", isOptional: true)],
        options: [.flag("allow-small-groups", "confirm a threshold below 5")]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        if let text = invocation.argument(0) {
            guard let value = Int(text), value >= 1 else {
                throw UsageError(description: "'\(text)' is not valid: expected a whole number of respondents of at least 1")
            }
            try roadmap.setPrivacyThreshold(value, allowSmallGroups: invocation.flag("allow-small-groups"))
        }
        Output.print("groups of fewer than \(try roadmap.privacyThreshold()) respondents are suppressed")
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        cellWidth >= width ? self : String(repeating: " ", count: width - cellWidth) + self
    }
}
