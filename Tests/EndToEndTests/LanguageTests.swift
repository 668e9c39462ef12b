import Foundation
import Testing

/// The command line speaks the language chosen, every line of it: each command's help and a
/// session of a manager's commands are read word by word against words that only the other
/// language has. `--json` is the same in both.
@Suite struct LanguageTests {
    /// Words that only English text has; a Dutch line with one of them has English left in it.
    static let english: Set<String> = [
        "the", "and", "with", "without", "to", "for", "from", "which", "what", "this", "that", "these", "yes", "no",
        "added", "saved", "removed", "linked", "unlinked", "unknown", "needs", "expected", "measured", "finding", "findings",
        "opportunity", "opportunities", "cycle", "cycles", "journey", "journeys", "metrics", "default", "required", "value",
        "name", "text", "file", "none", "only", "every", "each", "its", "their", "or", "not", "are", "can", "cannot",
        "must", "should", "new", "number", "date", "error", "see", "choose", "give", "one", "more", "than", "how", "when",
        "where", "who", "into", "on", "at", "by", "as", "an", "a", "after", "before", "show", "list", "add", "change",
        "verdict", "improved", "worse", "suppressed", "baseline", "target", "goal", "goals", "spearhead", "assumption",
        "assumptions", "measurement", "measurements", "step", "steps", "channel", "channels", "phase", "phases",
        "touchpoint", "insight", "insights", "agreement", "agreements", "nothing", "needs", "attention", "created", "opened",
        "closed", "wrote", "imported", "contacts", "month", "months", "observed", "done", "planned", "dropped",
    ]

    /// Words that only Dutch text has.
    static let dutch: Set<String> = [
        "de", "het", "een", "en", "met", "zonder", "van", "naar", "voor", "niet", "toegevoegd", "bewaard", "verwijderd",
        "gekoppeld", "onbekende", "heeft", "nodig", "verwacht", "gemeten", "bevinding", "bevindingen", "verbeterkans",
        "cyclus", "cycli", "klantreis", "meeteenheid", "meeteenheden", "standaard", "verplicht", "toon", "waarde", "naam",
        "tekst", "bestand", "geen", "alleen", "elke", "zijn", "kan", "moet", "nieuwe", "getal", "datum", "fout", "zie",
        "kies", "geef", "één", "meer", "dan", "hoe", "wanneer", "waar", "wie", "bij", "als", "na", "nu", "hierna", "welke",
        "bijv", "dat", "die", "deze", "wat", "oordeel", "nulmeting", "doel", "doelen", "stap", "aandacht", "metingen",
        "klaar", "gepland", "geschrapt", "verbeterd", "afgeschermd", "uit", "ook", "om", "er", "wordt", "worden",
    ]

    /// The data the session types: names and titles a manager writes, in either language, are
    /// left out before the words are read.
    static let data = [
        "Gemeente Molensloot", "Melding openbare ruimte", "Geen bericht na een melding", "Melders horen niets terug",
        "Statusbericht na elke melding", "Statusberichten sturen", "Tevredenheid melding", "Voorjaar 2014", "Najaar 2014",
        "Drukke ouders", "Berichten werken", "teamleider KCC", "elke week", "De melder weet wat er met de melding gebeurt",
        "Melders gebruiken de app", "Berichten per sms",
        // The Ede example's case system, longest first so that no name is cut by a shorter one.
        "Omgevingsvergunning aanvragen", "Omgevingsvergunning regulier", "Welstand en omgevingsdienst", "Vergunningen (intake)",
        "Besluit in voorbereiding", "Besluit verzonden", "Aanvulling gevraagd", "Advies aangevraagd", "Aanvraag ontvangen",
        "In behandeling", "Juridische Zaken", "Aanvrager", "Vergunningen", "Welstand",
    ]

