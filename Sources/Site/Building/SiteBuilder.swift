#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import SixSteps
import Synchronization

/// What a build made.
public struct SiteBuildResult: Sendable {
    public let path: String
    public let pages: Int
    public let bytes: Int
    /// Where a folder that was not a Molensloot site was moved to, with --force.
    public let movedAside: String?
}

public enum SiteError: Error, CustomStringConvertible, Equatable {
    case refusedFolder(String, Message)
    case notASite(String)
    case io(String, String)

    public var description: String { message(.en) }

    /// The message in the run's language; the system's own reason for a failed write stays as it gave it.
    public func message(_ language: Language) -> String {
        switch self {
        case .refusedFolder(let path, let reason):
            return language.t("ik bouw de site niet in \(path): \(reason.nl); kies een andere map met --out",
                              "will not build the site in \(path): \(reason.en); choose another folder with --out")
        case .notASite(let path):
            return language.t("\(path) is niet leeg en niet door molensloot gemaakt; kies een lege map, of geef --force om hem opzij te zetten",
                              "\(path) is not empty and was not made by molensloot; choose an empty folder, or pass --force to move it aside")
        case .io(let path, let reason):
            return language.t("kan \(path) niet schrijven: \(reason)", "cannot write \(path): \(reason)")
        }
    }
}

/// Builds the whole site in a folder beside the target and swaps it in at once: a reader sees
/// the old site or the new one, never half of one.
public enum SiteBuilder {
    /// The pipeline: each family adds its pages.
    /// The largest family first: families are built side by side, and the others fill the second
    /// core while it runs.
    static var families: [any PageFamily.Type] { [
        FindingPages.self, DashboardPage.self, StepPages.self, JourneyPages.self, ProcessPages.self, OpportunityPages.self,
        RoadmapPages.self, ItemPages.self, MetricPages.self, CyclePages.self, ReportPages.self, AccessibilityPage.self,
    ] }

    /// Marks a folder as made by molensloot, so a later build may replace it.
    static let marker = ".molensloot-site"

    public static func build(_ file: RoadmapFile, to target: String, language: Language, force: Bool = false,
                             today: ISODate = .today()) throws -> SiteBuildResult {
        let target = try checkedTarget(target)
        let data = try SiteData.load(from: file, today: today)
        let context = PageContext(data: data, language: language)
        let parent = parentFolder(of: target)
        let name = String(target.split(separator: "/").last ?? "site")
        let building = "\(parent)/.\(name).building-\(getpid())"
        removeKilledBuilds(in: parent, name: name)
        try FileOps.removeTree(building)
        try FileOps.makeFolder(building)
        var pages = 0
        var bytes = 0
        do {
            try FileOps.makeFolder(building + "/assets")
            for (asset, content) in Assets.files(theme: data.theme) {
                try FileOps.write(building + "/assets/" + asset, content)
                bytes += content.count
            }
            try FileOps.write(building + "/" + marker, Array("Made by molensloot; a new build replaces this folder.\n".utf8))
            let folder = try OpenFolder(building)
            defer { folder.close() }
            let previous = previousSite(target)
            defer { previous?.close() }
            let earlier = previous.flatMap { EarlierFolder($0, like: marker, in: folder) }
            let written = try writeFamilies(context, into: folder, keepingSameFrom: earlier)
            pages = written.pages
            bytes += written.bytes
        } catch {
            try? FileOps.removeTree(building)
            throw error
        }
        let movedAside = try swap(building, into: target, force: force)
        return SiteBuildResult(path: target, pages: pages, bytes: bytes, movedAside: movedAside)
    }

    /// Renders and writes every family's pages, the families side by side on all cores: each
    /// writes its own files, and only the counts and the first error are shared.
    private static func writeFamilies(_ context: PageContext, into folder: OpenFolder,
                                      keepingSameFrom earlier: EarlierFolder?) throws -> (pages: Int, bytes: Int) {
        let families = self.families
        let frames = Layout.frames(context)
        let outcome = Mutex<(pages: Int, bytes: Int, error: (any Error)?)>((0, 0, nil))
        DispatchQueue.concurrentPerform(iterations: families.count) { index in
            var pages = 0
            var bytes = 0
            // One buffer for all of a family's pages: it grows to the largest once.
            var html: [UInt8] = []
            html.reserveCapacity(65_536)
            var scratch: [UInt8] = []
            do {
                try families[index].pages(context) { page in
                    html.removeAll(keepingCapacity: true)
                    Layout.document(page, in: frames[page.section.rawValue], into: &html)
                    try folder.write(page.file, html, keepingSameFrom: earlier, scratch: &scratch)
                    pages += 1
                    bytes += html.count
                }
            } catch {
                outcome.withLock { if $0.error == nil { $0.error = error } }
            }
            outcome.withLock {
                $0.pages += pages
                $0.bytes += bytes
            }
        }
        let result = outcome.withLock { $0 }
        if let error = result.error { throw error }
        return (result.pages, result.bytes)
    }

