/// The fields of the records in the glossary's words: their labels, their help and the Dutch
/// words for their values. The values stored stay the English ones (`done`, `improve`), so the
/// file, the export and `--json` are the same in every language.
extension Language {
    /// "doeldatum", "target date".
    public func fieldLabel(_ field: Field) -> String {
        guard self == .nl else { return field.name.replacingUnderscores.replacingOccurrences("-", " ") }
        return Self.dutchLabels[field.key] ?? field.name
    }

    private static let dutchLabels: [FieldKey: String] = [
        .title: "titel", .description: "toelichting", .source: "bron", .metric: "meeteenheid", .target: "doel",
        .targetDate: "doeldatum", .name: "naam", .channels: "kanalen", .journey: "klantreis", .phase: "fase",
        .channel: "kanaal", .momentOfTruth: "moment van de waarheid", .unit: "eenheid", .scaleMin: "schaal van",
        .scaleMax: "schaal tot", .direction: "richting", .baseline: "nulmeting", .kind: "soort",
        .touchpoint: "contactmoment", .persona: "persona", .severity: "ernst", .evidence: "bewijs", .impact: "impact",
        .effort: "moeite", .reach: "bereik", .confidence: "zekerheid", .spearhead: "speerpunt", .owner: "eigenaar",
        .team: "team", .horizon: "horizon", .status: "status", .startDate: "startdatum", .dueDate: "einddatum",
        .doneDate: "klaar op", .who: "wie", .what: "wat", .cadence: "hoe vaak", .item: "roadmap-item",
        .endDate: "einddatum", .note: "notitie", .cycle: "cyclus", .value: "waarde", .n: "n", .sd: "sd",
        .test: "toets", .expect: "verwachting", .reason: "contactreden", .insight: "inzicht", .verdict: "oordeel",
    ]

    /// The help of a field's option.
    public func fieldHelp(_ kind: Kind, _ field: Field) -> String {
        guard self == .nl else { return field.help }
        switch (kind, field.key) {
        case (.goal, .metric): return "de meeteenheid die laat zien dat het doel bereikt is"
        case (.goal, .target): return "de waarde die de meeteenheid moet halen"
        case (.channel, .name): return "de naam van het kanaal"
        case (.persona, .name): return "de naam van de groep, bijv. 'Drukke ouders'"
        case (.journey, .name): return "de naam van de klantreis"
        case (.metric, .name): return "wat gemeten wordt, bijv. 'Tevredenheid melding'"
        case (.metric, .target): return "de waarde die gehaald moet worden"
        case (.cycle, .name): return "de naam van de cyclus"
        case (.cycle, .note): return "de terugblik"
        case (.measurement, .metric): return "de gemeten meeteenheid"
        case (.measurement, .note): return "een opmerking"
        case (.assumption, .title): return "wat de organisatie aanneemt, bijv. 'Wie een lantaarnpaal meldt, gebruikt de app'"
        case (.assumption, .metric): return "de meeteenheid die haar toetst (toets meeteenheid)"
        case (.assumption, .channel): return "het kanaal waarvan het aandeel haar toetst (toets kanaalaandeel)"
        case (.assumption, .journey): return "alleen contacten in deze klantreis (herhaal- en wisselaandeel)"
        case (.agreement, .what): return "wat is afgesproken"
        case (.insight, .kind): return "trend, behoefte, wens, eis of kanaalgebruik"
        case (.finding, .kind): return "goed (houden) of verbeteren"
        case (.cycle, .status): return "open of gesloten"
        default: return Self.dutchHelp[field.key] ?? field.help
        }
    }