    /// A manager's session: building the chain, measuring, closing a cycle, and mistakes.
    static let session: [String] = [
        "init --name \"Gemeente Molensloot\"",
        "vision set \"De melder weet wat er met de melding gebeurt\"",
        "vision show",
        "journey add mor \"Melding openbare ruimte\"",
        "journey phase list mor",
        "persona add drukke-ouders \"Drukke ouders\"",
        "metric add tevredenheid-mor \"Tevredenheid melding\" --unit cijfer --baseline 6,2 --target 7,5 --journey mor",
        "finding add \"Geen bericht na een melding\" --kind verbeteren --journey mor --phase afronding --persona drukke-ouders",
        "finding list",
        "finding show F1",
        "opportunity add \"Melders horen niets terug\" --impact 4 --effort 2",
        "opportunity link O1 F1",
        "opportunity add \"Berichten per sms\" --impact 2 --effort 3",
        "opportunity rank",
        "opportunity rank O1 O2",
        "item add \"Statusberichten sturen\" --horizon nu --status bezig",
        "item link R1 O1",
        "item link R1 --metric tevredenheid-mor --expect +0,5",
        "agreement add \"Berichten werken\" --who \"teamleider KCC\" --cadence \"elke week\" --item R1",
        "assumption add \"Melders gebruiken de app\" --test metric --metric tevredenheid-mor --expect \">= 7\"",
        "roadmap",
        "cycle open \"Voorjaar 2014\" --start 2014-03-01 --end 2014-06-30",
        "measure tevredenheid-mor 6,9 --n 240 --sd 1,5",
        "item status R1 klaar --date 2014-05-01",
        "cycle close --note \"Berichten werken\" --end 2014-06-30",
        "cycle report C1",
        "cycle show C1",
        "cycle open \"Najaar 2014\" --start 2014-09-01 --end 2014-12-31",
        "measure tevredenheid-mor 7,3 --n 250 --sd 1,4",
        "cycle report",
        "metric show tevredenheid-mor",
        "item show R1",
        "persona show drukke-ouders",
        "assumption list",
        "status",
        "check",
        "log --limit 3",
        "language",
        // Mistakes: each an error line in the language.
        "finding show F9",
        "finding add \"Geen bericht na een melding\" --kind prachtig --journey mor --phase afronding",
        "finding add \"Geen bericht na een melding\" --journey mor --phase nergens --kind goed",
        "item status R1 misschien",
        "finding list --onbekend",
        "journey add mor \"Melding openbare ruimte\"",
        "measure tevredenheid-mor 7,1 --cycle C1",
        "opportunity remove O1",
        "survey results tevredenheid-mor",
        "--db elders.sqlite status",
    ]

