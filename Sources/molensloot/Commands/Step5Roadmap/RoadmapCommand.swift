import SixSteps

/// The prioritised roadmap: now, next, later.
enum RoadmapCommand {
    static let command = Command(
        name: "roadmap", abstract: "Show the roadmap in priority order, grouped now / next / later.",
        options: [.flag("all", "also show dropped items"), .json]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        let entries = try roadmap.read { try roadmap.roadmap(includeDropped: invocation.flag("all")) }
        if invocation.json {
            var object = JSONObject()
            for horizon in Horizon.allCases {
                object.append(horizon.rawValue, .array(entries.filter { $0.horizon == horizon.rawValue }.map { .object($0.json) }))
            }
            Output.json(.object(object))
            return
        }
        var output = Output()
        let titles = [Horizon.now: "NOW", .next: "NEXT", .later: "LATER"]
        for horizon in Horizon.allCases {
            let group = entries.filter { $0.horizon == horizon.rawValue }
            output.line("\(titles[horizon] ?? "")  (\(group.count))")
            guard !group.isEmpty else {
                output.line("  nothing yet")
                output.line()
                continue
            }
            var table = TextTable([.init(title: "ID"), .init(title: "TITLE", flexible: true), .init(title: "STATUS"),
                                   .init(title: "PRIO", alignRight: true), .init(title: "OWNER", flexible: true)])
            for entry in group {
                var status = entry.status
                if entry.overdue { status += ", late" }
                if !entry.waitsFor.isEmpty { status += ", waits for " + entry.waitsFor.joined(separator: " ") }
                table.add([entry.item.ref, entry.item.title, status, formatNumber(entry.priority, decimals: 1),
                           entry.item["owner"].string ?? ""])
            }
            let lines = table.render()
            output.line(lines[0])
            // Under each item, the chain it belongs to: findings → opportunities → metrics.
            for (entry, line) in zip(group, lines.dropFirst()) {
                output.line(line)
                output.line("    " + chain(entry).truncated(to: TextTable.maximumWidth - 4))
            }
            output.line()
        }
        output.line("PRIO is the best score of the opportunities an item serves; see 'molensloot opportunity rank'.")
        output.flush()
    }

    static func chain(_ entry: RoadmapEntry) -> String {
        let findings = entry.findings.isEmpty ? "no findings" : entry.findings.joined(separator: " ")
        let opportunities = entry.opportunities.isEmpty ? "no opportunity" : entry.opportunities.joined(separator: " ")
        let metrics = entry.metrics.isEmpty ? "no metric yet" : entry.metrics.map { metric in
            metric.slug + (metric.expectedChange.map { " (\(formatNumber($0, signed: true)))" } ?? "")
        }.joined(separator: ", ")
        return "\(findings) → \(opportunities) → \(metrics)"
    }
}
