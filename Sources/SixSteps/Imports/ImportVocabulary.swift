/// How municipalities' exports spell things: Dutch column headers, the tool's own display names
/// next to its slugs, accents or none, and the answers that mean "no answer". One place, so the
/// survey, volume, contact and measurement imports all read the same spellings.
public enum ImportVocabulary {
    /// A spelling reduced to what a person means by it: lowercase, without accents, and without
    /// spaces, hyphens, dots, slashes or underscores. "Oriëntatie", "orientatie" and "ORIENTATIE"
    /// are one; "E-mail" and "email" are one; "Klant groep" and "klantgroep" are one.
    public static func fold(_ text: String) -> String {
        var folded = ""
        folded.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.lowercased().unicodeScalars {
            if let plain = plainLetters[scalar] {
                folded.unicodeScalars.append(plain)
            } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                folded.unicodeScalars.append(scalar)
            }
        }
        return folded
    }

    /// Lowercase and without accents, but with its hyphens: for a slug typed on the command line
    /// (`--phase oriëntatie` is the phase `orientatie`).
    public static func plainSlug(_ text: String) -> String {
        var plain = ""
        for scalar in text.lowercased().unicodeScalars {
            plain.unicodeScalars.append(plainLetters[scalar] ?? scalar)
        }
        return plain
    }

    /// The accented letters of Dutch, German, French and the other languages of Dutch names.
    private static let plainLetters: [Unicode.Scalar: Unicode.Scalar] = {
        let groups: [(String, Unicode.Scalar)] = [
            ("àáâãäåā", "a"), ("çć", "c"), ("èéêëē", "e"), ("ìíîïī", "i"), ("ñń", "n"),
            ("òóôõöøō", "o"), ("ùúûüū", "u"), ("ýÿ", "y"), ("ß", "s"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (letters, plain) in groups {
            for scalar in letters.unicodeScalars { table[scalar] = plain }
        }
        return table
    }()

    /// The headers a column of an import may have besides its standard name, as Dutch exports and
    /// survey tools write them (compared folded).
    static let headerAliases: [String: [String]] = [
        "date": ["datum", "tijdstip", "datumtijd", "moment", "ingevuldop", "datumingevuld", "invuldatum", "registratiedatum",
                 "startdatum", "contactdatum"],
        "journey": ["klantreis", "reis", "dienst"],
        "phase": ["fase", "klantreisfase"],
        "channel": ["kanaal", "contactkanaal"],
        "persona": ["klantgroep", "doelgroep", "groep"],
        "score": ["cijfer", "rapportcijfer", "waardering", "beoordeling", "optijd", "tijdig"],
        "comment": ["toelichting", "opmerking", "opmerkingen", "reactie", "open antwoord", "openantwoord"],
        "case": ["zaaknummer", "zaak", "zaakid", "klantnummer", "dossiernummer", "kenmerk"],
        "reason": ["reden", "onderwerp", "contactreden", "vraag"],
        "count": ["aantal", "aantallen"],
        "period": ["periode", "maand"],
        "resolved": ["opgelost", "gelukt", "contactgelukt", "afgehandeld", "eerstekeergoed"],
        "value": ["waarde"],
        "casetype": ["zaaktype", "zaaksoort", "soortzaak", "producttype", "zaaktypeomschrijving"],
        "status": ["statustype", "zaakstatus", "stap", "statusomschrijving"],
        "department": ["afdeling", "behandelendeafdeling", "organisatieonderdeel", "team"],
        "metric": ["meeteenheid", "indicator"],
        "cycle": ["cyclus"],
        "source": ["bron"],
        "note": ["notitie"],
    ]

    /// Answers that are not a score: the respondent did not know, or the question did not apply.
    /// They are skipped and counted, never refused (compared folded).
    static let nonResponses: Set<String> = [
        "", "nvt", "nietvantoepassing", "weetniet", "weetikniet", "geenmening", "geenantwoord", "wn", "na", "nb",
        "onbekend", "dontknow",
    ]

    /// True for an answer that means "no answer": empty, "-", "n.v.t.", "weet niet" and the like.
    static func isNonResponse(_ text: String) -> Bool {
        nonResponses.contains(fold(text))
    }

    /// Yes/no answers as a registration or a case file writes them, for shares such as first
    /// contact resolution and cases done on time.
    static func yesNo(_ text: String) -> Bool? {
        switch fold(text) {
        case "ja", "j", "yes", "y", "true", "waar", "1", "gelukt", "opgelost", "optijd": return true
        case "nee", "n", "no", "false", "onwaar", "0", "nietgelukt", "nietopgelost", "telaat": return false
        default: return nil
        }
    }
}
