import SixSteps

/// The valid inputs fuzzing starts from, and the roadmap they fit.
public enum Corpus {
    /// A small roadmap with one of nearly everything: a journey with the five phases, two
    /// personas, metrics, a finding, an opportunity, two items, an agreement, a closed cycle with
    /// a measurement and an open one with survey responses, and channel volumes.
    @discardableResult
    public static func makeRoadmap(at path: String) throws -> RoadmapFile {
        let file = try RoadmapFile.create(path: path, actor: "fuzz", municipality: "Gemeente Molensloot")
        try file.setVision("Inwoners regelen hun zaken in één keer goed.")
        try file.add(.principle, input: [.title: "Niet laten zoeken"])
        try file.add(.persona, slug: "ouders", input: [.name: "Drukke ouders", .channels: "app,web"])
        try file.add(.persona, slug: "ouderen", input: [.name: "Ouderen"])
        try file.addJourney(slug: "mor", input: [.name: "Melding openbare ruimte"])
        try file.add(.metric, slug: "tevredenheid", input: [
            .name: "Tevredenheid", .unit: "cijfer", .scaleMin: "1", .scaleMax: "10", .baseline: "6,4", .target: "7,5",
            .journey: "mor",
        ])
        try file.add(.metric, slug: "terug", input: [.name: "Bericht gekregen", .unit: "%", .scaleMin: "0", .scaleMax: "100"])
        try file.add(.metric, slug: "doorlooptijd", input: [.name: "Doorlooptijd", .unit: "dagen", .direction: "lower"])
        try file.add(.goal, input: [.title: "Een 7,5", .metric: "tevredenheid", .target: "7,5", .targetDate: "2014-12-31"])
        try file.add(.touchpoint, input: [.title: "Melding doen", .journey: "mor", .phase: "contact", .channel: "app"])
        try file.add(.finding, input: [.kind: "improve", .title: "Melders horen niets", .journey: "mor", .phase: "afronding",
                                       .severity: "5", .source: "Enquête"])
        try file.add(.finding, input: [.kind: "good", .title: "Melden gaat snel", .touchpoint: "T1", .severity: "2"])
        try file.add(.spearhead, input: [.title: "Op de hoogte houden"])
        try file.add(.opportunity, input: [.title: "Statusberichten", .impact: "4", .effort: "2", .spearhead: "S1"])
        try file.link(.opportunityFinding, from: "O1", to: ["F1"])
        try file.add(.item, input: [.title: "Statusberichten versturen", .horizon: "now", .status: "doing"])
        try file.add(.item, input: [.title: "Zaaksysteem koppelen", .horizon: "next"])
        try file.link(.itemOpportunity, from: "R1", to: ["O1"])
        try file.link(.itemMetric, from: "R1", to: ["tevredenheid"], expectedChange: 0.5)
        try file.link(.itemDependency, from: "R1", to: ["R2"])
        try file.add(.agreement, input: [.who: "Teamleider", .what: "Bespreken", .cadence: "elke week", .item: "R1"])
        try file.openCycle(name: "Voorjaar 2014", start: "2014-01-01", end: "2014-06-30")
        try file.measure(metric: "terug", value: "45", n: "180")
        try file.closeCycle(nil, note: "Goed begonnen")
        try file.openCycle(name: "Najaar 2014", start: "2014-07-01", end: "2014-12-31")
        _ = try file.importSurvey(try CSVDocument(bytes: Array(survey[0].utf8)), path: "najaar.csv", metric: "tevredenheid",
                                  cycle: nil, rename: [:], dryRun: false)
        _ = try file.importVolumes(try CSVDocument(bytes: Array(volumes[0].utf8)), path: "volumes.csv", dryRun: false)
        return file
    }

    /// Survey files in the dialects municipalities have, for the roadmap above.
    public static let survey = [
        "date;journey;phase;channel;persona;score;comment\n"
            + "2014-09-01;mor;contact;app;ouders;7,5;Snel geholpen\n2014-09-02;mor;afronding;web;;6;\n"
            + "03-09-2014;mor;afronding;telefoon;ouderen;8;\"Goed; en snel\"\n2014-09-04;;;;;9;\n2014-09-05;mor;contact;app;;5,5;\n",
        "\u{FEFF}date,journey,phase,channel,score,comment\r\n2014-09-01,mor,contact,app,\"7,5\",\"Twee\r\nregels\"\r\n"
            + "2014-09-02,mor,uitvoering,web,6,\r\n2014-09-03,mor,evaluatie,balie,10,\"Hij zei \"\"top\"\"\"\r\n",
        "score\n7\n8\n6,5\n",
        "datum;cijfer;toelichting\n12-09-2014;7;Prima\n13-09-2014;8;\n",
    ]

    /// `--map` settings that go with the survey files above, by position.
    public static let surveyRenames: [[String: String]] = [[:], [:], [:], ["date": "datum", "score": "cijfer", "comment": "toelichting"]]

