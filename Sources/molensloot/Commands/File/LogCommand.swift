import SixSteps

/// The audit trail.
enum LogCommand {
    static let command = Command(
        name: "log", abstract: "Show the audit trail: who changed what, when, before and after.",
        arguments: [.init(name: "record", help: "only this record's history, e.g. F12 or mor", isOptional: true)],
        options: [.init(name: "limit", value: "n", help: "how many entries, newest first (default: 50)"), .json]
    ) { invocation in
        var limit = 50
        if let text = invocation.value("limit") {
            guard let value = Int(text), value > 0 else {
                throw UsageError(description: "--limit '\(text)' is not valid: expected a whole number of at least 1")
            }
            limit = value
        }
        let roadmap = try invocation.openRoadmap()
        let record = invocation.argument(0).map { $0.first?.isLetter == true && $0.dropFirst().allSatisfy(\.isNumber) ? $0.uppercased() : $0 }
        let entries = try roadmap.read { try roadmap.log(record: record, limit: limit) }
        if invocation.json {
            Output.json(.array(entries.map { .object($0.json) }))
            return
        }
        var table = TextTable([.init(title: "WHEN"), .init(title: "WHO"), .init(title: "WHAT", flexible: true)])
        for entry in entries { table.add([entry.at, entry.who, entry.summary]) }
        var output = Output()
        table.render().forEach { output.line($0) }
        if entries.isEmpty { output.line("no changes recorded") }
        output.flush()
    }
}
