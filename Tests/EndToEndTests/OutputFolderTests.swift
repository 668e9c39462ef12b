import Foundation
import Testing

/// Where `site build --out` may write, through the binary: never `/`, the home folder, a
/// repository or a folder that molensloot did not make; and nothing outside its own folder is
/// ever deleted, whatever links or files are around it.
@Suite struct OutputFolderTests {
    /// A roadmap, a home folder with a person's files, and a repository.
    static func setUp() throws -> CLI {
        var cli = try CLI()
        cli.environment["MOLENSLOOT_DB"] = cli.path("roadmap.sqlite")
        cli.environment["HOME"] = cli.path("thuis")
        try cli.ok("init --name Molensloot")
        try cli.ok("journey add mor 'Melding openbare ruimte'")
        try cli.ok("finding add 'Melders horen niets' --kind improve --journey mor --phase afronding")
        for (path, text) in [("thuis/.bashrc", "export PS1=x"), ("thuis/Documenten/brief.txt", "Beste buren,"),
                             ("project/Package.swift", "// swift-tools-version:6.0"), ("project/Sources/main.swift", "print(1)"),
                             ("project/.git/HEAD", "ref: refs/heads/main"), ("alleen-git/.git/HEAD", "ref: refs/heads/main"),
                             ("alleen-git/README.md", "lees mij"), ("mijn-map/notities.txt", "niet weggooien"),
                             ("mijn-map/sub/diep.txt", "ook niet"), ("buiten/bewaren.txt", "van iemand anders"),
                             ("notities.txt", "een bestand")] {
            try FileManager.default.createDirectory(atPath: (cli.path(path) as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: cli.path(path)))
        }
        try FileManager.default.createSymbolicLink(atPath: cli.path("link-naar-thuis"), withDestinationPath: cli.path("thuis"))
        return cli
    }

    /// Every path under `folder` with its bytes, links as their target; `folder` itself may be a link.
    static func tree(_ folder: String) -> [String: String] {
        var found: [String: String] = [:]
        let manager = FileManager.default
        guard let names = try? manager.subpathsOfDirectory(atPath: folder) else { return [:] }
        for name in names {
            let path = folder + "/" + name
            if let target = try? manager.destinationOfSymbolicLink(atPath: path) {
                found[name] = "link to " + target
            } else if let data = manager.contents(atPath: path) {
                found[name] = String(decoding: data, as: UTF8.self)
            } else {
                found[name] = "folder"
            }
        }
        return found
    }

