import SixSteps

/// `case import`: zaken and statussen from the case system, as ZGW JSON or a plain CSV.
enum CaseImportCommand {
    static let command = Command(
        name: "import",
        abstract: t("Zaken inlezen: de ZGW-JSON van de Zaken- en Catalogi-API (zaaktypen, statustypen, zaken, statussen) of een CSV met statussen "
                       + "(zaaknummer, zaaktype, status, datum, afdeling); zaaknummers worden gehasht, nooit bewaard.",
                     "Import cases: the ZGW JSON of the case and catalogue APIs, or a CSV of statuses as older case systems export it; "
                       + "case numbers are hashed, never stored."),
        arguments: [.init(name: "file", help: t("JSON-exports (meer tegelijk: statussen komen met hun zaken mee) of één CSV-bestand", "JSON exports (several at once: statuses come with their cases) or one CSV file"),
                          isVariadic: true)],
        options: [ImportOptions.map(RoadmapFile.caseColumns), ImportOptions.dryRun],
        examples: ["molensloot case import zaken-omgevingsvergunning.json",
                   "molensloot case import zaaktypen.json statustypen.json zaken.json statussen.json --dry-run",
                   "molensloot case import statussen-2015.csv --map department=team"]
    ) { invocation in
        let paths = invocation.arguments
        let dryRun = invocation.flag("dry-run")
        let roadmap = try invocation.openRoadmap()
        let key = { try PseudonymKey.load(path: invocation.keyFilePath) }
        let result: CaseImport
        if paths.contains(where: RegistrationCommands.isJSON) {
            guard paths.allSatisfy(RegistrationCommands.isJSON) else {
                throw UsageError(description: t("geef JSON-exports of één CSV-bestand, niet allebei; importeer ze na elkaar",
                                                "give either JSON exports or one CSV file, not both; import them one after the other"))
            }
            if invocation.values["map"] != nil { throw UsageError(description: t("--map is voor CSV-bestanden; velden in JSON worden gelezen met hun ZGW-namen",
                                                "--map is for CSV files; JSON fields are read by their ZGW names")) }
            let documents = try paths.map { path -> (path: String, text: String) in
                var text = try readTextFile(path)
                if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
                return (path, text)
            }
            result = try roadmap.importZGW(documents, dryRun: dryRun, key: key)
        } else {
            guard paths.count == 1, let path = paths.first else {
                throw UsageError(description: t("importeer één CSV-bestand tegelijk; meerdere bestanden tegelijk zijn voor JSON-exports",
                                                "import one CSV file at a time; several files at once are for JSON exports"))
            }
            result = try roadmap.importCases(try ImportOptions.read(path), path: path,
                                             rename: try ImportOptions.renames(invocation, columns: RoadmapFile.caseColumns),
                                             dryRun: dryRun, key: key)
        }
        var output = Output()
        let types = result.caseTypes.joined(separator: ", ")
        let span = result.firstDate.flatMap { first in result.lastDate.map { (first: localDate(first), last: localDate($0)) } }
        output.line(dryRun
            ? t("proef: zou \(result.cases) zaken (\(result.newCases) nieuw) en \(result.statuses) statussen (\(result.newStatuses) nieuw) van \(types) inlezen",
                "dry run: would import \(result.cases) cases (\(result.newCases) new) and \(result.statuses) statuses (\(result.newStatuses) new) of \(types)")
            : t("\(result.cases) zaken (\(result.newCases) nieuw) en \(result.statuses) statussen (\(result.newStatuses) nieuw) van \(types) ingelezen",
                "imported \(result.cases) cases (\(result.newCases) new) and \(result.statuses) statuses (\(result.newStatuses) new) of \(types)"))
        if let span { output.line(t("  van \(span.first) tot en met \(span.last)", "  from \(span.first) to \(span.last)")) }
        output.line(t("  de zaaknummers zijn alleen als hash bewaard", "  the case numbers are stored only as hashes"))
        for type in result.unlinkedTypes {
            output.line(t("  zaaktype \(type) dient nog geen klantreis: koppel het met 'molensloot case type \(type) --journey SLUG'",
                          "  case type \(type) serves no journey yet: link it with 'molensloot case type \(type) --journey SLUG'"))
        }
        if !result.measurements.isEmpty {
            output.line(t("  berekend uit de zaken: ", "  computed from the cases: ") + result.measurements.joined(separator: ", "))
        }
        output.flush()
    }
}
