import SixSteps

/// Step 4: improvement opportunities, their links to findings and their ranking.
enum OpportunityCommands {
    static let command = RecordCommands.group(
        .opportunity, "Step 4: improvement opportunities (verbeterkansen), linked to findings and ranked.",
        extra: [link, unlink, rank, weights])

    static let link = Command(
        name: "link", abstract: "Link an opportunity to the findings it addresses.",
        arguments: [.init(name: "opportunity", help: "e.g. O3"),
                    .init(name: "finding", help: "one or more findings, e.g. F12 F13", isVariadic: true)],
        examples: ["molensloot opportunity link O3 F12 F13"]
    ) { invocation in
        let targets = Array(invocation.arguments.dropFirst())
        try invocation.openRoadmap().link(.opportunityFinding, from: invocation.argument(0) ?? "", to: targets)
        Output.print("linked \(invocation.argument(0) ?? "") to \(targets.joined(separator: ", "))")
    }

    static let unlink = Command(
        name: "unlink", abstract: "Remove links between an opportunity and findings.",
        arguments: [.init(name: "opportunity", help: "e.g. O3"),
                    .init(name: "finding", help: "one or more findings", isVariadic: true)]
    ) { invocation in
        let targets = Array(invocation.arguments.dropFirst())
        try invocation.openRoadmap().unlink(.opportunityFinding, from: invocation.argument(0) ?? "", to: targets)
        Output.print("unlinked \(invocation.argument(0) ?? "") from \(targets.joined(separator: ", "))")
    }

    static let rank = Command(
        name: "rank", abstract: "Rank opportunities by score; with two ids, explain why one is above the other.",
        arguments: [.init(name: "opportunity", help: "two opportunities to compare, e.g. O3 O5", isOptional: true, isVariadic: true)],
        options: [.json],
        examples: ["molensloot opportunity rank", "molensloot opportunity rank O3 O5"]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        if !invocation.arguments.isEmpty {
            guard invocation.arguments.count == 2 else {
                throw UsageError(description: "give two opportunities to compare, like 'opportunity rank O3 O5'")
            }
            let text = try roadmap.read { try roadmap.explainRanking(invocation.arguments[0], invocation.arguments[1]) }
            Output.print(text)
            return
        }
        let (ranked, model) = try roadmap.read { (try roadmap.rankedOpportunities(), try roadmap.scoringModel()) }
        if invocation.json {
            Output.json(.object(JSONObject([("method", .string(model.method.rawValue)), ("formula", .string(model.formula)),
                                            ("opportunities", .array(ranked.map { .object($0.json) }))])))
            return
        }
        var table = TextTable([.init(title: "RANK", alignRight: true), .init(title: "ID"), .init(title: "TITLE", flexible: true),
                               .init(title: "SCORE", alignRight: true), .init(title: "FINDINGS"), .init(title: "WEIGHS MOST")])
        for entry in ranked {
            table.add([String(entry.rank), entry.ref, entry.record.title, formatNumber(entry.score),
                       entry.findings.prefix(3).joined(separator: " ") + (entry.findings.count > 3 ? " …" : ""), entry.reason])
        }
        var output = Output()
        output.line(model.formula)
        if model.method == .weighted { output.line(ScoringModel.scaleNote) }
        output.line()
        table.render().forEach { output.line($0) }
        if ranked.count >= 2 {
            output.line()
            output.line("See why one ranks above another: molensloot opportunity rank \(ranked[0].ref) \(ranked[1].ref)")
        }
        output.flush()
    }

    static let weights = Command(
        name: "weights", abstract: "Show or change how opportunities are scored.",
        options: [.init(name: "preset", value: "name", help: "balanced, rice or value-effort")]
            + ["impact", "reach", "confidence", "ease", "severity", "spearhead"].map {
                Command.Option(name: $0, value: "weight", help: "the weight of \($0) in the balanced score")
            } + [.json],
        examples: ["molensloot opportunity weights --preset rice", "molensloot opportunity weights --impact 4 --ease 1"]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        var model = try roadmap.read { try roadmap.scoringModel() }
        var changed = false
        if let name = invocation.value("preset") {
            guard let preset = ScoringModel.presets.first(where: { $0.name == name }) else {
                throw UsageError(description: "unknown preset '\(name)'; choose balanced, rice or value-effort")
            }
            model = preset.model
            changed = true
        }
        let paths: [(String, WritableKeyPath<ScoreWeights, Double>)] = [
            ("impact", \.impact), ("reach", \.reach), ("confidence", \.confidence),
            ("ease", \.ease), ("severity", \.severity), ("spearhead", \.spearhead),
        ]
        for (name, path) in paths {
            guard let text = invocation.value(name) else { continue }
            guard let weight = parseDecimal(text), weight >= 0 else {
                throw UsageError(description: "--\(name) '\(text)' is not valid: expected a number of 0 or more")
            }
            model.weights[keyPath: path] = weight
            model.method = .weighted
            changed = true
        }
        if changed { try roadmap.setScoringModel(model) }
        if invocation.json {
            var object = JSONObject([("method", .string(model.method.rawValue)), ("formula", .string(model.formula))])
            for (name, path) in paths { object.append(name, .double(model.weights[keyPath: path])) }
            Output.json(.object(object))
        } else {
            Output.print((changed ? "saved; " : "") + "method \(model.method.rawValue)\n" + model.formula
                         + (model.method == .weighted ? "\n" + ScoringModel.scaleNote : ""))
        }
    }
}
