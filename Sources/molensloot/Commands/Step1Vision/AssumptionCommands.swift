import SixSteps

/// Steps 1 and 2: what the organisation assumes about its residents, and whether the data bears it out.
enum AssumptionCommands {
    static let command = Command(
        name: "assumption",
        abstract: t("aannames over inwoners, elk met de toets die laat zien of ze kloppen.", "assumptions about residents, each with the test that confirms or refutes it."),
        subcommands: [RecordCommands.add(.assumption), list, show, RecordCommands.edit(.assumption),
                      RecordCommands.remove(.assumption)],
        examples: [
            "molensloot assumption add \"Wie een lantaarnpaal meldt, gebruikt de app\" --test channel-share --channel app "
                + "--reason \"Straatverlichting\" --expect \">= 50\"",
            "molensloot assumption add \"Bijna iedereen is na één contact geholpen\" --test repeat-share --journey mor --expect \"<= 10\"",
            "molensloot assumption add \"Bewoners willen vooral snelheid\" --test insight --insight I4 --verdict refuted",
            "molensloot assumption list",
        ])

    static let list = Command(
        name: "list", abstract: t("Toon de aannames met hun oordeel per cyclus: klopt, klopt niet of nog niet te toetsen.", "List the assumptions with their verdict in every cycle: confirmed, refuted or not testable yet."),
        options: [.json]
    ) { invocation in
        let statuses = try invocation.openRoadmap().assumptionStatuses()
        if invocation.json {
            Output.json(.array(statuses.map { .object($0.json) }))
            return
        }
        var table = TextTable([.init(title: "ID"), .init(title: t("AANNAME", "ASSUMPTION"), flexible: true), .init(title: t("TOETS", "TEST")),
                               .init(title: t("VERWACHT", "EXPECT")), .init(title: t("OORDEEL", "VERDICT")), .init(title: t("GEMETEN", "MEASURED")),
                               .init(title: t("VERLOOP", "HISTORY"), flexible: true)])
        for status in statuses {
            let current = status.current
            table.add([status.record.ref, status.record.title, testField.map { language.valueLabel($0, status.test.rawValue) } ?? status.test.rawValue,
                       status.expectation?.description ?? "", verdict(current), measured(current), history(status.history)])
        }
        var output = Output()
        table.render().forEach { output.line($0) }
        let refuted = statuses.filter { $0.current.verdict == .refuted }.count
        output.line(language.count(statuses.count, .assumption) + (refuted > 0 ? t(", \(refuted) klopt niet", ", \(refuted) refuted") : ""))
        output.flush()
    }

    static let show = Command(
        name: "show", abstract: t("Toon een aanname, de toets en het oordeel na elke cyclus.", "Show an assumption, its test and its verdict after every cycle."),
        arguments: [.init(name: "id", help: t("welke aanname, bijv. H2", "which assumption, e.g. H2"))], options: [.json]
    ) { invocation in
        let status = try invocation.openRoadmap().assumptionStatus(invocation.argument(0) ?? "")
        if invocation.json {
            Output.json(.object(status.json))
            return
        }
        var output = Output()
        let record = status.record
        output.line("\(record.ref)  \(record.title)")
        for field in Kind.assumption.fields where field.key != .title && !record[field.key].isNull {
            output.line("  " + language.fieldLabel(field).padding(14) + RecordCommands.display(record[field.key], field))
        }
        output.line()
        output.line(t("Oordeel: ", "Verdict: ") + "\(verdict(status.current)) — \(note(status.current))")
        if status.current.closeCall, let interval = status.current.interval {
            let range = "\(oneDecimal(interval.lowerBound))–\(oneDecimal(interval.upperBound))"
            output.line(t("  Het scheelt weinig: het 95%-interval \(range) bevat de grens.", "  A close call: the 95% interval \(range) includes the threshold."))
        }
        if status.history.count > 1 || status.history.first?.cycle != nil {
            output.line()
            var table = TextTable([.init(title: t("CYCLUS", "CYCLE")), .init(title: t("OORDEEL", "VERDICT")), .init(title: t("WAAROM", "WHY"), flexible: true)])
            for check in status.history { table.add([check.cycle ?? "", verdict(check), note(check)]) }
            table.render().forEach { output.line($0) }
        }
        output.flush()
    }

    static func verdict(_ check: AssumptionCheck) -> String {
        switch check.verdict {
        case .confirmed, .refuted:
            return language.assumptionVerdictLabel(check.verdict) + (check.closeCall ? t(" (nipt)", " (close)") : "")
        case .notTestable: return language.assumptionVerdictLabel(.notTestable)
        }
    }

    static let testField = Kind.assumption.field(.test)

    /// How the verdict went, cycle by cycle: "C1 klopt → C2 klopt niet".
    static func history(_ checks: [AssumptionCheck]) -> String {
        let cycles = checks.filter { $0.cycle != nil }
        guard cycles.count > 1 else { return "" }
        return cycles.map { "\($0.cycle ?? "") \(verdict($0))" }.joined(separator: " → ")
    }

    /// Why the verdict is what it is. The domain words it in English for the JSON; in Dutch it is
    /// told again from the check's own figures.
    static func note(_ check: AssumptionCheck) -> String {
        guard language == .nl else { return check.note }
        if let value = check.value {
            return "gemeten \(oneDecimal(value))\(check.unit)" + (check.n.map { " (n = \($0))" } ?? "")
        }
        switch check.verdict {
        case .notTestable: return check.cycle == nil ? "nog geen cyclus of nog geen oordeel over het inzicht" : "niet te toetsen in \(check.cycle ?? ""): geen meting, of te weinig antwoorden"
        case .confirmed, .refuted: return "beoordeeld op het inzicht"
        }
    }

    static func measured(_ check: AssumptionCheck) -> String {
        guard let value = check.value else { return "" }
        return oneDecimal(value) + check.unit + (check.cycle.map { t(" in ", " in ") + $0 } ?? "")
    }
}

func oneDecimal(_ value: Double) -> String { localNumber((value * 10).rounded() / 10, decimals: 1) }

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(1, width - count)) }
}
