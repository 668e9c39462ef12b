import SixSteps

/// Step 3: a shared vocabulary for what residents say. A codebook of themes with the phrases
/// that suggest them; comments coded with them, suggested by the codebook and confirmed or
/// changed by a manager; counts per cycle, phase, channel and persona.
enum ThemeCommands {
    static let command = Command(
        name: "theme",
        abstract: "Step 3: the codebook of themes for residents' comments, the coding of comments and the counts per theme.",
        subcommands: [add, edit, list, remove, code, comments, counts, evidence, exportCodebook, importCodebook])

    static let slugArgument = Command.Argument(name: "theme", help: "the theme's slug, e.g. geen-terugkoppeling")
    static let themeOptions: [Command.Option] = [
        .init(name: "name", value: "name", help: "the theme's name"),
        .init(name: "description", value: "text", help: "what the theme means"),
        .init(name: "phrases", value: "list", help: "words or phrases that suggest it, separated by ';'"),
    ]

    static func phrases(_ invocation: Invocation) -> [String]? {
        invocation.value("phrases").map { $0.split(separator: ";").map(String.init).filter { !$0.allSatisfy(\.isWhitespace) } }
    }

    static let add = Command(
        name: "add", abstract: "Add a theme to the codebook.",
        arguments: [slugArgument, .init(name: "name", help: "the theme's name")],
        options: Array(themeOptions.dropFirst()),
        examples: ["molensloot theme add geen-terugkoppeling \"Geen terugkoppeling\" --phrases \"niets gehoord;geen bericht;zonder uitleg\""]
    ) { invocation in
        let theme = Theme(slug: invocation.argument(0) ?? "", name: invocation.argument(1) ?? "",
                          description: invocation.value("description"), phrases: phrases(invocation) ?? [])
        try invocation.openRoadmap().saveTheme(theme, replace: false)
        Output.print("added theme \(theme.slug)")
    }

    static let edit = Command(
        name: "edit", abstract: "Change a theme's name, description or phrases (the phrases are replaced as a whole).",
        arguments: [slugArgument], options: themeOptions,
        examples: ["molensloot theme edit lange-wachttijd --phrases \"wachten;wachttijd;in de wacht\""]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        let old = try roadmap.theme(invocation.argument(0) ?? "")
        let description = invocation.value("description").map { $0.isEmpty ? nil : $0 } ?? old.description
        try roadmap.saveTheme(Theme(slug: old.slug, name: invocation.value("name") ?? old.name, description: description,
                                    phrases: phrases(invocation) ?? old.phrases), replace: true)
        Output.print("changed theme \(old.slug)")
    }

    static let list = Command(name: "list", abstract: "List the codebook.", options: [.json]) { invocation in
        let themes = try invocation.openRoadmap().themes()
        if invocation.json {
            Output.json(.array(themes.map { .object($0.json) }))
            return
        }
        var output = Output()
        if themes.isEmpty { output.line("no themes yet; add one with 'molensloot theme add SLUG \"Name\" --phrases \"...\"'") }
        var table = TextTable([.init(title: "THEME"), .init(title: "NAME"), .init(title: "PHRASES", flexible: true)])
        for theme in themes { table.add([theme.slug, theme.name, theme.phrases.joined(separator: "; ")]) }
        if !themes.isEmpty { table.render().forEach { output.line($0) } }
        output.flush()
    }

    static let remove = Command(name: "remove", abstract: "Remove a theme and every coding made with it.",
                                arguments: [slugArgument]) { invocation in
        let slug = invocation.argument(0) ?? ""
        try invocation.openRoadmap().removeTheme(slug)
        Output.print("removed theme \(slug)")
    }

    static let code = Command(
        name: "code",
        abstract: "Confirm or reject themes for a comment; --set confirms these and rejects every other suggestion.",
        arguments: [.init(name: "comment", help: "the comment's id, see 'theme comments'")],
        options: [.init(name: "confirm", value: "theme", help: "a theme that applies (repeatable)"),
                  .init(name: "reject", value: "theme", help: "a suggestion that does not apply (repeatable)"),
                  .init(name: "set", value: "theme", help: "the themes that apply, and no others (repeatable)")],
        examples: ["molensloot theme code 12 --confirm geen-terugkoppeling", "molensloot theme code 12 --set lange-wachttijd"]
    ) { invocation in
        let text = invocation.argument(0) ?? ""
        guard let id = Int64(text), id >= 1 else { throw UsageError(description: "'\(text)' is not a comment id: expected a whole number") }
        let set = invocation.values["set"] ?? []
        let confirm = (invocation.values["confirm"] ?? []) + set
        let reject = invocation.values["reject"] ?? []
        guard !confirm.isEmpty || !reject.isEmpty else {
            throw UsageError(description: "'molensloot theme code' needs --confirm, --reject or --set")
        }
        let coded = try invocation.openRoadmap().codeComment(id, confirm: confirm, reject: reject, only: !set.isEmpty)
        Output.print("comment \(id): " + describe(coded))
    }

