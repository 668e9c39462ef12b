import SixSteps

/// A node of the command tree: a group of subcommands, or a command that runs.
struct Command: Sendable {
    var name: String
    var abstract: String
    var arguments: [Argument] = []
    var options: [Option] = []
    var subcommands: [Command] = []
    var examples: [String] = []
    var run: (@Sendable (Invocation) throws -> Void)?
    /// The step of the method the command works in; its help names the step from `Step`.
    var step: Step?

    struct Argument: Sendable {
        var name: String
        var help: String
        var isOptional = false
        var isVariadic = false
    }

    struct Option: Sendable {
        var name: String
        /// Nil for a flag that takes no value.
        var value: String?
        var help: String

        static func flag(_ name: String, _ help: String) -> Option { Option(name: name, value: nil, help: help) }
    }

    func subcommand(_ name: String) -> Command? { subcommands.first { $0.name == name } }

    /// The command placed in a step of the method.
    func inStep(_ step: Step) -> Command {
        var command = self
        command.step = step
        return command
    }

    /// The abstract, after the number of the command's step: "Step 2: metric definitions".
    var summary: String { (step.map { t("Stap \($0.number): ", "Step \($0.number): ") } ?? "") + abstract }
}

/// Options every command understands.
enum GlobalOption {
    static let options: [Command.Option] = [
        .init(name: "db", value: t("pad", "path"), help: t("het roadmap-bestand (standaard: $MOLENSLOOT_DB, anders ./roadmap.sqlite)",
                                                           "the roadmap file (default: $MOLENSLOOT_DB, else ./roadmap.sqlite)")),
        .init(name: "by", value: t("naam", "name"), help: t("wie de wijziging doet, voor het logboek (standaard: $USER)",
                                                            "who makes the change, for the log (default: $USER)")),
        .init(name: "key-file", value: t("pad", "path"),
              help: t("het sleutelbestand voor de versleutelde zaaknummers (standaard: $MOLENSLOOT_KEY_FILE, anders ~/.config/molensloot/pseudonym.key)",
                      "the key file of the case-key hashes (default: $MOLENSLOOT_KEY_FILE, else ~/.config/molensloot/pseudonym.key)")),
        .init(name: "lang", value: "nl|en", help: t("de taal van wat molensloot schrijft (standaard: $MOLENSLOOT_LANG, anders de taal van de roadmap, anders nl)",
                                                    "the language molensloot writes in (default: $MOLENSLOOT_LANG, else the roadmap's language, else nl)")),
        .flag("help", t("toon de hulp bij deze opdracht", "show help for this command")),
    ]
}

/// A usage mistake: exit code 64, like swift-argument-parser.
struct UsageError: Error, CustomStringConvertible {
    let description: String
}

/// What the person typed, matched against a command.
struct Invocation: Sendable {
    let path: [String]
    let arguments: [String]
    let values: [String: [String]]
    let flags: Set<String>
    let environment: Environment

    func value(_ name: String) -> String? { values[name]?.last }
    func flag(_ name: String) -> Bool { flags.contains(name) }
    func argument(_ index: Int) -> String? { index < arguments.count ? arguments[index] : nil }

    var commandName: String { (["molensloot"] + path).joined(separator: " ") }

    /// The database path: --db, else $MOLENSLOOT_DB, else ./roadmap.sqlite.
    var databasePath: String { value("db") ?? environment.variable("MOLENSLOOT_DB") ?? "roadmap.sqlite" }
    var actor: String { value("by") ?? environment.variable("USER") ?? "unknown" }
}

