#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ExampleRoadmaps
import SixSteps
import Site
import Store

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
        Example(name: "molensloot", about: "the fictional municipality of Molensloot: six steps, four cycles in 2014",
                bytes: { example_molensloot($0) }),
        Example(name: "haarlemmermeer-mor", about: "Haarlemmermeer: the journey Melding openbare ruimte, with surveys",
                bytes: { example_haarlemmermeer_mor($0) }),
        Example(name: "ede-omgevingsvergunning", about: "Ede: the building permit and its 27 improvement ideas",
                bytes: { example_ede_omgevingsvergunning($0) }),
    ]

    static let command = Command(
        name: "demo", abstract: "Create an example roadmap and build its site, to see what Molensloot does.",
        options: [.init(name: "example", value: "name", help: "molensloot (default), haarlemmermeer-mor or ede-omgevingsvergunning"),
                  .init(name: "out", value: "folder", help: "where the example goes (default: molensloot-demo in the temporary folder)"),
                  .init(name: "lang", value: "nl|en", help: "the site's language (default: nl)")],
        examples: ["molensloot demo", "molensloot demo --example haarlemmermeer-mor --lang en"]
    ) { invocation in
        let name = invocation.value("example") ?? "molensloot"
        guard let example = examples.first(where: { $0.name == name }) else {
            throw UsageError(description: "unknown example '\(name)'; choose " + examples.map(\.name).joined(separator: ", "))
        }
        let text = invocation.value("lang") ?? "nl"
        guard let language = Language(rawValue: text) else {
            throw UsageError(description: "--lang '\(text)' is not valid: expected nl or en")
        }
        let folder = invocation.value("out") ?? (invocation.environment.variable("TMPDIR") ?? "/tmp") + "/molensloot-demo"
        try makeFolders(folder)
        let database = "\(folder)/\(example.name).sqlite"
        // The demo's own file from an earlier run is replaced; it holds nothing of the user's.
        for suffix in ["", "-wal", "-shm"] { removeFile(database + suffix) }
        _ = try InitCommand.importNew(path: database, text: example.json, source: "\(example.name).json", actor: invocation.actor, keyFile: nil)
        let roadmap = try RoadmapFile.open(path: database, actor: invocation.actor)
        let site = try SiteBuilder.build(roadmap, to: "\(folder)/site-\(example.name)", language: language)
        Output.print("""
            Example: \(example.about)
            Roadmap: \(database)
              try:   molensloot --db \(database) status
            Site:    \(site.pages) pages
              open:  \(site.path)/index.html
            """)
    }

    /// Like `mkdir -p`.
    static func makeFolders(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw CommandError.file("cannot make \(current): \(String(cString: strerror(errno)))")
            }
        }
    }
}