    static func expectRefused(_ cli: CLI, _ arguments: [String], containing reason: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try cli.run(["site", "build"] + arguments)
        #expect(result.status == 1, "\(arguments): exit \(result.status)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("error: ") && result.stderr.contains(reason),
                "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func theRootOfTheFileSystemIsRefused() throws {
        let cli = try Self.setUp()
        defer { cli.cleanUp() }
        let before = try FileManager.default.contentsOfDirectory(atPath: "/").sorted()
        for arguments in [["--out", "/"], ["--out", "/", "--force"], ["--out", "//"], ["--out", "/tmp/.."], ["--out=/", "--force"]] {
            try Self.expectRefused(cli, arguments, containing: "root of the file system")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: "/").sorted() == before)
    }

    @Test func theHomeFolderIsRefusedHoweverItIsNamed() throws {
        let cli = try Self.setUp()
        defer { cli.cleanUp() }
        let home = Self.tree(cli.path("thuis"))
        for arguments in [["--out", cli.path("thuis")], ["--out", "thuis"], ["--out", "thuis/"], ["--out", "./mijn-map/../thuis"],
                          ["--out", "thuis", "--force"], ["--out", cli.path("thuis") + "/."]] {
            try Self.expectRefused(cli, arguments, containing: "your home folder")
        }
        // From inside the home folder.
        var inside = cli
        inside.environment["MOLENSLOOT_DB"] = cli.path("roadmap.sqlite")
        let result = try inside.run(["site", "build", "--out", ".", "--force"], in: cli.path("thuis"))
        #expect(result.status == 1 && result.stderr.contains("your home folder"), "\(result.stderr)")
        // A link to it is not the home folder, but not a site either: refused, and with --force
        // the link is moved aside, never what it points to.
        try Self.expectRefused(cli, ["--out", "link-naar-thuis"], containing: "not made by molensloot")
        try cli.ok("site build --out link-naar-thuis --force")
        #expect(Self.tree(cli.path("thuis")) == home)
    }

    /// `--force` moves a folder aside whole, so a folder that holds the home folder (/home) or the
    /// folder the command runs in (/tmp, when working there) is refused, --force or not.
    @Test func aFolderHoldingHomeOrTheWorkingFolderIsRefused() throws {
        var cli = try Self.setUp()
        defer { cli.cleanUp() }
        cli.environment["HOME"] = cli.path("thuis/Documenten")
        let before = Self.tree(cli.directory.path)
        try Self.expectRefused(cli, ["--out", cli.path("thuis"), "--force"], containing: "it holds your home folder")
        // The command runs in the test's own folder, whose parent (the temporary folder) holds it.
        cli.environment["HOME"] = "/nonexistent-home"
        let parent = (cli.directory.path as NSString).deletingLastPathComponent
        try Self.expectRefused(cli, ["--out", parent, "--force"], containing: "it holds the folder you are working in")
        try Self.expectRefused(cli, ["--out", "..", "--force"], containing: "it holds the folder you are working in")
        #expect(Self.tree(cli.directory.path) == before)
    }

    @Test func aRepositoryIsRefused() throws {
        let cli = try Self.setUp()
        defer { cli.cleanUp() }
        let project = Self.tree(cli.path("project")), gitOnly = Self.tree(cli.path("alleen-git"))
        for arguments in [["--out", "project"], ["--out", "project", "--force"], ["--out", cli.path("project") + "/"],
                          ["--out", "alleen-git", "--force"]] {
            try Self.expectRefused(cli, arguments, containing: "holds a repository")
        }
        let result = try cli.run(["site", "build", "--out", ".", "--force"], in: cli.path("project"))
        #expect(result.status == 1 && result.stderr.contains("holds a repository"), "\(result.stderr)")
        #expect(Self.tree(cli.path("project")) == project && Self.tree(cli.path("alleen-git")) == gitOnly)
        // This very repository, too.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let listing = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
        try Self.expectRefused(cli, ["--out", root], containing: "holds a repository")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == listing)
        // Nothing of any attempt is left beside them.
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.contains(".building") }.isEmpty)
    }

    @Test func aFolderNotMadeByMolenslootIsRefusedOrMovedAsideWhole() throws {
        let cli = try Self.setUp()
        defer { cli.cleanUp() }
        let mine = Self.tree(cli.path("mijn-map"))
        try Self.expectRefused(cli, ["--out", "mijn-map"], containing: "not made by molensloot")
        try Self.expectRefused(cli, ["--out", "notities.txt"], containing: "not made by molensloot")
        #expect(Self.tree(cli.path("mijn-map")) == mine)
        #expect(cli.bytes("notities.txt") == Data("een bestand".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.contains(".building") }.isEmpty)

        // With --force it is moved aside, every byte of it, and said where.
        let forced = try cli.ok("site build --out mijn-map --force")
        let aside = try #require(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path)
            .first { $0.hasPrefix("mijn-map.voor-molensloot") })
        #expect(forced.stdout.contains(aside))
        #expect(Self.tree(cli.path(aside)) == mine)
        #expect(FileManager.default.fileExists(atPath: cli.path("mijn-map/index.html")))
    }

    @Test func aRebuildDeletesOnlyInsideItsOwnFolder() throws {
        let cli = try Self.setUp()
        defer { cli.cleanUp() }
        // An empty folder is taken.
        try FileManager.default.createDirectory(atPath: cli.path("leeg"), withIntermediateDirectories: true)
        try cli.ok("site build --out leeg")
        #expect(FileManager.default.fileExists(atPath: cli.path("leeg/index.html")))
        // A site with a link to someone else's folder in it: the rebuild removes the link, not the folder.
        try cli.ok("site build --out site")
        try FileManager.default.createSymbolicLink(atPath: cli.path("site/buiten"), withDestinationPath: cli.path("buiten"))
        try FileManager.default.createSymbolicLink(atPath: cli.path("site/assets/thuis"), withDestinationPath: cli.path("thuis"))
        let outside = Self.tree(cli.path("buiten")), home = Self.tree(cli.path("thuis"))
        try cli.ok("site build --out site")
        #expect(Self.tree(cli.path("buiten")) == outside && Self.tree(cli.path("thuis")) == home)
        #expect(!FileManager.default.fileExists(atPath: cli.path("site/buiten")))
        // A link to a site elsewhere: the link is replaced, the site it pointed to is left as it was.
        try cli.ok("site build --out echte-site")
        let real = Self.tree(cli.path("echte-site"))
        try FileManager.default.createSymbolicLink(atPath: cli.path("verwijzing"), withDestinationPath: cli.path("echte-site"))
        try cli.ok("finding add 'Nog een' --kind good --journey mor --phase contact")
        try cli.ok("site build --out verwijzing")
        #expect(Self.tree(cli.path("echte-site")) == real)
        #expect(FileManager.default.fileExists(atPath: cli.path("verwijzing/f2.html")))
    }
}
