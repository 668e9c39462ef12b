/// What a person did that the roadmap cannot accept, each with the way out.
public enum DomainError: Error, Equatable, CustomStringConvertible {
    case unknownRecord(Kind, String)
    case unknownPhase(journey: String, phase: String, phases: [String])
    case missingValue(Kind, field: String)
    case invalidValue(field: String, value: String, expected: String)
    case invalidSlug(String)
    case duplicate(Kind, String)
    case linked(record: String, links: [String])
    case needed(record: String, by: [String])
    case dependencyCycle([String])
    case inconsistent(Message)
    case notEmpty(path: String)
    case badImport(Message)
    case frozen(cycle: String)
    case noOpenCycle
    case noCycles
    case noSurveyResponses(metric: String)
    case cycleStillOpen(String)
    case badFile(path: String, Message)
    /// Several problems of one import file, each with its line and column; `total` counts them all.
    case problems(path: String, [Message], total: Int)

    public var description: String { message(.en) }

    /// The message in the language asked for: the command line speaks the person's language.
    public func message(_ language: Language) -> String {
        let t = language.t
        switch self {
        case .unknownRecord(let kind, let ref):
            return t("er is geen \(language.noun(kind)) '\(ref)'; zie 'molensloot \(kind.noun) list'",
                     "unknown \(language.noun(kind)) '\(ref)'; see 'molensloot \(kind.noun) list'")
        case .unknownPhase(let journey, let phase, let phases):
            let known = phases.isEmpty ? t("die heeft nog geen fasen", "it has no phases yet")
                : t("de fasen zijn ", "its phases are ") + phases.joined(separator: ", ")
            return t("klantreis '\(journey)' heeft geen fase '\(phase)'; \(known)", "journey '\(journey)' has no phase '\(phase)'; \(known)")
        case .missingValue(let kind, let field):
            return t("\(language.aNoun(kind)) heeft --\(field.replacingUnderscores) nodig; zet die in de opdracht",
                     "\(language.aNoun(kind)) needs --\(field.replacingUnderscores); add it to the command")
        case .invalidValue(let field, let value, let expected):
            return t("--\(field.replacingUnderscores) '\(value)' kan niet: verwacht \(Self.expectedDutch(expected, field: field))",
                     "--\(field.replacingUnderscores) '\(value)' is not valid: expected \(expected)")
        case .invalidSlug(let slug):
            return t("'\(slug)' is geen geldige slug: gebruik kleine letters, cijfers en streepjes, begin met een letter, zoals 'csat-mor'",
                     "'\(slug)' is not a valid slug: use lowercase letters, digits and hyphens, starting with a letter, like 'csat-mor'")
        case .duplicate(let kind, let ref):
            if kind.identity == .slug {
                return t("er is al \(language.aNoun(kind)) '\(ref)'; kies een andere slug of wijzig die",
                         "\(language.aNoun(kind)) '\(ref)' already exists; choose another slug or edit that one")
            }
            return t("\(ref) staat er twee keer in; elk(e) \(language.noun(kind)) heeft een eigen id nodig",
                     "\(ref) appears twice; every \(language.noun(kind)) needs its own id")
        case .linked(let record, let links):
            return t("\(record) is gekoppeld aan \(Self.summary(links, language)); geef --force om het samen met die koppelingen te verwijderen",
                     "\(record) is linked to \(Self.summary(links, language)); pass --force to remove it together with these links")
        case .needed(let record, let records):
            return t("\(Self.summary(records, language)) kan niet zonder \(record); verplaats of verwijder die eerst",
                     "\(record) is needed by \(Self.summary(records, language)), which cannot exist without it; move or remove those first")
        case .dependencyCycle(let path):
            return t("die afhankelijkheid maakt een kring (\(path.joined(separator: " → "))); haal eerst een van deze afhankelijkheden weg",
                     "that dependency would make a cycle (\(path.joined(separator: " → "))); remove one of these dependencies first")
        case .inconsistent(let message):
            return language.words(message)
        case .notEmpty(let path):
            return t("\(path) bevat al een roadmap; importeer in een nieuw bestand met --db NIEUW.sqlite, of geef --replace om het te overschrijven",
                     "\(path) already holds a roadmap; import into a new file with --db NEW.sqlite, or pass --replace to overwrite it")
        case .badImport(let message):
            return language.words(message)
        case .frozen(let cycle):
            return t("\(cycle) is gesloten, dus de metingen liggen vast; meet in de open cyclus",
                     "\(cycle) is closed, so its measurements are frozen; measure in the open cycle instead")
        case .noOpenCycle:
            return t("er is geen open cyclus; open er een met 'molensloot cycle open NAAM' of noem er een met --cycle",
                     "no cycle is open; open one with 'molensloot cycle open NAME' or name one with --cycle")
        case .noCycles:
            return t("er zijn nog geen cycli; open er een met 'molensloot cycle open NAAM'",
                     "there are no cycles yet; open one with 'molensloot cycle open NAME'")
        case .noSurveyResponses(let metric):
            return t("\(metric) heeft nog geen enquêteantwoorden; importeer ze met 'molensloot survey import'",
                     "\(metric) has no survey responses yet; import them with 'molensloot survey import'")
        case .cycleStillOpen(let cycle):
            return t("\(cycle) is nog open; sluit die eerst met 'molensloot cycle close'",
                     "\(cycle) is still open; close it first with 'molensloot cycle close'")
        case .badFile(let path, let message):
            return t("\(path): \(message.nl); er is niets geïmporteerd", "\(path): \(message.en); nothing was imported")
        case .problems(let path, let messages, let total):
            // One line, as every message, with the problems numbered so each can be found.
            let more = total > messages.count ? t(" … en nog \(total - messages.count)", " … and \(total - messages.count) more") : ""
            return t("\(path): \(total) problemen; er is niets geïmporteerd. Los ze allemaal op en importeer opnieuw: ",
                     "\(path): \(total) problems; nothing was imported. Fix them all and import again: ")
                + messages.enumerated().map { "[\($0.offset + 1)] \(language.words($0.element))" }.joined(separator: " ") + more
        }
    }

