import SixSteps

/// Step 5: roadmap items, linked to opportunities and metrics, with dependencies and status.
enum ItemCommands {
    static let command = RecordCommands.group(
        .item, t("roadmap-items: eigenaar, team, horizon, status, koppelingen en afhankelijkheden.", "roadmap items: owner, team, horizon, status, links and dependencies."),
        extra: [link, unlink, depend, status, ItemEffectCommands.effect])

    static let itemArgument = Command.Argument(name: "item", help: t("bijv. R4", "e.g. R4"))

    static let link = Command(
        name: "link", abstract: t("Koppel een item aan de verbeterkansen die het dient, of aan een meeteenheid die het moet verbeteren.", "Link an item to the opportunities it serves, or to a metric it should move."),
        arguments: [itemArgument, .init(name: t("verbeterkans", "opportunity"), help: t("verbeterkansen, bijv. O3 O5", "opportunities, e.g. O3 O5"), isOptional: true, isVariadic: true)],
        options: [.init(name: "metric", value: t("meeteenheid", "metric"), help: t("een meeteenheid die het item moet verbeteren", "a metric the item should move")),
                  .init(name: "expect", value: t("verandering", "change"), help: t("met hoeveel, bijv. +0,5 of -2 (met --metric)", "by how much, e.g. +0.5 or -2 (with --metric)"))],
        examples: ["molensloot item link R4 O3", "molensloot item link R4 --metric tevredenheid-mor --expect +0.5"]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        let item = invocation.argument(0) ?? ""
        let opportunities = Array(invocation.arguments.dropFirst())
        let metric = invocation.value("metric")
        guard metric != nil || !opportunities.isEmpty else {
            throw UsageError(description: t("'molensloot item link' heeft verbeterkansen (O3) of --metric nodig; zie --help", "'molensloot item link' needs opportunities (O3) or --metric; see --help"))
        }
        var expected: Double?
        if let text = invocation.value("expect") {
            guard metric != nil else { throw UsageError(description: t("--expect hoort bij --metric; geef ook --metric", "--expect goes with --metric; give --metric too")) }
            guard let value = parseDecimal(text) else {
                throw UsageError(description: t("--expect '\(text)' kan niet: verwacht een getal zoals +0,5 of -2", "--expect '\(text)' is not valid: expected a number such as +0.5 or -2"))
            }
            expected = value
        }
        try roadmap.write {
            if !opportunities.isEmpty { try roadmap.link(.itemOpportunity, from: item, to: opportunities) }
            if let metric { try roadmap.link(.itemMetric, from: item, to: [metric], expectedChange: expected) }
        }
        Output.print(t("\(item) gekoppeld aan ", "linked \(item) to ") + (opportunities + [metric].compactMap { $0 }).joined(separator: ", "))
    }

    static let unlink = Command(
        name: "unlink", abstract: t("Haal de koppelingen van een item naar verbeterkansen of een meeteenheid weg.", "Remove an item's links to opportunities or a metric."),
        arguments: [itemArgument, .init(name: t("verbeterkans", "opportunity"), help: t("verbeterkansen", "opportunities"), isOptional: true, isVariadic: true)],
        options: [.init(name: "metric", value: t("meeteenheid", "metric"), help: t("de meeteenheid om los te koppelen", "the metric to unlink"))]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        let item = invocation.argument(0) ?? ""
        let opportunities = Array(invocation.arguments.dropFirst())
        guard invocation.value("metric") != nil || !opportunities.isEmpty else {
            throw UsageError(description: t("'molensloot item unlink' heeft verbeterkansen (O3) of --metric nodig", "'molensloot item unlink' needs opportunities (O3) or --metric"))
        }
        try roadmap.write {
            if !opportunities.isEmpty { try roadmap.unlink(.itemOpportunity, from: item, to: opportunities) }
            if let metric = invocation.value("metric") { try roadmap.unlink(.itemMetric, from: item, to: [metric]) }
        }
        Output.print(t("\(item) losgekoppeld", "unlinked \(item)"))
    }

    static let depend = Command(
        name: "depend", abstract: t("Leg vast dat een item pas kan beginnen als andere klaar zijn.", "Say that an item can only start when others are done."),
        arguments: [itemArgument],
        options: [.init(name: "on", value: "item", help: t("het item waarop het wacht; herhaal voor meer", "the item it waits for; repeat for more")),
                  .flag("remove", t("haal deze afhankelijkheden juist weg", "remove these dependencies instead"))],
        examples: ["molensloot item depend R5 --on R4"]
    ) { invocation in
        guard let others = invocation.values["on"], !others.isEmpty else {
            throw UsageError(description: t("'molensloot item depend' heeft --on ITEM nodig, zoals 'item depend R5 --on R4'", "'molensloot item depend' needs --on ITEM, like 'item depend R5 --on R4'"))
        }
        let roadmap = try invocation.openRoadmap()
        let item = invocation.argument(0) ?? ""
        if invocation.flag("remove") {
            try roadmap.unlink(.itemDependency, from: item, to: others)
            Output.print(t("\(item) wacht niet meer op ", "\(item) no longer depends on ") + others.joined(separator: ", "))
        } else {
            try roadmap.link(.itemDependency, from: item, to: others)
            Output.print(t("\(item) wacht nu op ", "\(item) now depends on ") + others.joined(separator: ", "))
        }
    }

    static let status = Command(
        name: "status", abstract: t("Zet de status van een item: idee, gepland, bezig, klaar of geschrapt.", "Set an item's status: idea, planned, doing, done or dropped."),
        arguments: [itemArgument, .init(name: "status", help: t("idee, gepland, bezig, klaar of geschrapt", "idea, planned, doing, done or dropped"))],
        options: [.init(name: "date", value: t("jjjj-mm-dd", "yyyy-mm-dd"), help: t("de datum waarop het klaar was (standaard: vandaag, bij klaar)", "the done date (default: today, with done)"))],
        examples: ["molensloot item status R4 bezig", "molensloot item status R4 klaar --date 2014-03-03"]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        let statusField = Kind.item.field(.status).map { Language.canonicalValue($0, invocation.argument(1) ?? "") }
        let record = try roadmap.setStatus(invocation.argument(0) ?? "", statusField ?? invocation.argument(1) ?? "",
                                           doneDate: invocation.value("date"))
        Output.print(t("\(record.ref) is nu ", "\(record.ref) is ") + language.statusLabel(record[.status].string ?? ""))
    }
}