    static func describe(_ coded: CodedComment) -> String {
        coded.themes.isEmpty ? "no themes" : coded.themes.map { "\($0.theme) (\($0.state.rawValue))" }.joined(separator: ", ")
    }

    static let comments = Command(
        name: "comments", abstract: "List the comments with their themes: confirmed, or only suggested by the codebook.",
        options: [.init(name: "theme", value: "theme", help: "only comments with this theme"),
                  .flag("suggested", "only comments with a theme that is suggested and not yet confirmed"), .json]
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
        if coded.isEmpty { output.line("no comments match") }
        output.flush()
    }

    static let counts = Command(
        name: "counts",
        abstract: "How often each theme comes up per cycle (with the change since the cycle before), phase, channel and persona.",
        options: [.json]
    ) { invocation in
        let report = try invocation.openRoadmap().themeReport()
        if invocation.json {
            Output.json(.object(report.json))
            return
        }
        var output = Output()
        output.line("\(report.comments) comments, \(report.uncoded) without a theme; counts include suggested themes, "
                    + "confirmed ones in brackets; groups of fewer than \(report.threshold) comments are suppressed")
        for summary in report.themes {
            output.line()
            output.line("\(summary.theme.slug) \(summary.theme.name.singleLine): \(cell(summary.total))"
                        + (summary.findings.isEmpty ? "" : "; evidence of \(summary.findings.joined(separator: ", "))"))
            output.line("  per cycle: " + summary.cycles.map { cycle in
                "\(cycle.cycle) \(cell(cycle.cell))" + (cycle.share.map { " = \(oneDecimal($0 * 100))%" } ?? "")
                    + (cycle.change.map { " (\($0 >= 0 ? "+" : "")\(oneDecimal($0)) points)" } ?? "")
            }.joined(separator: ", "))
            for (name, cells) in [("phase", summary.byPhase), ("channel", summary.byChannel), ("persona", summary.byPersona)] {
                output.line("  per \(name): " + cells.map { "\($0.label.singleLine) \(cell($0))" }.joined(separator: ", "))
            }
        }
        output.flush()
    }

    static func cell(_ cell: ThemeCell) -> String {
        guard let count = cell.count, let confirmed = cell.confirmed else { return "suppressed" }
        return "\(count) (\(confirmed) confirmed)"
    }

    static let evidence = Command(
        name: "evidence", abstract: "Name themes as the evidence of a finding (--remove to take them away).",
        arguments: [.init(name: "finding", help: "e.g. F3"), .init(name: "theme", help: "themes", isVariadic: true)],
        options: [.flag("remove", "take the themes away")],
        examples: ["molensloot theme evidence F3 geen-terugkoppeling"]
    ) { invocation in
        let finding = invocation.argument(0) ?? ""
        let slugs = Array(invocation.arguments.dropFirst())
        try invocation.openRoadmap().linkFindingThemes(finding, slugs, remove: invocation.flag("remove"))
        Output.print((invocation.flag("remove") ? "removed " : "linked ") + slugs.joined(separator: ", ") + " as evidence of \(finding)")
    }

    static let exportCodebook = Command(
        name: "export", abstract: "Write the codebook alone as JSON, to share it with other municipalities.",
        options: [.init(name: "out", value: "path", help: "write to this file instead of standard output")],
        examples: ["molensloot theme export --out codeboek.json"]
    ) { invocation in
        let document = try invocation.openRoadmap().exportCodebook().serialized(pretty: true)
        if let path = invocation.value("out") {
            try writeTextFile(path, document + "\n")
            Output.print("wrote \(path)")
        } else {
            Output.print(document)
        }
    }

    static let importCodebook = Command(
        name: "import", abstract: "Add the themes of a shared codebook; a theme that differs from yours needs --replace.",
        arguments: [.init(name: "file", help: "a codebook written by 'theme export'")],
        options: [.flag("replace", "take the codebook's version of themes that differ from yours")],
        examples: ["molensloot theme import codeboek.json"]
    ) { invocation in
        let source = invocation.argument(0) ?? ""
        let result = try invocation.openRoadmap().importCodebook(try readTextFile(source), source: source,
                                                                 replace: invocation.flag("replace"))
        Output.print("added \(result.added.count) themes, changed \(result.changed.count)"
                     + (result.added.isEmpty ? "" : ": " + result.added.joined(separator: ", ")))
    }
}