    /// The common expectations in Dutch; the rest as the rule wrote them.
    static func expectedDutch(_ expected: String, field: String) -> String {
        if expected == "text" { return "tekst" }
        // A choice lists its values as a person types them in Dutch.
        if expected.hasPrefix("one of "), let known = Kind.allCases.lazy.compactMap({ $0.field(named: field) }).first(where: {
            if case .choice = $0.type { return true } else { return false }
        }) {
            let values = expected.dropFirst("one of ".count).split(separator: ",").map { $0.trimmingSpaces }
            return "een van " + values.map { Language.nl.valueLabel(known, $0) }.joined(separator: ", ")
        }
        var text = expected
        var phrases: [(String, String)] = [
            ("a value (it cannot be empty)", "een waarde (leeg kan niet)"),
            ("a whole number of at least ", "een geheel getal van minstens "),
            ("a whole number from ", "een geheel getal van "),
            ("a number such as 7.8 or 7,8", "een getal zoals 7,8"),
            ("a real date as YYYY-MM-DD, such as 2014-03-03", "een bestaande datum als JJJJ-MM-DD, zoals 2014-03-03"),
            ("a comparison and a number, like", "een vergelijking en een getal, zoals"),
            ("a share from 0 to 100 (%)", "een aandeel van 0 tot 100 (%)"),
            ("text without control characters (it holds", "tekst zonder stuurtekens (er staat"),
            ("one of ", "een van "), ("yes or no", "ja of nee"), (" slugs separated by commas", "-slugs met komma's ertussen"),
            (" id such as ", "-id zoals "), ("the slug of a ", "de slug van een "), ("no such field for a ", "dat veld bestaat niet bij een "),
            (" or ", " of "), (" to ", " tot "),
        ]
        for kind in Kind.allCases { phrases.append(("a \(kind.noun)", "een " + Language.nl.noun(kind))) }
        for (english, dutch) in phrases { text = text.replacingAll(english, with: dutch) }
        return text
    }

    /// Names up to eight records and counts the rest, so the message stays one readable line.
    static func summary(_ records: [String], _ language: Language = .en) -> String {
        let shown = records.prefix(8).joined(separator: ", ")
        return records.count > 8 ? shown + language.t(" en nog \(records.count - 8)", " and \(records.count - 8) more") : shown
    }
}

extension String {
    /// Every occurrence of `target` replaced, without Foundation.
    public func replacingAll(_ target: String, with replacement: String) -> String {
        let pattern = Array(target), characters = Array(self)
        guard !pattern.isEmpty, characters.count >= pattern.count else { return self }
        var result = ""
        var index = 0
        while index < characters.count {
            if index + pattern.count <= characters.count && Array(characters[index..<index + pattern.count]) == pattern {
                result += replacement
                index += pattern.count
            } else {
                result.append(characters[index])
                index += 1
            }
        }
        return result
    }
}

extension Substring {
    var trimmingSpaces: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}

extension Message {
    /// Another error's own words, in both languages, to place inside a message about where it
    /// happened ("settings: theme_primary: …").
    public static func of(_ error: any Error) -> Message {
        switch error {
        case let error as DomainError: return Message(error.message(.nl), error.message(.en))
        case let error as CSVError: return Message(error.text(dutch: true), error.text(dutch: false))
        case let error as JSONError: return Message(error.text(dutch: true), error.text(dutch: false))
        default: return Message("\(error)", "\(error)")
        }
    }
}
