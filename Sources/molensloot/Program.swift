import SixSteps
import Store

/// The command tree and the one place where errors become messages and exit codes.
enum Program {
    static let version = "0.1.0"

    static let root = Command(
        name: "molensloot",
        abstract: "Keep a municipality's six-step service improvement roadmap in one SQLite file.",
        // In the order of the six steps, then the commands for the whole file.
        subcommands: [
            DemoCommand.command, InitCommand.command,
            VisionCommands.command.inStep(.vision),
            RecordCommands.group(.principle, "the principles of the service vision."),
            RecordCommands.group(.goal, "goals, each a metric with a target and a date."),
            AssumptionCommands.command.inStep(.vision),
            RecordCommands.group(.metric, "metric definitions (meeteenheden) with baseline and target."),
            RecordCommands.group(.insight, "trends, needs, wishes, requirements and channel usage."),
            RecordCommands.group(.persona, "resident groups (klantgroepen) with their channel preferences."),
            RecordCommands.group(.channel, "channels: balie, telefoon, web, e-mail, app, social, post."),
            VolumeCommands.command.inStep(.basics),
            JourneyCommands.command,
            RecordCommands.group(.touchpoint, "moments of truth: touchpoints per journey phase."),
            RecordCommands.group(.finding, "what goes well and what must improve, per journey phase."),
            ThemeCommands.command.inStep(.insight),
            OpportunityCommands.command,
            RecordCommands.group(.spearhead, "spearheads (speerpunten) that group opportunities."),
            ItemCommands.command,
            RecordCommands.group(.agreement, "working agreements: who does what, how often."),
            RoadmapCommand.command.inStep(.roadmap),
            CycleCommands.command.inStep(.improving), MeasureCommands.command.inStep(.improving),
            SurveyCommands.command.inStep(.improving),
            MappingCommands.command, KeyCommands.command, SiteCommands.command,
            StatusCommand.command, CheckCommand.command, LogCommand.command,
            ExchangeCommands.export, ExchangeCommands.import, ExchangeCommands.backup,
        ],
        examples: [
            "molensloot init --name \"Gemeente Molensloot\"",
            "molensloot journey add mor \"Melding openbare ruimte\"",
            "molensloot finding add \"Geen bericht na een melding\" --kind improve --journey mor --phase afronding",
            "molensloot roadmap",
        ])

    /// Runs one command line and returns the exit code: 0 done, 64 a usage mistake, 1 a failure.
    static func main(_ words: [String]) -> Int32 {
        if words == ["--version"] {
            Output.print("molensloot \(version)")
            return 0
        }
        do {
            let (command, path, invocation) = try Command.parse(words, root: root, environment: Environment())
            guard let invocation, let run = command.run else {
                Output.print(command.help(path: path))
                return 0
            }
            try run(invocation)
            return 0
        } catch let error as UsageError {
            printError(error.description)
            return 64
        } catch let error as DomainError {
            printError(error.description)
            switch error {
            case .missingValue, .invalidValue, .invalidSlug: return 64
            default: return 1
            }
        } catch let error as StoreError {
            printError(error.forCommandLine)
            return 1
        } catch {
            printError("\(error)")
            return 1
        }
    }
}

extension Invocation {
    func openRoadmap() throws -> RoadmapFile {
        try RoadmapFile.open(path: databasePath, actor: actor)
    }

    var json: Bool { flag("json") }
}

extension Output {
    static func print(_ text: String) {
        var output = Output()
        output.line(text)
        output.flush()
    }

    static func json(_ value: JSON) {
        print(value.serialized(pretty: true))
    }
}

extension Command.Option {
    static let json = Command.Option.flag("json", "print JSON for scripts (stable snake_case keys)")
    static let force = Command.Option.flag("force", "also remove the links to it, and log each")
}
