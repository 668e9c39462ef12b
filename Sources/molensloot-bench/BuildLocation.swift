import Foundation

/// Where SwiftPM put this bench, and so where it puts the `molensloot` to measure.
///
/// The nested build must use the scratch folder the bench was built with: any other folder
/// would build a second copy, and the binary beside the bench could stay stale.
struct BuildLocation {
    let packageRoot: URL
    /// nil for the default `.build`, which needs no option.
    let scratchPath: URL?
    /// The folder of release products, where `molensloot` ends up.
    let releaseFolder: URL

    var molensloot: URL { releaseFolder.appendingPathComponent("molensloot") }

    /// `<scratch>/<triple>/<configuration>/molensloot-bench`, with symlinks resolved: the
    /// `.build/release` link would otherwise put the scratch folder one level too high.
    static func ofThisExecutable() -> BuildLocation {
        let executable = ownExecutable()
        let productsFolder = executable.deletingLastPathComponent()
        let scratch = productsFolder.deletingLastPathComponent().deletingLastPathComponent()
        let packageRoot = [scratch.deletingLastPathComponent(), URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
            .first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("Package.swift").path) }
        guard let packageRoot else {
            fatal("cannot find Package.swift next to \(scratch.path) or in the current folder; "
                  + "run `swift run -c release molensloot-bench` from the package root")
        }
        let isDefault = scratch.standardizedFileURL.path == packageRoot.appendingPathComponent(".build").standardizedFileURL.path
        // A debug bench still measures the release binary, which lives beside its folder.
        let releaseFolder = productsFolder.lastPathComponent == "release"
            ? productsFolder
            : productsFolder.deletingLastPathComponent().appendingPathComponent("release")
        return BuildLocation(packageRoot: packageRoot, scratchPath: isDefault ? nil : scratch, releaseFolder: releaseFolder)
    }

    static func ownExecutable() -> URL {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: target).resolvingSymlinksInPath()
        }
        let argument = CommandLine.arguments.first ?? "molensloot-bench"
        return URL(fileURLWithPath: argument).standardizedFileURL.resolvingSymlinksInPath()
    }

    var buildArguments: [String] {
        ["build", "-c", "release", "--product", "molensloot"] + (scratchPath.map { ["--scratch-path", $0.path] } ?? [])
    }

    /// Builds `molensloot` so the measurement never runs a binary older than the sources.
    /// The build's output goes to a log that is shown only when the build fails.
    func buildMolensloot(in workspace: Workspace) -> Double {
        let log = workspace.file("build.log")
        let result = runChild(URL(fileURLWithPath: "/usr/bin/env"), ["swift"] + buildArguments,
                              in: packageRoot, stdout: log, stderr: log)
        guard result.succeeded else {
            let tail = workspace.text(of: "build.log").split(separator: "\n").suffix(30).joined(separator: "\n")
            fatal("building molensloot failed (exit \(result.status)):\n\(tail)")
        }
        guard FileManager.default.isExecutableFile(atPath: molensloot.path) else {
            fatal("the build succeeded but \(molensloot.path) is not there")
        }
        return result.milliseconds
    }
}
