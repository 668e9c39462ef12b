import Store

/// The file's errors in the run's language: the store below the domain knows no languages, so
/// the command line words its typed cases.
extension StoreError {
    var localized: String {
        guard language == .nl else { return forCommandLine }
        switch self {
        case .missing(let path):
            return "er is geen roadmap op \(path); maak er een met 'molensloot init' of geef --db PAD"
        case .cannotOpen(let path, let reason):
            return "kan \(path) niet openen: \(reason)"
        case .notADatabase(let path):
            return "\(path) is geen Molensloot-bestand (geen SQLite-bestand); geef het juiste bestand met --db PAD"
        case .foreignDatabase(let path):
            return "\(path) is een SQLite-bestand maar geen Molensloot-roadmap; geef het juiste bestand met --db PAD"
        case .newerSchema(let path, let found, let known):
            return "\(path) is geschreven door een nieuwere Molensloot (schema \(found), deze kent tot \(known)); "
                + "werk molensloot bij; het bestand is niet aangeraakt"
        case .busy(let path):
            return "\(path) is te lang bezet door een ander proces; probeer het opnieuw als dat klaar is"
        case .readOnly(let path):
            return "kan \(path) niet schrijven: het bestand of de map is alleen-lezen; kijk naar de rechten"
        case .diskFull(let path):
            return "kan \(path) niet schrijven: de schijf is vol; maak ruimte en probeer opnieuw (er is niets veranderd)"
        case .constraint(let message):
            return "geweigerd door de database: \(message)"
        case .sqlite(let code, let message):
            return "SQLite-fout \(code): \(message)"
        case .exists(let path):
            return "\(path) bestaat al; kies een ander pad of verwijder het eerst"
        }
    }
}
