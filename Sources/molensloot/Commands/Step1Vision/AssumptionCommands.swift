import SixSteps

/// Steps 1 and 2: what the organisation assumes about its residents, and whether the data bears it out.
enum AssumptionCommands {
    static let command = Command(
        name: "assumption",
        abstract: "Steps 1–2: assumptions about residents, each with the test that confirms or refutes it.",
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
        name: "list", abstract: "List the assumptions with their verdict: confirmed, refuted or not testable yet.",
        options: [.json]
    ) { invocation in
        let statuses = try invocation.openRoadmap().assumptionStatuses()
        if invocation.json {
            Output.json(.array(statuses.map { .object($0.json) }))
            return
        }
        var table = TextTable([.init(title: "ID"), .init(title: "ASSUMPTION", flexible: true), .init(title: "TEST"),
                               .init(title: "EXPECT"), .init(title: "VERDICT"), .init(title: "MEASURED")])
        for status in statuses {
            let current = status.current
            table.add([status.record.ref, status.record.title, status.test.rawValue, status.expectation?.description ?? "",
                       verdict(current), measured(current)])
        }
        var output = Output()
        table.render().forEach { output.line($0) }
        let refuted = statuses.filter { $0.current.verdict == .refuted }.count
        output.line("\(statuses.count) \(statuses.count == 1 ? "assumption" : "assumptions")"
                    + (refuted > 0 ? ", \(refuted) refuted" : ""))
        output.flush()
    }

    static let show = Command(
        name: "show", abstract: "Show an assumption, its test and its verdict after every cycle.",
        arguments: [.init(name: "id", help: "which assumption, e.g. H2")], options: [.json]
    ) { invocation in
        let status = try invocation.openRoadmap().assumptionStatus(invocation.argument(0) ?? "")
        if invocation.json {
            Output.json(.object(status.json))
            return
        }
        var output = Output()
        let record = status.record
        output.line("\(record.ref)  \(record.title)")
        for field in Kind.assumption.fields where field.name != "title" && !record[field.name].isNull {
            output.line("  " + field.name.padding(12) + RecordCommands.display(record[field.name], field))
        }
        output.line()
        output.line("Verdict: \(verdict(status.current)) — \(status.current.note)")
        if status.current.closeCall, let interval = status.current.interval {
            output.line("  A close call: the 95% interval \(oneDecimal(interval.lowerBound))–"
                        + "\(oneDecimal(interval.upperBound)) includes the threshold.")
        }
        if status.history.count > 1 || status.history.first?.cycle != nil {
            output.line()
            var table = TextTable([.init(title: "CYCLE"), .init(title: "VERDICT"), .init(title: "WHY", flexible: true)])
            for check in status.history { table.add([check.cycle ?? "", verdict(check), check.note]) }
            table.render().forEach { output.line($0) }
        }
        output.flush()
    }

    static func verdict(_ check: AssumptionCheck) -> String {
        switch check.verdict {
        case .confirmed: return check.closeCall ? "confirmed (close)" : "confirmed"
        case .refuted: return check.closeCall ? "refuted (close)" : "refuted"
        case .notTestable: return "not testable yet"
        }
    }

    static func measured(_ check: AssumptionCheck) -> String {
        guard let value = check.value else { return "" }
        return oneDecimal(value) + check.unit + (check.cycle.map { " in \($0)" } ?? "")
    }
}

func oneDecimal(_ value: Double) -> String { formatNumber((value * 10).rounded() / 10) }

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(1, width - count)) }
}
