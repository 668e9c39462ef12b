import Site
import SixSteps
import Store

/// The command tree and the one place where errors become messages and exit codes.
enum Program {
    static let version = "0.1.0"

    static let root = Command(
        name: "molensloot",
        abstract: t("Houd de roadmap van de zes stappen voor betere dienstverlening bij in één SQLite-bestand.",
                     "Keep a municipality's six-step service improvement roadmap in one SQLite file."),
        // In the order of the six steps, then the commands for the whole file.
        subcommands: [
            DemoCommand.command, InitCommand.command,
            VisionCommands.command.inStep(.vision),
            RecordCommands.group(.principle, t("de principes van de visie op dienstverlening.", "the principles of the service vision.")),
            RecordCommands.group(.goal, t("doelen, elk een meeteenheid met een streefwaarde en een datum.", "goals, each a metric with a target and a date.")),
            AssumptionCommands.command.inStep(.vision),
            RecordCommands.group(.metric, t("meeteenheden met nulmeting en doel; 'show' geeft de metingen per cyclus.", "metrics (meeteenheden) with baseline and target; 'show' gives the measurements per cycle.")),
            RecordCommands.group(.insight, t("trends, behoeften, wensen, eisen en kanaalgebruik.", "trends, needs, wishes, requirements and channel usage.")),
            RecordCommands.group(.persona, t("persona's: groepen inwoners met hun voorkeurskanalen.", "personas: resident groups (klantgroepen) with their channel preferences.")),
            RecordCommands.group(.channel, t("kanalen: balie, telefoon, web, e-mail, app, social, post.", "channels: balie, telefoon, web, e-mail, app, social, post.")),
            VolumeCommands.command.inStep(.basics),
            JourneyCommands.command,
            RecordCommands.group(.touchpoint, t("momenten van de waarheid: contactmomenten per fase van een klantreis.", "moments of truth: touchpoints per journey phase.")),
            RecordCommands.group(.finding, t("wat goed gaat en wat beter moet, per fase van een klantreis.", "what goes well and what must improve, per journey phase.")),
            ThemeCommands.command.inStep(.insight), CaseCommands.command.inStep(.insight),
            OpportunityCommands.command,
            RecordCommands.group(.spearhead, t("speerpunten die verbeterkansen bundelen.", "spearheads (speerpunten) that group opportunities.")),
            ItemCommands.command,
            RecordCommands.group(.agreement, t("werkafspraken: wie doet wat, hoe vaak.", "working agreements: who does what, how often.")),
            RoadmapCommand.command.inStep(.roadmap),
            CycleCommands.command.inStep(.improving), MeasureCommands.command.inStep(.improving),
            SurveyCommands.command.inStep(.improving),
            MappingCommands.command, KeyCommands.command, SiteCommands.command,
            StatusCommand.command, CheckCommand.command, LogCommand.command, LanguageCommand.command,
            ExchangeCommands.export, ExchangeCommands.import, ExchangeCommands.backup,
        ],
        examples: [
            "molensloot init --name \"Gemeente Molensloot\"",
            "molensloot journey add mor \"Melding openbare ruimte\"",
            "molensloot finding add \"Geen bericht na een melding\" --kind verbeteren --journey mor --phase afronding",
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
            if let typed = invocation?.value("lang"), LanguageChoice.parse(typed) == nil {
                throw UsageError(description: t("--lang '\(typed)' kan niet: kies nl of en", "--lang '\(typed)' is not valid: expected nl or en"))
            }
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
            printError(error.message(language))
            switch error {
            case .missingValue, .invalidValue, .invalidSlug: return 64
            default: return 1
            }
        } catch let error as StoreError {
            printError(error.localized)
            return 1
        } catch let error as PseudonymKeyError {
            printError(error.message(language))
            return 1
        } catch let error as SiteError {
            printError(error.message(language))
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
    static let json = Command.Option.flag("json", t("schrijf JSON voor scripts (vaste sleutels, in elke taal gelijk)", "print JSON for scripts (stable snake_case keys, the same in every language)"))
    static let force = Command.Option.flag("force", t("verwijder ook de koppelingen ernaar, elk in het logboek", "also remove the links to it, and log each"))
}
