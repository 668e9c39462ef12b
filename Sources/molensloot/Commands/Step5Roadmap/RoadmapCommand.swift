import SixSteps

/// The prioritised roadmap: now, next, later.
enum RoadmapCommand {
    static let command = Command(
        name: "roadmap", abstract: t("de roadmap op volgorde van prioriteit, in nu / hierna / later.", "the roadmap in priority order, grouped now / next / later."),
        options: [.flag("all", t("toon ook geschrapte items", "also show dropped items")), .json]
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
        let titles = Dictionary(uniqueKeysWithValues: Horizon.allCases.map { ($0, language.horizonLabel($0.rawValue).uppercased()) })
        for horizon in Horizon.allCases {
            let group = entries.filter { $0.horizon == horizon.rawValue }
            output.line("\(titles[horizon] ?? "")  (\(group.count))")
            guard !group.isEmpty else {
                output.line(t("  nog niets", "  nothing yet"))
                output.line()
                continue
            }
            var table = TextTable([.init(title: "ID"), .init(title: t("TITEL", "TITLE"), flexible: true), .init(title: "STATUS"),
                                   .init(title: "PRIO", alignRight: true), .init(title: t("EIGENAAR", "OWNER"), flexible: true)])
            for entry in group {
                var status = language.statusLabel(entry.status)
                if entry.overdue { status += t(", te laat", ", late") }
                if !entry.waitsFor.isEmpty { status += t(", wacht op ", ", waits for ") + entry.waitsFor.joined(separator: " ") }
                table.add([entry.item.ref, entry.item.title, status, localNumber(entry.priority, decimals: 1),
                           entry.item[.owner].string ?? ""])
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
        output.line(t("PRIO is de hoogste score van de verbeterkansen die een item dient; zie 'molensloot opportunity rank'.", "PRIO is the best score of the opportunities an item serves; see 'molensloot opportunity rank'."))
        output.flush()
    }

    static func chain(_ entry: RoadmapEntry) -> String {
        let findings = entry.findings.isEmpty ? t("geen bevindingen", "no findings") : entry.findings.joined(separator: " ")
        let opportunities = entry.opportunities.isEmpty ? t("geen verbeterkans", "no opportunity") : entry.opportunities.joined(separator: " ")
        let metrics = entry.metrics.isEmpty ? t("nog geen meeteenheid", "no metric yet") : entry.metrics.map { metric in
            metric.slug + (metric.expectedChange.map { " (\(localNumber($0, signed: true)))" } ?? "")
        }.joined(separator: ", ")
        return "\(findings) → \(opportunities) → \(metrics)"
    }
}
