#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SixSteps
import Site

/// The static site teams read.
enum SiteCommands {
    static let command = Command(
        name: "site", abstract: "Build the static site teams read, and set the municipality's colours and logo.",
        subcommands: [build, theme])

    static let build = Command(
        name: "build", abstract: "Write the whole site into a folder; it is built beside it and swapped in at once.",
        options: [.init(name: "out", value: "folder", help: "where the site goes (default: ./site)"),
                  .init(name: "lang", value: "nl|en", help: "the site's language (default: nl)"),
                  .flag("force", "move a folder that was not made by molensloot aside instead of refusing")],
        examples: ["molensloot site build --out site", "molensloot site build --out site-en --lang en"]
    ) { invocation in
        let text = invocation.value("lang") ?? "nl"
        guard let language = Language(rawValue: text) else {
            throw UsageError(description: "--lang '\(text)' is not valid: expected nl or en")
        }
        let roadmap = try invocation.openRoadmap()
        let result = try SiteBuilder.build(roadmap, to: invocation.value("out") ?? "site", language: language,
                                           force: invocation.flag("force"))
        if let aside = result.movedAside { Output.print("moved the folder that was there to \(aside)") }
        Output.print("wrote \(result.pages) pages to \(result.path); open \(result.path)/index.html")
    }

    static let theme = Command(
        name: "theme", abstract: "Set the site's name, header colour and logo (kept in the roadmap file).",
        options: [.init(name: "name", value: "text", help: "the name in the header, e.g. \"Gemeente Molensloot\""),
                  .init(name: "color", value: "#rrggbb", help: "the header colour; white text must be readable on it"),
                  .init(name: "logo", value: "file", help: "a .png or .svg logo, at most 512 KB"),
                  .flag("no-logo", "remove the logo")],
        examples: ["molensloot site theme --name \"Gemeente Molensloot\" --color #00548c --logo logo.svg"]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        var logo: (fileExtension: String, bytes: [UInt8])?
        if let path = invocation.value("logo") {
            let lowered = path.lowercased()
            let fileExtension = lowered.hasSuffix(".svg") ? "svg" : lowered.hasSuffix(".png") ? "png" : ""
            logo = (fileExtension, try readLogoFile(path))
        }
        try Theme.save(to: roadmap, name: invocation.value("name"), primary: invocation.value("color"), logo: logo,
                       removeLogo: invocation.flag("no-logo"))
        Output.print("saved the theme; build the site again to see it")
    }
}

/// A logo is read only from a regular file (not a link to somewhere else, a device or a pipe)
/// of at most the size the site takes, checked before a byte is read.
func readLogoFile(_ path: String) throws -> [UInt8] {
    var info = stat()
    guard lstat(path, &info) == 0 else { throw CommandError.file("cannot read \(path): \(String(cString: strerror(errno)))") }
    guard info.st_mode & S_IFMT == S_IFREG else {
        throw CommandError.file("\(path) is not a regular file (a link, folder or device); name the logo file itself")
    }
    guard info.st_size <= ThemeRules.maximumLogoBytes else {
        throw CommandError.file("the logo \(path) is larger than 512 KB; use a smaller file")
    }
    return try readBinaryFile(path)
}