extension Command {
    /// Walks the words down the tree and parses what is left against the command found.
    static func parse(_ words: [String], root: Command, environment: Environment) throws
        -> (command: Command, path: [String], invocation: Invocation?) {
        var command = root
        var path: [String] = []
        var rest = words[...]
        // Global options may come before the subcommand too: `molensloot --db x.sqlite status`.
        var leading: [String] = []
        while let word = rest.first, !command.subcommands.isEmpty {
            if let option = GlobalOption.options.first(where: { word == "--\($0.name)" || word.hasPrefix("--\($0.name)=") }) {
                leading.append(word)
                rest = rest.dropFirst()
                if option.value != nil, !word.contains("="), let value = rest.first {
                    leading.append(value)
                    rest = rest.dropFirst()
                }
                continue
            }
            if word.hasPrefix("-") { break }
            // A command that runs by itself takes words that are not subcommands as arguments:
            // `measure tevredenheid 7,4` beside `measure import FILE`.
            if command.run != nil && command.subcommand(word) == nil { break }
            guard let next = command.subcommand(word) else {
                let known = command.subcommands.map(\.name).joined(separator: ", ")
                throw UsageError(description: t("onbekende opdracht '\(word)' voor '\((["molensloot"] + path).joined(separator: " "))'; kies uit: \(known)",
                                                "unknown command '\(word)' for '\((["molensloot"] + path).joined(separator: " "))'; choose one of: \(known)"))
            }
            command = next
            path.append(word)
            rest = rest.dropFirst()
        }
        rest = leading[...] + rest
        let display = (["molensloot"] + path).joined(separator: " ")
        let options = command.options + GlobalOption.options
        var arguments: [String] = []
        var values: [String: [String]] = [:]
        var flags: Set<String> = []
        var onlyArguments = false
        while let word = rest.popFirst() {
            if onlyArguments || !word.hasPrefix("-") || word == "-" || isNumber(word) {
                arguments.append(word)
                continue
            }
            if word == "--" { onlyArguments = true; continue }
            if word == "-h" { flags.insert("help"); continue }
            var name = String(word.drop { $0 == "-" })
            var inline: String?
            if let equals = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = options.first(where: { $0.name == name }) else {
                throw UsageError(description: t("onbekende optie '--\(name)' voor '\(display)'; zie '\(display) --help'",
                                                "unknown option '--\(name)' for '\(display)'; see '\(display) --help'"))
            }
            if option.value == nil {
                guard inline == nil else {
                    throw UsageError(description: t("--\(name) neemt geen waarde; zie '\(display) --help'", "--\(name) takes no value; see '\(display) --help'"))
                }
                flags.insert(name)
            } else if let value = inline ?? rest.popFirst() {
                values[name, default: []].append(value)
            } else {
                throw UsageError(description: t("--\(name) heeft een waarde nodig (<\(option.value ?? "waarde")>); zie '\(display) --help'",
                                                "--\(name) needs a value (<\(option.value ?? "value")>); see '\(display) --help'"))
            }
        }
        if flags.contains("help") || (command.run == nil && arguments.isEmpty) { return (command, path, nil) }
        if command.run != nil && !command.subcommands.isEmpty && arguments.isEmpty && values.isEmpty && flags.isEmpty {
            return (command, path, nil)
        }
        guard command.run != nil else {
            throw UsageError(description: t("onbekende opdracht '\(arguments[0])' voor '\(display)'; zie '\(display) --help'",
                                            "unknown command '\(arguments[0])' for '\(display)'; see '\(display) --help'"))
        }
        let required = command.arguments.filter { !$0.isOptional }.count
        if arguments.count < required {
            let missing = command.arguments[arguments.count]
            throw UsageError(description: t("'\(display)' heeft <\(missing.name)> nodig; zie '\(display) --help'",
                                            "'\(display)' needs <\(missing.name)>; see '\(display) --help'"))
        }
        if !(command.arguments.last?.isVariadic ?? false), arguments.count > command.arguments.count {
            throw UsageError(description: t("onverwacht argument '\(arguments[command.arguments.count])' voor '\(display)'; "
                                              + "zet tekst met spaties tussen aanhalingstekens, zie '\(display) --help'",
                                            "unexpected argument '\(arguments[command.arguments.count])' for '\(display)'; "
                                              + "put text with spaces in quotes, see '\(display) --help'"))
        }
        return (command, path, Invocation(path: path, arguments: arguments, values: values, flags: flags, environment: environment))
    }

    /// "-0.5" is a value, not an option.
    private static func isNumber(_ word: String) -> Bool {
        word.count > 1 && word.dropFirst().allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
    }

    func help(path: [String]) -> String {
        let display = (["molensloot"] + path).joined(separator: " ")
        var lines = [t("OVERZICHT: ", "OVERVIEW: ") + summary, ""]
        var usage = t("GEBRUIK: ", "USAGE: ") + display
        if !subcommands.isEmpty && run == nil { usage += t(" <opdracht>", " <subcommand>") }
        if !subcommands.isEmpty && run != nil {
            lines.append(t("GEBRUIK: \(display) <opdracht>", "USAGE: \(display) <subcommand>"))
        }
        for argument in arguments {
            let word = "<\(argument.name)>" + (argument.isVariadic ? " ..." : "")
            usage += argument.isOptional ? " [\(word)]" : " \(word)"
        }
        if !options.isEmpty { usage += t(" [opties]", " [options]") }
        lines.append(usage)
        func rows(_ pairs: [(String, String)]) -> [String] {
            let width = min(30, (pairs.map { $0.0.count }.max() ?? 0) + 2)
            return pairs.map { left, right in
                let padded = left.count >= width ? left + "  " : left + String(repeating: " ", count: width - left.count)
                return "  " + padded + right
            }
        }
        if !arguments.isEmpty {
            lines += ["", t("ARGUMENTEN:", "ARGUMENTS:")] + rows(arguments.map { ("<\($0.name)>", $0.help) })
        }
        if path.isEmpty {
            lines += ["", t("DE ZES STAPPEN:", "THE SIX STEPS:")] + rows(Step.allCases.map { step in
                let nouns = subcommands.filter { $0.step == step }.map(\.name)
                // The nouns are typed as they are, in any language: quoted like other things to type.
                return ("\(step.number) " + t(step.dutchName, step.englishName), nouns.map { "'\($0)'" }.joined(separator: ", "))
            })
        }
        if !subcommands.isEmpty {
            lines += ["", t("OPDRACHTEN:", "SUBCOMMANDS:")] + rows(subcommands.map { ($0.name, $0.summary) })
        }
        let allOptions = options + GlobalOption.options
        lines += ["", t("OPTIES:", "OPTIONS:")] + rows(allOptions.map { option in
            ((option.name == "help" ? "-h, " : "") + "--\(option.name)" + (option.value.map { " <\($0)>" } ?? ""), option.help)
        })
        if !examples.isEmpty {
            lines += ["", t("VOORBEELDEN:", "EXAMPLES:")] + examples.map { "  " + $0 }
        }
        if !subcommands.isEmpty {
            lines += ["", t("Zie '\(display) <opdracht> --help' voor meer.", "See '\(display) <subcommand> --help' for more.")]
        }
        return lines.joined(separator: "\n")
    }
}
