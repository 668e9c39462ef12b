import SixSteps

/// Step 5: roadmap items, linked to opportunities and metrics, with dependencies and status.
enum ItemCommands {
    static let command = RecordCommands.group(
        .item, "Step 5: roadmap items: owner, team, horizon, status, links and dependencies.",
        extra: [link, unlink, depend, status, ItemEffectCommands.effect])

    static let itemArgument = Command.Argument(name: "item", help: "e.g. R4")

    static let link = Command(
        name: "link", abstract: "Link an item to the opportunities it serves, or to a metric it should move.",
        arguments: [itemArgument, .init(name: "opportunity", help: "opportunities, e.g. O3 O5", isOptional: true, isVariadic: true)],
        options: [.init(name: "metric", value: "metric", help: "a metric the item should move"),
                  .init(name: "expect", value: "change", help: "by how much, e.g. +0.5 or -2 (with --metric)")],
        examples: ["molensloot item link R4 O3", "molensloot item link R4 --metric tevredenheid-mor --expect +0.5"]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        let item = invocation.argument(0) ?? ""
        let opportunities = Array(invocation.arguments.dropFirst())
        let metric = invocation.value("metric")
        guard metric != nil || !opportunities.isEmpty else {
            throw UsageError(description: "'molensloot item link' needs opportunities (O3) or --metric; see --help")
        }
        var expected: Double?
        if let text = invocation.value("expect") {
            guard metric != nil else { throw UsageError(description: "--expect goes with --metric") }
            guard let value = parseDecimal(text) else {
                throw UsageError(description: "--expect '\(text)' is not valid: expected a number such as +0.5 or -2")
            }
            expected = value
        }
        try roadmap.write {
            if !opportunities.isEmpty { try roadmap.link(.itemOpportunity, from: item, to: opportunities) }
            if let metric { try roadmap.link(.itemMetric, from: item, to: [metric], expectedChange: expected) }
        }
        Output.print("linked \(item) to " + (opportunities + [metric].compactMap { $0 }).joined(separator: ", "))
    }

    static let unlink = Command(
        name: "unlink", abstract: "Remove an item's links to opportunities or a metric.",
        arguments: [itemArgument, .init(name: "opportunity", help: "opportunities", isOptional: true, isVariadic: true)],
        options: [.init(name: "metric", value: "metric", help: "the metric to unlink")]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        let item = invocation.argument(0) ?? ""
        let opportunities = Array(invocation.arguments.dropFirst())
        guard invocation.value("metric") != nil || !opportunities.isEmpty else {
            throw UsageError(description: "'molensloot item unlink' needs opportunities (O3) or --metric")
        }
        try roadmap.write {
            if !opportunities.isEmpty { try roadmap.unlink(.itemOpportunity, from: item, to: opportunities) }
            if let metric = invocation.value("metric") { try roadmap.unlink(.itemMetric, from: item, to: [metric]) }
        }
        Output.print("unlinked \(item)")
    }

    static let depend = Command(
        name: "depend", abstract: "Say that an item can only start when others are done.",
        arguments: [itemArgument],
        options: [.init(name: "on", value: "item", help: "the item it waits for; repeat for more"),
                  .flag("remove", "remove these dependencies instead")],
        examples: ["molensloot item depend R5 --on R4"]
    ) { invocation in
        guard let others = invocation.values["on"], !others.isEmpty else {
            throw UsageError(description: "'molensloot item depend' needs --on ITEM, like 'item depend R5 --on R4'")
        }
        let roadmap = try invocation.openRoadmap()
        let item = invocation.argument(0) ?? ""
        if invocation.flag("remove") {
            try roadmap.unlink(.itemDependency, from: item, to: others)
            Output.print("\(item) no longer depends on \(others.joined(separator: ", "))")
        } else {
            try roadmap.link(.itemDependency, from: item, to: others)
            Output.print("\(item) now depends on \(others.joined(separator: ", "))")
        }
    }

    static let status = Command(
        name: "status", abstract: "Set an item's status: idea, planned, doing, done or dropped.",
        arguments: [itemArgument, .init(name: "status", help: "idea, planned, doing, done or dropped")],
        options: [.init(name: "date", value: "yyyy-mm-dd", help: "the done date (default: today, with done)")],
        examples: ["molensloot item status R4 doing", "molensloot item status R4 done --date 2014-03-03"]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        let record = try roadmap.setStatus(invocation.argument(0) ?? "", invocation.argument(1) ?? "",
                                           doneDate: invocation.value("date"))
        Output.print("\(record.ref) is \(record["status"].string ?? "")")
    }
}
