import SixSteps
import Store

/// The command tree and the one place where errors become messages and exit codes.
enum Program {
    static let version = "0.1.0"

    static let root = Command(
        name: "molensloot",
        abstract: "Keep a municipality's six-step service improvement roadmap in one SQLite file.",
        subcommands: [
            DemoCommand.command, InitCommand.command, VisionCommands.command,
            RecordCommands.group(.principle, "Step 1: the principles of the service vision."),
            RecordCommands.group(.goal, "Step 1: goals, each a metric with a target and a date."),
            JourneyCommands.command,
            RecordCommands.group(.touchpoint, "Moments of truth: touchpoints per journey phase."),
            RecordCommands.group(.persona, "Resident groups (klantgroepen) with their channel preferences."),
            RecordCommands.group(.channel, "Channels: balie, telefoon, web, e-mail, app, social, post."),
            RecordCommands.group(.metric, "Step 2: metric definitions (meeteenheden) with baseline and target."),
            RecordCommands.group(.insight, "Step 2: trends, needs, wishes, requirements and channel usage."),
            AssumptionCommands.command,
            RecordCommands.group(.finding, "Step 3: what goes well and what must improve, per journey phase."),
            OpportunityCommands.command,
            RecordCommands.group(.spearhead, "Step 4: spearheads (speerpunten) that group opportunities."),
            ItemCommands.command,
            RecordCommands.group(.agreement, "Step 5: working agreements: who does what, how often."),
            RoadmapCommand.command, CycleCommands.command, MeasureCommands.command, SurveyCommands.command,
            VolumeCommands.command, CaseCommands.command, MappingCommands.command, ThemeCommands.command, KeyCommands.command, SiteCommands.command,
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
