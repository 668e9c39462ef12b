import SixSteps

/// Step 3: a shared vocabulary for what residents say. A codebook of themes with the phrases
/// that suggest them; comments coded with them, suggested by the codebook and confirmed or
/// changed by a manager; counts per cycle, phase, channel and persona.
enum ThemeCommands {
    static let command = Command(
        name: "theme",
        abstract: t("het codeboek met thema's voor opmerkingen van inwoners, het coderen van opmerkingen en de aantallen per thema.", "the codebook of themes for residents' comments, the coding of comments and the counts per theme."),
        subcommands: [add, edit, list, remove, code, comments, counts, evidence, exportCodebook, importCodebook])

    static let slugArgument = Command.Argument(name: t("thema", "theme"), help: t("de slug van het thema, bijv. geen-terugkoppeling", "the theme's slug, e.g. geen-terugkoppeling"))
    static let themeOptions: [Command.Option] = [
        .init(name: "name", value: t("naam", "name"), help: t("de naam van het thema", "the theme's name")),
        .init(name: "description", value: t("tekst", "text"), help: t("wat het thema betekent", "what the theme means")),
        .init(name: "phrases", value: t("lijst", "list"), help: t("woorden of zinnetjes die erop wijzen, gescheiden door ';'", "words or phrases that suggest it, separated by ';'")),
    ]

    static func phrases(_ invocation: Invocation) -> [String]? {
        invocation.value("phrases").map { $0.split(separator: ";").map(String.init).filter { !$0.allSatisfy(\.isWhitespace) } }
    }

    static let add = Command(
        name: "add", abstract: t("Voeg een thema toe aan het codeboek.", "Add a theme to the codebook."),
        arguments: [slugArgument, .init(name: t("naam", "name"), help: t("de naam van het thema", "the theme's name"))],
        options: Array(themeOptions.dropFirst()),
        examples: ["molensloot theme add geen-terugkoppeling \"Geen terugkoppeling\" --phrases \"niets gehoord;geen bericht;zonder uitleg\""]
    ) { invocation in
        let theme = Theme(slug: invocation.argument(0) ?? "", name: invocation.argument(1) ?? "",
                          description: invocation.value("description"), phrases: phrases(invocation) ?? [])
        try invocation.openRoadmap().saveTheme(theme, replace: false)
        Output.print(t("thema \(theme.slug) toegevoegd", "added theme \(theme.slug)"))
    }

    static let edit = Command(
        name: "edit", abstract: t("Wijzig de naam, de toelichting of de zinnetjes van een thema (de zinnetjes worden in hun geheel vervangen).", "Change a theme's name, description or phrases (the phrases are replaced as a whole)."),
        arguments: [slugArgument], options: themeOptions,
        examples: ["molensloot theme edit lange-wachttijd --phrases \"wachten;wachttijd;in de wacht\""]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        let old = try roadmap.theme(invocation.argument(0) ?? "")
        let description = invocation.value("description").map { $0.isEmpty ? nil : $0 } ?? old.description
        try roadmap.saveTheme(Theme(slug: old.slug, name: invocation.value("name") ?? old.name, description: description,
                                    phrases: phrases(invocation) ?? old.phrases), replace: true)
        Output.print(t("thema \(old.slug) gewijzigd", "changed theme \(old.slug)"))
    }

    static let list = Command(name: "list", abstract: t("Toon het codeboek.", "List the codebook."), options: [.json]) { invocation in
        let themes = try invocation.openRoadmap().themes()
        if invocation.json {
            Output.json(.array(themes.map { .object($0.json) }))
            return
        }
        var output = Output()
        if themes.isEmpty { output.line(t("nog geen thema's; voeg er een toe met 'molensloot theme add SLUG \"Naam\" --phrases \"...\"'", "no themes yet; add one with 'molensloot theme add SLUG \"Name\" --phrases \"...\"'")) }
        var table = TextTable([.init(title: t("THEMA", "THEME")), .init(title: t("NAAM", "NAME")), .init(title: t("ZINNETJES", "PHRASES"), flexible: true)])
        for theme in themes { table.add([theme.slug, theme.name, theme.phrases.joined(separator: "; ")]) }
        if !themes.isEmpty { table.render().forEach { output.line($0) } }
        output.flush()
    }

    static let remove = Command(name: "remove", abstract: t("Verwijder een thema en elke codering ermee.", "Remove a theme and every coding made with it."),
                                arguments: [slugArgument]) { invocation in
        let slug = invocation.argument(0) ?? ""
        try invocation.openRoadmap().removeTheme(slug)
        Output.print(t("thema \(slug) verwijderd", "removed theme \(slug)"))
    }