    /// The site a build replaces, opened to link its unchanged pages from: only a real folder
    /// (not a link to one) that molensloot made.
    private static func previousSite(_ target: String) -> OpenFolder? {
        guard FileOps.exists(target + "/" + marker), let folder = try? OpenFolder(target) else { return nil }
        return folder
    }

    /// Refuses folders whose contents must never be replaced by a site.
    static func checkedTarget(_ path: String) throws -> String {
        let absolute = FileOps.absolute(path)
        if absolute == "/" { throw SiteError.refusedFolder(absolute, Message("het is de hoofdmap van het bestandssysteem", "it is the root of the file system")) }
        if let reason = OutputFolder.refusal(absolute) { throw SiteError.refusedFolder(absolute, reason) }
        if let home = getenv("HOME").map({ String(cString: $0) }), FileOps.absolute(home) == absolute {
            throw SiteError.refusedFolder(absolute, Message("het is uw thuismap", "it is your home folder"))
        }
        if FileOps.exists(absolute + "/.git") || FileOps.exists(absolute + "/Package.swift") {
            throw SiteError.refusedFolder(absolute, Message("er staat een repository in", "it holds a repository"))
        }
        // `--force` moves a folder aside whole: never one that holds the home folder or the
        // folder the command runs in, such as /home or /tmp.
        if let home = getenv("HOME").map({ String(cString: $0) }), FileOps.absolute(home).hasPrefix(absolute + "/") {
            throw SiteError.refusedFolder(absolute, Message("uw thuismap staat erin", "it holds your home folder"))
        }
        if FileOps.absolute(".").hasPrefix(absolute + "/") {
            throw SiteError.refusedFolder(absolute, Message("de map waarin u werkt staat erin", "it holds the folder you are working in"))
        }
        return absolute
    }

    static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// A build that was killed leaves its folder (and perhaps the site it replaced) beside the
    /// target. Each build removes those of processes that no longer run, so they do not pile up;
    /// only folders named the way this builder names them are touched.
    static func removeKilledBuilds(in parent: String, name: String) {
        let prefix = ".\(name).building-"
        guard let entries = try? FileOps.entries(parent) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            var process = entry.dropFirst(prefix.count)
            if process.hasSuffix(".old") { process = process.dropLast(4) }
            guard let id = Int32(process), id > 0, id != getpid() else { continue }
            // A process that still runs may be building this very site.
            if kill(id, 0) == 0 || errno == EPERM { continue }
            try? FileOps.removeTree(parent + "/" + entry, threads: FileOps.removalThreads(for: parent))
        }
    }

    /// `renameat2(2)` with `RENAME_EXCHANGE` swaps two folders in one step (Linux 3.15 and later).
    /// Glibc declares it only for `_GNU_SOURCE`, so it is looked up when the program runs.
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */) == 0
        #else
        return false
        #endif
    }

    /// Puts the new site in place. An earlier site is removed only after the new one is in place;
    /// a folder that is not a site is never removed: with `force` it is moved aside.
    private static func swap(_ building: String, into target: String, force: Bool) throws -> String? {
        var movedAside: String?
        var old: String?
        if FileOps.exists(target) {
            let isSite = FileOps.exists(target + "/" + marker)
            let isEmpty = FileOps.isEmptyFolder(target)
            if !isSite && !isEmpty && !force {
                try? FileOps.removeTree(building)
                throw SiteError.notASite(target)
            }
            // One step where the system allows it: there is never a moment without a site.
            if (isSite || isEmpty) && FileOps.isFolder(target) && exchange(building, target) {
                try FileOps.removeTree(building, threads: FileOps.removalThreads(for: building))
                return nil
            }
            let aside = isSite || isEmpty ? "\(building).old" : "\(target).voor-molensloot-\(getpid())"
            guard rename(target, aside) == 0 else {
                try? FileOps.removeTree(building)
                throw SiteError.io(target, String(cString: strerror(errno)))
            }
            if isSite || isEmpty { old = aside } else { movedAside = aside }
        }
        guard rename(building, target) == 0 else {
            let reason = String(cString: strerror(errno))
            if let back = old ?? movedAside { _ = rename(back, target) }
            try? FileOps.removeTree(building)
            throw SiteError.io(target, reason)
        }
        if let old { try FileOps.removeTree(old, threads: FileOps.removalThreads(for: old)) }
        return movedAside
    }
}
