import SixSteps

/// Step 1: the service vision itself.
enum VisionCommands {
    static let command = Command(
        name: "vision", abstract: "Step 1: the service vision (visie op dienstverlening).",
        subcommands: [set, show])

    static let set = Command(
        name: "set", abstract: "Set the vision text, from the argument or a file.",
        arguments: [.init(name: "text", help: "the vision, in quotes", isOptional: true)],
        options: [.init(name: "file", value: "path", help: "read the vision from a UTF-8 text file")]
    ) { invocation in
        let text: String
        if let path = invocation.value("file") {
            text = try readTextFile(path)
        } else if let argument = invocation.argument(0) {
            text = argument
        } else {
            throw UsageError(description: "'molensloot vision set' needs the text in quotes or --file PATH")
        }
        try invocation.openRoadmap().setVision(text)
        Output.print("saved the vision")
    }

    static let show = Command(name: "show", abstract: "Show the vision.", options: [.json]) { invocation in
        let roadmap = try invocation.openRoadmap()
        let vision = try roadmap.read { try roadmap.vision() }
        if invocation.json {
            Output.json(vision.map { .object($0.json) } ?? .null)
        } else if let vision {
            Output.print(vision.text + "\n\n(set on \(vision.updatedOn))")
        } else {
            Output.print("no vision yet; set it with: molensloot vision set \"...\"")
        }
    }
}
