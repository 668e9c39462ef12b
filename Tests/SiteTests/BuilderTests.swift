import Foundation
import SixSteps
import Site
import Testing

/// Where the site may be written, and that it is swapped in whole.
@Suite struct BuilderTests {
    static func roadmap(_ folder: URL) throws -> RoadmapFile {
        let file = try RoadmapFile.create(path: folder.appendingPathComponent("r.sqlite").path, actor: "t", municipality: "Molensloot")
        try file.addJourney(slug: "mor", input: [.name: "Melding"])
        return file
    }

    @Test func aFolderNotMadeByMolenslootIsRefusedAndLeftAlone() throws {
        let folder = try Fixture.folder()
        let file = try Self.roadmap(folder)
        let target = folder.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("mijn aantekeningen".utf8).write(to: target.appendingPathComponent("notes.txt"))
        #expect(throws: SiteError.notASite(target.path)) { try SiteBuilder.build(file, to: target.path, language: .nl) }
        #expect(try String(contentsOf: target.appendingPathComponent("notes.txt"), encoding: .utf8) == "mijn aantekeningen")
        // Nothing of the attempt is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["mine", "r.sqlite", "r.sqlite-shm", "r.sqlite-wal"].filter {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }.sorted())
        // With force it is moved aside, never deleted.
        let result = try SiteBuilder.build(file, to: target.path, language: .nl, force: true)
        let aside = try #require(result.movedAside)
        #expect(try String(contentsOf: URL(fileURLWithPath: aside).appendingPathComponent("notes.txt"), encoding: .utf8) == "mijn aantekeningen")
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("index.html").path))
    }

    @Test func aSiteIsReplacedWhole() throws {
        let folder = try Fixture.folder()
        let file = try Self.roadmap(folder)
        let target = folder.appendingPathComponent("site")
        _ = try SiteBuilder.build(file, to: target.path, language: .nl)
        try Data("oud".utf8).write(to: target.appendingPathComponent("stale.html"))
        _ = try SiteBuilder.build(file, to: target.path, language: .nl)
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("stale.html").path))
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("assets/style.css").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".building") || $0.contains(".old") }
        #expect(leftovers.isEmpty)
    }

    /// A rebuild links the pages that stayed the same from the site it replaces, and the result is
    /// the very site a build into an empty folder makes.
    @Test func aRebuildKeepsUnchangedPagesAndEqualsAFreshBuild() throws {
        let folder = try Fixture.folder()
        let file = try Fixture.roadmap(in: folder)
        let target = folder.appendingPathComponent("site")
        _ = try SiteBuilder.build(file, to: target.path, language: .nl)
        let before = try Self.inodes(target)
        try file.edit(.metric, "tevredenheid", input: [.name: "Tevredenheid na de melding"])
        _ = try SiteBuilder.build(file, to: target.path, language: .nl)
        let fresh = folder.appendingPathComponent("fresh")
        _ = try SiteBuilder.build(file, to: fresh.path, language: .nl)

        let pages = try FileManager.default.contentsOfDirectory(atPath: fresh.path).filter { $0.hasSuffix(".html") }.sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).filter { $0.hasSuffix(".html") }.sorted() == pages)
        for page in pages {
            #expect(try Data(contentsOf: target.appendingPathComponent(page)) == Data(contentsOf: fresh.appendingPathComponent(page)), "\(page)")
        }
        let after = try Self.inodes(target)
        let kept = pages.filter { after[$0] == before[$0] }
        let rewritten = pages.filter { after[$0] != before[$0] }
        // The metric's own page shows its new name; the accessibility page never names a metric.
        #expect(rewritten.contains { $0.contains("tevredenheid") })
        #expect(kept.contains("toegankelijkheid.html"))
        for page in rewritten {
            let text = try String(contentsOf: target.appendingPathComponent(page), encoding: .utf8)
            #expect(text.contains("Tevredenheid na de melding"), "\(page) was written again without the new name")
        }
    }

    static func inodes(_ folder: URL) throws -> [String: UInt64] {
        var inodes: [String: UInt64] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            inodes[name] = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.systemFileNumber] as? UInt64
        }
        return inodes
    }

    @Test func dangerousFoldersAreRefused() throws {
        let folder = try Fixture.folder()
        let file = try Self.roadmap(folder)
        let repository = folder.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repository.appendingPathComponent(".git"), withIntermediateDirectories: true)
        for target in ["/", repository.path, NSHomeDirectory()] {
            #expect(throws: SiteError.self) { try SiteBuilder.build(file, to: target, language: .nl) }
        }
        #expect(FileManager.default.fileExists(atPath: repository.appendingPathComponent(".git").path))
    }

    @Test func aThemeColourWithoutContrastIsRefused() throws {
        let folder = try Fixture.folder()
        let file = try Self.roadmap(folder)
        #expect(throws: DomainError.self) { try Theme.save(to: file, name: nil, primary: "#ffcc00", logo: nil, removeLogo: false) }
        try Theme.save(to: file, name: "Molensloot", primary: "#00548c", logo: (fileExtension: "svg", bytes: Array("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8)), removeLogo: false)
        let target = folder.appendingPathComponent("site")
        _ = try SiteBuilder.build(file, to: target.path, language: .nl)
        #expect(try String(contentsOf: target.appendingPathComponent("assets/theme.css"), encoding: .utf8).contains("#00548c"))
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("assets/logo.svg").path))
    }
}
