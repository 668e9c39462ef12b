import SixSteps

/// Step 1: the service vision itself.
enum VisionCommands {
    static let command = Command(
        name: "vision", abstract: t("de visie op dienstverlening.", "the service vision (visie)."),
        subcommands: [set, show])

    static let set = Command(
        name: "set", abstract: t("Leg de visie vast, uit het argument of een bestand.", "Set the vision text, from the argument or a file."),
        arguments: [.init(name: t("tekst", "text"), help: t("de visie, tussen aanhalingstekens", "the vision, in quotes"), isOptional: true)],
        options: [.init(name: "file", value: t("pad", "path"), help: t("lees de visie uit een UTF-8-tekstbestand", "read the vision from a UTF-8 text file"))]
    ) { invocation in
        let text: String
        if let path = invocation.value("file") {
            text = try readTextFile(path)
        } else if let argument = invocation.argument(0) {
            text = argument
        } else {
            throw UsageError(description: t("'molensloot vision set' heeft de tekst tussen aanhalingstekens nodig, of --file PAD", "'molensloot vision set' needs the text in quotes or --file PATH"))
        }
        try invocation.openRoadmap().setVision(text)
        Output.print(t("de visie is bewaard", "saved the vision"))
    }

    static let show = Command(name: "show", abstract: t("Toon de visie.", "Show the vision."), options: [.json]) { invocation in
        let roadmap = try invocation.openRoadmap()
        let vision = try roadmap.read { try roadmap.vision() }
        if invocation.json {
            Output.json(vision.map { .object($0.json) } ?? .null)
        } else if let vision {
            Output.print(vision.text + "\n\n(" + t("vastgelegd op ", "set on ") + localDate(String(vision.updatedOn.prefix(10))) + ")")
        } else {
            Output.print(t("nog geen visie; leg die vast met: molensloot vision set \"...\"", "no vision yet; set it with: molensloot vision set \"...\""))
        }
    }
}
