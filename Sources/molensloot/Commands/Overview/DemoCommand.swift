#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ExampleRoadmaps
import SixSteps
import Site

/// A new user's first minute: a complete example roadmap and its site, out of the way in the
/// temporary folder.
enum DemoCommand {
    struct Example {
        let name: String
        let about: String
        let bytes: @Sendable (UnsafeMutablePointer<Int>) -> UnsafePointer<UInt8>?

        var json: String {
            var size = 0
            guard let pointer = bytes(&size) else { return "" }
            return String(decoding: UnsafeBufferPointer(start: pointer, count: size), as: UTF8.self)
        }
    }

    /// The examples in Roadmaps/, built into the binary so a copied binary can show them.
    static let examples = [
        Example(name: "molensloot", about: t("de verzonnen gemeente Molensloot: zes stappen, vier cycli in 2014", "the fictional municipality of Molensloot: six steps, four cycles in 2014"),
                bytes: { example_molensloot($0) }),
        Example(name: "haarlemmermeer-mor", about: t("Haarlemmermeer: de klantreis Melding openbare ruimte, met enquêtes", "Haarlemmermeer: the journey Melding openbare ruimte, with surveys"),
                bytes: { example_haarlemmermeer_mor($0) }),
        Example(name: "ede-omgevingsvergunning", about: t("Ede: de omgevingsvergunning en de 27 verbeterideeën", "Ede: the building permit and its 27 improvement ideas"),
                bytes: { example_ede_omgevingsvergunning($0) }),
    ]

    static let command = Command(
        name: "demo", abstract: t("Maak een voorbeeldroadmap en bouw de site ervan, om te zien wat Molensloot doet.", "Create an example roadmap and build its site, to see what Molensloot does."),
        options: [.init(name: "example", value: t("naam", "name"), help: t("molensloot (standaard), haarlemmermeer-mor of ede-omgevingsvergunning", "molensloot (default), haarlemmermeer-mor or ede-omgevingsvergunning")),
                  .init(name: "out", value: t("map", "folder"), help: t("waar het voorbeeld komt (standaard: molensloot-demo in de tijdelijke map)", "where the example goes (default: molensloot-demo in the temporary folder)"))],
        examples: ["molensloot demo", "molensloot demo --example haarlemmermeer-mor --lang en"]
    ) { invocation in
        let name = invocation.value("example") ?? "molensloot"
        guard let example = examples.first(where: { $0.name == name }) else {
            throw UsageError(description: t("onbekend voorbeeld '\(name)'; kies ", "unknown example '\(name)'; choose ") + examples.map(\.name).joined(separator: ", "))
        }
        let folder = invocation.value("out") ?? (invocation.environment.variable("TMPDIR") ?? "/tmp") + "/molensloot-demo"
        // --db names the demo's roadmap file; without it the file goes beside the site. A file
        // that is there already is the user's, so the demo refuses it rather than replace it.
        let database: String
        if let chosen = invocation.value("db") {
            if FileOps.exists(chosen) {
                throw UsageError(description: t("\(chosen) bestaat al; de demo overschrijft geen roadmap, kies een nieuwe naam met --db",
                                                "\(chosen) exists already; the demo replaces no roadmap, choose a new name with --db"))
            }
            database = chosen
        } else {
            database = "\(folder)/\(example.name).sqlite"
            // The demo's own file from an earlier run is replaced; it holds nothing of the user's.
            RoadmapFile.remove(path: database)
        }
        try makeFolders(folder)
        _ = try InitCommand.importNew(path: database, text: example.json, source: "\(example.name).json", actor: invocation.actor, keyFile: nil)
        let roadmap = try RoadmapFile.open(path: database, actor: invocation.actor)
        let site = try SiteBuilder.build(roadmap, to: "\(folder)/site-\(example.name)", language: language)
        Output.print(t("""
            Voorbeeld: \(example.about)
            Roadmap:   \(database)
              probeer: molensloot --db \(database) status
            Site:      \(site.pages) pagina's
              open:    \(site.path)/index.html
            """, """
            Example: \(example.about)
            Roadmap: \(database)
              try:   molensloot --db \(database) status
            Site:    \(site.pages) pages
              open:  \(site.path)/index.html
            """))
    }

    /// Like `mkdir -p`.
    static func makeFolders(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw CommandError.file(t("kan \(current) niet maken: ", "cannot make \(current): ") + systemMessage(errno))
            }
        }
    }
}