    /// What is left of a line to judge: not the data typed, nor what is quoted, nor option names,
    /// ids, slugs, file names or the commands named in examples.
    static func words(_ line: String) -> [String] {
        var text = line
        // A name shortened to fit its column ("Welstand en omgevingsdien…") is still data.
        for value in data where text.contains("…") {
            for length in stride(from: value.count - 1, through: 6, by: -1) {
                text = text.replacingOccurrences(of: value.prefix(length) + "…", with: " ")
            }
        }
        for value in data { text = text.replacingOccurrences(of: value, with: " ") }
        if text.trimmingCharacters(in: .whitespaces).hasPrefix("molensloot ") { return [] }
        // Command names, in usage lines and at the start of a row of subcommands.
        text = text.replacingOccurrences(of: #"molensloot( [a-z][a-z-]*)*"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"^  [a-z][a-z-]*  "#, with: " ", options: .regularExpression)
        // The columns a CSV file may have are names to type, as options are.
        text = text.replacingOccurrences(of: #"(kolommen|columns): .*"#, with: " ", options: .regularExpression)
        // Environment variables and paths.
        text = text.replacingOccurrences(of: #"\$[A-Z_]+"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\S*/\S*"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"'[^']*'"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #""[^"]*""#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"(^|\s|\()--?[a-z][a-z-]*"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
        // A Dutch word in brackets beside an English one is the glossary's own help: "(klantreizen)".
        text = text.replacingOccurrences(of: #"\([a-zë]+\)"#, with: " ", options: .regularExpression)
        // Ids (F12, C2) and numbers are no words; nor are slugs (csat-mor).
        return text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "'") }.map(String.init)
            .filter { !$0.contains("-") && !$0.contains { $0.isNumber } }
    }

    static func foreign(_ lines: [String], _ words: Set<String>) -> [String] {
        lines.filter { line in Self.words(line).contains { words.contains($0) } }
    }

    /// Every command path, read from the help itself: a new command is checked without a change here.
    static func commandPaths(_ cli: CLI) throws -> [[String]] {
        var paths: [[String]] = [[]]
        var index = 0
        while index < paths.count {
            let help = try cli.run(paths[index] + ["--help"]).stdout
            var inSection = false
            for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
                if line == "SUBCOMMANDS:" || line == "OPDRACHTEN:" { inSection = true; continue }
                if line.isEmpty { inSection = false; continue }
                if inSection, let name = line.split(separator: " ").first {
                    paths.append(paths[index] + [String(name)])
                }
            }
            index += 1
        }
        return paths
    }

    @Test(arguments: [("nl", true), ("en", false)])
    func everyHelpIsInTheLanguage(_ code: String, _ isDutch: Bool) throws {
        var cli = try CLI()
        defer { cli.cleanUp() }
        cli.environment["MOLENSLOOT_LANG"] = code
        let paths = try Self.commandPaths(cli)
        #expect(paths.count > 80, "found only \(paths.count) commands")
        var offending: [String] = []
        for path in paths {
            let result = try cli.run(path + ["--help"])
            #expect(result.status == 0)
            offending += Self.foreign(result.lines, isDutch ? Self.english : Self.dutch).map { "\(path.joined(separator: " ")): \($0)" }
        }
        #expect(offending.isEmpty, "\(offending.count) lines in the other language:\n\(offending.prefix(40).joined(separator: "\n"))")
    }

    @Test(arguments: [("nl", true), ("en", false)])
    func aSessionIsInTheLanguage(_ code: String, _ isDutch: Bool) throws {
        var cli = try CLI()
        defer { cli.cleanUp() }
        cli.environment["MOLENSLOOT_LANG"] = code
        let (errors, offending) = try Self.read(Self.session, cli, isDutch: isDutch)
        #expect(errors == 11, "expected the ten mistakes and the check of an opportunity without a finding to fail, nothing else")
        #expect(offending.isEmpty, "\(offending.count) lines in the other language:\n\(offending.prefix(40).joined(separator: "\n"))")
    }

    /// Runs a session's lines: each failure must be one error line in the language. Returns how
    /// many failed and every line, of output or error, with a word of the other language.
    static func read(_ session: [String], _ cli: CLI, isDutch: Bool) throws -> (errors: Int, offending: [String]) {
        var offending: [String] = []
        var errors = 0
        for line in session {
            let result = try cli.run(line)
            let stderr = result.stderr.split(separator: "\n").map(String.init)
            if result.status != 0 {
                errors += 1
                #expect(stderr.count == 1, "\(line): \(result.stderr)")
                #expect(stderr.first?.hasPrefix(isDutch ? "fout: " : "error: ") == true, "\(line): \(result.stderr)")
            }
            offending += foreign(result.lines + stderr, isDutch ? english : dutch).map { "\(line) → \($0)" }
        }
        return (errors, offending)
    }

    /// The case system's commands on the Ede example: its process with the weakest link, the
    /// mapping of its case type and steps, an import, and mistakes.
    static let caseSession: [String] = [
        "case list",
        "case process omgevingsvergunning",
        "case process omgevingsvergunning --working-days",
        "case type ZT-OMV-REG --term P8W",
        "case step ZT-OMV-REG \"Advies aangevraagd\" --norm 14 --working-days",
        "case step ZT-OMV-REG \"Aanvulling gevraagd\" --stops-clock ja",
        // A new roadmap of its own, with the municipality's key: the example's cases were hashed
        // under a key that no one has.
        "--db nieuw.sqlite init --name Ede",
        "--db nieuw.sqlite case import statussen.csv --dry-run",
        "--db nieuw.sqlite case import statussen.csv",
        "--db nieuw.sqlite case list",
        // Mistakes: each an error line in the language.
        "case process nergens",
        "case type ZT-ONBEKEND --term P8W",
        "case type ZT-OMV-REG",
        "case step ZT-OMV-REG Onbekend --norm 5",
        "case step ZT-OMV-REG \"In behandeling\" --norm veertien",
        "case step ZT-OMV-REG \"In behandeling\" --stops-clock misschien",
        "--db nieuw.sqlite case import statussen.csv --key-file elders.key",
        "case import statussen.csv",
    ]

    @Test(arguments: [("nl", true), ("en", false)])
    func theCaseCommandsAreInTheLanguage(_ code: String, _ isDutch: Bool) throws {
        var cli = try CLI()
        defer { cli.cleanUp() }
        cli.environment["MOLENSLOOT_LANG"] = code
        cli.environment["MOLENSLOOT_DB"] = "ede.sqlite"
        try cli.ok("demo --example ede-omgevingsvergunning --db ede.sqlite --out site")
        try cli.ok("key create")
        let statuses = "zaaknummer;zaaktype;status;datum;afdeling\nZ-2015-900;ZT-BOUW;Aanvraag ontvangen;2015-08-03;Vergunningen\n"
            + "Z-2015-900;ZT-BOUW;Besluit verzonden;2015-09-14;Vergunningen\n"
        try Data(statuses.utf8).write(to: URL(fileURLWithPath: cli.path("statussen.csv")))
        let (errors, offending) = try Self.read(Self.caseSession, cli, isDutch: isDutch)
        #expect(errors == 8, "expected the eight mistakes to fail, nothing else")
        #expect(offending.isEmpty, "\(offending.count) lines in the other language:\n\(offending.prefix(40).joined(separator: "\n"))")
    }

    /// Files that imports refuse, by name; each row is one reason to refuse.
    static let refusedFiles: [(String, String)] = [
        ("score.csv", "tijdstip;cijfer\n2014-03-02;zeven\n2014-03-03;12\n2014-03-04;12\n"),
        ("scale.csv", "tijdstip;cijfer\n2014-03-02;7\n2014-03-03;12\n"),
        ("date.csv", "tijdstip;cijfer\n2014-03-02;7\n2014-13-45;8\n"),
        ("autumn.csv", "tijdstip;cijfer\n2014-09-02;7\n2014-09-03;8\n"),
        ("spring.csv", "tijdstip;cijfer\n2014-03-02;7\n"),
        ("both.csv", "tijdstip;cijfer\n2014-03-02;7\n2014-09-03;8\n"),
        ("quote.csv", "tijdstip;cijfer;toelichting\n2014-03-02;7;\"nooit gesloten\n"),
        ("nocolumn.csv", "tijdstip;toelichting\n2014-03-02;goed\n"),
        ("contacts.csv", "tijdstip;kanaal;zaaknummer\n2014-03-02 09:00;telefoon;Z1\n"),
        ("measures.csv", "metric;value\ntevredenheid-mor;11\n"),
        ("colour.json", ##"{"format":"molensloot-roadmap","version":4,"settings":{"theme_primary":"#ffff00"}}"##),
        ("codebook.json", #"{"format":"molensloot-codebook","version":1,"themes":[{"slug":"Niet Goed","name":"x"}]}"#),
    ]

    /// Imports and measurements that are refused, with the step that sets the scene before some.
    static let refusals: [String] = [
        "survey import score.csv --metric tevredenheid-mor",
        "survey import scale.csv --metric tevredenheid-mor",
        "survey import date.csv --metric tevredenheid-mor",
        "survey import autumn.csv --metric tevredenheid-mor",
        "survey import autumn.csv --metric tevredenheid-mor --cycle C1",
        "survey import quote.csv --metric tevredenheid-mor",
        "survey import nocolumn.csv --metric tevredenheid-mor",
        "volume import contacts.csv",
        "measure import measures.csv",
        "measure tevredenheid-mor 11",
        "import colour.json --db copy.sqlite",
        "theme import codebook.json",
        "cycle close --end 2014-06-30",
        "cycle open \"Najaar 2014\" --start 2014-09-01 --end 2014-12-31",
        "survey import spring.csv --metric tevredenheid-mor",
        "survey import both.csv --metric tevredenheid-mor",
        "cycle close C1",
        "site build --out /",
    ]

    @Test(arguments: [("nl", true), ("en", false)])
    func refusedImportsAreInTheLanguage(_ code: String, _ isDutch: Bool) throws {
        var cli = try CLI()
        defer { cli.cleanUp() }
        cli.environment["MOLENSLOOT_LANG"] = code
        cli.environment["MOLENSLOOT_KEY_FILE"] = cli.path("no-such.key")
        try cli.ok("init --name \"Gemeente Molensloot\"")
        try cli.ok("metric add tevredenheid-mor \"Tevredenheid melding\" --unit cijfer --scale-min 1 --scale-max 10")
        try cli.ok("cycle open \"Voorjaar 2014\" --start 2014-03-01 --end 2014-06-30")
        for (name, text) in Self.refusedFiles { try Data(text.utf8).write(to: URL(fileURLWithPath: cli.path(name))) }
        var offending: [String] = []
        var refused = 0
        for line in Self.refusals {
            let words = CLI.split(line).map { $0.hasSuffix(".csv") || $0.hasSuffix(".json") ? cli.path($0) : $0 }
            let result = try cli.run(words)
            let stderr = result.stderr.split(separator: "\n").map(String.init)
            if line.hasPrefix("cycle close --end") || line.hasPrefix("cycle open") {
                #expect(result.status == 0, "\(line): \(result.stderr)")
                continue
            }
            refused += 1
            #expect(result.status != 0, "\(line) was not refused")
            #expect(stderr.count == 1, "\(line): \(result.stderr)")
            #expect(stderr.first?.hasPrefix(isDutch ? "fout: " : "error: ") == true, "\(line): \(result.stderr)")
            offending += Self.foreign(stderr, isDutch ? Self.english : Self.dutch).map { "\(line) → \($0)" }
        }
        #expect(refused == 16)
        #expect(offending.isEmpty, "\(offending.count) lines in the other language:\n\(offending.prefix(40).joined(separator: "\n"))")
    }

    @Test func dutchNumbersDatesAndValues() throws {
        var cli = try CLI()
        defer { cli.cleanUp() }
        cli.environment["MOLENSLOOT_LANG"] = "nl"
        for line in Self.session.prefix(29) { try cli.run(line) }
        let metric = try cli.ok("metric show tevredenheid-mor").stdout
        #expect(metric.contains("6,2"), "the baseline with a decimal comma")
        #expect(metric.contains("verbeterd"), "\(metric)")
        let item = try cli.ok("item show R1").stdout
        #expect(item.contains("1 mei 2014"), "the done date in words")
        #expect(item.contains("klaar"), "the status in Dutch")
        #expect(item.contains("verwacht +0,5"), "\(item)")
        // Dutch values are stored as the English ones, so the JSON is the same.
        let json = try cli.ok("item show R1 --json").stdout
        #expect(json.contains("\"status\" : \"done\"") || json.contains("\"status\": \"done\""), "\(json)")
        #expect(json.contains("\"horizon\" : \"now\"") || json.contains("\"horizon\": \"now\""), "\(json)")
    }

    @Test func theLanguageComesFromTheOptionTheEnvironmentTheFileThenDutch() throws {
        var cli = try CLI()
        defer { cli.cleanUp() }
        cli.environment["MOLENSLOOT_LANG"] = nil
        try cli.ok("init")
        #expect(try cli.ok("finding list").stdout.contains("0 bevindingen"), "Dutch when nothing is chosen")
        try cli.ok("language en")
        #expect(try cli.ok("finding list").stdout.contains("0 findings"), "the roadmap's own language")
        #expect(!(try cli.ok("export").stdout.contains("\"language\"")), "export format 4 carries no language")
        cli.environment["MOLENSLOOT_LANG"] = "nl"
        #expect(try cli.ok("finding list").stdout.contains("0 bevindingen"), "the environment over the file")
        #expect(try cli.ok("finding list --lang en").stdout.contains("0 findings"), "--lang over the environment")
        let wrong = try cli.run("finding list --lang fr")
        #expect(wrong.status == 64 && wrong.stderr.contains("--lang"), "\(wrong.stderr)")
    }

    /// Scripts read `--json`; the language must never change a byte of it.
    @Test func jsonIsTheSameInBothLanguages() throws {
        var cli = try CLI()
        defer { cli.cleanUp() }
        cli.environment["MOLENSLOOT_DB"] = cli.path("demo.sqlite")
        try cli.ok("demo --db \(cli.path("demo.sqlite")) --out \(cli.path("demo"))")
        var commands = ["status", "roadmap", "cycle report", "cycle report C1", "opportunity rank", "assumption list", "check",
                        "volume mix", "volume repeats", "theme counts", "mapping list", "survey comments", "vision show",
                        "measure list", "log --limit 5", "key show", "opportunity weights"]
        for noun in ["principle", "goal", "channel", "persona", "journey", "touchpoint", "metric", "insight", "finding",
                     "spearhead", "opportunity", "item", "agreement", "cycle", "assumption"] {
            commands.append("\(noun) list")
            let listed = try cli.ok("\(noun) list --json").stdout
            if let first = listed.range(of: #""(id|slug)" ?: ?"[^"]+""#, options: .regularExpression) {
                let ref = listed[first].split(separator: "\"").last.map(String.init) ?? ""
                commands.append("\(noun) show \(ref)")
            }
        }
        for command in commands {
            cli.environment["MOLENSLOOT_LANG"] = "nl"
            let dutch = try cli.run(command + " --json")
            cli.environment["MOLENSLOOT_LANG"] = "en"
            let english = try cli.run(command + " --json")
            #expect(dutch.status == english.status, "\(command)")
            #expect(!dutch.stdout.isEmpty, "\(command) printed no JSON: \(dutch.stderr)")
            #expect(dutch.stdout == english.stdout, "\(command) --json differs between nl and en")
        }
    }

    @Test func demoRefusesARoadmapThatExists() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok("init --db mine.sqlite")
        let before = cli.bytes("mine.sqlite")
        let refused = try cli.run("demo --db mine.sqlite --out demo")
        #expect(refused.status == 64, "\(refused.stderr)")
        #expect(refused.stderr.contains("mine.sqlite"), "\(refused.stderr)")
        #expect(cli.bytes("mine.sqlite") == before, "the user's file is untouched")
        try cli.ok("demo --db fresh.sqlite --out demo")
        #expect(cli.bytes("fresh.sqlite") != nil, "--db names where the demo's roadmap goes")
    }

    @Test func surveyCommentsTakeTheMetricAsAnArgumentOrTheOldOption() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        try cli.ok("demo --db demo.sqlite --out demo --example haarlemmermeer-mor")
        let metrics = try cli.ok("--db demo.sqlite metric list --json").stdout
        guard let found = metrics.range(of: #""slug" ?: ?"[^"]+""#, options: .regularExpression) else {
            Issue.record("no metric in the example")
            return
        }
        let metric = metrics[found].split(separator: "\"").last.map(String.init) ?? ""
        let positional = try cli.ok("--db demo.sqlite survey comments \(metric) --json").stdout
        let option = try cli.ok("--db demo.sqlite survey comments --metric \(metric) --json").stdout
        #expect(positional == option)
        let both = try cli.run("--db demo.sqlite survey comments \(metric) --metric andere")
        #expect(both.status == 64, "\(both.stderr)")
    }
}
