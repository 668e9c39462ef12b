import SixSteps

/// The six steps at a glance, and what needs attention.
enum StatusCommand {
    static let command = Command(
        name: "status", abstract: "Show the six steps: what each holds, and what needs attention.",
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
        var table = TextTable([.init(title: ""), .init(title: "STEP"), .init(title: "HOLDS", flexible: true)])
        for step in report.steps {
            table.add([marks[step.state] ?? "", "\(step.number) \(step.name)", step.holds])
        }
        table.render().forEach { output.line($0) }
        output.line()
        output.line("The chain from finding to metric:")
        var chain = TextTable([.init(title: "RECORDS"), .init(title: "LINKED TO"), .init(title: "DONE", alignRight: true)])
        for link in report.chain { chain.add([link.records, link.linkedTo, "\(link.linked) of \(link.total)"]) }
        chain.render().forEach { output.line("  " + $0) }
        let tested = [AssumptionVerdict.confirmed, .refuted, .notTestable].map { report.assumptions[$0] ?? [] }
        if tested.contains(where: { !$0.isEmpty }) {
            output.line()
            output.line("Assumptions: \(tested[0].count) confirmed, \(tested[1].count) refuted"
                        + (tested[1].isEmpty ? "" : " (" + tested[1].joined(separator: " ") + ")")
                        + ", \(tested[2].count) not testable yet")
        }
        printAttention(report.attention, into: &output)
        output.flush()
    }

    static func printAttention(_ attention: [StatusReport.Attention], into output: inout Output) {
        output.line()
        guard !attention.isEmpty else {
            output.line("Nothing needs attention.")
            return
        }
        output.line("Needs attention:")
        for item in attention {
            let shown = item.records.prefix(12).joined(separator: " ") + (item.records.count > 12 ? " … (\(item.records.count))" : "")
            output.line("- \(item.message):")
            output.line("    \(shown)")
        }
    }
}
