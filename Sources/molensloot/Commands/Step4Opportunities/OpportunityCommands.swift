import SixSteps

/// Step 4: improvement opportunities, their links to findings and their ranking.
enum OpportunityCommands {
    static let command = RecordCommands.group(
        .opportunity, t("verbeterkansen, gekoppeld aan bevindingen en gerangschikt.", "improvement opportunities (verbeterkansen), linked to findings and ranked."),
        extra: [link, unlink, rank, weights])

    static let link = Command(
        name: "link", abstract: t("Koppel een verbeterkans aan de bevindingen die ze aanpakt.", "Link an opportunity to the findings it addresses."),
        arguments: [.init(name: t("verbeterkans", "opportunity"), help: t("bijv. O3", "e.g. O3")),
                    .init(name: t("bevinding", "finding"), help: t("een of meer bevindingen, bijv. F12 F13", "one or more findings, e.g. F12 F13"), isVariadic: true)],
        examples: ["molensloot opportunity link O3 F12 F13"]
    ) { invocation in
        let targets = Array(invocation.arguments.dropFirst())
        try invocation.openRoadmap().link(.opportunityFinding, from: invocation.argument(0) ?? "", to: targets)
        Output.print(t("\(invocation.argument(0) ?? "") gekoppeld aan ", "linked \(invocation.argument(0) ?? "") to ") + targets.joined(separator: ", "))
    }

    static let unlink = Command(
        name: "unlink", abstract: t("Haal koppelingen tussen een verbeterkans en bevindingen weg.", "Remove links between an opportunity and findings."),
        arguments: [.init(name: t("verbeterkans", "opportunity"), help: t("bijv. O3", "e.g. O3")),
                    .init(name: t("bevinding", "finding"), help: t("een of meer bevindingen", "one or more findings"), isVariadic: true)]
    ) { invocation in
        let targets = Array(invocation.arguments.dropFirst())
        try invocation.openRoadmap().unlink(.opportunityFinding, from: invocation.argument(0) ?? "", to: targets)
        Output.print(t("\(invocation.argument(0) ?? "") losgekoppeld van ", "unlinked \(invocation.argument(0) ?? "") from ") + targets.joined(separator: ", "))
    }

    static let rank = Command(
        name: "rank", abstract: t("Rangschik de verbeterkansen op score; met twee ids: waarom de ene boven de andere staat.", "Rank opportunities by score; with two ids, explain why one is above the other."),
        arguments: [.init(name: t("verbeterkans", "opportunity"), help: t("twee verbeterkansen om te vergelijken, bijv. O3 O5", "two opportunities to compare, e.g. O3 O5"), isOptional: true, isVariadic: true)],
        options: [.json],
        examples: ["molensloot opportunity rank", "molensloot opportunity rank O3 O5"]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        if !invocation.arguments.isEmpty {
            guard invocation.arguments.count == 2 else {
                throw UsageError(description: t("geef twee verbeterkansen om te vergelijken, zoals 'opportunity rank O3 O5'", "give two opportunities to compare, like 'opportunity rank O3 O5'"))
            }
            let text = try roadmap.read { try roadmap.explainRanking(invocation.arguments[0], invocation.arguments[1], language: language) }
            Output.print(text)
            return
        }
        let (ranked, model) = try roadmap.read { (try roadmap.rankedOpportunities(), try roadmap.scoringModel()) }
        if invocation.json {
            Output.json(.object(JSONObject([("method", .string(model.method.rawValue)), ("formula", .string(model.formula)),
                                            ("opportunities", .array(ranked.map { .object($0.json) }))])))
            return
        }
        var table = TextTable([.init(title: t("PLAATS", "RANK"), alignRight: true), .init(title: "ID"), .init(title: t("TITEL", "TITLE"), flexible: true),
                               .init(title: "SCORE", alignRight: true), .init(title: t("BEVINDINGEN", "FINDINGS")), .init(title: t("WEEGT HET ZWAARST", "WEIGHS MOST"))])
        for entry in ranked {
            table.add([String(entry.rank), entry.ref, entry.record.title, localNumber(entry.score),
                       entry.findings.prefix(3).joined(separator: " ") + (entry.findings.count > 3 ? " …" : ""), entry.reason(language)])
        }
        var output = Output()
        output.line(formula(model))
        if model.method == .weighted { output.line(scaleNote) }
        output.line()
        table.render().forEach { output.line($0) }
        if ranked.count >= 2 {
            output.line()
            output.line(t("Waarom staat de een boven de ander? molensloot opportunity rank ", "See why one ranks above another: molensloot opportunity rank ") + "\(ranked[0].ref) \(ranked[1].ref)")
        }
        output.flush()
    }

    static let weights = Command(
        name: "weights", abstract: t("Toon of wijzig hoe verbeterkansen een score krijgen.", "Show or change how opportunities are scored."),
        options: [.init(name: "preset", value: t("naam", "name"), help: t("balanced, rice of value-effort", "balanced, rice or value-effort"))]
            + ScoreWeights.factors.map {
                Command.Option(name: $0.name, value: t("gewicht", "weight"),
                               help: t("het gewicht van \(language.scoreInput($0.name)) in de gewogen score", "the weight of \($0.name) in the balanced score"))
            } + [.json],
        examples: ["molensloot opportunity weights --preset rice", "molensloot opportunity weights --impact 4 --ease 1"]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        var model = try roadmap.read { try roadmap.scoringModel() }
        var changed = false
        if let name = invocation.value("preset") {
            guard let preset = ScoringModel.presets.first(where: { $0.name == name }) else {
                throw UsageError(description: t("onbekende voorinstelling '\(name)'; kies balanced, rice of value-effort", "unknown preset '\(name)'; choose balanced, rice or value-effort"))
            }
            model = preset.model
            changed = true
        }
        for (name, path, _) in ScoreWeights.factors {
            guard let text = invocation.value(name) else { continue }
            guard let weight = parseDecimal(text), weight >= 0 else {
                throw UsageError(description: t("--\(name) '\(text)' kan niet: verwacht een getal van 0 of meer", "--\(name) '\(text)' is not valid: expected a number of 0 or more"))
            }
            model.weights[keyPath: path] = weight
            model.method = .weighted
            changed = true
        }
        if changed { try roadmap.setScoringModel(model) }
        if invocation.json {
            var object = JSONObject([("method", .string(model.method.rawValue)), ("formula", .string(model.formula))])
            for (name, path, _) in ScoreWeights.factors { object.append(name, .double(model.weights[keyPath: path])) }
            Output.json(.object(object))
        } else {
            Output.print((changed ? t("bewaard; ", "saved; ") : "") + t("methode ", "method ") + "\(model.method.rawValue)\n" + formula(model)
                         + (model.method == .weighted ? "\n" + scaleNote : ""))
        }
    }
}

extension OpportunityCommands {
    /// The formula in the run's language; the JSON keeps the domain's English one.
    static func formula(_ model: ScoringModel) -> String { language.scoreFormula(model.formula) }

    static var scaleNote: String {
        t("elke invoer geschaald naar 0–1; gemak = 5 − moeite; ernst is die van de zwaarste gekoppelde bevinding",
          ScoringModel.scaleNote)
    }
}
