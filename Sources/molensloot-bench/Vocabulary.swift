/// Word lists for the generated roadmap. The titles are composed so that lists, ranks and
/// the roadmap print text of a realistic length and spread, not `Finding 1`, `Finding 2`.
enum Vocabulary {
    struct Journey {
        let slug: String
        let name: String
        /// What the journey is about, as it follows "bij": "bij meldingen".
        let topic: String
    }

    static let journeys: [Journey] = [
        Journey(slug: "mor", name: "Melding openbare ruimte", topic: "meldingen"),
        Journey(slug: "paspoort", name: "Paspoort of ID-kaart aanvragen", topic: "reisdocumenten"),
        Journey(slug: "verhuizing", name: "Verhuizing doorgeven", topic: "verhuizingen"),
        Journey(slug: "parkeren", name: "Parkeervergunning aanvragen", topic: "parkeervergunningen"),
        Journey(slug: "omgevingsvergunning", name: "Omgevingsvergunning aanvragen", topic: "omgevingsvergunningen"),
        Journey(slug: "bijstand", name: "Bijstandsuitkering aanvragen", topic: "bijstandsaanvragen"),
        Journey(slug: "grofvuil", name: "Grofvuil laten ophalen", topic: "grofvuil"),
        Journey(slug: "geboorte", name: "Geboorteaangifte doen", topic: "geboorteaangiftes"),
        Journey(slug: "trouwen", name: "Trouwen of partnerschap registreren", topic: "huwelijken"),
        Journey(slug: "bezwaar", name: "Bezwaar maken", topic: "bezwaarschriften"),
        Journey(slug: "kwijtschelding", name: "Kwijtschelding gemeentelijke belastingen", topic: "kwijtschelding"),
        Journey(slug: "wmo", name: "Hulp bij het huishouden (Wmo)", topic: "Wmo-aanvragen"),
    ]

    /// The channels a new file starts with; the import replaces them, so the document
    /// must carry them for findings and personas to refer to. Sorted by slug, as the export lists them.
    static let channels: [(slug: String, name: String)] = [
        ("app", "App"), ("balie", "Balie"), ("e-mail", "E-mail"), ("post", "Post"),
        ("social", "Sociale media"), ("telefoon", "Telefoon"), ("web", "Website"),
    ]

    static let personas: [(slug: String, name: String)] = [
        ("drukke-ouders", "Drukke ouders"), ("ouderen-zonder-internet", "Ouderen zonder internet"),
        ("ondernemers", "Ondernemers"), ("studenten", "Studenten"), ("nieuwkomers", "Nieuwkomers"),
        ("mensen-met-een-beperking", "Mensen met een beperking"), ("laaggeletterden", "Laaggeletterden"),
        ("mantelzorgers", "Mantelzorgers"), ("expats", "Expats"), ("jongeren", "Jongeren"),
        ("werkzoekenden", "Werkzoekenden"), ("huurders", "Huurders"), ("woningeigenaren", "Woningeigenaren"),
        ("statushouders", "Statushouders"), ("zzpers", "Zzp'ers"), ("jonge-gezinnen", "Gezinnen met jonge kinderen"),
        ("senioren", "Senioren"), ("forenzen", "Forenzen"), ("verenigingen", "Verenigingen"),
        ("digitaal-vaardigen", "Digitaal vaardigen"),
    ]

    struct MetricType {
        let slug: String
        let name: String
        let unit: String
        let scale: ClosedRange<Double>?
        let lowerIsBetter: Bool
        let baseline: ClosedRange<Double>
        /// The size of the change one roadmap item can be expected to make.
        let change: ClosedRange<Double>
    }

    static let metricTypes: [MetricType] = [
        MetricType(slug: "tevredenheid", name: "Tevredenheid", unit: "cijfer", scale: 1...10,
                   lowerIsBetter: false, baseline: 5.5...7.6, change: 0.1...0.8),
        MetricType(slug: "doorlooptijd", name: "Doorlooptijd", unit: "dagen", scale: nil,
                   lowerIsBetter: true, baseline: 3...45, change: 0.5...6),
        MetricType(slug: "eerste-keer-goed", name: "Eerste keer goed", unit: "%", scale: 0...100,
                   lowerIsBetter: false, baseline: 55...88, change: 1...8),
        MetricType(slug: "klantinspanning", name: "Klantinspanning (CES)", unit: "cijfer", scale: 1...7,
                   lowerIsBetter: true, baseline: 2.8...5.2, change: 0.1...0.6),
        MetricType(slug: "digitaal-aandeel", name: "Aandeel digitaal afgehandeld", unit: "%", scale: 0...100,
                   lowerIsBetter: false, baseline: 25...75, change: 2...12),
    ]

