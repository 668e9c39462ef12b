import SixSteps

/// The whole roadmap in and out: JSON export and import, and a binary backup.
enum ExchangeCommands {
    static let export = Command(
        name: "export", abstract: t("Schrijf de hele roadmap als één JSON-document (zonder het logboek).", "Write the whole roadmap as one JSON document (without the audit trail)."),
        options: [.init(name: "out", value: t("pad", "path"), help: t("schrijf naar dit bestand in plaats van naar het scherm", "write to this file instead of standard output"))],
        examples: ["molensloot export --out roadmap.json"]
    ) { invocation in
        let document = try invocation.openRoadmap().export().serialized(pretty: true)
        if let path = invocation.value("out") {
            try writeTextFile(path, document + "\n")
            Output.print(t("\(path) geschreven", "wrote \(path)"))
        } else {
            Output.print(document)
        }
    }

    static let `import` = Command(
        name: "import", abstract: t("Lees een roadmap uit een JSON-export in een leeg (of nieuw) bestand.", "Read a roadmap from a JSON export into an empty (or new) file."),
        arguments: [.init(name: t("bestand", "file"), help: t("het JSON-document", "the JSON document"))],
        options: [.flag("replace", t("vervang de roadmap in het bestand (het logboek blijft)", "replace the roadmap in the file (the audit trail is kept)")),
                  .flag("allow-small-groups", t("accepteer een privacygrens onder 5", "accept a privacy threshold below 5"))],
        examples: ["molensloot import roadmap.json --db new.sqlite"]
    ) { invocation in
        let source = invocation.argument(0) ?? ""
        let text = try readTextFile(source)
        let path = invocation.databasePath
        let count = try RoadmapFile.openOrCreate(path: path, actor: invocation.actor) { roadmap in
            try roadmap.importDocument(text, source: source, replace: invocation.flag("replace"), keyFile: invocation.keyFilePath,
                                       allowSmallGroups: invocation.flag("allow-small-groups"))
        }
        Output.print(t("\(count) records geïmporteerd in \(path)", "imported \(count) records into \(path)"))
    }

    static let backup = Command(
        name: "backup", abstract: t("Kopieer het roadmap-bestand veilig, ook terwijl anderen het gebruiken.", "Copy the roadmap file safely, even while others use it."),
        arguments: [.init(name: t("bestand", "file"), help: t("het nieuwe reservebestand; dat mag nog niet bestaan", "the new backup file; it must not exist yet"))],
        examples: ["molensloot backup backups/roadmap-2014-03-03.sqlite"]
    ) { invocation in
        let target = invocation.argument(0) ?? ""
        try invocation.openRoadmap().backup(to: target)
        Output.print(t("\(target) geschreven", "wrote \(target)"))
    }
}
