import SixSteps

enum InitCommand {
    static let command = Command(
        name: "init", abstract: t("Maak een nieuw roadmap-bestand: leeg met de standaardkanalen, of uit een export of voorbeeld.", "Create a new roadmap file: empty with the default channels, or from an export or example."),
        options: [.init(name: "name", value: t("tekst", "text"), help: t("de gemeente, bijv. \"Gemeente Molensloot\"", "the municipality, e.g. \"Gemeente Molensloot\"")),
                  .init(name: "from", value: t("bestand.json", "file.json"), help: t("begin met een export of een voorbeeld uit Roadmaps/", "start from an export or an example in Roadmaps/")),
                  .init(name: "language", value: "nl|en", help: t("de taal van deze roadmap voor de opdrachtregel en de site (standaard: nl)", "the language of this roadmap for the command line and the site (default: nl)")),
                  .flag("allow-small-groups", t("accepteer een privacygrens onder 5 in de export", "accept a privacy threshold below 5 in the export"))],
        examples: ["molensloot init --name \"Gemeente Molensloot\"", "molensloot init --db mor.sqlite --from Roadmaps/haarlemmermeer-mor.json"]
    ) { invocation in
        let path = invocation.databasePath
        let chosen = try chosenLanguage(invocation)
        if let source = invocation.value("from") {
            let count = try importNew(path: path, text: try readTextFile(source), source: source, actor: invocation.actor,
                                      keyFile: invocation.keyFilePath, allowSmallGroups: invocation.flag("allow-small-groups"))
            if let chosen { try RoadmapFile.open(path: path, actor: invocation.actor).setLanguage(chosen) }
            Output.print(t("\(path) gemaakt met \(count) records uit \(source)", "created \(path) with \(count) records from \(source)"))
            return
        }
        let roadmap = try RoadmapFile.create(path: path, actor: invocation.actor, municipality: invocation.value("name"))
        if let chosen { try roadmap.setLanguage(chosen) }
        Output.print(t("\(path) gemaakt; volgende stap: molensloot vision set \"...\"", "created \(path); next: molensloot vision set \"...\""))
    }

    /// `--language`, checked before anything is written.
    static func chosenLanguage(_ invocation: Invocation) throws -> Language? {
        guard let typed = invocation.value("language") else { return nil }
        guard let chosen = LanguageChoice.parse(typed) else {
            throw UsageError(description: t("--language '\(typed)' kan niet: kies nl of en", "--language '\(typed)' is not valid: expected nl or en"))
        }
        return chosen
    }

    /// A new file holding the document, or no file at all.
    static func importNew(path: String, text: String, source: String, actor: String, keyFile: String?,
                          allowSmallGroups: Bool = false) throws -> Int {
        try RoadmapFile.create(path: path, actor: actor) { roadmap in
            try roadmap.importDocument(text, source: source, replace: false, keyFile: keyFile, allowSmallGroups: allowSmallGroups)
        }
    }
}