    static let code = Command(
        name: "code",
        abstract: t("Bevestig of verwerp thema's voor een opmerking; --set bevestigt deze en verwerpt elke andere suggestie.", "Confirm or reject themes for a comment; --set confirms these and rejects every other suggestion."),
        arguments: [.init(name: t("opmerking", "comment"), help: t("het id van de opmerking, zie 'theme comments'", "the comment's id, see 'theme comments'"))],
        options: [.init(name: "confirm", value: t("thema", "theme"), help: t("een thema dat past (mag vaker)", "a theme that applies (repeatable)")),
                  .init(name: "reject", value: t("thema", "theme"), help: t("een suggestie die niet past (mag vaker)", "a suggestion that does not apply (repeatable)")),
                  .init(name: "set", value: t("thema", "theme"), help: t("de thema's die passen, en geen andere (mag vaker)", "the themes that apply, and no others (repeatable)"))],
        examples: ["molensloot theme code 12 --confirm geen-terugkoppeling", "molensloot theme code 12 --set lange-wachttijd"]
    ) { invocation in
        let text = invocation.argument(0) ?? ""
        guard let id = Int64(text), id >= 1 else { throw UsageError(description: t("'\(text)' is geen id van een opmerking: verwacht een geheel getal", "'\(text)' is not a comment id: expected a whole number")) }
        let set = invocation.values["set"] ?? []
        let confirm = (invocation.values["confirm"] ?? []) + set
        let reject = invocation.values["reject"] ?? []
        guard !confirm.isEmpty || !reject.isEmpty else {
            throw UsageError(description: t("'molensloot theme code' heeft --confirm, --reject of --set nodig", "'molensloot theme code' needs --confirm, --reject or --set"))
        }
        let coded = try invocation.openRoadmap().codeComment(id, confirm: confirm, reject: reject, only: !set.isEmpty)
        Output.print(t("opmerking ", "comment ") + "\(id): " + describe(coded))
    }

    static func describe(_ coded: CodedComment) -> String {
        coded.themes.isEmpty ? t("geen thema's", "no themes") : coded.themes.map { "\($0.theme) (\(stateLabel($0.state)))" }.joined(separator: ", ")
    }

    static let comments = Command(
        name: "comments", abstract: t("Toon de opmerkingen met hun thema's: bevestigd, of alleen voorgesteld door het codeboek.", "List the comments with their themes: confirmed, or only suggested by the codebook."),
        options: [.init(name: "theme", value: t("thema", "theme"), help: t("alleen opmerkingen met dit thema", "only comments with this theme")),
                  .flag("suggested", t("alleen opmerkingen met een voorgesteld thema dat nog niet bevestigd is", "only comments with a theme that is suggested and not yet confirmed")), .json]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        if let slug = invocation.value("theme") { _ = try roadmap.theme(slug) }
        let coded = try roadmap.codedComments().filter { comment in
            (invocation.value("theme").map { slug in comment.themes.contains { $0.theme == slug } } ?? true)
                && (!invocation.flag("suggested") || comment.themes.contains { $0.state == .suggested })
        }
        if invocation.json {
            Output.json(.array(coded.map { .object($0.json) }))
            return
        }
        var output = Output()
        for comment in coded {
            output.line("\(comment.id) [\(comment.cycle)] \(comment.comment.singleLine)")
            output.line("    " + describe(comment))
        }
        if coded.isEmpty { output.line(t("geen opmerkingen gevonden", "no comments match")) }
        output.flush()
    }