    private static let dutchHelp: [FieldKey: String] = [
        .title: "een korte titel",
        .description: "een langere toelichting",
        .source: "waar het vandaan komt, bijv. 'enquête 2013'",
        .targetDate: "wanneer het doel gehaald moet zijn (JJJJ-MM-DD)",
        .channels: "voorkeurskanalen, slugs met komma's ertussen",
        .journey: "de klantreis, bijv. mor",
        .phase: "de fase van die klantreis, bijv. contact",
        .channel: "het kanaal waar het om gaat",
        .momentOfTruth: "ja als inwoners hier hun oordeel vormen",
        .unit: "de eenheid, bijv. 'cijfer', '%', 'dagen'",
        .scaleMin: "de laagst mogelijke waarde, bijv. 1",
        .scaleMax: "de hoogst mogelijke waarde, bijv. 10",
        .direction: "of hoger of lager beter is",
        .baseline: "de waarde vóór elke verbetering",
        .kind: "hoe de waarde uit de antwoorden volgt: gemiddelde, nps, csat (top-2-box), ces, fcr of op-tijd",
        .touchpoint: "het contactmoment, bijv. T3",
        .persona: "de groep inwoners waar het om gaat",
        .severity: "hoeveel het inwoners uitmaakt, 1 (weinig) tot 5 (heel veel)",
        .evidence: "waaruit het blijkt: citaten, cijfers, waarnemingen",
        .impact: "effect op inwoners, 1 tot 5",
        .effort: "hoeveel werk het is, 1 (weinig) tot 5 (veel)",
        .reach: "welk deel van de inwoners het raakt, 1 tot 5",
        .confidence: "hoe zeker het team is van impact en moeite, 0 tot 100 (%)",
        .spearhead: "het speerpunt waar het bij hoort, bijv. S1",
        .owner: "wie verantwoordelijk is",
        .team: "het team dat het werk doet",
        .horizon: "nu, hierna of later",
        .status: "idee, gepland, bezig, klaar of geschrapt",
        .startDate: "geplande start (JJJJ-MM-DD)",
        .dueDate: "gepland einde (JJJJ-MM-DD)",
        .doneDate: "wanneer het klaar was (JJJJ-MM-DD)",
        .who: "wie het doet, bijv. 'teamleider KCC'",
        .cadence: "hoe vaak, bijv. 'elke maand'",
        .item: "het roadmap-item waar het bij hoort, bijv. R4",
        .endDate: "laatste dag (JJJJ-MM-DD)",
        .cycle: "de cyclus, bijv. C2",
        .value: "de gemeten waarde",
        .n: "het aantal respondenten",
        .sd: "de standaardafwijking",
        .test: "wat haar toetst: meeteenheid, kanaalaandeel, herhaalaandeel, wisselaandeel of inzicht",
        .expect: "de uitkomst die haar bevestigt, bijv. '>= 50' (een aandeel in %) of '>= 7' (een meeteenheid)",
        .reason: "alleen contacten met deze contactreden (kanaal-, herhaal- en wisselaandeel)",
        .insight: "het inzicht uit onderzoek dat haar toetst (toets inzicht)",
        .verdict: "bij toets inzicht: wat het inzicht liet zien, klopt of klopt niet",
    ]

    /// The Dutch word for each stored value of a choice, by field; `yes`/`no` for flags.
    private static let dutchValues: [String: [String: String]] = [
        "kind": ["good": "goed", "improve": "verbeteren", "trend": "trend", "need": "behoefte", "wish": "wens",
                 "requirement": "eis", "usage": "kanaalgebruik", "mean": "gemiddelde", "on-time": "op-tijd"],
        "horizon": ["now": "nu", "next": "hierna", "later": "later"],
        "status": ["idea": "idee", "planned": "gepland", "doing": "bezig", "done": "klaar", "dropped": "geschrapt",
                   "open": "open", "closed": "gesloten"],
        "direction": ["higher": "hoger", "lower": "lager"],
        "test": ["metric": "meeteenheid", "channel-share": "kanaalaandeel", "repeat-share": "herhaalaandeel",
                 "switch-share": "wisselaandeel", "insight": "inzicht"],
        "verdict": ["confirmed": "klopt", "refuted": "klopt-niet"],
        "flag": ["yes": "ja", "no": "nee"],
    ]

    /// Other Dutch words a manager may type for a value: "straks" for next, "afgerond" for done.
    private static let dutchSynonyms: [String: [String: String]] = [
        "horizon": ["straks": "next", "volgende": "next"],
        "status": ["afgerond": "done", "gedaan": "done", "geannuleerd": "dropped", "afgesloten": "closed"],
        "kind": ["beter": "improve", "goedgaat": "good"],
        "verdict": ["bevestigd": "confirmed", "weerlegd": "refuted"],
    ]

    /// A stored value of a choice or flag as it is read: "klaar" for done in Dutch.
    public func valueLabel(_ field: Field, _ value: String) -> String {
        guard self == .nl else { return value }
        let key = field.type == .flag ? "flag" : field.name
        return Self.dutchValues[key]?[value] ?? value
    }

    /// The stored value for what a person typed, in either language: `klaar` and `done` are both
    /// done. Anything else is returned as typed, for the domain to refuse with the choices.
    public static func canonicalValue(_ field: Field, _ typed: String) -> String {
        let key = field.type == .flag ? "flag" : field.name
        let lowered = typed.lowercased()
        if let english = dutchValues[key]?.first(where: { $0.value == lowered })?.key { return english }
        return dutchSynonyms[key]?[lowered] ?? typed
    }
}

extension String {
    func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
