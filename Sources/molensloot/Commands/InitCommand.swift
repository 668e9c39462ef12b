import SixSteps

enum InitCommand {
    static let command = Command(
        name: "init", abstract: "Create a new, empty roadmap file with the default channels.",
        options: [.init(name: "name", value: "text", help: "the municipality, e.g. \"Gemeente Molensloot\"")],
        examples: ["molensloot init --name \"Gemeente Molensloot\"", "molensloot init --db mor.sqlite"]
    ) { invocation in
        let path = invocation.databasePath
        _ = try RoadmapFile.create(path: path, actor: invocation.actor, municipality: invocation.value("name"))
        Output.print("created \(path); next: molensloot vision set \"...\"")
    }
}