    static let counts = Command(
        name: "counts",
        abstract: t("Hoe vaak elk thema voorkomt per cyclus (met de verandering sinds de cyclus ervoor), fase, kanaal en persona.", "How often each theme comes up per cycle (with the change since the cycle before), phase, channel and persona."),
        options: [.json]
    ) { invocation in
        let report = try invocation.openRoadmap().themeReport()
        if invocation.json {
            Output.json(.object(report.json))
            return
        }
        var output = Output()
        output.line(t("\(report.comments) opmerkingen, \(report.uncoded) zonder thema; de aantallen tellen voorgestelde thema's mee, "
                      + "bevestigde tussen haakjes; groepen van minder dan \(report.threshold) opmerkingen worden afgeschermd",
                    "\(report.comments) comments, \(report.uncoded) without a theme; counts include suggested themes, "
                      + "confirmed ones in brackets; groups of fewer than \(report.threshold) comments are suppressed"))
        for summary in report.themes {
            output.line()
            output.line("\(summary.theme.slug) \(summary.theme.name.singleLine): \(cell(summary.total))"
                        + (summary.findings.isEmpty ? "" : t("; bewijs voor ", "; evidence of ") + summary.findings.joined(separator: ", ")))
            output.line(t("  per cyclus: ", "  per cycle: ") + summary.cycles.map { cycle in
                "\(cycle.cycle) \(cell(cycle.cell))" + (cycle.share.map { " = \(oneDecimal($0 * 100))%" } ?? "")
                    + (cycle.change.map { " (\($0 >= 0 ? "+" : "")\(oneDecimal($0))" + t(" procentpunt)", " points)") } ?? "")
            }.joined(separator: ", "))
            for (name, cells) in [(t("fase", "phase"), summary.byPhase), (t("kanaal", "channel"), summary.byChannel), ("persona", summary.byPersona)] {
                output.line("  per \(name): " + cells.map { "\($0.label.singleLine) \(cell($0))" }.joined(separator: ", "))
            }
        }
        output.flush()
    }

    static func cell(_ cell: ThemeCell) -> String {
        guard let count = cell.count, let confirmed = cell.confirmed else { return language.verdictLabel(.suppressed) }
        return t("\(count) (\(confirmed) bevestigd)", "\(count) (\(confirmed) confirmed)")
    }

    static let evidence = Command(
        name: "evidence", abstract: t("Noem thema's als bewijs voor een bevinding (--remove haalt ze weg).", "Name themes as the evidence of a finding (--remove to take them away)."),
        arguments: [.init(name: t("bevinding", "finding"), help: t("bijv. F3", "e.g. F3")), .init(name: t("thema", "theme"), help: t("thema's", "themes"), isVariadic: true)],
        options: [.flag("remove", t("haal de thema's weg", "take the themes away"))],
        examples: ["molensloot theme evidence F3 geen-terugkoppeling"]
    ) { invocation in
        let finding = invocation.argument(0) ?? ""
        let slugs = Array(invocation.arguments.dropFirst())
        try invocation.openRoadmap().linkFindingThemes(finding, slugs, remove: invocation.flag("remove"))
        Output.print(slugs.joined(separator: ", ") + (invocation.flag("remove") ? t(" niet meer als bewijs voor ", " removed as evidence of ") : t(" gekoppeld als bewijs voor ", " linked as evidence of ")) + finding)
    }

    static let exportCodebook = Command(
        name: "export", abstract: t("Schrijf alleen het codeboek als JSON, om het met andere gemeenten te delen.", "Write the codebook alone as JSON, to share it with other municipalities."),
        options: [.init(name: "out", value: t("pad", "path"), help: t("schrijf naar dit bestand in plaats van naar het scherm", "write to this file instead of standard output"))],
        examples: ["molensloot theme export --out codeboek.json"]
    ) { invocation in
        let document = try invocation.openRoadmap().exportCodebook().serialized(pretty: true)
        if let path = invocation.value("out") {
            try writeTextFile(path, document + "\n")
            Output.print(t("\(path) geschreven", "wrote \(path)"))
        } else {
            Output.print(document)
        }
    }

    static let importCodebook = Command(
        name: "import", abstract: t("Voeg de thema's van een gedeeld codeboek toe; een thema dat van het uwe verschilt vraagt --replace.", "Add the themes of a shared codebook; a theme that differs from yours needs --replace."),
        arguments: [.init(name: t("bestand", "file"), help: t("een codeboek gemaakt met 'theme export'", "a codebook written by 'theme export'"))],
        options: [.flag("replace", t("neem de versie uit het codeboek van thema's die van de uwe verschillen", "take the codebook's version of themes that differ from yours"))],
        examples: ["molensloot theme import codeboek.json"]
    ) { invocation in
        let source = invocation.argument(0) ?? ""
        let result = try invocation.openRoadmap().importCodebook(try readTextFile(source), source: source,
                                                                 replace: invocation.flag("replace"))
        Output.print(t("\(result.added.count) thema's toegevoegd, \(result.changed.count) gewijzigd", "added \(result.added.count) themes, changed \(result.changed.count)")
                     + (result.added.isEmpty ? "" : ": " + result.added.joined(separator: ", ")))
    }
}

extension ThemeCommands {
    static func stateLabel(_ state: CodingState) -> String {
        switch state {
        case .suggested: return t("voorgesteld", "suggested")
        case .confirmed: return t("bevestigd", "confirmed")
        }
    }
}
