import SixSteps

/// The language of this run, chosen once before anything is printed: `--lang`, else
/// `$MOLENSLOOT_LANG`, else the roadmap file's own setting (`molensloot language`), else Dutch.
/// A process runs one command in one language, so every text below can ask it.
let language: Language = LanguageChoice.choose(Array(CommandLine.arguments.dropFirst()), Environment())

enum LanguageChoice {
    static func choose(_ words: [String], _ environment: Environment) -> Language {
        if let typed = value(of: "lang", in: words) {
            // A value that is no language is refused later, by the parser, in Dutch.
            return parse(typed) ?? .nl
        }
        if let typed = environment.variable("MOLENSLOOT_LANG"), let chosen = parse(typed) { return chosen }
        let path = value(of: "db", in: words) ?? environment.variable("MOLENSLOOT_DB") ?? "roadmap.sqlite"
        return RoadmapFile.languageSetting(path: path) ?? .nl
    }

    /// `nl`, `en`, and the names a person might type: `nederlands`, `english`, `nl_NL.UTF-8`.
    static func parse(_ text: String) -> Language? {
        let lowered = text.lowercased()
        if lowered.hasPrefix("nl") || lowered == "nederlands" || lowered == "dutch" { return .nl }
        if lowered.hasPrefix("en") || lowered == "engels" { return .en }
        return nil
    }

    /// The last value of `--name VALUE` or `--name=VALUE` before a lone `--`.
    private static func value(of name: String, in words: [String]) -> String? {
        var found: String?
        var index = 0
        while index < words.count, words[index] != "--" {
            let word = words[index]
            if word == "--\(name)", index + 1 < words.count {
                found = words[index + 1]
                index += 1
            } else if word.hasPrefix("--\(name)=") {
                found = String(word.dropFirst(name.count + 3))
            }
            index += 1
        }
        return found
    }
}

/// The text in the run's language: every word the command line prints goes through here.
func t(_ dutch: @autoclosure () -> String, _ english: @autoclosure () -> String) -> String {
    language.t(dutch(), english())
}

/// A number as the run's language writes it: "7,5" in Dutch, "7.5" in English.
func localNumber(_ value: Double, decimals: Int = 2, signed: Bool = false, fixed: Bool = false) -> String {
    language.number(value, decimals: decimals, signed: signed, fixed: fixed)
}

/// "3 maart 2014"; text that is not a date as it is.
func localDate(_ iso: String) -> String { language.date(iso) }