    public static let measurements = [
        "metric;value;n;sd;cycle;source;note\ntevredenheid;7,4;196;1,7;C2;Enquête;\nterug;71;190;;;Telling;Let op\n",
        "metric,value,n\ndoorlooptijd,11,400\n",
        "metric;value\nterug;60\n",
    ]

    public static let volumes = [
        "period;channel;reason;count\n2014-01;telefoon;Afval;400\n2014-01;app;Afval;100\n2014-02;web;\"Melding; losse stoeptegel\";35\n",
        "date,channel,reason\n2014-03-12,web,Afval\n12-03-2014,telefoon,Paspoort\n2014-03-13,app,\n",
        "period,channel,count\n2014-03,web,80\n",
    ]

    /// Command lines that work on the roadmap above, one of every command family.
    public static let commandLines: [[String]] = [
        ["status"], ["status", "--json"], ["check"], ["roadmap", "--json"], ["log", "--limit", "3"], ["log", "F1", "--json"],
        ["vision", "show"], ["vision", "set", "Eén keer goed."], ["principle", "add", "Eerlijk zijn"], ["principle", "list"],
        ["goal", "list", "--json"], ["journey", "show", "mor"], ["journey", "phase", "list", "mor"],
        ["journey", "phase", "add", "mor", "wachten", "Wachten"], ["journey", "add", "afval", "Grofvuil"],
        ["touchpoint", "add", "Bevestiging", "--journey", "mor", "--phase", "contact", "--channel", "e-mail", "--moment-of-truth", "yes"],
        ["persona", "list"], ["channel", "add", "chat", "Chat"], ["metric", "show", "tevredenheid", "--json"],
        ["metric", "edit", "tevredenheid", "--target", "8"], ["insight", "add", "Meer app", "--kind", "trend", "--channel", "app"],
        ["finding", "add", "Geen bericht", "--kind", "improve", "--journey", "mor", "--phase", "afronding", "--severity", "4"],
        ["finding", "list", "--journey", "mor", "--kind", "improve"], ["finding", "show", "F1", "--json"],
        ["finding", "edit", "F2", "--severity", "3"], ["finding", "remove", "F2"],
        ["opportunity", "add", "Bellen", "--impact", "3", "--effort", "4", "--reach", "2", "--confidence", "60"],
        ["opportunity", "link", "O1", "F2"], ["opportunity", "rank"], ["opportunity", "weights", "--json"],
        ["opportunity", "remove", "O1", "--force"], ["spearhead", "list"],
        ["item", "add", "Nieuw", "--horizon", "later", "--due-date", "2014-12-31"], ["item", "status", "R1", "done", "--date", "2014-08-01"],
        ["item", "link", "R1", "--metric", "terug", "--expect", "+10"], ["item", "depend", "R2", "--on", "R1"],
        ["item", "show", "R1"], ["agreement", "list", "--json"], ["cycle", "list"], ["cycle", "report", "--json"],
        ["cycle", "close", "--note", "Klaar"], ["cycle", "open", "Winter", "--start", "2015-01-01"],
        ["measure", "doorlooptijd", "9,5", "--n", "120", "--sd", "3"], ["measure", "list", "--metric", "terug"],
        ["measure", "remove", "doorlooptijd", "--cycle", "C2"], ["survey", "results", "tevredenheid"],
        ["survey", "comments", "--json"], ["survey", "quote", "1"], ["survey", "threshold", "5"], ["volume", "mix", "--json"],
        ["site", "theme", "--name", "Dienstverlening", "--color", "#00548c"], ["site", "build", "--out", "site"],
        ["export"], ["export", "--out", "uit.json"],
        ["backup", "kopie.sqlite"], ["--by", "jeske", "finding", "list"], ["--version"], ["help"], ["finding", "--help"],
    ]

    /// Words to insert: every noun and verb, and the options commands know.
    public static let vocabulary = [
        "init", "vision", "principle", "goal", "journey", "touchpoint", "persona", "channel", "metric", "insight", "finding",
        "opportunity", "spearhead", "item", "agreement", "roadmap", "cycle", "measure", "survey", "volume", "status",
        "check", "log", "export", "import", "backup", "add", "list", "show", "edit", "remove", "link", "unlink", "rank",
        "weights", "depend", "open", "close", "report", "phase", "results", "comments", "quote", "threshold", "mix", "set",
        "--kind", "--journey", "--phase", "--severity", "--title", "--json", "--limit", "--cycle", "--metric", "--map",
        "--expect", "--on", "--date", "--n", "--sd", "--start", "--end", "--note", "--name", "--color", "--target",
        "F1", "F2", "O1", "R1", "R2", "C1", "C2", "T1", "S1", "A1", "G1", "P1", "mor", "tevredenheid", "terug", "ouders", "web",
    ]
}