    static let findingSubjects = [
        "De bevestigingsmail", "De terugkoppeling", "De wachttijd aan de telefoon", "Het aanvraagformulier",
        "De uitleg over de kosten", "Het afsprakensysteem", "De doorverwijzing naar de juiste afdeling",
        "De brief met het besluit", "Het keuzemenu van de telefooncentrale", "De statusinformatie",
        "De informatie op de website", "De openingstijd van de balie", "Het uploaden van bijlagen",
        "Inloggen met DigiD", "De betaalpagina", "Het gesprek met de consulent", "De herinnering per sms",
        "De lijst met benodigde documenten",
    ]

    static let improvePredicates = [
        "komt te laat", "is onduidelijk", "ontbreekt", "is moeilijk te vinden", "gebruikt te veel ambtelijke taal",
        "werkt slecht op de telefoon", "vraagt gegevens die de gemeente al heeft", "verschilt per kanaal",
        "sluit niet aan op de verwachting", "duurt te lang", "geeft tegenstrijdige informatie",
    ]

    static let goodPredicates = [
        "is helder", "werkt snel", "wordt gewaardeerd", "is vriendelijk en persoonlijk", "geeft vertrouwen",
        "is goed vindbaar", "werkt prettig op de telefoon",
    ]

    static let situations = [
        "", "", "", "bij de balie", "na het indienen", "voor ouderen", "in de avonduren", "bij spoed",
        "voor nieuwkomers", "na een herinnering", "in de eerste week", "bij een tweede contact",
    ]

    /// Sentences of evidence; a finding's evidence is three of them with a count, some 40 words,
    /// as a team writes down what it saw or heard.
    static let evidenceSentences = [
        "In de interviews aan de balie noemden meerdere inwoners dit spontaan als het eerste wat hen stoorde.",
        "Uit de registratie van het KCC blijkt dat medewerkers hier wekelijks vragen over krijgen.",
        "Bij de mystery guest duurde het ruim twee keer zo lang als de norm die de gemeente zelf hanteert.",
        "Respondenten die dit noemden, gaven de dienstverlening gemiddeld een punt lager dan de anderen.",
        "De klachtenanalyse laat zien dat dit in het afgelopen jaar steeds vaker voorkomt.",
        "Medewerkers herkennen het beeld en geven aan dat zij er zelf ook omheen moeten werken.",
        "Tijdens de klantreissessie werd dit door bijna alle deelnemers als moment van de waarheid gezien.",
        "In de open antwoorden van de enquête komt dit terug in verschillende bewoordingen.",
    ]

    static let sources = [
        "enquête 2024", "klantpanel voorjaar", "KCC-registratie", "klachtenanalyse", "mystery guest",
        "interviews aan de balie", "websitestatistieken", "klantreissessie",
    ]

    /// What an opportunity proposes; a verb from `opportunityVerbs` makes it a title.
    static let improvements = [
        "statusupdates per sms", "een digitaal afsprakenloket", "begrijpelijke brieven", "een terugbelservice",
        "één formulier voor alle kanalen", "vooraf ingevulde gegevens", "een vast aanspreekpunt",
        "een chatfunctie op de website", "uitleg in eenvoudige taal", "een klantpanel", "een vaste doorlooptijd",
        "een ontvangstbevestiging", "een overzicht in MijnGemeente", "een online betaalregeling",
        "avondopenstelling van de balie", "een checklist vooraf", "een huisbezoek op verzoek",
    ]

    static let opportunityVerbs = [
        "invoeren", "verbeteren", "uitbreiden", "testen met inwoners", "standaard maken", "herontwerpen",
        "aanbieden",
    ]

    static let itemPrefixes = [
        "Pilot", "Uitrol", "Onderzoek", "Project", "Verbetersprint", "Training", "Herontwerp",
    ]

    static let owners = [
        "Anouk de Vries", "Bas Jansen", "Fatima el Amrani", "Joost Bakker", "Marieke Visser", "Priya Ramdin",
        "Sander Smit", "Yvonne Mulder", "Kees van Dijk", "Lotte Meijer",
    ]

    static let teams = [
        "KCC", "Burgerzaken", "Openbare ruimte", "Vergunningen", "Sociaal domein", "Belastingen",
        "Communicatie", "Informatievoorziening",
    ]
}

extension String {
    /// "een terugbelservice" → "Een terugbelservice": titles start with a capital.
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
