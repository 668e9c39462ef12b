import SixSteps

/// The six steps at a glance, and what needs attention.
enum StatusCommand {
    static let command = Command(
        name: "status", abstract: t("Toon de zes stappen: wat elke stap bevat, en wat aandacht vraagt.", "Show the six steps: what each holds, and what needs attention."),
        options: [.json]
    ) { invocation in
        let report = try invocation.openRoadmap().status()
        if invocation.json {
            Output.json(.object(report.json))
            return
        }
        var output = Output()
        if let municipality = report.municipality { output.line(municipality) ; output.line() }
        let marks: [StatusReport.State: String] = [.complete: "[x]", .started: "[~]", .empty: "[ ]"]
        var table = TextTable([.init(title: ""), .init(title: t("STAP", "STEP")), .init(title: t("BEVAT", "HOLDS"), flexible: true)])
        for step in report.steps {
            table.add([marks[step.state] ?? "", "\(step.number) \(language.stepName(step.step))", language.holds(step)])
        }
        table.render().forEach { output.line($0) }
        output.line()
        output.line(t("De keten van bevinding naar meeteenheid:", "The chain from finding to metric:"))
        var chain = TextTable([.init(title: t("WAT", "RECORDS")), .init(title: t("GEKOPPELD AAN", "LINKED TO")), .init(title: t("GEDAAN", "DONE"), alignRight: true)])
        for link in report.chain {
            let words = language.chainLink(link.key)
            chain.add([words.records, words.linkedTo, t("\(link.linked) van \(link.total)", "\(link.linked) of \(link.total)")])
        }
        chain.render().forEach { output.line("  " + $0) }
        let tested = [AssumptionVerdict.confirmed, .refuted, .notTestable].map { report.assumptions[$0] ?? [] }
        if tested.contains(where: { !$0.isEmpty }) {
            output.line()
            output.line(t("Aannames: \(tested[0].count) \(tested[0].count == 1 ? "klopt" : "kloppen"), \(tested[1].count) \(tested[1].count == 1 ? "klopt" : "kloppen") niet", "Assumptions: \(tested[0].count) confirmed, \(tested[1].count) refuted")
                        + (tested[1].isEmpty ? "" : " (" + tested[1].joined(separator: " ") + ")")
                        + t(", \(tested[2].count) nog niet te toetsen", ", \(tested[2].count) not testable yet"))
        }
        printAttention(report.attention, into: &output)
        output.flush()
    }

    static func printAttention(_ attention: [StatusReport.Attention], into output: inout Output) {
        output.line()
        guard !attention.isEmpty else {
            output.line(t("Niets vraagt nu om aandacht.", "Nothing needs attention."))
            return
        }
        output.line(t("Vraagt aandacht:", "Needs attention:"))
        for item in attention {
            let shown = item.records.prefix(12).joined(separator: " ") + (item.records.count > 12 ? " … (\(item.records.count))" : "")
            let advice = language.attentionAdvice(item.key)
            output.line(language == .en || advice.isEmpty ? "- \(item.message):" : "- \(language.attentionTitle(item.key).0): \(advice):")
            output.line("    \(shown)")
        }
    }
}
