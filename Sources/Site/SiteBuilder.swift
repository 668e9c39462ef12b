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
    case refusedFolder(String, String)
    case notASite(String)
    case io(String, String)

    public var description: String {
        switch self {
        case .refusedFolder(let path, let reason): return "will not build the site in \(path): \(reason); choose another folder with --out"
        case .notASite(let path):
            return "\(path) is not empty and was not made by molensloot; choose an empty folder, or pass --force to move it aside"
        case .io(let path, let reason): return "cannot write \(path): \(reason)"
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
        FindingPages.self, DashboardPage.self, StepPages.self, JourneyPages.self, OpportunityPages.self,
        RoadmapPages.self, ItemPages.self, MetricPages.self, CyclePages.self, AccessibilityPage.self,
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
            let written = try writeFamilies(context, into: building)
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
    private static func writeFamilies(_ context: PageContext, into folder: String) throws -> (pages: Int, bytes: Int) {
        let families = self.families
        let outcome = Mutex<(pages: Int, bytes: Int, error: (any Error)?)>((0, 0, nil))
        DispatchQueue.concurrentPerform(iterations: families.count) { index in
            var pages = 0
            var bytes = 0
            do {
                try families[index].pages(context) { page in
                    let html = Array(Layout.document(page, context).utf8)
                    try FileOps.write(folder + "/" + page.file, html)
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

    /// Refuses folders whose contents must never be replaced by a site.
    static func checkedTarget(_ path: String) throws -> String {
        let absolute = FileOps.absolute(path)
        if absolute == "/" { throw SiteError.refusedFolder(absolute, "it is the root of the file system") }
        if let home = getenv("HOME").map({ String(cString: $0) }), FileOps.absolute(home) == absolute {
            throw SiteError.refusedFolder(absolute, "it is your home folder")
        }
        if FileOps.exists(absolute + "/.git") || FileOps.exists(absolute + "/Package.swift") {
            throw SiteError.refusedFolder(absolute, "it holds a repository")
        }
        return absolute
    }

    static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
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
        if let old { try FileOps.removeTree(old) }
        return movedAside
    }
}
